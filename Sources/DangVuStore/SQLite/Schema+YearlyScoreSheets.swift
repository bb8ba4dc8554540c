import GRDB

extension Schema {
  /// The yearly grade under 366-QĐ/TW keeps its score sheet as a cycle by kind does (`cycle_grade`): the framework,
  /// the points per criterion group as JSON, and the two facts an excellent grade needs. Grades under the older
  /// regulations, and yearly grades scored before this, leave them empty.
  static func registerYearlyScoreSheets(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v18-yearly-score-sheets") { db in
      try db.execute(
        sql: """
          ALTER TABLE grade ADD COLUMN framework TEXT;
          ALTER TABLE grade ADD COLUMN criteria TEXT;
          ALTER TABLE grade ADD COLUMN all_tasks_on_time INTEGER;
          ALTER TABLE grade ADD COLUMN beyond_percent INTEGER;
          """)
    }
  }
}
