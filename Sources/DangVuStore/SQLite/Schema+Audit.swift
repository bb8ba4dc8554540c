import DangVuCore
import GRDB

extension Schema {
  /// The audit trail (issue 6). Append-only by triggers: rows cannot be updated or deleted through SQL,
  /// and a new row must take the next number and name the last row's hash. Someone with the file can
  /// still drop the triggers; the hash chain is what shows that (docs/decisions/0009).
  ///
  /// `seq` is AUTOINCREMENT so `sqlite_sequence` remembers the highest number ever issued: removing the
  /// newest rows leaves it higher than the last row, which `verifyAuditChain` reports.
  static func registerAudit(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v10-audit") { db in
      try db.execute(
        sql: """
          CREATE TABLE audit_entry(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms INTEGER NOT NULL,
            actor_login TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            scope_code TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
          CREATE INDEX audit_entry_actor ON audit_entry(actor_login, seq);
          CREATE INDEX audit_entry_subject ON audit_entry(subject, seq);
          CREATE INDEX audit_entry_at ON audit_entry(at_ms);
          CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
          BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only: an entry cannot be changed'); END;
          CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
          BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only: an entry cannot be deleted'); END;
          -- Also stops INSERT OR REPLACE, which would otherwise delete a row without firing the trigger above.
          CREATE TRIGGER audit_entry_append_at_end BEFORE INSERT ON audit_entry
          WHEN NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM audit_entry), 0) + 1
            OR NEW.previous_hash IS NOT COALESCE(
              (SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), '\(AuditChain.genesisHash)')
          BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only: a new entry must follow the last one'); END;
          """)
    }
  }

  /// The chain's head (issue 22): the last number and hash, rewritten by a trigger in the statement that
  /// appends, so it is current whoever inserts (DangVu or a tool following the documented format). Deleting
  /// the newest entries, even with `sqlite_sequence` lowered or deleted, leaves the head ahead of the trail;
  /// the head only moves forward and cannot be deleted through SQL (docs/decisions/0019).
  static let auditHeadMigration = "v13-audit-head"

  static func registerAuditHead(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration(auditHeadMigration) { db in
      try db.execute(
        sql: """
          CREATE TABLE audit_head(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL);
          INSERT INTO audit_head(id, seq, hash)
          SELECT 1, COALESCE((SELECT seq FROM audit_entry ORDER BY seq DESC LIMIT 1), 0),
            COALESCE((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), '\(AuditChain.genesisHash)');
          CREATE TRIGGER audit_entry_moves_head AFTER INSERT ON audit_entry
          BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END;
          CREATE TRIGGER audit_head_only_forward BEFORE UPDATE ON audit_head
          WHEN NEW.seq <= OLD.seq OR NEW.id IS NOT OLD.id
          BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward, with each new audit entry'); END;
          CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
          BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END;
          """)
    }
  }
}
