import GRDB

extension Schema {
  /// Lifecycle on the web (issue 21): transfer letters and the history of corrected events
  /// (docs/decisions/0024-transfer-letters-and-corrections.md).
  static func registerLifecycleRecords(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v13-transfer-letters-and-event-corrections") { db in
      try db.execute(
        sql: """
          -- A letter is the paper behind a transferSent event, keyed by that event. Issued date, addressed cell
          -- and receipt mirror the events (kept in step in the same transaction); the number, the deadline and
          -- who issued it are the letter's own.
          CREATE TABLE transfer_letter(
            sent_event_id INTEGER PRIMARY KEY REFERENCES membership_event(id),
            member_id INTEGER NOT NULL REFERENCES member(id),
            from_cell_id INTEGER NOT NULL REFERENCES organisation(id),
            to_cell_id INTEGER NOT NULL REFERENCES organisation(id),
            number TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            issued INTEGER NOT NULL,
            deadline INTEGER NOT NULL,
            issued_by TEXT NOT NULL,
            received INTEGER,
            received_event_id INTEGER REFERENCES membership_event(id));
          CREATE INDEX transfer_letter_member ON transfer_letter(member_id);
          -- The few members in transit now, whichever cell sent them: the receiving side's list starts here
          -- instead of scanning every span. Led by member_id, so a bulk load keeps it (RegisterIndexes).
          CREATE INDEX member_span_in_transit ON member_span(member_id, cell_id)
            WHERE in_transit = 1 AND valid_until IS NULL;
          -- An event as it was before a correction replaced or removed it; the event row itself keeps its id.
          CREATE TABLE membership_event_correction(
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES member(id),
            event_id INTEGER NOT NULL,
            old_kind TEXT NOT NULL,
            old_date INTEGER NOT NULL,
            old_cell_id INTEGER REFERENCES organisation(id),
            old_note TEXT NOT NULL,
            new_kind TEXT,
            new_date INTEGER,
            new_cell_id INTEGER REFERENCES organisation(id),
            new_note TEXT,
            reason TEXT NOT NULL,
            actor_login TEXT NOT NULL,
            at_ms INTEGER NOT NULL);
          CREATE INDEX membership_event_correction_member ON membership_event_correction(member_id);
          """)
    }
  }
}
