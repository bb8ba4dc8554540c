import DangVuCore
import Foundation

/// The kinds of file DangVu reads and writes; the formats are in docs/import-formats.md.
public enum ImportFileKind: String, CaseIterable, Sendable {
  case organisations, members, events, population, inspections, discipline, appeals, complaints

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
    }
  }

  /// Reads a file of this kind into the store, all rows or none; throws `ImportError` listing every
  /// bad row. Returns how many rows were written.
  public func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    switch self {
    case .organisations: try await OrganisationsFile.importing(bytes, into: store)
    case .members: try await MembersFile.importing(bytes, into: store)
    case .events: try await EventsFile.importing(bytes, into: store)
    case .population: try await PopulationFile.importing(bytes, into: store)
    case .inspections: try await InspectionsFile.importing(bytes, into: store)
    case .discipline: try await DisciplineFile.importing(bytes, into: store)
    case .appeals: try await AppealsFile.importing(bytes, into: store)
    case .complaints: try await ComplaintsFile.importing(bytes, into: store)
    }
  }
}
