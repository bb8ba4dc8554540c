import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Reads a report's year, period and format from the query, the pages' Vietnamese names or the API's
/// English ones, and says in Vietnamese what was wrong with an example of what works.
enum ReportParameters {
  /// The names a request uses: `nam`, `ky`, `tu`, `den`, `to-chuc` on pages; `year`, `period`, `from`,
  /// `to`, `org` in the API. A term with `den` (`to`) alone is a mid-term review up to that day.
  struct Names: Sendable {
    var year: String
    var period: String
    var from: String
    var to: String
    var scope: String

    static let page = Names(year: "nam", period: "ky", from: "tu", to: "den", scope: "to-chuc")
    static let api = Names(year: "year", period: "period", from: "from", to: "to", scope: "org")
  }

  static func year(_ request: Request, names: Names) throws -> Int? {
    guard let typed = request.queryValue(names.year) else { return nil }
    let text = typed.trimmingCharacters(in: .whitespaces)
    // A page's form sends its empty fields ("the latest year"); a program that sends `year=` made a mistake.
    if text.isEmpty && !request.isAPI { return nil }
    guard text.count == 4, let year = Int(text), ReportPeriod.reportedYears.contains(year) else {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ",
        message: "Năm “\(text)” không hợp lệ: hãy ghi năm bằng bốn chữ số, ví dụ \(names.year)=2023.",
        code: "report.year")
    }
    return year
  }

  /// The period asked for (`ky`, or both `tu` and `den`), nil when none is.
  static func period(_ request: Request, names: Names) throws -> ReportPeriod? {
    let named = request.queryValue(names.period).flatMap { $0.isEmpty ? nil : $0 }
    let from = request.queryValue(names.from).flatMap { $0.isEmpty ? nil : $0 }
    let to = request.queryValue(names.to).flatMap { $0.isEmpty ? nil : $0 }
    // A term with only its last day is a mid-term review (sơ kết giữa nhiệm kỳ): ky=2020-2025&den=2023-06-30.
    if let named, from == nil, let to {
      guard let until = Day(parsing: to) else {
        throw PageError(
          status: .badRequest, title: "Ngày không hợp lệ",
          message: "Không đọc được ngày “\(to)”: hãy ghi 30/06/2023 hoặc 2023-06-30.", code: "report.period")
      }
      return try rethrowing(names) { try ReportPeriod(parsing: named).untilDay(until) }
    }
    if from != nil || to != nil {
      guard let from, let to else {
        throw PageError(
          status: .badRequest, title: "Thiếu ngày",
          message: "Hãy ghi cả ngày bắt đầu và ngày kết thúc, ví dụ \(names.from)=2023-01-01&\(names.to)=2023-06-30.",
          code: "report.period")
      }
      guard let start = Day(parsing: from), let end = Day(parsing: to) else {
        throw PageError(
          status: .badRequest, title: "Ngày không hợp lệ",
          message:
            "Không đọc được ngày “\(Day(parsing: from) == nil ? from : to)”: hãy ghi 31/12/2023 hoặc 2023-12-31.",
          code: "report.period")
      }
      return try rethrowing(names) { try ReportPeriod.range(from: start, through: end) }
    }
    guard let named else { return nil }
    return try rethrowing(names) { try ReportPeriod(parsing: named) }
  }

  static func format(_ request: Request) throws -> ReportFormat? {
    guard let text = request.queryValue("dinh-dang"), !text.isEmpty else { return nil }
    guard let format = ReportFormat(rawValue: text.lowercased()) else {
      throw PageError(
        status: .badRequest, title: "Định dạng không hợp lệ",
        message: "Không có định dạng “\(text)”: hãy chọn dinh-dang=csv, xlsx, json, txt hoặc docx.",
        code: "report.format")
    }
    return format
  }

  /// What the Word document's clerk decides, from the query (`so`, `ngay-ky`, `chuc-vu-ky`, `nguoi-ky`); each left
  /// out stays a blank to fill in Word.
  static func documentOptions(_ request: Request, today: Day) throws -> PartyReportOptions {
    let typed = request.queryValue("ngay-ky").flatMap { $0.isEmpty ? nil : $0 }
    var date: Day?
    if let typed {
      guard let day = Day(parsing: typed), Day.recordedYears.contains(day.year) else {
        throw PageError(
          status: .badRequest, title: "Ngày ký không hợp lệ",
          message: "Ngày ký “\(typed)” không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).", code: "document.date")
      }
      date = day
    }
    do {
      return try PartyReportOptions(
        number: request.queryValue("so"), date: date, year: today.year,
        signerPost: request.queryValue("chuc-vu-ky"), signerName: request.queryValue("nguoi-ky"))
    } catch {
      throw PageError(
        status: .badRequest, title: "Thông tin văn bản không hợp lệ", message: error.message, code: error.code)
    }
  }

  /// How a CSV download is laid out: for Excel unless asked otherwise, with a byte-order mark (`bom=0` leaves
  /// it out) and commas (`phan-cach=;` for semicolons).
  static func csvDialect(_ request: Request) throws -> CSVText.Dialect {
    var dialect = CSVText.Dialect.excel
    switch request.queryValue("bom") {
    case nil, "", "1": break
    case "0": dialect.byteOrderMark = false
    case let other?:
      throw PageError(
        status: .badRequest, title: "Tham số không hợp lệ",
        message: "bom=“\(other)” không hợp lệ: bom=1 (mặc định, để Excel đọc đúng tiếng Việt) hoặc bom=0.",
        code: "report.csv")
    }
    switch request.queryValue("phan-cach") {
    case nil, "", ",": break
    case ";": dialect.separator = ";"
    case let other?:
      throw PageError(
        status: .badRequest, title: "Tham số không hợp lệ",
        message: "phan-cach=“\(other)” không hợp lệ: dấu phẩy (mặc định) hoặc phan-cach=%3B (dấu chấm phẩy).",
        code: "report.csv")
    }
    return dialect
  }

  /// The text `ReportPeriod(parsing:)` reads back, for the periods that have one.
  static func periodText(_ period: ReportPeriod) -> String? {
    let year = period.from.year
    switch period.kind {
    case .quarter: return "\(year)-Q\((period.from.components.month - 1) / 3 + 1)"
    case .halfYear: return "\(year)-H1"
    case .nineMonths: return "\(year)-9M"
    case .year: return "\(year)"
    case .term: return "\(year)-\(period.through.year + 1)"
    case .midTerm, .range: return nil
    }
  }

  /// The core's refusal, as a 400 that also shows a period that works.
  private static func rethrowing(_ names: Names, _ parse: () throws -> ReportPeriod) throws -> ReportPeriod {
    do {
      return try parse()
    } catch let error as DomainError {
      throw PageError(
        status: .badRequest, title: "Kỳ báo cáo không hợp lệ",
        message: error.message + " Ví dụ: \(names.period)=2023-Q1, \(names.period)=2022-9M hoặc \(names.period)=2023.",
        code: error.code)
    }
  }
}
