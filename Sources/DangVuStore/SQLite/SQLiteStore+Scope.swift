import DangVuCore
import GRDB

extension SQLiteStore {
  // Walks up from the unit (at most five levels) rather than down from the root, so the check costs
  // the same for a cell under the whole country as for a cell under its own committee.
  public func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool {
    try await writer.read { db in try Self.unitIsWithin(id: id, rootCode: rootCode, on: day, in: db) }
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
