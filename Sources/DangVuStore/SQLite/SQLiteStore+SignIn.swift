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
    let login = String(login.lowercased().trimmingCharacters(in: .whitespaces).prefix(64))
    let address = String(address.prefix(64))
    let now = time.timeIntervalSince1970
    let started = try await writer.write { db -> StartedAttempt in
      switch try Self.throttle(login: login, address: address, now: now, in: db) {
      case .wait(let seconds): return .refused(retryAfter: seconds)
      case .check: break
      }
      // Counted as a failure until the password proves right, so attempts running alongside see it.
      try db.execute(
        sql: "INSERT INTO sign_in_attempt(login, address, at, succeeded) VALUES (?, ?, ?, 0)",
        arguments: [login, address, now])
      let attemptID = db.lastInsertedRowID
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT \(Self.accountColumns), a.password_hash FROM account a JOIN organisation o ON o.id = a.scope_id
          WHERE a.login = ?
          """, arguments: [login])
      return .check(attemptID: attemptID, stored: try row.map { (try Self.account($0), $0[7] as String) })
    }
    guard case .check(let attemptID, let stored) = started else {
      if case .refused(let seconds) = started { return .tooManyAttempts(retryAfter: seconds) }
      return .refused
    }
    // Verified outside any transaction: bcrypt is slow on purpose and must not hold the database.
    let matches = await PasswordHash.verify(password, hash: stored?.1 ?? PasswordHash.decoy)
    let account = stored?.0
    let succeeded = matches && account.map { !$0.disabled } == true
    try await writer.write { db in
      if succeeded {
        try db.execute(sql: "UPDATE sign_in_attempt SET succeeded = 1 WHERE id = ?", arguments: [attemptID])
      }
      // Attempts are working state for the delays (a day) and the known addresses (30 days); the audit
      // trail keeps them all. Old rows go as new ones come, so the table stays the size of a month.
      try db.execute(
        sql: "DELETE FROM sign_in_attempt WHERE at < ?", arguments: [now - SignInThrottle.knownAddressPeriod])
      try Self.auditSignIn(
        login: login, account: account, address: address, succeeded: succeeded,
        reason: account == nil ? "unknownLogin" : (matches ? "accountLocked" : "wrongPassword"), in: db)
    }
    guard succeeded, let account else { return .refused }
    return .signedIn(account)
  }

  private enum StartedAttempt {
    case refused(retryAfter: Int)
    case check(attemptID: Int64, stored: (Account, String)?)
  }

  /// The failures that count for this login and this address, and whether the address is one the
  /// login signed in from lately.
  static func throttle(login: String, address: String, now: Double, in db: Database) throws
    -> SignInThrottle.Decision
  {
    let windowStart = now - SignInThrottle.window
    // A success starts the login afresh; the rows stay, for the administrator and the known-address check.
    let lastSuccess = try Double.fetchOne(
      db, sql: "SELECT MAX(at) FROM sign_in_attempt WHERE login = ? AND succeeded = 1", arguments: [login])
    let loginFailures = try Double.fetchAll(
      db, sql: "SELECT at FROM sign_in_attempt WHERE login = ? AND succeeded = 0 AND at > ? AND at <= ?",
      arguments: [login, max(windowStart, lastSuccess ?? windowStart), now])
    let addressFailures = try Double.fetchAll(
      db, sql: "SELECT at FROM sign_in_attempt WHERE address = ? AND succeeded = 0 AND at > ? AND at <= ?",
      arguments: [address, windowStart, now])
    let known =
      try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM sign_in_attempt WHERE login = ? AND succeeded = 1 AND address = ? AND at > ? LIMIT 1
          """, arguments: [login, address, now - SignInThrottle.knownAddressPeriod]) != nil
    return SignInThrottle.decide(
      now: now, loginFailures: loginFailures, addressFailures: addressFailures, knownAddress: known)
  }

  /// Every checked attempt goes into the audit trail with its outcome, in the same transaction as the
  /// attempt's outcome: under the account's unit, or for a login that does not exist, under the root.
  private static func auditSignIn(
    login: String, account: Account?, address: String, succeeded: Bool, reason: String, in db: Database
  ) throws {
    // A failure is not the account owner's doing: it is named by the login typed, not by the account.
    let actor = succeeded ? account.map { AuditActor($0.principal) } : nil
    let named = actor ?? AuditActor.anonymous(typed: login)
    let scope = try account?.scopeCode ?? rootCode(in: db) ?? "(không rõ)"
    let after = try NewAuditEntry.json(succeeded ? ["address": address] : ["address": address, "reason": reason])
    _ = try append(
      NewAuditEntry(
        actorLogin: named.login, actorRole: named.role,
        action: succeeded ? "session.signIn" : "session.signInRefused", subject: "account:\(named.login)",
        scopeCode: scope, after: after), in: db)
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
