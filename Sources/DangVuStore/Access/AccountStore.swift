import DangVuCore
import Foundation

/// Accounts, sessions, API tokens and sign-in attempts. All of it lives in the database, so several
/// `dangvu serve` instances behind a proxy share sessions and the sign-in rate limit.
public protocol AccountStore: Sendable {
  /// Adds an account; the password is checked against `AccountRules` and stored as a bcrypt hash.
  func addAccount(_ account: NewAccount, password: String, cost: UInt8) async throws -> Account
  func accounts() async throws -> [Account]
  func account(login: String) async throws -> Account?
  /// Sets a new password and ends the account's sessions.
  func setPassword(login: String, password: String, cost: UInt8) async throws
  /// Changes the role and subtree and ends the account's sessions, so the change applies at once.
  func setRole(login: String, role: Role, scopeCode: String, memberID: Int64?) async throws
  func setDisabled(login: String, _ disabled: Bool) async throws

  /// Checks a password, counting the attempt for the rate limit: too many failures for the login or
  /// from the address refuse further tries for a while, even with the right password.
  func signIn(login: String, password: String, from address: String, at time: Date) async throws -> SignInOutcome
  func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens
  /// The principal and CSRF token of a live session; nil when unknown, expired or the account is disabled.
  func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)?
  func closeSession(token: String) async throws

  /// A new API token for integrations; the token is shown once and only its hash is kept.
  func issueAPIToken(login: String, name: String, at time: Date) async throws -> String
  func principal(apiToken: String, at time: Date) async throws -> Principal?
}

extension AccountStore {
  public func addAccount(_ account: NewAccount, password: String) async throws -> Account {
    try await addAccount(account, password: password, cost: PasswordHash.defaultCost)
  }

  public func setPassword(login: String, password: String) async throws {
    try await setPassword(login: login, password: password, cost: PasswordHash.defaultCost)
  }
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
