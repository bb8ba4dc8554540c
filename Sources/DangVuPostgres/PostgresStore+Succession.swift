import DangVuCore
import DangVuStore
import PostgresNIO

/// The units a unit took over by merger (`TreeSuccession`), as SQLite reads them (`SQLiteStore+Scope.swift`).
extension PostgresStore: TreeSuccession {
  public func predecessors(ofCode code: String) async throws -> [Succession] {
    try await read { transaction in
      let rows = try await transaction.rows(
        """
        WITH RECURSIVE lineage(id, code) AS (
          SELECT id, code FROM organisation WHERE code = \(code)
          UNION
          SELECT s.predecessor_id, o.code FROM organisation_succession s JOIN lineage l ON s.successor_id = l.id
          JOIN organisation o ON o.id = s.predecessor_id)
        SELECT s.predecessor_id, l.code, s.day FROM organisation_succession s
        JOIN lineage l ON l.id = s.successor_id
        ORDER BY s.day DESC, s.predecessor_id
        """,
        columns: [
          "organisation_succession.predecessor_id", "organisation.code", "organisation_succession.day",
        ])
      var successions: [Succession] = []
      for row in rows {
        let id = try row.value(0, as: Int64.self)
        guard let unit = try await Self.organisation(id: id, in: transaction) else {
          throw StoredValue.unknown(id, column: "organisation_succession.predecessor_id")
        }
        successions.append(Succession(predecessor: unit, successorCode: try row.value(1), day: try row.day(2)))
      }
      return successions
    }
  }
}
