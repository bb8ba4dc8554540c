import DangVuCore
import Foundation

/// What every engine checks and computes before and after it reads or writes accounts, sessions and tokens
/// (decision 0045): the rules in Core are called here once, so no engine copies them.
extension NewAccount {
  /// Checks the new account against `AccountRules` and hashes its password. Run before the write transaction: the
  /// slow hash never holds the database.
  public func checkedPasswordHash(_ password: String, cost: UInt8) async throws -> String {
    try AccountRules.checkLogin(login)
    try AccountRules.checkPassword(password, login: login)
    try AccountRules.checkMemberLink(role: role, memberID: memberID)
    try AccountRules.checkDisplayName(displayName)
    return await PasswordHash.make(password, cost: cost)
  }
}

extension PasswordHash {
  /// A new password for `login`, checked and hashed before the write transaction.
  public static func checked(_ password: String, login: String, cost: UInt8) async throws -> String {
    try AccountRules.checkPassword(password, login: login)
    return await make(password, cost: cost)
  }
}

extension Account {
  /// The principal of a signed-in request, with its root's lifespan read in the same query as the account.
  public func principal(scopeLife: Lifespan) -> Principal {
    var principal = principal
    principal.scopeLife = scopeLife
    return principal
  }
}

extension SessionTokens {
  /// A session lasts a working day: signing in again is cheap, a stolen cookie expires soon.
  public static let lifetime: TimeInterval = 12 * 3600

  /// New random tokens for a session opened at `time`; the store keeps the cookie's hash (`Token.hash`).
  public init(openedAt time: Date) {
    self.init(token: Token.random(), csrfToken: Token.random(), expires: time.addingTimeInterval(Self.lifetime))
  }
}

/// A token about to be issued: its name and lifetime checked (`APITokenRules`), its secret drawn.
public struct CheckedAPIToken: Sendable {
  public let name: String
  public let secret: String
  /// Seconds since 1970.
  public let created: Double
  public let expires: Double

  public init(_ new: NewAPIToken, at time: Date) throws {
    name = try APITokenRules.checkName(new.name)
    let days = try APITokenRules.lifetimeDays(new.lifetimeDays)
    secret = Token.random()
    created = time.timeIntervalSince1970
    expires = created + Double(days) * 86400
  }
}

extension APITokenCheck {
  /// What a stored token allows at `time`, in the order every engine checks: a locked account's token is unknown,
  /// then revoked, then expired.
  public static func of(
    _ account: Account, scopeLife: Lifespan, revokedAt: Double?, expires: Double, at time: Date
  ) -> APITokenCheck {
    if account.disabled { return .unknown }
    if revokedAt != nil { return .revoked }
    if time.timeIntervalSince1970 >= expires { return .expired(at: expires) }
    return .valid(account.principal(scopeLife: scopeLife))
  }
}
