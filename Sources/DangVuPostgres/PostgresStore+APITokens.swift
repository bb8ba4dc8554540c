import DangVuCore
import DangVuStore
import Foundation
import PostgresNIO

/// API tokens on PostgreSQL (SQLite's `SQLiteStore+APITokens.swift`): issued with an expiry, listed, revoked, each
/// write with its audit entry (`NewAuditEntry.apiToken`) in one transaction under the accounts' lock.
extension PostgresStore {
  public func issueAPIToken(_ new: NewAPIToken, by actor: AuditActor, at time: Date) async throws -> IssuedAPIToken {
    let checked = try CheckedAPIToken(new, at: time)
    let token = try await writeAccounts { transaction -> APIToken in
      let account = try await Self.existingAccount(new.login, in: transaction)
      let ids = try await transaction.rows(
        """
        INSERT INTO api_token(account_id, name, token_hash, created_at, expires_at)
        VALUES (\(account.id), \(checked.name), \(Token.hash(checked.secret)), \(checked.created), \(checked.expires))
        RETURNING id
        """, columns: ["api_token.id"])
      let token = APIToken(
        id: try ids[0].value(0), accountID: account.id, login: account.login, displayName: account.displayName,
        scopeCode: account.scopeCode, name: checked.name, created: checked.created, expires: checked.expires)
      _ = try await Self.append(NewAuditEntry.apiToken(token, action: "account.token", by: actor), in: transaction)
      return token
    }
    return IssuedAPIToken(token: token, secret: checked.secret)
  }

  public func apiTokens(ownedBy accountID: Int64?, within rootCode: String?, on today: Day) async throws
    -> [APIToken]
  {
    // The owners inside the root's subtree today: the tree's own walk (`inSubtree`), in the same statement.
    var query = rootCode.map { Self.inSubtree(of: $0, on: today, "") } ?? PostgresQuery(unsafeSQL: "")
    var conditions = rootCode == nil ? ["true"] : ["a.scope_id IN (SELECT id FROM sub)"]
    if let accountID {
      query.binds.append(accountID)
      conditions.append("t.account_id = $\(query.binds.count)")
    }
    query.sql += """
      SELECT \(Self.apiTokenColumns) \(Self.apiTokenFrom)
      WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.id DESC
      """
    let statement = query
    return try await read { transaction in
      try await transaction.rows(statement, columns: Self.apiTokenColumnNames).map(Self.apiToken)
    }
  }

  public func apiToken(id: Int64) async throws -> APIToken? {
    try await read { transaction in try await Self.apiToken(id: id, in: transaction) }
  }

  public func revokeAPIToken(id: Int64, by actor: AuditActor, at time: Date) async throws -> APIToken {
    try await writeAccounts { transaction in
      guard var token = try await Self.apiToken(id: id, in: transaction) else { throw APITokenRules.unknownToken(id) }
      // Revoking twice changes nothing and records nothing: the first revocation stands.
      guard token.revoked == nil else { return token }
      try await Self.revoke(&token, by: actor.login, at: time, in: transaction)
      _ = try await Self.append(
        NewAuditEntry.apiToken(token, action: "account.tokenRevoke", by: actor), in: transaction)
      return token
    }
  }

  /// Ends every live token of an account, inside the caller's transaction (a new password), naming `reason` as the
  /// revoker and `actor` in each entry.
  static func revokeAPITokens(
    of account: Account, reason: String, by actor: AuditActor, at time: Date, in transaction: PostgresTransaction
  ) async throws {
    let live = try await transaction.rows(
      """
      SELECT \(unescaped: apiTokenColumns) \(unescaped: apiTokenFrom)
      WHERE t.account_id = \(account.id) AND t.revoked_at IS NULL ORDER BY t.id
      """, columns: apiTokenColumnNames
    ).map(apiToken)
    for var token in live {
      try await revoke(&token, by: reason, at: time, in: transaction)
      _ = try await append(NewAuditEntry.apiToken(token, action: "account.tokenRevoke", by: actor), in: transaction)
    }
  }

  private static func revoke(
    _ token: inout APIToken, by revoker: String, at time: Date, in transaction: PostgresTransaction
  )
    async throws
  {
    try await transaction.query(
      """
      UPDATE api_token SET revoked = true, revoked_at = \(time.timeIntervalSince1970), revoked_by = \(revoker)
      WHERE id = \(token.id)
      """)
    token.revoked = time.timeIntervalSince1970
    token.revokedBy = revoker
  }

  // Every API request makes this check: one statement, without a transaction around (`statement`).
  public func checkAPIToken(_ secret: String, at time: Date) async throws -> APITokenCheck {
    let rows = try await statement(
      """
      SELECT \(unescaped: Self.accountColumns), t.expires_at, t.revoked_at, \(unescaped: Self.scopeLifeColumns)
      FROM api_token t JOIN account a ON a.id = t.account_id JOIN organisation o ON o.id = a.scope_id
      WHERE t.token_hash = \(Token.hash(secret))
      """,
      columns: Self.accountColumnNames + ["api_token.expires_at", "api_token.revoked_at"] + Self.scopeLifeColumnNames)
    guard let row = rows.first else { return .unknown }
    return APITokenCheck.of(
      try Self.account(row), scopeLife: try Self.scopeLife(row, at: 9), revokedAt: try row.optional(8, as: Double.self),
      expires: try row.value(7), at: time)
  }

  static let apiTokenColumns = """
    t.id, t.account_id, a.login, a.display_name, o.code, t.name, t.created_at, t.expires_at, t.revoked_at, t.revoked_by
    """
  static let apiTokenColumnNames = [
    "api_token.id", "api_token.account_id", "account.login", "account.display_name", "organisation.code",
    "api_token.name", "api_token.created_at", "api_token.expires_at", "api_token.revoked_at", "api_token.revoked_by",
  ]
  static let apiTokenFrom =
    "FROM api_token t JOIN account a ON a.id = t.account_id JOIN organisation o ON o.id = a.scope_id"

  static func apiToken(_ row: StoredRow) throws -> APIToken {
    APIToken(
      id: try row.value(0), accountID: try row.value(1), login: try row.value(2), displayName: try row.value(3),
      scopeCode: try row.value(4), name: try row.value(5), created: try row.value(6), expires: try row.value(7),
      revoked: try row.optional(8), revokedBy: try row.optional(9))
  }

  static func apiToken(id: Int64, in transaction: PostgresTransaction) async throws -> APIToken? {
    try await transaction.rows(
      "SELECT \(unescaped: apiTokenColumns) \(unescaped: apiTokenFrom) WHERE t.id = \(id)",
      columns: apiTokenColumnNames
    ).first.map(apiToken)
  }
}
