import DangVuCore
import DangVuStore
import Foundation
import PostgresNIO

/// Sessions and sign-in on PostgreSQL (SQLite's `SQLiteStore+Sessions.swift` and `+SignIn.swift`): attempts are
/// rows of the database, so the growing delays (`SignInThrottle`) count the attempts of every server on it.
extension PostgresStore {
  /// Taken by the transaction that decides and records an attempt, on every server ("DVsignin" in ASCII): attempts
  /// are decided one after another as SQLite's one writer decides them, so the sixth of twelve guesses sent at once,
  /// to any of the servers, already meets the delay.
  static let signInLock: Int64 = 0x4456_7369_676E_696E

  public func signIn(login: String, password: String, from address: String, at time: Date) async throws
    -> SignInOutcome
  {
    let attempt = SignInAttempt(login: login, address: address, at: time)
    return try await attempt.run(password: password) {
      try await write { transaction -> SignInAttempt.Started in
        try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.signInLock))")
        if case .wait(let seconds) = try await Self.throttle(attempt, in: transaction) {
          return .wait(seconds: seconds)
        }
        // Counted as a failure until the password proves right, so attempts running alongside see it.
        let ids = try await transaction.rows(
          """
          INSERT INTO sign_in_attempt(login, address, at, succeeded)
          VALUES (\(attempt.login), \(attempt.address), \(attempt.now), false) RETURNING id
          """, columns: ["sign_in_attempt.id"])
        let stored = try await transaction.rows(
          """
          SELECT \(unescaped: Self.accountColumns), a.password_hash FROM account a JOIN organisation o ON o.id = a.scope_id
          WHERE a.login = \(attempt.login)
          """, columns: Self.accountColumnNames + ["account.password_hash"]
        ).first.map { StoredCredentials(account: try Self.account($0), passwordHash: try $0.value(7)) }
        return .check(attemptID: try ids[0].value(0), stored: stored)
      }
    } finish: { attemptID, checked in
      try await write { transaction in
        if checked.succeeded {
          try await transaction.query("UPDATE sign_in_attempt SET succeeded = true WHERE id = \(attemptID)")
        }
        try await transaction.query("DELETE FROM sign_in_attempt WHERE at < \(attempt.keptSince)")
        // A login that does not exist is kept under the top of the tree.
        let root = checked.account == nil ? try await Self.firstUnplacedCode(in: transaction) : nil
        _ = try await Self.append(NewAuditEntry.signIn(checked, rootCode: root), in: transaction)
      }
    }
  }

  /// The failures that count for this login and this address, and whether the address is one the login signed in
  /// from lately (SQLite's `throttle`); `SignInThrottle.decide` decides.
  static func throttle(_ attempt: SignInAttempt, in transaction: PostgresTransaction) async throws
    -> SignInThrottle.Decision
  {
    let lastSuccess = try await transaction.rows(
      "SELECT max(at) FROM sign_in_attempt WHERE login = \(attempt.login) AND succeeded",
      columns: ["sign_in_attempt.at"]
    ).first?.optional(0, as: Double.self)
    let loginFailures = try await transaction.rows(
      """
      SELECT at FROM sign_in_attempt WHERE login = \(attempt.login) AND NOT succeeded
        AND at > \(attempt.loginFailuresSince(lastSuccess: lastSuccess)) AND at <= \(attempt.now)
      """, columns: ["sign_in_attempt.at"]
    ).map { try $0.value(0, as: Double.self) }
    let addressFailures = try await transaction.rows(
      """
      SELECT at FROM sign_in_attempt WHERE address = \(attempt.address) AND NOT succeeded
        AND at > \(attempt.windowStart) AND at <= \(attempt.now)
      """, columns: ["sign_in_attempt.at"]
    ).map { try $0.value(0, as: Double.self) }
    let known = try await exists(
      """
      SELECT 1 FROM sign_in_attempt WHERE login = \(attempt.login) AND succeeded AND address = \(attempt.address)
        AND at > \(attempt.knownAddressSince) LIMIT 1
      """, in: transaction)
    return SignInThrottle.decide(
      now: attempt.now, loginFailures: loginFailures, addressFailures: addressFailures, knownAddress: known)
  }

  public func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens {
    let tokens = SessionTokens(openedAt: time)
    try await write { transaction in
      // Expired sessions go when new ones come, so the table stays the size of who is working.
      try await transaction.query("DELETE FROM session WHERE expires_at <= \(time.timeIntervalSince1970)")
      try await transaction.query(
        """
        INSERT INTO session(token_hash, account_id, csrf_token, created_at, expires_at)
        VALUES (\(Token.hash(tokens.token)), \(accountID), \(tokens.csrfToken), \(time.timeIntervalSince1970),
          \(tokens.expires.timeIntervalSince1970))
        """)
    }
    return tokens
  }

  // Every signed-in page asks it: one statement, without a transaction around (`statement`).
  public func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)? {
    let rows = try await statement(
      """
      SELECT \(unescaped: Self.accountColumns), s.csrf_token, \(unescaped: Self.scopeLifeColumns) FROM session s
      JOIN account a ON a.id = s.account_id JOIN organisation o ON o.id = a.scope_id
      WHERE s.token_hash = \(Token.hash(token)) AND s.expires_at > \(time.timeIntervalSince1970) AND NOT a.disabled
      """, columns: Self.accountColumnNames + ["session.csrf_token"] + Self.scopeLifeColumnNames)
    guard let row = rows.first else { return nil }
    return (try Self.account(row).principal(scopeLife: try Self.scopeLife(row, at: 8)), try row.value(7))
  }

  public func closeSession(token: String) async throws {
    try await write { transaction in
      _ = try await transaction.query("DELETE FROM session WHERE token_hash = \(Token.hash(token))")
    }
  }
}
