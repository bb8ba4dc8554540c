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

  public func allows(_ permission: Permission) -> Bool { role.allows(permission) }
}
