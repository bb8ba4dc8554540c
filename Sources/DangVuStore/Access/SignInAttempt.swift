import DangVuCore
import Foundation

/// One sign-in as every engine runs it (docs/decisions/0018, 0045): in a first transaction the engine reads the
/// failures that count (`SignInThrottle.decide`) and records the attempt as a failure; then the password is checked
/// here, outside any transaction (bcrypt is slow on purpose and must not hold the database); in a second transaction
/// the engine records the outcome with its audit entry (`NewAuditEntry.signIn`).
public struct SignInAttempt: Sendable {
  /// The login as typed, lower-cased and trimmed, at most 64 characters: how attempts are counted and kept.
  public let login: String
  /// At most 64 characters, as kept.
  public let address: String
  /// Seconds since 1970.
  public let now: Double

  public init(login: String, address: String, at time: Date) {
    self.login = String(login.lowercased().trimmingCharacters(in: .whitespaces).prefix(64))
    self.address = String(address.prefix(64))
    now = time.timeIntervalSince1970
  }

  /// Failures after this count (seconds since 1970): the throttle's window.
  public var windowStart: Double { now - SignInThrottle.window }

  /// The login's failures that count start after its last success, within the window: a success starts the login
  /// afresh (the rows stay, for the administrator and the known-address check).
  public func loginFailuresSince(lastSuccess: Double?) -> Double { max(windowStart, lastSuccess ?? windowStart) }

  /// A success from this address after this time makes it the login's known place.
  public var knownAddressSince: Double { now - SignInThrottle.knownAddressPeriod }

  /// Attempts are working state for the delays (a day) and the known addresses (30 days); the audit trail keeps
  /// them all. Rows older than this go as new ones come, so the table stays the size of a month.
  public var keptSince: Double { now - SignInThrottle.knownAddressPeriod }

  /// Checks the password against what is stored for the login (nil: no such login, checked against a decoy so that
  /// a wrong login takes as long as a wrong password). Runs outside any transaction.
  public func check(_ password: String, against stored: StoredCredentials?) async -> CheckedSignIn {
    let matches = await PasswordHash.verify(password, hash: stored?.passwordHash ?? PasswordHash.decoy)
    return CheckedSignIn(attempt: self, account: stored?.account, matches: matches)
  }
}

extension SignInAttempt {
  /// What the first transaction decided: wait, or check the password of the attempt it recorded.
  public enum Started: Sendable {
    case wait(seconds: Int)
    /// The attempt's row, and the account and hash stored for the login (nil: no such login).
    case check(attemptID: Int64, stored: StoredCredentials?)
  }
}

/// An account and its password hash, as a sign-in reads them.
public struct StoredCredentials: Sendable {
  public var account: Account
  public var passwordHash: String

  public init(account: Account, passwordHash: String) {
    self.account = account
    self.passwordHash = passwordHash
  }
}

/// What a checked attempt came to.
public struct CheckedSignIn: Sendable {
  public let attempt: SignInAttempt
  public let account: Account?
  /// The right password for an account that is not disabled.
  public let succeeded: Bool
  /// Why it failed, as the trail keeps it; nil for a success.
  public let failure: String?

  init(attempt: SignInAttempt, account: Account?, matches: Bool) {
    self.attempt = attempt
    self.account = account
    succeeded = matches && account.map { !$0.disabled } == true
    failure = succeeded ? nil : (account == nil ? "unknownLogin" : (matches ? "accountLocked" : "wrongPassword"))
  }

  public var outcome: SignInOutcome {
    guard succeeded, let account else { return .refused }
    return .signedIn(account)
  }
}

extension SignInAttempt {
  /// A sign-in as every engine runs it: `start` decides and records the attempt in one transaction (a delay to wait,
  /// or the attempt's row and what is stored for the login); the password is then checked outside any transaction,
  /// because bcrypt is slow on purpose and must hold no connection; `finish` marks a success and appends the audit
  /// entry in a second transaction.
  public func run(
    password: String, start: () async throws -> Started,
    finish: (_ attemptID: Int64, _ checked: CheckedSignIn) async throws -> Void
  ) async throws -> SignInOutcome {
    switch try await start() {
    case .wait(let seconds): return .tooManyAttempts(retryAfter: seconds)
    case .check(let attemptID, let stored):
      let checked = await check(password, against: stored)
      try await finish(attemptID, checked)
      return checked.outcome
    }
  }
}
