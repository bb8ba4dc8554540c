import DangVuCore
import DangVuStore
import Foundation
import PostgresNIO

/// Accounts on PostgreSQL: SQLite's tables and meaning (`SQLiteStore+Accounts.swift`), the rules and the audit
/// entries shared with it (`AccountRules`, `NewAuditEntry.accountChange`), each write one transaction with its entry.
///
/// SQLite lets one writer in at a time; PostgreSQL lets many. Every write to accounts and tokens takes one lock
/// (`accountLock`) for its transaction, so it reads the accounts as the previous write left them: two servers adding
/// the same login cannot both find it free, nor two revoking a token both record the revocation.
extension PostgresStore: AccountStore {
  /// Taken by every transaction that writes accounts or tokens, on every server ("DVacct" in ASCII). A write that
  /// records an audit entry takes the trail's lock after this one, never before, and never the tree's.
  static let accountLock: Int64 = 0x0000_4456_6163_6374

  /// Runs `body` as `write` does, holding the accounts' lock until the transaction ends.
  func writeAccounts<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws
    -> Result
  {
    try await write { transaction in
      try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.accountLock))")
      return try await body(transaction)
    }
  }

  public func addAccount(_ new: NewAccount, password: String, cost: UInt8, by actor: AuditActor?) async throws
    -> Account
  {
    // The slow hash runs before the transaction, so it never holds a connection or the lock.
    let hash = try await new.checkedPasswordHash(password, cost: cost)
    return try await writeAccounts { transaction in
      guard try await Self.account(login: new.login, in: transaction) == nil else {
        throw AccountRules.loginTaken(new.login)
      }
      let scopeID = try await Self.scopeID(new.scopeCode, memberID: new.memberID, in: transaction)
      let ids = try await transaction.rows(
        """
        INSERT INTO account(login, display_name, password_hash, role, scope_id, member_id, created_at)
        VALUES (\(new.login), \(new.displayName), \(hash), \(new.role.rawValue), \(scopeID), \(new.memberID),
          \(Date().timeIntervalSince1970))
        RETURNING id
        """, columns: ["account.id"])
      let account = Account(
        id: try ids[0].value(0), login: new.login, displayName: new.displayName, role: new.role,
        scopeCode: new.scopeCode, memberID: new.memberID)
      try await Self.appendAccountEntry("account.add", account, before: nil, by: actor, in: transaction)
      return account
    }
  }

  public func accounts() async throws -> [Account] {
    // Byte order, as SQLite sorts: the database's collation could order `.` and `_` otherwise.
    try await read { transaction in
      try await transaction.rows(
        """
        SELECT \(unescaped: Self.accountColumns) FROM account a JOIN organisation o ON o.id = a.scope_id
        ORDER BY a.login COLLATE "C"
        """, columns: Self.accountColumnNames
      ).map(Self.account)
    }
  }

  public func account(login: String) async throws -> Account? {
    try await read { transaction in try await Self.account(login: login, in: transaction) }
  }

  public func setPassword(login: String, password: String, cost: UInt8, by actor: AuditActor, at time: Date)
    async throws
  {
    let hash = try await PasswordHash.checked(password, login: login, cost: cost)
    try await writeAccounts { transaction in
      let account = try await Self.existingAccount(login, in: transaction)
      try await transaction.query("UPDATE account SET password_hash = \(hash) WHERE id = \(account.id)")
      try await transaction.query("DELETE FROM session WHERE account_id = \(account.id)")
      _ = try await Self.append(NewAuditEntry.passwordChange(of: account, by: actor), in: transaction)
      // A reset password usually means the old one leaked; tokens issued under it end with it.
      try await Self.revokeAPITokens(of: account, reason: "account.password", by: actor, at: time, in: transaction)
    }
  }

  public func setRole(login: String, role: Role, scopeCode: String, memberID: Int64?, by actor: AuditActor?)
    async throws
  {
    try AccountRules.checkMemberLink(role: role, memberID: memberID)
    try await writeAccounts { transaction in
      let account = try await Self.existingAccount(login, in: transaction)
      let scopeID = try await Self.scopeID(scopeCode, memberID: memberID, in: transaction)
      try await transaction.query(
        """
        UPDATE account SET role = \(role.rawValue), scope_id = \(scopeID), member_id = \(memberID)
        WHERE id = \(account.id)
        """)
      // The new role applies at once: its sessions end.
      try await transaction.query("DELETE FROM session WHERE account_id = \(account.id)")
      try await Self.appendAccountEntry(
        "account.role", try await Self.existingAccount(login, in: transaction), before: account, by: actor,
        in: transaction)
    }
  }

  public func setDisabled(login: String, _ disabled: Bool, by actor: AuditActor?) async throws {
    try await writeAccounts { transaction in
      let account = try await Self.existingAccount(login, in: transaction)
      try await transaction.query("UPDATE account SET disabled = \(disabled) WHERE id = \(account.id)")
      if disabled { try await transaction.query("DELETE FROM session WHERE account_id = \(account.id)") }
      try await Self.appendAccountEntry(
        "account.disable", try await Self.existingAccount(login, in: transaction), before: account, by: actor,
        in: transaction)
    }
  }

  // MARK: Shared by accounts, sessions, tokens and sign-in

  static let accountColumns = "a.id, a.login, a.display_name, a.role, o.code, a.member_id, a.disabled"
  static let accountColumnNames = [
    "account.id", "account.login", "account.display_name", "account.role", "organisation.code", "account.member_id",
    "account.disabled",
  ]

  /// An account from `accountColumns`; a role this build does not know is refused (`account.badRole`).
  static func account(_ row: StoredRow) throws -> Account {
    let login: String = try row.value(1)
    return Account(
      id: try row.value(0), login: login, displayName: try row.value(2),
      role: try AccountRules.storedRole(try row.value(3), login: login), scopeCode: try row.value(4),
      memberID: try row.optional(5), disabled: try row.value(6))
  }

  /// The account's root's founding and end, read beside `accountColumns` where a request is signed in, from
  /// column `index` on (SQLite's `scopeLifeColumns`).
  static let scopeLifeColumns = "o.founded, o.ended"
  static let scopeLifeColumnNames = ["organisation.founded", "organisation.ended"]

  static func scopeLife(_ row: StoredRow, at index: Int) throws -> Lifespan {
    Lifespan(founded: try row.day(index), ended: try row.optionalDay(index + 1))
  }

  static func account(login: String, in transaction: PostgresTransaction) async throws -> Account? {
    try await transaction.rows(
      """
      SELECT \(unescaped: accountColumns) FROM account a JOIN organisation o ON o.id = a.scope_id
      WHERE a.login = \(login)
      """, columns: accountColumnNames
    ).first.map(account)
  }

  static func existingAccount(_ login: String, in transaction: PostgresTransaction) async throws -> Account {
    guard let account = try await account(login: login, in: transaction) else {
      throw AccountRules.unknownAccount(login)
    }
    return account
  }

  /// The scope unit's id; a member account's member must be in the register.
  private static func scopeID(_ code: String, memberID: Int64?, in transaction: PostgresTransaction) async throws
    -> Int64
  {
    let unit = try await requireOrganisation(code: code, in: transaction)
    if let memberID, try await !exists("SELECT 1 FROM member WHERE id = \(memberID)", in: transaction) {
      throw AccountRules.unknownMember(memberID)
    }
    return unit.id
  }

  private static func appendAccountEntry(
    _ action: String, _ after: Account, before: Account?, by actor: AuditActor?, in transaction: PostgresTransaction
  ) async throws {
    guard let entry = try NewAuditEntry.accountChange(action, after, before: before, by: actor) else { return }
    _ = try await append(entry, in: transaction)
  }
}
