import DangVuCore
import GRDB

extension Schema {
  /// The indexes of the inspection tables, apart so a bulk load (the demo) can drop them, write, and build
  /// them once: building an index sorts once, inserting into it at random costs a page read a row.
  static let inspectionSubjectIndexes = """
    CREATE INDEX inspection_body ON inspection(body_unit_id, started);
    CREATE INDEX inspection_subject_day
      ON inspection_subject(started, is_member, subject_id, kind_no, organ_no, unit_id);
    CREATE INDEX inspection_subject_subject
      ON inspection_subject(is_member, subject_id, started, kind_no, organ_no, month_no);
    -- A subtree's lượt: walked from the subtree's units, never from the whole country's dates.
    CREATE INDEX inspection_subject_unit
      ON inspection_subject(unit_id, started, is_member, subject_id, kind_no, organ_no);
    """

  static let inspectionIndexNames = [
    "inspection_body", "inspection_subject_day", "inspection_subject_subject", "inspection_subject_unit",
  ]

  /// Inspections and supervisions, programmes, discipline with appeals, complaints (issue 4).
  ///
  /// Each subject row of an inspection (one "lượt") and each decision and complaint carries `unit_id`, the
  /// unit it is counted in: a member's cell on the record's date, or the unit itself. The report then
  /// filters by the subtree and a date range on indexed columns; see docs/decisions/0005.
  static func registerOversight(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v8-oversight") { db in
      try db.execute(
        sql: """
          CREATE TABLE violation_category(
            code TEXT PRIMARY KEY,
            name_vi TEXT NOT NULL,
            rank INTEGER NOT NULL);
          CREATE TABLE inspection(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            body_organ TEXT NOT NULL,
            body_unit_id INTEGER NOT NULL REFERENCES organisation(id),
            title TEXT NOT NULL,
            started INTEGER NOT NULL,
            concluded INTEGER);
          -- One row per subject: one lượt. Kind, organ and dates are copied from the inspection (as small
          -- numbers) so the report reads this table and its covering index alone.
          CREATE TABLE inspection_subject(
            inspection_id INTEGER NOT NULL REFERENCES inspection(id),
            is_member INTEGER NOT NULL,
            subject_id INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            started INTEGER NOT NULL,
            concluded INTEGER,
            kind_no INTEGER NOT NULL,
            organ_no INTEGER NOT NULL,
            month_no INTEGER NOT NULL,
            violation_found INTEGER,
            conclusion TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (inspection_id, is_member, subject_id));
          \(inspectionSubjectIndexes)
          -- Every lượt of the whole database by month and report group (OversightCounts.groups), with the month
          -- of the same subject's previous lượt in that group (-1: none). A lượt whose previous one is before
          -- a period's first month is its subject's first in the period: distinct subjects of any month-aligned
          -- period are a sum over this table, kept current on every write (docs/decisions/0005).
          CREATE TABLE oversight_rollup(
            month_no INTEGER NOT NULL,
            group_no INTEGER NOT NULL,
            is_member INTEGER NOT NULL,
            previous_month_no INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (month_no, group_no, is_member, previous_month_no)) WITHOUT ROWID;
          CREATE TABLE oversight_programme(
            body_organ TEXT NOT NULL,
            body_unit_id INTEGER NOT NULL REFERENCES organisation(id),
            year INTEGER NOT NULL,
            kind TEXT NOT NULL,
            planned INTEGER NOT NULL CHECK (planned >= 0),
            PRIMARY KEY (body_organ, body_unit_id, year, kind)) WITHOUT ROWID;
          -- form_now: the form in force after every appeal so far, NULL once annulled; grading reads it.
          -- categories: the violation codes, sorted, joined by |, copied from discipline_violation so the report
          -- groups decisions in an index. first_appeal: the day the first appeal was settled (NULL: none yet).
          CREATE TABLE discipline_decision(
            id INTEGER PRIMARY KEY,
            is_member INTEGER NOT NULL,
            subject_id INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            form TEXT NOT NULL,
            form_now TEXT,
            body_organ TEXT NOT NULL,
            body_unit_id INTEGER NOT NULL REFERENCES organisation(id),
            number TEXT NOT NULL,
            decided INTEGER NOT NULL,
            violated INTEGER NOT NULL,
            inspection_id INTEGER REFERENCES inspection(id),
            self_corrected INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '',
            first_appeal INTEGER);
          CREATE INDEX discipline_decided
            ON discipline_decision(decided, is_member, form, categories, first_appeal, unit_id);
          CREATE INDEX discipline_unit
            ON discipline_decision(unit_id, decided, is_member, form, categories, first_appeal);
          CREATE INDEX discipline_subject ON discipline_decision(is_member, subject_id, decided);
          CREATE INDEX discipline_number ON discipline_decision(number);
          CREATE TABLE discipline_violation(
            decision_id INTEGER NOT NULL REFERENCES discipline_decision(id),
            category TEXT NOT NULL REFERENCES violation_category(code),
            PRIMARY KEY (decision_id, category)) WITHOUT ROWID;
          -- Appeals never edit the decision: both stay in the history.
          CREATE TABLE discipline_appeal(
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES discipline_decision(id),
            lodged INTEGER NOT NULL,
            decided INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            new_form TEXT,
            note TEXT NOT NULL DEFAULT '');
          CREATE INDEX discipline_appeal_decision ON discipline_appeal(decision_id);
          -- The units a dissolution ended, so that annulling it re-opens exactly those.
          CREATE TABLE discipline_effect(
            decision_id INTEGER NOT NULL REFERENCES discipline_decision(id),
            organisation_id INTEGER NOT NULL REFERENCES organisation(id));
          CREATE INDEX discipline_effect_decision ON discipline_effect(decision_id);
          CREATE TABLE complaint(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            is_member INTEGER NOT NULL,
            subject_id INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES organisation(id),
            received INTEGER NOT NULL,
            resolved INTEGER,
            finding TEXT,
            summary TEXT NOT NULL DEFAULT '');
          CREATE INDEX complaint_received ON complaint(received, kind, unit_id);
          CREATE INDEX complaint_resolved ON complaint(resolved, kind, finding, unit_id);
          CREATE INDEX complaint_unit_received ON complaint(unit_id, received, kind);
          CREATE INDEX complaint_unit_resolved ON complaint(unit_id, resolved, kind, finding);
          CREATE INDEX complaint_subject ON complaint(is_member, subject_id);
          -- Grading a leadership collective asks whether a member holding a post in its unit was warned.
          CREATE INDEX member_post_organisation ON member_post(organisation_code);
          """)
      for (rank, category) in ViolationCategory.standard.enumerated() {
        try db.execute(
          sql: "INSERT INTO violation_category(code, name_vi, rank) VALUES (?, ?, ?)",
          arguments: [category.code, category.nameVi, rank])
      }
    }
  }
}
