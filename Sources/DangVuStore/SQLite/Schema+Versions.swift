import GRDB

extension Schema {
  /// Versions for stale-edit protection (issue 6, docs/decisions/0011-edit-versions.md).
  static func registerEditVersions(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v11-edit-versions") { db in
      try db.execute(
        sql: """
          -- Adding a column with a constant default rewrites nothing: 5.5 million members keep their pages.
          ALTER TABLE member ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
          -- One version for the grades counted in a unit in a year (a cell's members' grades): the grading page
          -- saves a cell at once. No row means version 1.
          CREATE TABLE grade_version(
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (unit_id, year)) WITHOUT ROWID;
          """)
    }
  }
}
