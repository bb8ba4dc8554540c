import DangVuCore
import GRDB

extension SQLiteStore {
  // Walks up from the unit (at most five levels) rather than down from the root, so the check costs
  // the same for a cell under the whole country as for a cell under its own committee.
  public func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool {
    // On the calling thread: every page and API read checks its unit against the account's subtree, some several
    // times (SQLiteStore.readOnCallingThread).
    try readOneQueryOnCallingThread { db in try Self.unitIsReachable(id: id, rootCode: rootCode, on: day, in: db) }
  }

  /// Whether unit `id` is `rootCode` or below it on `day` by the tree alone: what a target binds or a post
  /// counts, where a predecessor's units are not the successor's.
  static func unitIsWithin(id: Int64, rootCode: String, on day: Day, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(
        sql: upFromUnit + """

          SELECT 1 FROM up JOIN organisation o ON o.id = up.id WHERE o.code = :root LIMIT 1
          """), arguments: ["id": id, "day": day.daysSinceEpoch, "root": rootCode]) ?? false
  }

  /// The units above `:id` on `:day`, the unit itself first: the walk both checks start with.
  private static let upFromUnit = """
    WITH RECURSIVE up(id) AS (
      SELECT :id
      UNION
      SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
      WHERE p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day))
    """

  /// The access check: unit `id` is within `rootCode` on `day`, or within a unit `rootCode` took over by merger
  /// (and so on back), by the tree of that day. A successor committee's staff reach its predecessors' history
  /// (decision 0040); the succession table is a few rows, so this costs the tree walk as before: 15 µs a check on
  /// the national demo against 13 µs for the tree alone. (Joining `up` to `lineage` made SQLite build an automatic
  /// index on every call: 180–200 µs, measured in the member page's server CPU before it was written as `IN`.)
  static func unitIsReachable(id: Int64, rootCode: String, on day: Day, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(
        sql: upFromUnit + """
          ,
          lineage(id) AS (
            SELECT id FROM organisation WHERE code = :root
            UNION
            SELECT s.predecessor_id FROM organisation_succession s JOIN lineage l ON s.successor_id = l.id)
          SELECT 1 FROM up WHERE up.id IN (SELECT id FROM lineage) LIMIT 1
          """), arguments: ["id": id, "day": day.daysSinceEpoch, "root": rootCode]) ?? false
  }

  public func predecessors(ofCode code: String) async throws -> [Succession] {
    try readOnCallingThread { db in
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            WITH RECURSIVE lineage(id, code) AS (
              SELECT id, code FROM organisation WHERE code = :code
              UNION
              SELECT s.predecessor_id, o.code FROM organisation_succession s JOIN lineage l ON s.successor_id = l.id
              JOIN organisation o ON o.id = s.predecessor_id)
            SELECT s.predecessor_id, l.code, s.day FROM organisation_succession s
            JOIN lineage l ON l.id = s.successor_id
            ORDER BY s.day DESC, s.predecessor_id
            """), arguments: ["code": code]
      ).map { row in
        guard let unit = try Self.organisation(id: row[0], in: db) else {
          throw StoredValue.unknown(row[0] as Int64, column: "organisation_succession.predecessor_id")
        }
        return Succession(predecessor: unit, successorCode: row[1], day: Day(daysSinceEpoch: row[2]))
      }
    }
  }
}

extension SQLiteStore {
  public func referencesOutside(_ references: ScopeReferences, within rootCode: String, on today: Day) async throws
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
        let day = unit.ended.map { min(today, $0.adding(days: -1)) } ?? max(today, unit.founded)
        let answer = try Self.unitIsReachable(id: unitID, rootCode: rootCode, on: day, in: db)
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
