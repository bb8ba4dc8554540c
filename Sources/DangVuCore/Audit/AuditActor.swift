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

  /// Someone not signed in, named by the login they typed: at most 64 characters, control and
  /// bidirectional characters shown as U+FFFD, so what a stranger types cannot garble the administrator's
  /// terminal (`dangvu audit list`) or reorder the audit page.
  public static func anonymous(typed login: String) -> AuditActor {
    let shown = String(
      String.UnicodeScalarView(login.prefix(64).unicodeScalars.map { TextRules.isRefused($0) ? "\u{FFFD}" : $0 }))
    return AuditActor(login: shown.allSatisfy(\.isWhitespace) ? "(trống)" : shown, role: "anonymous")
  }
}

extension AuditEntry {
  /// The actor's role as a person reads it: a role's name, the command line, or someone not signed in.
  public var actorRoleVi: String {
    if let role { return role.nameVi }
    switch actorRole {
    case "system": return "dòng lệnh trên máy chủ"
    case "anonymous": return "chưa đăng nhập"
    default: return actorRole
    }
  }
}
