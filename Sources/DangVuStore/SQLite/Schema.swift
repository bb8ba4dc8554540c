import DangVuCore
import GRDB

/// The SQLite schema, one migration per change; GRDB records the applied ones in `grdb_migrations`,
/// which is the schema version `statistics()` reports.
///
/// Dates are INTEGER days since 1970-01-01 (`Day.daysSinceEpoch`): half the size of ISO text in the
/// 6-million-row tables and their indexes, and compared as numbers.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-tree-and-register") { db in
      try db.execute(
        sql: """
          CREATE TABLE unit_kind(
            code TEXT PRIMARY KEY,
            name_vi TEXT NOT NULL,
            holds_members INTEGER NOT NULL,
            rank INTEGER NOT NULL);
          CREATE TABLE unit_kind_rule(
            child TEXT NOT NULL REFERENCES unit_kind(code),
            parent TEXT REFERENCES unit_kind(code),
            valid_from INTEGER,
            valid_until INTEGER);
          CREATE TABLE organisation(
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL REFERENCES unit_kind(code),
            founded INTEGER NOT NULL,
            ended INTEGER);
          CREATE TABLE organisation_parent(
            child_id INTEGER NOT NULL REFERENCES organisation(id),
            parent_id INTEGER REFERENCES organisation(id),
            valid_from INTEGER NOT NULL,
            valid_until INTEGER);
          CREATE INDEX organisation_parent_child ON organisation_parent(child_id, valid_from);
          CREATE INDEX organisation_parent_parent ON organisation_parent(parent_id, valid_from);
          CREATE TABLE member(
            id INTEGER PRIMARY KEY,
            full_name TEXT NOT NULL,
            search_name TEXT NOT NULL,
            gender TEXT NOT NULL,
            birth_date INTEGER NOT NULL,
            ethnicity TEXT NOT NULL,
            religion TEXT NOT NULL,
            national_id TEXT UNIQUE,
            home_town TEXT NOT NULL,
            party_card_number TEXT UNIQUE,
            education TEXT NOT NULL,
            political_theory TEXT NOT NULL,
            occupation TEXT NOT NULL,
            current_cell_id INTEGER REFERENCES organisation(id));
          CREATE INDEX member_current_cell ON member(current_cell_id);
          CREATE TABLE member_post(
            member_id INTEGER NOT NULL REFERENCES member(id),
            title TEXT NOT NULL,
            organisation_code TEXT,
            valid_from INTEGER NOT NULL,
            valid_until INTEGER);
          CREATE INDEX member_post_member ON member_post(member_id);
          CREATE TABLE membership_event(
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES member(id),
            kind TEXT NOT NULL,
            date INTEGER NOT NULL,
            cell_id INTEGER REFERENCES organisation(id),
            note TEXT NOT NULL DEFAULT '');
          CREATE INDEX membership_event_member ON membership_event(member_id);
          -- Derived from the events by MemberTimeline, rewritten whenever a member's history changes:
          -- the register on any date is one range lookup.
          CREATE TABLE member_span(
            member_id INTEGER NOT NULL REFERENCES member(id),
            cell_id INTEGER NOT NULL REFERENCES organisation(id),
            valid_from INTEGER NOT NULL,
            valid_until INTEGER,
            standing TEXT NOT NULL,
            exempt INTEGER NOT NULL);
          CREATE INDEX member_span_cell ON member_span(cell_id, valid_from);
          CREATE INDEX member_span_member ON member_span(member_id);
          CREATE TABLE population(
            organisation_id INTEGER NOT NULL REFERENCES organisation(id),
            year INTEGER NOT NULL,
            people INTEGER NOT NULL CHECK (people >= 0),
            PRIMARY KEY (organisation_id, year));
          -- Folded names (SearchFolding), prefix-indexed so "nguyen v" is a short index walk.
          CREATE VIRTUAL TABLE member_search USING fts5(
            search_name, content='member', content_rowid='id', tokenize='unicode61 remove_diacritics 0',
            prefix='2 3');
          """)
      try seed(UnitKindTable.standard, into: db)
    }
    migrator.registerMigration("v2-evaluation") { db in
      try db.execute(
        sql: """
          CREATE TABLE evaluation_cycle(
            id INTEGER PRIMARY KEY,
            scope_id INTEGER NOT NULL REFERENCES organisation(id),
            year INTEGER NOT NULL,
            evaluation_date INTEGER NOT NULL,
            regulation TEXT NOT NULL,
            UNIQUE (scope_id, year));
          CREATE TABLE leadership_collective(
            id INTEGER PRIMARY KEY,
            organisation_id INTEGER NOT NULL REFERENCES organisation(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            formed INTEGER NOT NULL);
          -- subject_class: member | organisation | leadershipCollective | leadershipCadre.
          -- unit_id: where the grade is counted (a member's cell; an organisation's parent).
          CREATE TABLE grade(
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES evaluation_cycle(id),
            subject_class TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            subject_key TEXT NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            outcome TEXT NOT NULL,
            score INTEGER,
            sick_leave_months INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'draft',
            UNIQUE (cycle_id, subject_class, subject_id));
          CREATE INDEX grade_unit ON grade(cycle_id, unit_id);
          -- Reopening approved grades is an explicit act; every workflow step is kept.
          CREATE TABLE grade_workflow_log(
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES evaluation_cycle(id),
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            note TEXT NOT NULL,
            grades INTEGER NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
          -- Grades counted per unit and every ancestor on the evaluation date, kept current on every write.
          CREATE TABLE grade_rollup(
            year INTEGER NOT NULL,
            unit_id INTEGER NOT NULL,
            subject_key TEXT NOT NULL,
            outcome TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (year, unit_id, subject_key, outcome)) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v3-search-prefix-1") { db in
      // A one-letter prefix index: "tran t" (a surname and the first letter of a given name) otherwise merges
      // every word starting with t, about 200 ms at national scale.
      try db.execute(
        sql: """
          DROP TABLE member_search;
          CREATE VIRTUAL TABLE member_search USING fts5(
            search_name, content='member', content_rowid='id', tokenize='unicode61 remove_diacritics 0',
            prefix='1 2 3');
          INSERT INTO member_search(member_search) VALUES ('rebuild');
          """)
    }
    migrator.registerMigration("v4-search-name-index") { db in
      // A name typed from its beginning ("tran thi thanh hau") is one range of this index; in the word
      // index it is an intersection of four long lists.
      try db.execute(sql: "CREATE INDEX member_search_name ON member(search_name)")
    }
    migrator.registerMigration("v5-organisation-kind-index") { db in
      // Reports start from the units of one kind (the grassroots units for the 20% excellent cap).
      try db.execute(sql: "CREATE INDEX organisation_kind ON organisation(kind)")
    }
    migrator.registerMigration("v6-excellent-cap") { db in
      // Kept by ExcellentCap on every grade; filled here from the rollups already recorded.
      try db.execute(
        sql: """
          CREATE TABLE excellent_cap(
            year INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            excellent INTEGER NOT NULL,
            good_or_above INTEGER NOT NULL,
            over INTEGER NOT NULL,
            PRIMARY KEY (year, unit_id)) WITHOUT ROWID;
          CREATE INDEX excellent_cap_over ON excellent_cap(year, over);
          INSERT INTO excellent_cap(year, unit_id, excellent, good_or_above, over)
          SELECT year, unit_id, e, e + g, e * 100 > (e + g) * \(EvaluationPolicy.standard.excellentCapPercentOfGoodOrAbove) FROM (
            SELECT r.year, r.unit_id,
              SUM(CASE WHEN r.outcome = 'excellent' THEN r.count ELSE 0 END) AS e,
              SUM(CASE WHEN r.outcome = 'good' THEN r.count ELSE 0 END) AS g
            FROM grade_rollup r JOIN organisation o ON o.id = r.unit_id
            WHERE r.subject_key = 'member' AND o.kind IN ('grassrootsCommittee', 'grassrootsCell')
            GROUP BY r.year, r.unit_id);
          """)
    }
    registerMembershipLifecycle(in: &migrator)
    registerOversight(in: &migrator)
    registerAccess(in: &migrator)
    registerAudit(in: &migrator)
    registerEditVersions(in: &migrator)
    registerSignInThrottleAndTokenExpiry(in: &migrator)
    registerAuditHead(in: &migrator)
    registerLifecycleRecords(in: &migrator)
    registerReportTargets(in: &migrator)
    registerOversightByBody(in: &migrator)
    registerLeadership(in: &migrator)
    registerOrganisationNames(in: &migrator)
    registerCyclesByKind(in: &migrator)
    registerSuccession(in: &migrator)
    registerYearlyScoreSheets(in: &migrator)
    return migrator
  }

  static func seed(_ table: UnitKindTable, into db: Database) throws {
    for k in table.kinds {
      try db.execute(
        sql: "INSERT INTO unit_kind(code, name_vi, holds_members, rank) VALUES (?, ?, ?, ?)",
        arguments: [k.kind.code, k.nameVi, k.holdsMembers, k.rank])
    }
    for r in table.rules {
      try db.execute(
        sql: "INSERT INTO unit_kind_rule(child, parent, valid_from, valid_until) VALUES (?, ?, ?, ?)",
        arguments: [
          r.child.code, r.parent?.code, r.validFrom?.daysSinceEpoch, r.validUntil?.daysSinceEpoch,
        ])
    }
  }
}
