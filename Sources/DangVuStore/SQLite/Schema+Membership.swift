import GRDB

extension Schema {
  /// The membership lifecycle (issue 5): two-step transfers, admission decisions and plans.
  static func registerMembershipLifecycle(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v7-membership-lifecycle") { db in
      try db.execute(
        sql: """
          -- Between "sent" and "received" a member stays in the sending cell, flagged, so is counted once.
          ALTER TABLE member_span ADD COLUMN in_transit INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE admission(
            member_id INTEGER PRIMARY KEY REFERENCES member(id),
            decision_number TEXT NOT NULL,
            sponsor_1 INTEGER NOT NULL REFERENCES member(id),
            sponsor_2 INTEGER NOT NULL REFERENCES member(id));
          CREATE TABLE admission_plan(
            organisation_id INTEGER NOT NULL REFERENCES organisation(id),
            year INTEGER NOT NULL,
            planned INTEGER NOT NULL CHECK (planned >= 0),
            PRIMARY KEY (organisation_id, year)) WITHOUT ROWID;
          -- The report's flows are events of a kind in a date range; with the cell and the member in the index,
          -- admissions of a subtree are counted from the index alone.
          CREATE INDEX membership_event_kind_date ON membership_event(kind, date, cell_id, member_id);
          -- MemberStockRollup: per-month sums of the register for each province and for everything (unit 0).
          CREATE TABLE member_stock(
            unit_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            month INTEGER NOT NULL,
            delta INTEGER NOT NULL,
            PRIMARY KEY (unit_id, key, month)) WITHOUT ROWID;
          -- Stale until first built: the next report builds the sums from the spans already recorded.
          CREATE TABLE member_stock_state(stale INTEGER NOT NULL);
          INSERT INTO member_stock_state(stale) VALUES (1);
          """)
    }
  }
}
