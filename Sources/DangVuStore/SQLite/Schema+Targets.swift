import GRDB

extension Schema {
  /// Issue 25 part 4: targets are records with their unit, years and resolution, not constants
  /// (docs/decisions/0025-targets-are-records.md).
  static func registerReportTargets(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v14-report-targets") { db in
      try db.execute(
        sql: """
          -- organisation_id NULL: a central resolution binding every unit.
          CREATE TABLE report_target(
            id INTEGER PRIMARY KEY,
            measure TEXT NOT NULL,
            organisation_id INTEGER REFERENCES organisation(id),
            from_year INTEGER NOT NULL,
            until_year INTEGER NOT NULL,
            low INTEGER NOT NULL,
            high INTEGER,
            source TEXT NOT NULL);
          """)
    }
  }
}
