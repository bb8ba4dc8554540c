import DangVuCore
import Foundation
import GRDB

/// API tokens: issued with an expiry, listed, revoked; each write with its audit entry in one transaction.
extension SQLiteStore {
  static let apiTokenColumns = """
    t.id, t.account_id, a.login, a.display_name, o.code, t.name, t.created_at, t.expires_at, t.revoked_at,
    t.revoked_by, a.scope_id
    """

  static let apiTokenFrom =
    "FROM api_token t JOIN account a ON a.id = t.account_id JOIN organisation o ON o.id = a.scope_id"

  static func apiToken(_ row: Row) -> APIToken {
    APIToken(
      id: row[0], accountID: row[1], login: row[2], displayName: row[3], scopeCode: row[4], name: row[5],
      created: row[6], expires: row[7] ?? row[6], revoked: row[8], revokedBy: row[9])
  }

  public func issueAPIToken(_ new: NewAPIToken, by actor: AuditActor, at time: Date) async throws -> IssuedAPIToken {
    let checked = try CheckedAPIToken(new, at: time)
    let token = try await writer.write { db -> APIToken in
      let account = try Self.existingAccount(new.login, in: db)
      try db.execute(
        sql: "INSERT INTO api_token(account_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [account.id, checked.name, Token.hash(checked.secret), checked.created, checked.expires])
      let token = APIToken(
        id: db.lastInsertedRowID, accountID: account.id, login: account.login, displayName: account.displayName,
        scopeCode: account.scopeCode, name: checked.name, created: checked.created, expires: checked.expires)
      _ = try Self.append(NewAuditEntry.apiToken(token, action: "account.token", by: actor), in: db)
      return token
    }
    return IssuedAPIToken(token: token, secret: checked.secret)
  }

  public func apiTokens(ownedBy accountID: Int64?, within rootCode: String?, on today: Day) async throws
    -> [APIToken]
  {
    try await writer.read { db in
      var conditions: [String] = []
      var arguments: [any DatabaseValueConvertible] = []
      if let accountID {
        conditions.append("t.account_id = ?")
        arguments.append(accountID)
      }
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.apiTokenColumns) \(Self.apiTokenFrom)
          WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")) ORDER BY t.id DESC
          """, arguments: StatementArguments(arguments))
      var tokens: [APIToken] = []
      for row in rows {
        if let rootCode, try !Self.unitIsWithin(id: row[10], rootCode: rootCode, on: today, in: db) { continue }
        tokens.append(Self.apiToken(row))
      }
      return tokens
    }
  }

  public func apiToken(id: Int64) async throws -> APIToken? {
    try await writer.read { db in
      try Row.fetchOne(
        db, sql: "SELECT \(Self.apiTokenColumns) \(Self.apiTokenFrom) WHERE t.id = ?", arguments: [id]
      ).map(Self.apiToken)
    }
  }

  public func revokeAPIToken(id: Int64, by actor: AuditActor, at time: Date) async throws -> APIToken {
    try await writer.write { db in
      guard
        var token = try Row.fetchOne(
          db, sql: "SELECT \(Self.apiTokenColumns) \(Self.apiTokenFrom) WHERE t.id = ?", arguments: [id]
        ).map(Self.apiToken)
      else {
        throw APITokenRules.unknownToken(id)
      }
      // Revoking twice changes nothing and records nothing: the first revocation stands.
      guard token.revoked == nil else { return token }
      try db.execute(
        sql: "UPDATE api_token SET revoked = 1, revoked_at = ?, revoked_by = ? WHERE id = ?",
        arguments: [time.timeIntervalSince1970, actor.login, id])
      token.revoked = time.timeIntervalSince1970
      token.revokedBy = actor.login
      _ = try Self.append(NewAuditEntry.apiToken(token, action: "account.tokenRevoke", by: actor), in: db)
      return token
    }
  }

  /// Ends every live token of an account, inside the caller's transaction (a new password).
  static func revokeAPITokens(of account: Account, reason: String, by actor: AuditActor, at time: Date, in db: Database)
    throws
  {
    let live = try Row.fetchAll(
      db, sql: "SELECT \(apiTokenColumns) \(apiTokenFrom) WHERE t.account_id = ? AND t.revoked_at IS NULL",
      arguments: [account.id]
    ).map(apiToken)
    for var token in live {
      try db.execute(
        sql: "UPDATE api_token SET revoked = 1, revoked_at = ?, revoked_by = ? WHERE id = ?",
        arguments: [time.timeIntervalSince1970, reason, token.id])
      token.revoked = time.timeIntervalSince1970
      token.revokedBy = reason
      _ = try append(NewAuditEntry.apiToken(token, action: "account.tokenRevoke", by: actor), in: db)
    }
  }

  public func checkAPIToken(_ secret: String, at time: Date) async throws -> APITokenCheck {
    // On the calling thread: every API request makes this check (SQLiteStore.readOnCallingThread).
    try readOneQueryOnCallingThread { db in
      guard
        let row = try db.cachedRow(
          sql: """
            SELECT \(Self.accountColumns), t.expires_at, t.revoked_at, t.created_at, \(Self.scopeLifeColumns)
            FROM api_token t
            JOIN account a ON a.id = t.account_id JOIN organisation o ON o.id = a.scope_id
            WHERE t.token_hash = ?
            """, arguments: [Token.hash(secret)])
      else { return .unknown }
      return APITokenCheck.of(
        try Self.account(row), scopeLife: Self.scopeLife(row, at: 10), revokedAt: row[8],
        expires: (row[7] as Double?) ?? (row[9] as Double), at: time)
    }
  }
}
