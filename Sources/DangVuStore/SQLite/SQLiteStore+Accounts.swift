import DangVuCore
import Foundation
import GRDB

extension SQLiteStore {
  static let accountColumns = """
    a.id, a.login, a.display_name, a.role, o.code, a.member_id, a.disabled
    """

  /// The account's root's founding and end, read beside `accountColumns` where a request is signed in.
  static let scopeLifeColumns = "o.founded, o.ended"

  /// The principal of an account row that has `scopeLifeColumns` from `index` on.
  static func principal(_ row: Row, scopeLifeAt index: Int) throws -> Principal {
    try account(row).principal(scopeLife: scopeLife(row, at: index))
  }

  static func scopeLife(_ row: Row, at index: Int) -> Lifespan {
    Lifespan(
      founded: Day(daysSinceEpoch: row[index]), ended: (row[index + 1] as Int?).map(Day.init(daysSinceEpoch:)))
  }

  static func account(_ row: Row) throws -> Account {
    Account(
      id: row[0], login: row[1], displayName: row[2], role: try AccountRules.storedRole(row[3], login: row[1]),
      scopeCode: row[4], memberID: row[5], disabled: row[6])
  }

  static func account(login: String, in db: Database) throws -> Account? {
    try Row.fetchOne(
      db,
      sql: "SELECT \(accountColumns) FROM account a JOIN organisation o ON o.id = a.scope_id WHERE a.login = ?",
      arguments: [login]
    ).map(account)
  }

  public func addAccount(_ new: NewAccount, password: String, cost: UInt8, by actor: AuditActor?) async throws
    -> Account
  {
    // The slow hash runs before the write transaction, so it never holds the writer.
    let hash = try await new.checkedPasswordHash(password, cost: cost)
    return try await writer.write { db in
      guard try Self.account(login: new.login, in: db) == nil else { throw AccountRules.loginTaken(new.login) }
      let scopeID = try Self.scopeID(new.scopeCode, memberID: new.memberID, in: db)
      try db.execute(
        sql: """
          INSERT INTO account(login, display_name, password_hash, role, scope_id, member_id, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          new.login, new.displayName, hash, new.role.rawValue, scopeID, new.memberID, Date().timeIntervalSince1970,
        ])
      let account = Account(
        id: db.lastInsertedRowID, login: new.login, displayName: new.displayName, role: new.role,
        scopeCode: new.scopeCode, memberID: new.memberID)
      try Self.appendAccountEntry("account.add", account, before: nil, by: actor, in: db)
      return account
    }
  }

  /// An account change as the trail keeps it (`NewAuditEntry.accountChange`); nothing for the demo's accounts.
  private static func appendAccountEntry(
    _ action: String, _ after: Account, before: Account?, by actor: AuditActor?, in db: Database
  ) throws {
    guard let entry = try NewAuditEntry.accountChange(action, after, before: before, by: actor) else { return }
    _ = try append(entry, in: db)
  }

  /// The scope unit's id; a member account's scope must hold the member (today, or when they left).
  private static func scopeID(_ code: String, memberID: Int64?, in db: Database) throws -> Int64 {
    guard let unit = try organisation(code: code, in: db) else { throw unknownOrganisation(code) }
    if let memberID {
      guard try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE id = ?", arguments: [memberID]) != nil else {
        throw AccountRules.unknownMember(memberID)
      }
    }
    return unit.id
  }

  public func accounts() async throws -> [Account] {
    try await writer.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT \(Self.accountColumns) FROM account a JOIN organisation o ON o.id = a.scope_id ORDER BY a.login"
      ).map(Self.account)
    }
  }

  public func account(login: String) async throws -> Account? {
    try await writer.read { db in try Self.account(login: login, in: db) }
  }

  public func setPassword(login: String, password: String, cost: UInt8, by actor: AuditActor, at time: Date)
    async throws
  {
    let hash = try await PasswordHash.checked(password, login: login, cost: cost)
    try await writer.write { db in
      let account = try Self.existingAccount(login, in: db)
      try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, account.id])
      try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [account.id])
      _ = try Self.append(NewAuditEntry.passwordChange(of: account, by: actor), in: db)
      // A reset password usually means the old one leaked; tokens issued under it end with it.
      try Self.revokeAPITokens(of: account, reason: "account.password", by: actor, at: time, in: db)
    }
  }

  public func setRole(login: String, role: Role, scopeCode: String, memberID: Int64?, by actor: AuditActor?)
    async throws
  {
    try AccountRules.checkMemberLink(role: role, memberID: memberID)
    try await writer.write { db in
      let account = try Self.existingAccount(login, in: db)
      let scopeID = try Self.scopeID(scopeCode, memberID: memberID, in: db)
      try db.execute(
        sql: "UPDATE account SET role = ?, scope_id = ?, member_id = ? WHERE id = ?",
        arguments: [role.rawValue, scopeID, memberID, account.id])
      try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [account.id])
      try Self.appendAccountEntry(
        "account.role", Self.existingAccount(login, in: db), before: account, by: actor, in: db)
    }
  }

  public func setDisabled(login: String, _ disabled: Bool, by actor: AuditActor?) async throws {
    try await writer.write { db in
      let account = try Self.existingAccount(login, in: db)
      try db.execute(sql: "UPDATE account SET disabled = ? WHERE id = ?", arguments: [disabled, account.id])
      if disabled { try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [account.id]) }
      try Self.appendAccountEntry(
        "account.disable", Self.existingAccount(login, in: db), before: account, by: actor, in: db)
    }
  }

  static func existingAccount(_ login: String, in db: Database) throws -> Account {
    guard let account = try account(login: login, in: db) else { throw AccountRules.unknownAccount(login) }
    return account
  }
}
