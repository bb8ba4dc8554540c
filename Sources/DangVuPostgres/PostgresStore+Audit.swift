import DangVuCore
import DangVuStore
import PostgresNIO

/// The audit trail on PostgreSQL: the same table, canonical bytes and SHA-256 hashes as SQLite
/// (`AuditChain`, `AuditChain.sha256Hex`), so a trail copied from one engine verifies on the other.
extension PostgresStore: AuditStore {
  /// Serialises appends across every connection of every server on the database ("DVaudit" in ASCII).
  static let auditAppendLock: Int64 = 0x0044_5661_7564_6974

  @discardableResult
  public func appendAudit(_ new: NewAuditEntry) async throws -> AuditEntry {
    try await write { transaction in try await Self.append(new, in: transaction) }
  }

  /// Appends inside a transaction that is already open, so a store write and its audit entry commit together
  /// or not at all (SQLite's `append(_:in:)`).
  ///
  /// The transaction-scoped advisory lock is held until that transaction ends, so two appends, from two pools
  /// or two servers, cannot both follow the same entry; the last entry is read by a statement that starts
  /// after the lock is granted, which under read committed sees the previous holder's commit. The time is the
  /// database server's clock, read under the lock, unless `time` is given (a copy keeps the entry's own):
  /// with several servers, their clocks would disagree, and one clock keeps times in the order of the numbers.
  static func append(_ new: NewAuditEntry, at time: AuditTime? = nil, in transaction: PostgresTransaction)
    async throws -> AuditEntry
  {
    try new.check()
    try await transaction.query("SELECT pg_advisory_xact_lock(\(auditAppendLock))")
    let rows = try await transaction.query(
      """
      SELECT last.seq, last.hash, floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1) AS last ON true
      """)
    var last: (sequence: Int64?, hash: String?, now: Int64)?
    for try await (sequence, hash, now) in rows.decode((Int64?, String?, Int64).self) {
      last = (sequence, hash, now)
    }
    guard let last else { throw DomainError("audit.noClock", "PostgreSQL không trả về giờ của máy chủ.") }
    var entry = AuditEntry(
      sequence: (last.sequence ?? 0) + 1, time: time ?? AuditTime(millisecondsSince1970: last.now),
      actorLogin: new.actorLogin, actorRole: new.actorRole, action: new.action, subject: new.subject,
      scopeCode: new.scopeCode, before: new.before, after: new.after,
      previousHash: last.hash ?? AuditChain.genesisHash, hash: "")
    entry.hash = AuditChain.hash(of: entry)
    try await transaction.query(
      """
      INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, before_json,
        after_json, previous_hash, hash)
      VALUES (\(entry.sequence), \(entry.time.millisecondsSince1970), \(entry.actorLogin), \(entry.actorRole),
        \(entry.action), \(entry.subject), \(entry.scopeCode), \(entry.before), \(entry.after),
        \(entry.previousHash), \(entry.hash))
      """)
    return entry
  }

  public func auditHash(at sequence: Int64) async throws -> String? {
    try await read { transaction in
      for try await hash in try await transaction.query("SELECT hash FROM audit_entry WHERE seq = \(sequence)")
        .decode(String.self)
      {
        return hash
      }
      return nil
    }
  }

