/// The refusals of account and token writes that depend on what is stored (a login taken, an account or token
/// missing, a role the code does not know): every engine asks its own database and throws these, so the codes and
/// messages are written once (docs/decisions/0045).
extension AccountRules {
  public static func loginTaken(_ login: String) -> DomainError {
    DomainError("account.taken", "Tên đăng nhập \"\(login)\" đã có người dùng.")
  }

  public static func unknownAccount(_ login: String) -> DomainError {
    DomainError("account.unknown", "Không có tài khoản \"\(login)\". Xem danh sách: dangvu user list.")
  }

  /// A member account must name a member in the register.
  public static func unknownMember(_ memberID: Int64) -> DomainError {
    DomainError("account.unknownMember", "Không có đảng viên mã \(memberID).")
  }

  /// The role stored for an account, refused when this build does not know it (written by a newer DangVu, or
  /// changed outside it): an account read with some default role would act with rights nobody gave it.
  public static func storedRole(_ stored: String, login: String) throws(DomainError) -> Role {
    guard let role = Role(rawValue: stored) else {
      throw DomainError("account.badRole", "Tài khoản \(login) có vai trò không rõ: \(stored).")
    }
    return role
  }
}

extension APITokenRules {
  public static func unknownToken(_ id: Int64) -> DomainError {
    DomainError("token.unknown", "Không có mã truy cập số \(id). Xem danh sách: dangvu user token list.")
  }
}
