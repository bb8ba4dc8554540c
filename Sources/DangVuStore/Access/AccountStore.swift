import DangVuCore
import Foundation

/// Accounts, sessions, API tokens and sign-in attempts. All of it lives in the database, so several
/// `dangvu serve` instances behind a proxy share sessions and the sign-in rate limit.
public protocol AccountStore: Sendable {
  /// Adds an account; the password is checked against `AccountRules` and stored as a bcrypt hash. With an actor
  /// (the command line's user), its audit entry (`account.add`) is written in the same transaction; nil is the
  /// demo's accounts and tests.
  func addAccount(_ account: NewAccount, password: String, cost: UInt8, by actor: AuditActor?) async throws -> Account
  func accounts() async throws -> [Account]
  func account(login: String) async throws -> Account?
  /// Sets a new password and ends the account's sessions and API tokens, audited as `actor`'s.
  func setPassword(login: String, password: String, cost: UInt8, by actor: AuditActor, at time: Date) async throws
  /// Changes the role and subtree and ends the account's sessions, so the change applies at once; audited
  /// (`account.role`, before and after) in the same transaction when an actor is given.
  func setRole(login: String, role: Role, scopeCode: String, memberID: Int64?, by actor: AuditActor?) async throws
  /// Disables (ending its sessions) or enables an account; audited (`account.disable`) when an actor is given.
  func setDisabled(login: String, _ disabled: Bool, by actor: AuditActor?) async throws

  /// Checks a password after counting the attempt (SignInThrottle): past a few failures for the login
  /// or from the address, the next try waits a delay that grows with the failures. Checked attempts
  /// are audited, successes and failures alike.
  func signIn(login: String, password: String, from address: String, at time: Date) async throws -> SignInOutcome
  func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens
  /// The principal and CSRF token of a live session; nil when unknown, expired or the account is disabled.
  func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)?
  func closeSession(token: String) async throws

  /// A new API token for integrations, with an expiry; the secret is shown once and only its hash is kept.
  func issueAPIToken(_ new: NewAPIToken, by actor: AuditActor, at time: Date) async throws -> IssuedAPIToken
  /// Tokens, newest first: of one account, and/or of accounts whose scope is inside `rootCode` today.
  func apiTokens(ownedBy accountID: Int64?, within rootCode: String?, on today: Day) async throws -> [APIToken]
  func apiToken(id: Int64) async throws -> APIToken?
  /// Revokes a token (once; revoking again returns it unchanged), audited as `actor`'s.
  func revokeAPIToken(id: Int64, by actor: AuditActor, at time: Date) async throws -> APIToken
  /// Who a token acts for, or why it does not.
  func checkAPIToken(_ secret: String, at time: Date) async throws -> APITokenCheck
}

extension AccountStore {
  public func addAccount(_ account: NewAccount, password: String, by actor: AuditActor? = nil) async throws -> Account {
    try await addAccount(account, password: password, cost: PasswordHash.defaultCost, by: actor)
  }

  /// Without an audit entry, at a chosen bcrypt cost: tests.
  public func addAccount(_ account: NewAccount, password: String, cost: UInt8) async throws -> Account {
    try await addAccount(account, password: password, cost: cost, by: nil)
  }

  public func setPassword(login: String, password: String, by actor: AuditActor) async throws {
    try await setPassword(login: login, password: password, cost: PasswordHash.defaultCost, by: actor, at: Date())
  }

  /// A token with the default lifetime, issued on the server's command line.
  public func issueAPIToken(login: String, name: String, at time: Date) async throws -> String {
    try await issueAPIToken(
      NewAPIToken(login: login, name: name), by: .commandLine(user: "dangvu"), at: time
    ).secret
  }

  public func principal(apiToken: String, at time: Date) async throws -> Principal? {
    if case .valid(let principal) = try await checkAPIToken(apiToken, at: time) { return principal }
    return nil
  }
}

public struct NewAPIToken: Sendable {
  /// Whose token it is.
  public var login: String
  /// What it is for.
  public var name: String
  /// Nil for the default (APITokenRules.defaultLifetimeDays).
  public var lifetimeDays: Int?

  public init(login: String, name: String, lifetimeDays: Int? = nil) {
    self.login = login
    self.name = name
    self.lifetimeDays = lifetimeDays
  }
}

/// A token just issued: its record, and the secret to hand over once.
public struct IssuedAPIToken: Sendable {
  public var token: APIToken
  public var secret: String

  public init(token: APIToken, secret: String) {
    self.token = token
    self.secret = secret
  }
}

public enum APITokenCheck: Sendable, Equatable {
  case valid(Principal)
  /// Past its expiry (seconds since 1970).
  case expired(at: Double)
  case revoked
  /// No such token, or its account is locked.
  case unknown
}

public struct NewAccount: Sendable {
  public var login: String
  public var displayName: String
  public var role: Role
  public var scopeCode: String
  public var memberID: Int64?

  public init(login: String, displayName: String, role: Role, scopeCode: String, memberID: Int64? = nil) {
    self.login = login
    self.displayName = displayName
    self.role = role
    self.scopeCode = scopeCode
    self.memberID = memberID
  }
}

public enum SignInOutcome: Sendable, Equatable {
  case signedIn(Account)
  case refused
  /// Too many failed attempts: try again after this many seconds.
  case tooManyAttempts(retryAfter: Int)
}

public struct SessionTokens: Sendable {
  /// Goes in the session cookie; the store keeps only its hash.
  public var token: String
  public var csrfToken: String
  public var expires: Date
}
