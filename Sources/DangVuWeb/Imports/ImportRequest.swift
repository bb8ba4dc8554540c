import DangVuCore
import DangVuStore
import Foundation

/// What the import page and the API share: one check, one write, one rule for the year, one refusal of a
/// confirmation that names no checked file.
enum ImportRequest {
  /// A check of `file` inside the principal's subtree; writes nothing.
  static func check(
    _ file: (name: String, bytes: [UInt8]), kind: ImportFileKind, sheet: String?, year: Int?, principal: Principal,
    on today: Day, store: any PartyStore
  ) async throws -> ImportOutcome {
    try await kind.run(
      file: file.bytes, asWorkbook: workbook(file),
      ImportRun(writes: false, scope: .init(code: principal.scopeCode, on: today), year: year, sheet: sheet),
      into: store)
  }

  /// The write of a checked file, inside the principal's subtree, audited as one entry.
  static func write(
    _ bytes: [UInt8], _ upload: CheckedUploads.Upload, principal: Principal, on today: Day,
    progress: @escaping @Sendable (WorkProgress) -> Void = { _ in }, store: any PartyStore
  ) async throws -> ImportOutcome {
    try await upload.kind.run(
      file: bytes, asWorkbook: workbook((upload.fileName, bytes)),
      ImportRun(
        writes: true, scope: .init(code: principal.scopeCode, on: today), year: upload.year, sheet: upload.sheet,
        audit: (AuditActor(principal), upload.fileName), progress: progress), into: store)
  }

  /// A workbook by its content, or by its .xlsx name (a damaged one is then refused as a workbook, not as CSV).
  static func workbook(_ file: (name: String, bytes: [UInt8])) -> Bool? {
    file.name.lowercased().hasSuffix(".xlsx") ? true : nil
  }

  /// The year of a grades file: required there, ignored elsewhere; a problem is noted under `nam`.
  static func year(_ text: String, kind: ImportFileKind?, problems: inout [String: String]) -> Int? {
    let text = text.trimmingCharacters(in: .whitespaces)
    guard kind == .grades else { return nil }
    guard let year = Int(text), ReportPeriod.reportedYears.contains(year) else {
      problems["nam"] =
        text.isEmpty
        ? "Tệp xếp loại cần năm của đợt đánh giá."
        : "“\(text)” không phải năm (\(ReportPeriod.reportedYears.lowerBound)–\(ReportPeriod.reportedYears.upperBound))."
      return nil
    }
    return year
  }

  static let notChecked = PageError(
    status: .conflict, title: "Tệp chưa được kiểm tra",
    message:
      "Không có tệp nào đã kiểm tra khớp với xác nhận này (tệp đã thay đổi, đã được nhập, hoặc đã kiểm tra quá một giờ "
      + "trước). Hãy tải tệp lên và kiểm tra lại.", code: "import.notChecked")
}