  public func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
    var query = AuditQuery()
    if let actor = filter.actor { query.where("a.actor_login = ", actor) }
    if let action = filter.action {
      let family = action.hasSuffix(".") ? action : action + "."
      let exact = query.bind(action)
      let prefix = query.bind(family)
      query.where("(a.action = \(exact) OR starts_with(a.action, \(prefix)))")
    }
    if let subject = filter.subject { query.where("a.subject = ", subject) }
    if let from = filter.from { query.where("a.at_ms >= ", AuditTime.startOfDay(from).millisecondsSince1970) }
    if let to = filter.to {
      query.where("a.at_ms < ", AuditTime.startOfDay(to.adding(days: 1)).millisecondsSince1970)
    }
    if let before = filter.before { query.where("a.seq < ", before) }
    var with = ""
    if let within = filter.within {
      with = Self.auditSubtreeCTE(code: query.bind(within))
      query.where(Self.auditWithinCondition)
    }
    let limit = query.bind(filter.boundedLimit)
    let sql = """
      \(with)SELECT \(Self.auditColumns) FROM audit_entry a
      WHERE \(query.conditions.isEmpty ? "true" : query.conditions.joined(separator: " AND "))
      ORDER BY a.seq DESC LIMIT \(limit)
      """
    let statement = PostgresQuery(unsafeSQL: sql, binds: query.binds)
    return try await read { transaction in
      var entries: [AuditEntry] = []
      for try await row in try await transaction.query(statement) {
        let row = row.makeRandomAccess()
        entries.append(Self.auditEntry(row) ?? Self.unreadableEntry(row))
      }
      return entries
    }
  }

  public func verifyAuditChain() async throws -> AuditVerification {
    // One snapshot: an append committed while the chain is read must not show as a head ahead of the trail.
    try await read { transaction in
      var walk = AuditChain.Walk(hash: AuditChain.sha256Hex)
      // Streamed: the chain may be millions of rows, and only one is needed at a time.
      let rows = try await transaction.query(
        PostgresQuery(unsafeSQL: "SELECT \(Self.auditColumns) FROM audit_entry a ORDER BY a.seq"))
      for try await row in rows {
        // The rest of the rows are still read, as the connection needs them consumed; they prove nothing more.
        guard walk.broken == nil else { continue }
        let row = row.makeRandomAccess()
        if let entry = Self.auditEntry(row) {
          walk.check(entry)
        } else {
          walk.unreadable(sequence: Self.number(row, 0) ?? (walk.lastSequence ?? 0) + 1)
        }
      }
      // PostgreSQL keeps no highest-number-issued as SQLite's `sqlite_sequence` does (a sequence is not
      // rolled back): the head, kept by trigger since the first migration, is what shows newest entries gone.
      return walk.result(lastIssued: nil, head: try await Self.auditHead(in: transaction))
    }
  }

  /// `sub(id, since, until)`: the units under the unit `code` (a placeholder) and the days they were under it,
  /// walking every parent link ever recorded and narrowing the days at each level; NULL is unbounded. SQLite's
  /// `auditSubtreeCTE`, so an entry is read by the same people on either engine.
  static func auditSubtreeCTE(code: String) -> String {
    """
    WITH RECURSIVE sub(id, since, until) AS (
      SELECT id, NULL::integer, NULL::integer FROM organisation WHERE code = \(code)
      UNION
      SELECT p.child_id,
        CASE WHEN sub.since IS NULL OR p.valid_from > sub.since THEN p.valid_from ELSE sub.since END,
        CASE WHEN sub.until IS NULL THEN p.valid_until
          WHEN p.valid_until IS NULL OR p.valid_until > sub.until THEN sub.until ELSE p.valid_until END
      FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
      WHERE (sub.until IS NULL OR p.valid_from < sub.until)
        AND (sub.since IS NULL OR p.valid_until IS NULL OR p.valid_until > sub.since))

    """
  }

  /// The entry's scope unit was under the unit on the entry's day in Vietnam (UTC+7); for a unit that has ended,
  /// on its last day, so the records of a dissolved cell stay with the subtree that held it (SQLite's
  /// `auditWithinCondition`).
  static let auditWithinCondition: String = {
    let entryDay = "((a.at_ms + 25200000) / 86400000)"
    let day = "LEAST(\(entryDay), COALESCE(o.ended - 1, \(entryDay)))"
    return """
      EXISTS (
        SELECT 1 FROM organisation o JOIN sub ON sub.id = o.id
        WHERE o.code = a.scope_code
          AND (sub.since IS NULL OR sub.since <= \(day)) AND (sub.until IS NULL OR sub.until > \(day)))
      """
  }()

  /// The head recorded with the last append; nil when its row or its table is gone.
  static func auditHead(in transaction: PostgresTransaction) async throws -> AuditHead? {
    var exists = false
    for try await found in try await transaction.query("SELECT to_regclass('audit_head') IS NOT NULL")
      .decode(Bool.self)
    {
      exists = found
    }
    guard exists else { return nil }
    var head: AuditHead?
    for try await row in try await transaction.query("SELECT seq::text, hash FROM audit_head WHERE id = 1") {
      let row = row.makeRandomAccess()
      if let sequence = number(row, 0), let hash = cell(row, 1, as: String.self) {
        head = AuditHead(sequence: sequence, hash: hash)
      }
    }
    return head
  }

  /// The numbers as text, parsed here: a value that is not a whole number is then an unreadable entry, as on
  /// SQLite, and not a column whose type was changed making every entry unreadable.
  static let auditColumns = """
    a.seq::text, a.at_ms::text, a.actor_login, a.actor_role, a.action, a.subject, a.scope_code, a.before_json, a.after_json,
    a.previous_hash, a.hash
    """

  /// Nil when a column no longer holds what DangVu wrote (its type altered behind DangVu's back).
  /// Columns by position, in the order of `auditColumns`.
  static func auditEntry(_ row: PostgresRandomAccessRow) -> AuditEntry? {
    AuditEntry.read(
      integer: { number(row, $0) }, text: { cell(row, $0, as: String.self) }, isNull: { row[$0].bytes == nil })
  }

  /// A row changed into something unreadable is still listed, by its number, rather than hidden.
  private static func unreadableEntry(_ row: PostgresRandomAccessRow) -> AuditEntry {
    AuditEntry.unreadable(integer: { number(row, $0) }, text: { cell(row, $0, as: String.self) })
  }

  static func number(_ row: PostgresRandomAccessRow, _ index: Int) -> Int64? {
    cell(row, index, as: String.self).flatMap { Int64($0) }
  }

  static func cell<Value: PostgresDecodable>(_ row: PostgresRandomAccessRow, _ index: Int, as type: Value.Type)
    -> Value?
  {
    let cell = row[index]
    guard cell.bytes != nil else { return nil }
    return try? cell.decode(Value.self)
  }
}

/// The conditions of a filtered read and the values they bind, numbered `$1`, `$2`… as PostgreSQL reads them.
struct AuditQuery {
  var conditions: [String] = []
  var binds = PostgresBindings()

  /// Binds a value and returns its placeholder.
  mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  mutating func `where`(_ condition: String) { conditions.append(condition) }

  /// `column op ` followed by the bound value.
  mutating func `where`(_ prefix: String, _ value: some PostgresDynamicTypeEncodable) {
    conditions.append(prefix + bind(value))
  }
}
