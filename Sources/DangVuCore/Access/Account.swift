/// A person's way into DangVu: a login, a role and the subtree it acts in. The password never
/// appears here; only the store holds its slow hash.
public struct Account: Hashable, Codable, Sendable, Identifiable {
  public var id: Int64
  public var login: String
  public var displayName: String
  public var role: Role
  public var scopeCode: String
  public var memberID: Int64?
  public var disabled: Bool

  public init(
    id: Int64, login: String, displayName: String, role: Role, scopeCode: String, memberID: Int64? = nil,
    disabled: Bool = false
  ) {
    self.id = id
    self.login = login
    self.displayName = displayName
    self.role = role
    self.scopeCode = scopeCode
    self.memberID = memberID
    self.disabled = disabled
  }

  public var principal: Principal {
    Principal(
      accountID: id, login: login, displayName: displayName, role: role, scopeCode: scopeCode, memberID: memberID)
  }
}

/// The rules an account's login and password must meet, checked before anything is stored.
public enum AccountRules {
  public static let minimumPasswordLength = 10

  public static func checkLogin(_ login: String) throws {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
    guard (3...32).contains(login.count), login.allSatisfy(allowed.contains) else {
      throw DomainError(
        "account.badLogin",
        "Tên đăng nhập \"\(login)\" không hợp lệ: dùng 3–32 ký tự chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới."
      )
    }
  }

  public static func checkDisplayName(_ name: String) throws(DomainError) {
    guard !name.trimmingCharacters(in: " \t").isEmpty else {
      throw DomainError("account.nameMissing", "Hãy ghi họ tên người dùng tài khoản.")
    }
    try TextRules.check(name, .displayName)
  }

  public static func checkPassword(_ password: String, login: String) throws {
    guard password.count >= minimumPasswordLength else {
      throw DomainError(
        "account.shortPassword", "Mật khẩu phải có ít nhất \(minimumPasswordLength) ký tự.")
    }
    guard password.lowercased() != login.lowercased() else {
      throw DomainError("account.passwordIsLogin", "Mật khẩu không được trùng với tên đăng nhập.")
    }
  }

  /// A member account must name the member; other roles must not, so a staff account is never
  /// mistaken for a member's own.
  public static func checkMemberLink(role: Role, memberID: Int64?) throws {
    if role == .member && memberID == nil {
      throw DomainError("account.memberMissing", "Tài khoản vai trò đảng viên phải gắn với một đảng viên (số thẻ).")
    }
    if role != .member && memberID != nil {
      throw DomainError("account.memberNotAllowed", "Chỉ tài khoản vai trò đảng viên mới gắn với một đảng viên.")
    }
  }
}
