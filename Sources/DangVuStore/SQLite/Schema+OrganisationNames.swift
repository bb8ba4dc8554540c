import GRDB

extension Schema {
  /// Names over time (issue 21 part 3, docs/decisions/0028-the-tree-on-the-web.md). `organisation.name` stays
  /// the latest name, which every page and report reads; rows here exist only for units renamed at least once,
  /// so the demo's and the imports' bulk inserts of 300,000 units write nothing more.
  static func registerOrganisationNames(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v15-organisation-names") { db in
      try db.execute(
        sql: """
          CREATE TABLE organisation_name(
            organisation_id INTEGER NOT NULL REFERENCES organisation(id),
            name TEXT NOT NULL,
            valid_from INTEGER NOT NULL,
            valid_until INTEGER);
          CREATE INDEX organisation_name_unit ON organisation_name(organisation_id, valid_from);
          """)
    }
  }
}
