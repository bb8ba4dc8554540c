import DangVuCore
import GRDB

extension SQLiteStore {
  // Walks up from the unit (at most five levels) rather than down from the root, so the check costs
  // the same for a cell under the whole country as for a cell under its own committee.
  public func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool {
    // On the calling thread: every page and API read checks its unit against the account's subtree, some several
    // times (SQLiteStore.readOnCallingThread).
    try readOnCallingThread { db in try Self.unitIsWithin(id: id, rootCode: rootCode, on: day, in: db) }
  }

  static func unitIsWithin(id: Int64, rootCode: String, on day: Day, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(
        sql: """
          WITH RECURSIVE up(id) AS (
            SELECT :id
            UNION
            SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
            WHERE p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day))
          SELECT 1 FROM up JOIN organisation o ON o.id = up.id WHERE o.code = :root LIMIT 1
          """), arguments: ["id": id, "day": day.daysSinceEpoch, "root": rootCode]) ?? false
  }
}

extension SQLiteStore {
  public func referencesOutside(_ references: ScopeReferences, within rootCode: String) async throws
    -> ScopeReferences
  {
    try await writer.read { db in
      // Many rows name the same few units; each is walked up once.
      var inside: [Int64: Bool] = [:]
      func isInside(_ unitID: Int64?) throws -> Bool {
        guard let unitID else { return false }
        if let known = inside[unitID] { return known }
        guard let unit = try Self.organisation(id: unitID, in: db) else { return false }
        // A unit that has ended answers by the tree of its last day.
        let day = unit.ended.map { min(Day.today, $0.adding(days: -1)) } ?? max(Day.today, unit.founded)
        let answer = try Self.unitIsWithin(id: unitID, rootCode: rootCode, on: day, in: db)
        inside[unitID] = answer
        return answer
      }
      var outside = ScopeReferences()
      for code in references.unitCodes where try !isInside(Self.organisation(code: code, in: db)?.id) {
        outside.unitCodes.insert(code)
      }
      // A member belongs to their current cell, or to the last one for a member who has left.
      let cell = try db.cachedStatement(
        sql: """
          SELECT COALESCE(m.current_cell_id,
            (SELECT s.cell_id FROM member_span s WHERE s.member_id = m.id ORDER BY s.valid_from DESC LIMIT 1))
          FROM member m WHERE m.party_card_number = ?
          """)
      for card in references.cardNumbers where try !isInside(Int64.fetchOne(cell, arguments: [card])) {
        outside.cardNumbers.insert(card)
      }
      let collective = try db.cachedStatement(sql: "SELECT organisation_id FROM leadership_collective WHERE id = ?")
      for id in references.collectiveIDs where try !isInside(Int64.fetchOne(collective, arguments: [id])) {
        outside.collectiveIDs.insert(id)
      }
      // Two decisions may share a number (in different years); every one of them must be inside.
      let decision = try db.cachedStatement(sql: "SELECT unit_id FROM discipline_decision WHERE number = ?")
      for number in references.decisionNumbers {
        let units = try Int64.fetchAll(decision, arguments: [number])
        if try units.isEmpty || !units.allSatisfy({ try isInside($0) }) { outside.decisionNumbers.insert(number) }
      }
      return outside
    }
  }
}
