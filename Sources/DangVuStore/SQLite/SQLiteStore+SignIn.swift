import DangVuCore
import Foundation
import GRDB

/// Sign-in with growing delays (SignInThrottle, docs/decisions/0018). The attempt is decided and
/// recorded in one write transaction before the password is checked, so parallel guesses are counted
/// one after another: the sixth of twelve sent at once already meets the delay.
extension SQLiteStore {
  public func signIn(login: String, password: String, from address: String, at time: Date) async throws
    -> SignInOutcome
  {
    let attempt = SignInAttempt(login: login, address: address, at: time)
    return try await attempt.run(password: password) {
      try await writer.write { db -> SignInAttempt.Started in
        if case .wait(let seconds) = try Self.throttle(attempt, in: db) { return .wait(seconds: seconds) }
        // Counted as a failure until the password proves right, so attempts running alongside see it.
        try db.execute(
          sql: "INSERT INTO sign_in_attempt(login, address, at, succeeded) VALUES (?, ?, ?, 0)",
          arguments: [attempt.login, attempt.address, attempt.now])
        let attemptID = db.lastInsertedRowID
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT \(Self.accountColumns), a.password_hash FROM account a JOIN organisation o ON o.id = a.scope_id
            WHERE a.login = ?
            """, arguments: [attempt.login])
        return .check(
          attemptID: attemptID,
          stored: try row.map { StoredCredentials(account: try Self.account($0), passwordHash: $0[7]) })
      }
    } finish: { attemptID, checked in
      try await writer.write { db in
        if checked.succeeded {
          try db.execute(sql: "UPDATE sign_in_attempt SET succeeded = 1 WHERE id = ?", arguments: [attemptID])
        }
        try db.execute(sql: "DELETE FROM sign_in_attempt WHERE at < ?", arguments: [attempt.keptSince])
        // A login that does not exist is kept under the top of the tree.
        let root = checked.account == nil ? try Self.rootCode(in: db) : nil
        _ = try Self.append(NewAuditEntry.signIn(checked, rootCode: root), in: db)
      }
    }
  }

  /// The failures that count for this login and this address, and whether the address is one the
  /// login signed in from lately.
  static func throttle(_ attempt: SignInAttempt, in db: Database) throws -> SignInThrottle.Decision {
    let lastSuccess = try Double.fetchOne(
      db, sql: "SELECT MAX(at) FROM sign_in_attempt WHERE login = ? AND succeeded = 1", arguments: [attempt.login])
    let loginFailures = try Double.fetchAll(
      db, sql: "SELECT at FROM sign_in_attempt WHERE login = ? AND succeeded = 0 AND at > ? AND at <= ?",
      arguments: [attempt.login, attempt.loginFailuresSince(lastSuccess: lastSuccess), attempt.now])
    let addressFailures = try Double.fetchAll(
      db, sql: "SELECT at FROM sign_in_attempt WHERE address = ? AND succeeded = 0 AND at > ? AND at <= ?",
      arguments: [attempt.address, attempt.windowStart, attempt.now])
    let known =
      try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM sign_in_attempt WHERE login = ? AND succeeded = 1 AND address = ? AND at > ? LIMIT 1
          """, arguments: [attempt.login, attempt.address, attempt.knownAddressSince]) != nil
    return SignInThrottle.decide(
      now: attempt.now, loginFailures: loginFailures, addressFailures: addressFailures, knownAddress: known)
  }

  /// The top of the tree: a unit never placed under another.
  static func rootCode(in db: Database) throws -> String? {
    try String.fetchOne(
      db,
      sql: """
        SELECT o.code FROM organisation o WHERE NOT EXISTS (
          SELECT 1 FROM organisation_parent p WHERE p.child_id = o.id AND p.parent_id IS NOT NULL)
        ORDER BY o.id LIMIT 1
        """)
  }
}
