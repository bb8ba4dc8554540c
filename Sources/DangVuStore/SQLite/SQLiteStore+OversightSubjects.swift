import DangVuCore
import GRDB

/// Where an oversight record is counted: a member in the cell they were in on the record's date, a unit in
/// itself. Resolved once, on write, so reports filter on `unit_id` and never rebuild the register.
struct ResolvedSubject {
  var isMember: Bool
  var id: Int64
  var unitID: Int64
  var name: String
  /// For members: probationary on the day.
  var probationary = false
}

extension SQLiteStore {
  static func resolve(_ subject: OversightSubject, on day: Day, in db: Database) throws -> ResolvedSubject {
    switch subject {
    case .member(let id):
      guard
        let name = try db.cachedValue(String.self, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [id])
      else { throw MemberRules.unknownMember(id) }
      guard
        let span = try db.cachedRow(
          sql: """
            SELECT cell_id, standing FROM member_span
            WHERE member_id = :id AND valid_from <= :day AND (valid_until IS NULL OR valid_until > :day)
            """, arguments: ["id": id, "day": day.daysSinceEpoch])
      else { throw OversightRules.memberNotInRegister(name, on: day) }
      return ResolvedSubject(
        isMember: true, id: id, unitID: span[0], name: name,
        probationary: (span[1] as String) == Standing.probationary.rawValue)
    case .unit(let code):
      let unit = try requireOrganisation(code: code, in: db)
      try OversightRules.checkExists(unit, on: day)
      return ResolvedSubject(isMember: false, id: unit.id, unitID: unit.id, name: unit.name)
    }
  }

  /// The subject back from the stored pair: a member id, or a unit's code.
  static func subject(isMember: Bool, id: Int64, in db: Database) throws -> OversightSubject {
    if isMember { return .member(id) }
    return .unit(code: try organisation(id: id, in: db)?.code ?? String(id))
  }
}
