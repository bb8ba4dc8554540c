import DangVuCore

/// The units a file names, read from the store once, so rows can be checked against them
/// (and `MemberTimeline` can ask "is this a cell on that day?") without a query per row.
struct UnitDirectory: Sendable {
  let kinds: UnitKindTable
  private(set) var byCode: [String: Organisation] = [:]
  private var byID: [Int64: Organisation] = [:]

  /// Past this many codes, one read of every unit is cheaper than a read per code (a national members file
  /// names tens of thousands of cells).
  static let manyCodes = 500

  static func load(codes: Set<String>, from store: some PartyStore) async throws -> UnitDirectory {
    var directory = UnitDirectory(kinds: try await store.unitKinds())
    if codes.count > manyCodes {
      for unit in try await store.allOrganisations().units where codes.contains(unit.code) { directory.add(unit) }
      return directory
    }
    for code in codes {
      if let unit = try await store.organisation(code: code) { directory.add(unit) }
    }
    return directory
  }

  /// Adds the units with these ids (the cells of histories already recorded) that are not known yet.
  mutating func include(ids: some Sequence<Int64>, from store: some PartyStore) async throws {
    for id in ids where byID[id] == nil {
      if let unit = try await store.organisation(id: id) { add(unit) }
    }
  }

  private init(kinds: UnitKindTable) { self.kinds = kinds }

  mutating func add(_ unit: Organisation) {
    byCode[unit.code] = unit
    byID[unit.id] = unit
  }

  /// The units read, as a `CheckedMembers` records them: the store checks they are still as read.
  var checkedUnits: [Int64: Organisation?] { byID.mapValues { $0 } }

  func unit(code: String) -> Organisation? { byCode[code] }
  func unit(id: Int64) -> Organisation? { byID[id] }

  func check(cell id: Int64, on day: Day) -> CellCheck {
    guard let unit = byID[id] else { return .unknown }
    guard kinds.holdsMembers(unit.kind) else { return .notACell(unit.kind) }
    return unit.exists(on: day) ? .holdsMembers : .notExisting
  }

  /// Why `code` cannot take a member on `day`, or nil when it can.
  func cellProblem(_ code: String, on day: Day?) -> String? {
    guard let unit = byCode[code] else { return "không có tổ chức nào mã \"\(code)\" trong cơ sở dữ liệu." }
    guard kinds.holdsMembers(unit.kind) else {
      return "\(code) là \(kinds.nameVi(of: unit.kind)), không phải chi bộ; đảng viên chỉ sinh hoạt ở chi bộ."
    }
    if let day, !unit.exists(on: day) {
      return "chi bộ \(code) không tồn tại vào ngày \(day.vietnamese) (chưa thành lập hoặc đã giải thể)."
    }
    return nil
  }
}
