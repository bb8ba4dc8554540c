import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case json, csv, text, docx, xlsx
}

struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Compute a published report from the records, for any subtree and period.",
    subcommands: [Evaluation.self, Membership.self, Oversight.self])

  struct Evaluation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The annual quality evaluation and grading report (đánh giá, xếp loại chất lượng).",
      discussion: "Counts, shares (rounded half up, 2 decimals), changes against the year before, the 90% target.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The evaluation year (the yearly cycle).") var year: Int?
    @OptionGroup var kind: CycleOptions
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let scope: String?
        let report: EvaluationReport
        let day: Day
        if let cycle = try kind.cycle() {
          // A cycle's report is of one subtree: the cycle is found from it (the province of the cycle's last day
          // when left out).
          day = cycle.period.through
          scope = try await output.scope(in: db, on: day)
          let code: String
          if let scope { code = scope } else { code = try await db.rootCode(on: day) }
          report = try await db.evaluationReport(cycle, scope: code)
        } else {
          guard let year else {
            throw DomainError("evaluation.yearMissing", "Hãy ghi --year, hoặc --kind và --period cho đợt khác năm.")
          }
          day = Day.lastDay(ofYear: year)
          scope = try await output.scope(in: db, on: day)
          report = try await db.evaluationReport(year: year, scope: scope)
        }
        try await output.write(
          report, sheet: "Đánh giá, xếp loại", csv: EvaluationReportCSV.rows, text: EvaluationNarrative.text,
          document: .init(store: db, scope: scope, day: day, build: PartyReportDocument.evaluation))
      } catch { throw fail(error) }
    }
  }

  struct Membership: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The membership report: admissions against plan, members and their share of the population, "
        + "removals, transfers and the structure of the membership, against the same period a year earlier.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let period = try period.resolve()
        let scope = try await output.scope(in: db, on: period.through)
        let report = try await db.membershipReport(scope: scope, period: period)
        try await output.write(
          report, sheet: "Đảng viên", csv: MembershipReportCSV.rows, text: MembershipNarrative.text,
          document: .init(store: db, scope: scope, day: period.through, build: PartyReportDocument.membership))
      } catch { throw fail(error) }
    }
  }
}

/// What every report takes besides its period: the subtree and the output format.
struct ReportOutputOptions: ParsableArguments {
  @Option(
    help: "The unit whose subtree the report covers (its code); the province (or every province) when left out.")
  var org: String?
  @Option(
    help:
      "json, csv, text (the narrative), docx (a Party report in Word) or xlsx (the table); docx, xlsx need --output."
  )
  var format: ReportFormat = .text
  @Option(help: "Write to this file instead of standard output (required for docx).") var output: String?
  @OptionGroup var document: ReportDocumentOptions
  @Flag(help: "CSV for Excel: begin with a UTF-8 byte-order mark (plain UTF-8 without it, for scripts).")
  var bom = false
  @Option(help: "CSV field separator: , (default) or ; (for an Excel that uses the comma for decimals).")
  var separator: CSVSeparator = .comma

  var dialect: CSVText.Dialect { CSVText.Dialect(separator: separator.rawValue, byteOrderMark: bom) }

  /// The named unit, or the province (every province) of the report's last day: a 2023 report of a demo that
  /// lives on past the 2025 reorganisation covers Kiên Giang, not the An Giang founded after it.
  func scope(in db: some PartyStore, on day: Day) async throws -> String? {
    if let org { return org }
    return try await db.defaultScope(on: day)
  }
}

enum CSVSeparator: String, ExpressibleByArgument, CaseIterable {
  case comma = ","
  case semicolon = ";"
}

extension ReportOutputOptions {
  /// Prints a report in the chosen format: JSON as the API gives it, CSV rows, the drafted narrative, or the
  /// Word document; to standard output, or to the file of `--output`.
  func write<Report: Encodable>(
    _ report: Report, sheet: String, csv: (Report) -> [[String]], text: (Report) -> String,
    document: ReportDocumentSource<Report>
  ) async throws {
    let bytes: Data
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      bytes = try encoder.encode(report) + Data("\n".utf8)
    case .csv: bytes = Data(try CSVText.render(csv(report), dialect: dialect).utf8)
    case .text: bytes = Data(text(report).utf8)
    case .xlsx:
      // A workbook is binary: only to a file.
      guard output != nil else {
        throw DomainError("report.output", "Định dạng xlsx cần --output TỆP, ví dụ --output bao-cao.xlsx.")
      }
      bytes = Data(try ReportWorkbook.bytes(name: sheet, rows: csv(report)))
    case .docx:
      // A zip on a terminal is noise, and a pipe is rarely what is meant: ask for the file.
      guard output != nil else {
        throw DomainError("report.output", "Định dạng docx cần --output TỆP, ví dụ --output bao-cao.docx.")
      }
      bytes = try WordPackage.data(try await document.document(report, options: self.document.options()))
    }
    guard let output else { return FileHandleOutput.standardOutput.handle.write(bytes) }
    try WholeFile.write(bytes, to: output)
  }
}

extension PartyStore {
  /// What a report covers when no unit is named: the province, or every province of a national database, on `day`.
  func defaultScope(on day: Day = Day.today) async throws -> String? {
    let roots = try await roots(on: day)
    return roots.count == 1 ? roots[0].code : nil
  }

  /// The code of the tree's root on `day` (today unless said), the default scope of commands.
  func rootCode(on day: Day = Day.today) async throws -> String {
    guard let root = try await roots(on: day).first else {
      throw DomainError(
        "store.empty", "Cơ sở dữ liệu chưa có tổ chức nào; hãy chạy `dangvu demo` hoặc `dangvu import organisations`.")
    }
    return root.code
  }
}
