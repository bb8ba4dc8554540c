import DangVuCore
import DangVuStore
import PostgresNIO

extension PostgresStore: ScopeChecking {
  /// SQLite's `referencesOutside` on this engine (an import's subtree check, decision 0041): each unit is walked up
  /// once by the tree of the request's day, or of its last day for a unit that has ended.
  public func referencesOutside(_ references: ScopeReferences, within rootCode: String, on today: Day) async throws
    -> ScopeReferences
  {
    try await read { transaction in
      var inside: [Int64: Bool] = [:]
      func isInside(_ unitID: Int64?) async throws -> Bool {
        guard let unitID else { return false }
        if let known = inside[unitID] { return known }
        guard let unit = try await Self.organisation(id: unitID, in: transaction) else { return false }
        let day = unit.ended.map { min(today, $0.adding(days: -1)) } ?? max(today, unit.founded)
        let answer = try await Self.exists(Self.reachable(id: unitID, rootCode: rootCode, on: day), in: transaction)
        inside[unitID] = answer
        return answer
      }
      func units(_ query: PostgresQuery) async throws -> [Int64] {
        try await transaction.rows(query, columns: ["organisation.id"]).compactMap { try $0.value(0) }
      }
      var outside = ScopeReferences()
      for code in references.unitCodes
      where try await !isInside(Self.organisation(code: code, in: transaction)?.id) {
        outside.unitCodes.insert(code)
      }
      // A member belongs to their current cell, or to the last one for a member who has left.
      for card in references.cardNumbers {
        let cell = try await units(
          """
          SELECT COALESCE(m.current_cell_id,
            (SELECT s.cell_id FROM member_span s WHERE s.member_id = m.id ORDER BY s.valid_from DESC LIMIT 1))
          FROM member m WHERE m.party_card_number = \(card)
          """
        ).first
        if try await !isInside(cell) { outside.cardNumbers.insert(card) }
      }
      for id in references.collectiveIDs {
        let unit = try await units("SELECT organisation_id FROM leadership_collective WHERE id = \(id)").first
        if try await !isInside(unit) { outside.collectiveIDs.insert(id) }
      }
      // Two decisions may share a number (in different years); every one of them must be inside.
      for number in references.decisionNumbers {
        let found = try await units("SELECT unit_id FROM discipline_decision WHERE number = \(number)")
        var all = !found.isEmpty
        for unit in found where all { all = try await isInside(unit) }
        if !all { outside.decisionNumbers.insert(number) }
      }
      return outside
    }
  }
}
