import DangVuCore
import GRDB

/// The 20% excellent cap of each grassroots organisation, kept on write (`excellent_cap`), so a report lists
/// the units over it by an index instead of reading the rollups of every grassroots unit (150 ms nationally).
/// `over` follows the standard policy; a tuned policy needs `refresh` over all units.
enum ExcellentCap {
  /// Recomputes the row of each grassroots unit among `units` from its rollups.
  static func refresh(units: Set<Int64>, year: Int, in db: Database) throws {
    for unit in units {
      guard
        let kind = try db.cachedValue(
          String.self, sql: "SELECT kind FROM organisation WHERE id = ?", arguments: [unit]),
        ExcellentCapRule.grassrootsKinds.contains(kind)
      else { continue }
      func count(_ outcome: String) throws -> Int {
        try db.cachedValue(
          Int.self,
          sql: """
            SELECT count FROM grade_rollup WHERE year = ? AND unit_id = ? AND subject_key = 'member' AND outcome = ?
            """, arguments: [year, unit, outcome]) ?? 0
      }
      let excellent = try count("excellent")
      let goodOrAbove = excellent + (try count("good"))
      let over = ExcellentCapRule.over(excellent: excellent, goodOrAbove: goodOrAbove)
      try db.cachedStatement(
        sql: """
          INSERT INTO excellent_cap(year, unit_id, excellent, good_or_above, over) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (year, unit_id) DO UPDATE SET
            excellent = excluded.excellent, good_or_above = excluded.good_or_above, over = excluded.over
          """
      ).execute(arguments: [year, unit, excellent, goodOrAbove, over])
    }
  }
}
