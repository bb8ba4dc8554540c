import GRDB

extension Schema {
  /// Which unit took over a merged unit's records (docs/decisions/0040-successor-committees.md): one row per merged
  /// unit, written by the merge itself, read by the access check so that a successor committee's staff reach their
  /// predecessors' history (Kiên Giang's 2023 records for An Giang's new committee after 1/7/2025).
  static func registerSuccession(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v17-organisation-succession") { db in
      try db.execute(
        sql: """
          CREATE TABLE organisation_succession(
            predecessor_id INTEGER PRIMARY KEY REFERENCES organisation(id),
            successor_id INTEGER NOT NULL REFERENCES organisation(id),
            day INTEGER NOT NULL);
          CREATE INDEX organisation_succession_successor ON organisation_succession(successor_id);
          """)
    }
  }
}
