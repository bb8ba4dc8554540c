/// The signed-in person a request acts for: their account, role and the root of the subtree they act in.
public struct Principal: Hashable, Codable, Sendable {
  public var accountID: Int64
  public var login: String
  public var displayName: String
  public var role: Role
  /// Code of the unit at the top of their subtree.
  public var scopeCode: String
  /// For the member role: whose record they may see.
  public var memberID: Int64?
  /// When the root existed, read with the account by the store that signed the principal in: whether the root
  /// existed on a report's day then costs no read of the tree (`Access.reportScope`, asked by every report request).
  /// Nil when the principal was made without it; the tree is read then.
  public var scopeLife: Lifespan?

  public init(
    accountID: Int64, login: String, displayName: String, role: Role, scopeCode: String, memberID: Int64? = nil
  ) {
    self.accountID = accountID
    self.login = login
    self.displayName = displayName
    self.role = role
    self.scopeCode = scopeCode
    self.memberID = memberID
  }

  /// Whether the root existed on `day`; nil when `scopeLife` is not known.
  public func scopeExists(on day: Day) -> Bool? { scopeLife?.includes(day) }

  public func allows(_ permission: Permission) -> Bool { role.allows(permission) }
}
