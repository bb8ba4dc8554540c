import DangVuCore
import Foundation
import GRDB

/// Sign-in, sessions and API tokens. Limits live here, next to the attempts they count.
extension SQLiteStore {
  /// Five failures for one login, or twenty from one address, within 15 minutes lock further tries
  /// until the oldest of them is 15 minutes old.
  static let attemptWindow: TimeInterval = 15 * 60
  static let failuresPerLogin = 5
  static let failuresPerAddress = 20
  /// A session lasts a working day; signing in again is cheap, a stolen cookie expires soon.
  static let sessionLifetime: TimeInterval = 12 * 3600

  public func signIn(login: String, password: String, from address: String, at time: Date) async throws
    -> SignInOutcome
  {
    let login = login.lowercased().trimmingCharacters(in: .whitespaces)
    let since = time.timeIntervalSince1970 - Self.attemptWindow
    let (stored, locked) = try await writer.read { db -> ((Account, String)?, Int?) in
      let byLogin = try Self.failures(column: "login", login, since: since, in: db)
      let byAddress = try Self.failures(column: "address", address, since: since, in: db)
      var locked: Int?
      for (failures, limit) in [(byLogin, Self.failuresPerLogin), (byAddress, Self.failuresPerAddress)]
      where failures.count >= limit {
        // Free again when the oldest failure that still counts leaves the window.
        let oldest = failures[failures.count - limit]
        locked = max(locked ?? 0, Int((oldest + Self.attemptWindow - time.timeIntervalSince1970).rounded(.up)))
      }
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT \(Self.accountColumns), a.password_hash FROM account a JOIN organisation o ON o.id = a.scope_id
          WHERE a.login = ?
          """, arguments: [login])
      return (try row.map { (try Self.account($0), $0[7] as String) }, locked)
    }
    if let locked {
      try await recordAttempt(login, address, time, succeeded: false)
      return .tooManyAttempts(retryAfter: max(1, locked))
    }
    // Verified outside any transaction: bcrypt is slow on purpose and must not hold the database.
    let matches = await PasswordHash.verify(password, hash: stored?.1 ?? PasswordHash.decoy)
    let succeeded = matches && stored.map { !$0.0.disabled } == true
    try await recordAttempt(login, address, time, succeeded: succeeded)
    guard succeeded, let account = stored?.0 else { return .refused }
    return .signedIn(account)
  }

  private static func failures(column: String, _ value: String, since: Double, in db: Database) throws -> [Double] {
    try Double.fetchAll(
      db,
      sql: "SELECT at FROM sign_in_attempt WHERE \(column) = ? AND at > ? AND succeeded = 0 ORDER BY at",
      arguments: [value, since])
  }

  private func recordAttempt(_ login: String, _ address: String, _ time: Date, succeeded: Bool) async throws {
    try await writer.write { db in
      try db.execute(
        sql: "INSERT INTO sign_in_attempt(login, address, at, succeeded) VALUES (?, ?, ?, ?)",
        arguments: [login, address, time.timeIntervalSince1970, succeeded])
      // A success clears the login's failures, so a person who finally types it right starts afresh.
      if succeeded {
        try db.execute(
          sql: "DELETE FROM sign_in_attempt WHERE login = ? AND succeeded = 0", arguments: [login])
      }
    }
  }

  public func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens {
    let tokens = SessionTokens(
      token: Token.random(), csrfToken: Token.random(), expires: time.addingTimeInterval(Self.sessionLifetime))
    try await writer.write { db in
      // Expired sessions go when new ones come, so the table stays the size of who is working.
      try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [time.timeIntervalSince1970])
      try db.execute(
        sql: "INSERT INTO session(token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          Token.hash(tokens.token), accountID, tokens.csrfToken, time.timeIntervalSince1970,
          tokens.expires.timeIntervalSince1970,
        ])
    }
    return tokens
  }

  public func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)? {
    try readOnCallingThread { db in
      guard
        let row = try db.cachedRow(
          sql: """
            SELECT \(Self.accountColumns), s.csrf_token FROM session s
            JOIN account a ON a.id = s.account_id JOIN organisation o ON o.id = a.scope_id
            WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0
            """, arguments: [Token.hash(token), time.timeIntervalSince1970])
      else { return nil }
      return (try Self.account(row).principal, row[7])
    }
  }

  public func closeSession(token: String) async throws {
    try await writer.write { db in
      try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Token.hash(token)])
    }
  }

  public func issueAPIToken(login: String, name: String, at time: Date) async throws -> String {
    let token = Token.random()
    try await writer.write { db in
      let account = try Self.existingAccount(login, in: db)
      try db.execute(
        sql: "INSERT INTO api_token(account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
        arguments: [account.id, name, Token.hash(token), time.timeIntervalSince1970])
    }
    return token
  }

  public func principal(apiToken: String, at time: Date) async throws -> Principal? {
    try readOnCallingThread { db in
      try db.cachedRow(
        sql: """
          SELECT \(Self.accountColumns) FROM api_token t
          JOIN account a ON a.id = t.account_id JOIN organisation o ON o.id = a.scope_id
          WHERE t.token_hash = ? AND t.revoked = 0 AND a.disabled = 0
          """, arguments: [Token.hash(apiToken)]
      ).map { try Self.account($0).principal }
    }
  }
}
