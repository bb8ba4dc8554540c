/// Who an audit entry names as having done the write: a signed-in principal, or on the server's
/// command line the operating-system user with the role `system`.
public struct AuditActor: Hashable, Sendable {
  public var login: String
  public var role: String

  public init(login: String, role: String) {
    self.login = login
    self.role = role
  }

  public init(_ principal: Principal) {
    self.init(login: principal.login, role: principal.role.rawValue)
  }

  public static func commandLine(user: String) -> AuditActor {
    AuditActor(login: user.allSatisfy(\.isWhitespace) ? "dangvu" : user, role: "system")
  }

  /// Someone not signed in, named by the login they typed.
  public static func anonymous(typed login: String) -> AuditActor {
    AuditActor(login: login.allSatisfy(\.isWhitespace) ? "(trống)" : String(login.prefix(64)), role: "anonymous")
  }
}
