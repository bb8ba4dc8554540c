import DangVuCore

extension PostgresMigrations {
  /// The audit trail: SQLite's `audit_entry` and `audit_head` (its v10-audit and v13-audit-head, decisions
  /// 0009 and 0019) in one step, with the same guards as triggers: entries cannot be changed, deleted or
  /// truncated through SQL; a new entry must take the next number and name the last hash; the head moves with
  /// every append, only forward, and cannot be deleted. The trigger names are SQLite's, so a test or an
  /// administrator drops the same one on either engine. Someone who owns the tables can still drop the
  /// triggers; the hash chain, the head and signed anchors are what show it.
  static let auditTrail = Migration(
    version: 1, name: "audit trail",
    statements: [
      """
      CREATE TABLE audit_entry(
        seq bigint PRIMARY KEY,
        at_ms bigint NOT NULL,
        actor_login text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        scope_code text NOT NULL,
        before_json text,
        after_json text,
        previous_hash text NOT NULL,
        hash text NOT NULL)
      """,
      "CREATE INDEX audit_entry_actor ON audit_entry(actor_login, seq)",
      "CREATE INDEX audit_entry_subject ON audit_entry(subject, seq)",
      "CREATE INDEX audit_entry_at ON audit_entry(at_ms)",
      """
      CREATE TABLE audit_head(
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash text NOT NULL)
      """,
      "INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, '\(AuditChain.genesisHash)')",
      // One function for every plain refusal; the trigger passes its message.
      """
      CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$
      """,
      """
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
      EXECUTE FUNCTION audit_refuse('audit_entry is append-only: an entry cannot be changed')
      """,
      """
      CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
      EXECUTE FUNCTION audit_refuse('audit_entry is append-only: an entry cannot be deleted')
      """,
      // PostgreSQL empties a table without firing delete triggers; SQLite has no TRUNCATE.
      """
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT
      EXECUTE FUNCTION audit_refuse('audit_entry is append-only: it cannot be emptied')
      """,
      // Also stops INSERT … ON CONFLICT DO UPDATE, whose insert is tried (and refused) first.
      """
      CREATE FUNCTION audit_entry_append_at_end() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint; last_hash text;
      BEGIN
        SELECT seq, hash INTO last_seq, last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
        IF NEW.seq IS DISTINCT FROM coalesce(last_seq, 0) + 1
          OR NEW.previous_hash IS DISTINCT FROM coalesce(last_hash, '\(AuditChain.genesisHash)') THEN
          RAISE EXCEPTION 'audit_entry is append-only: a new entry must follow the last one';
        END IF;
        RETURN NEW;
      END $$
      """,
      """
      CREATE TRIGGER audit_entry_append_at_end BEFORE INSERT ON audit_entry FOR EACH ROW
      EXECUTE FUNCTION audit_entry_append_at_end()
      """,
      """
      CREATE FUNCTION audit_entry_moves_head() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; RETURN NULL; END $$
      """,
      """
      CREATE TRIGGER audit_entry_moves_head AFTER INSERT ON audit_entry FOR EACH ROW
      EXECUTE FUNCTION audit_entry_moves_head()
      """,
      """
      CREATE FUNCTION audit_head_only_forward() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.seq <= OLD.seq OR NEW.id IS DISTINCT FROM OLD.id THEN
          RAISE EXCEPTION 'audit_head only moves forward, with each new audit entry';
        END IF;
        RETURN NEW;
      END $$
      """,
      """
      CREATE TRIGGER audit_head_only_forward BEFORE UPDATE ON audit_head FOR EACH ROW
      EXECUTE FUNCTION audit_head_only_forward()
      """,
      """
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH ROW
      EXECUTE FUNCTION audit_refuse('audit_head cannot be deleted')
      """,
      """
      CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT
      EXECUTE FUNCTION audit_refuse('audit_head cannot be deleted')
      """,
    ])
}
