import GRDB

extension Schema {
  /// Cycles by term, quarter or ad hoc under 366-QĐ/TW (docs/decisions/0035-cycles-and-frameworks-under-366.md).
  /// They live beside `evaluation_cycle` and `grade`, not in them: the yearly tables, their unique (scope, year),
  /// the yearly rollups, the workflow and the published figures stay exactly as they were.
  static func registerCyclesByKind(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v16-evaluation-cycles-by-kind") { db in
      try db.execute(
        sql: """
          CREATE TABLE evaluation_cycle_by_kind(
            id INTEGER PRIMARY KEY,
            scope_id INTEGER NOT NULL REFERENCES organisation(id),
            kind TEXT NOT NULL,
            period_from INTEGER NOT NULL,
            period_through INTEGER NOT NULL,
            evaluation_date INTEGER NOT NULL,
            regulation TEXT NOT NULL,
            UNIQUE (scope_id, kind, period_from, period_through));
          CREATE TABLE cycle_grade(
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES evaluation_cycle_by_kind(id),
            subject_class TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            subject_key TEXT NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            outcome TEXT NOT NULL,
            framework TEXT,
            criteria TEXT NOT NULL DEFAULT '{}',
            score INTEGER,
            all_tasks_on_time INTEGER,
            beyond_percent INTEGER,
            UNIQUE (cycle_id, subject_class, subject_id));
          CREATE INDEX cycle_grade_unit ON cycle_grade(cycle_id, unit_id);
          """)
    }
  }
}
