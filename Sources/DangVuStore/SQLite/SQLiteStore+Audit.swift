import DangVuCore
import GRDB

/// The audit trail in SQLite: one append-only table, `audit_entry` (Schema+Audit.swift).
extension SQLiteStore {
  @discardableResult
  public func appendAudit(_ new: NewAuditEntry) async throws -> AuditEntry {
    // One write transaction: reading the last hash and inserting after it cannot interleave with
    // another append, so the chain cannot fork.
    try await writer.write { db in try Self.append(new, in: db) }
  }

  /// Appends inside a write transaction that is already open, so a store write and its audit entry
  /// commit together or not at all.
  static func append(_ new: NewAuditEntry, at time: AuditTime = .now, in db: Database) throws -> AuditEntry {
    guard db.isInsideTransaction else {
      throw DomainError("audit.outsideTransaction", "Mục nhật ký phải được ghi trong cùng giao dịch với thay đổi.")
    }
    try new.check()
    let last = try db.cachedRow(sql: "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
    var entry = AuditEntry(
      sequence: (last.flatMap { integer($0, 0) } ?? 0) + 1, time: time, actorLogin: new.actorLogin,
      actorRole: new.actorRole, action: new.action, subject: new.subject, scopeCode: new.scopeCode,
      before: new.before, after: new.after,
      previousHash: last.map { text($0, 1) ?? "" } ?? AuditChain.genesisHash, hash: "")
    entry.hash = AuditChain.hash(of: entry)
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, before_json,
          after_json, previous_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      entry.sequence, entry.time.millisecondsSince1970, entry.actorLogin, entry.actorRole, entry.action,
      entry.subject, entry.scopeCode, entry.before, entry.after, entry.previousHash, entry.hash,
    ])
    return entry
  }

  public func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
    try await writer.read { db in
      var conditions: [String] = []
      var arguments: [String: (any DatabaseValueConvertible)?] = ["limit": filter.boundedLimit]
      if let actor = filter.actor {
        conditions.append("a.actor_login = :actor")
        arguments["actor"] = actor
      }
      if let action = filter.action {
        conditions.append("(a.action = :action OR substr(a.action, 1, length(:family)) = :family)")
        arguments["action"] = action
        arguments["family"] = action.hasSuffix(".") ? action : action + "."
      }
      if let subject = filter.subject {
        conditions.append("a.subject = :subject")
        arguments["subject"] = subject
      }
      if let from = filter.from {
        conditions.append("a.at_ms >= :from")
        arguments["from"] = AuditTime.startOfDay(from).millisecondsSince1970
      }
      if let to = filter.to {
        conditions.append("a.at_ms < :to")
        arguments["to"] = AuditTime.startOfDay(to.adding(days: 1)).millisecondsSince1970
      }
      if let before = filter.before {
        conditions.append("a.seq < :before")
        arguments["before"] = before
      }
      var with = ""
      if let within = filter.within {
        with = Self.auditSubtreeCTE
        conditions.append(Self.auditWithinCondition)
        arguments["within"] = within
      }
      let sql = """
        \(with)SELECT \(Self.auditColumns) FROM audit_entry a
        WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
        ORDER BY a.seq DESC LIMIT :limit
        """
      // Prepared once per connection and shape of filter (at most one per combination of the filters above): the
      // corrections on a record's page ask for the same shape on every request.
      return try db.cachedRows(sql: sql, arguments: StatementArguments(arguments)).map { row in
        Self.auditEntry(row) ?? Self.unreadableEntry(row)
      }
    }
  }

  public func verifyAuditChain() async throws -> AuditVerification {
    try await writer.read { db in try Self.verifyAuditChain(in: db) }
  }

  /// Verifies the chain of any DangVu database, the live one or a backup opened on its own.
  static func verifyAuditChain(in db: Database) throws -> AuditVerification {
    var walk = AuditChain.Walk(hash: AuditChain.sha256Hex)
    // A cursor: the chain may be millions of rows, and only one is needed at a time.
    let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.auditColumns) FROM audit_entry a ORDER BY a.seq")
    while let row = try rows.next() {
      guard let entry = Self.auditEntry(row) else {
        walk.unreadable(sequence: row[0])
        break
      }
      guard walk.check(entry) else { break }
    }
    let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'")
    // A backup made before the head existed (v13) verifies as it did then; once the migration is recorded,
    // a missing head is tampering.
    let headKept = try Bool.fetchOne(
      db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = ?", arguments: [Schema.auditHeadMigration])
    guard headKept == true else { return walk.result(lastIssued: issued) }
    return walk.result(lastIssued: issued, head: try auditHead(in: db))
  }

  /// The head recorded with the last append; nil when its row or its table is gone, or it holds values of
  /// another type.
  static func auditHead(in db: Database) throws -> AuditHead? {
    guard try db.tableExists("audit_head"),
      let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1"),
      let sequence = integer(row, 0), let hash = text(row, 1)
    else { return nil }
    return AuditHead(sequence: sequence, hash: hash)
  }

  public func auditHash(at sequence: Int64) async throws -> String? {
    try await writer.read { db in
      try Row.fetchOne(db, sql: "SELECT hash FROM audit_entry WHERE seq = ?", arguments: [sequence]).flatMap {
        Self.text($0, 0)
      }
    }
  }

  static let auditColumns = """
    a.seq, a.at_ms, a.actor_login, a.actor_role, a.action, a.subject, a.scope_code, a.before_json, a.after_json,
    a.previous_hash, a.hash
    """

  /// `sub(id, since, until)`: the units under `:within` and the days they were under it, walking every
  /// parent link ever recorded and narrowing the days at each level. `since`/`until` NULL is unbounded.
  static let auditSubtreeCTE = """
    WITH RECURSIVE sub(id, since, until) AS (
      SELECT id, NULL, NULL FROM organisation WHERE code = :within
      UNION
      SELECT p.child_id,
        CASE WHEN sub.since IS NULL OR p.valid_from > sub.since THEN p.valid_from ELSE sub.since END,
        CASE WHEN sub.until IS NULL THEN p.valid_until
          WHEN p.valid_until IS NULL OR p.valid_until > sub.until THEN sub.until ELSE p.valid_until END
      FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
      WHERE (sub.until IS NULL OR p.valid_from < sub.until)
        AND (sub.since IS NULL OR p.valid_until IS NULL OR p.valid_until > sub.since))

    """

  /// The entry's scope unit was under `:within` on the entry's day in Vietnam; for a unit that has
  /// ended, on its last day, so the records of a dissolved cell stay with the subtree that held it.
  static let auditWithinCondition: String = {
    let entryDay = "(a.at_ms + 25200000) / 86400000"
    let day = "MIN(\(entryDay), COALESCE(o.ended - 1, \(entryDay)))"
    return """
      EXISTS (
        SELECT 1 FROM organisation o JOIN sub ON sub.id = o.id
        WHERE o.code = a.scope_code
          AND (sub.since IS NULL OR sub.since <= \(day)) AND (sub.until IS NULL OR sub.until > \(day)))
      """
  }()

  /// Nil when a field does not hold the type DangVu wrote, which only a change outside DangVu can do.
  /// Columns by position, in the order of `auditColumns`: verification reads every row.
  static func auditEntry(_ row: Row) -> AuditEntry? {
    AuditEntry.read(
      integer: { integer(row, $0) }, text: { text(row, $0) }, isNull: { (row[$0] as DatabaseValue).isNull })
  }

  /// A row changed into something unreadable is still listed, by its number, rather than hidden.
  private static func unreadableEntry(_ row: Row) -> AuditEntry {
    AuditEntry.unreadable(integer: { integer(row, $0) }, text: { text(row, $0) })
  }

  // Strict reads: GRDB would convert (or trap on) a value of another type; here it is a sign of tampering.
  private static func text(_ row: Row, _ index: Int) -> String? {
    if case .string(let value) = (row[index] as DatabaseValue).storage { return value }
    return nil
  }

  private static func integer(_ row: Row, _ index: Int) -> Int64? {
    if case .int64(let value) = (row[index] as DatabaseValue).storage { return value }
    return nil
  }
}
