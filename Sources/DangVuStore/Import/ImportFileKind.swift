import DangVuCore
import Foundation

/// The kinds of file DangVu reads and writes; the formats are in docs/import-formats.md.
public enum ImportFileKind: String, CaseIterable, Sendable, Codable {
  case organisations, members, events, population, inspections, discipline, appeals, complaints, grades, posts,
    collectives

  /// What the file holds, as a page's list and a template's sheet name it.
  public var nameVi: String {
    switch self {
    case .organisations: "Tổ chức đảng"
    case .members: "Đảng viên"
    case .events: "Sự kiện"
    case .population: "Dân số"
    case .inspections: "Kiểm tra, giám sát"
    case .discipline: "Kỷ luật"
    case .appeals: "Khiếu nại kỷ luật"
    case .complaints: "Khiếu nại, tố cáo"
    case .grades: "Xếp loại"
    case .posts: "Chức vụ"
    case .collectives: "Tập thể lãnh đạo"
    }
  }

  /// What one row of the file is, for "Đã nhập 1.234 đảng viên".
  public var rowNounVi: String {
    switch self {
    case .organisations: "tổ chức đảng"
    case .members: "đảng viên"
    case .events: "sự kiện"
    case .population: "số liệu dân số"
    case .inspections: "lượt kiểm tra, giám sát"
    case .discipline: "quyết định kỷ luật"
    case .appeals: "khiếu nại kỷ luật"
    case .complaints: "đơn khiếu nại, tố cáo"
    case .grades: "kết quả xếp loại"
    case .posts: "chức vụ"
    case .collectives: "dòng tập thể lãnh đạo"
    }
  }

  /// Reads a CSV file of this kind into the store, all rows or none; throws `ImportError` listing every
  /// bad row. Returns how many rows were written.
  public func importing(_ bytes: [UInt8], year: Int? = nil, into store: some PartyStore) async throws -> Int {
    try await run(file: bytes, asWorkbook: false, ImportRun(writes: true, year: year), into: store).rowsWritten()
  }

  /// Reads one sheet of a workbook (the first, or `sheet`) the same way; the issues name the sheet and cell.
  public func importing(workbook bytes: [UInt8], sheet: String? = nil, year: Int? = nil, into store: some PartyStore)
    async throws -> Int
  {
    try await run(file: bytes, asWorkbook: true, ImportRun(writes: true, year: year, sheet: sheet), into: store)
      .rowsWritten()
  }

  /// A CSV file or a workbook, told apart by content.
  public func importing(file bytes: [UInt8], sheet: String? = nil, into store: some PartyStore) async throws -> Int {
    try await run(file: bytes, ImportRun(writes: true, sheet: sheet), into: store).rowsWritten()
  }
}

extension ImportOutcome {
  /// The rows written, or the issues thrown as the refusal they are.
  func rowsWritten() throws -> Int {
    guard isAccepted else { throw ImportError(issues) }
    return rows
  }
}
