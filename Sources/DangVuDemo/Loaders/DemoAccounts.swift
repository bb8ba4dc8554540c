import DangVuCore
import DangVuStore
import Foundation

/// One account per role on a demo database, so a person trying DangVu can see what each role sees.
/// Passwords are new random ones every time (printed by `serve --demo`), so a demo left running on a
/// reachable address does not keep a password anyone could read in the source.
public enum DemoAccounts {
  public struct Credential: Sendable {
    public var login: String
    public var password: String
    public var role: Role
    public var scopeCode: String
  }

  public static func ensure(in store: any PartyStore, cost: UInt8 = PasswordHash.defaultCost) async throws
    -> [Credential]
  {
    let today = Day.today
    // The largest cell: its secretary and one of its members get accounts.
    guard let (cellID, _) = try await store.memberCountsByCell(on: today).max(by: { $0.value < $1.value }),
      let cell = try await store.organisation(id: cellID),
      let member = try await store.register(of: cell.code, on: today).first?.member
    else {
      throw DomainError("demo.empty", "Cơ sở dữ liệu chưa có đảng viên nào: chưa tạo được tài khoản mẫu.")
    }
    var province: Organisation?
    for root in try await store.roots(on: today)
    where try await store.unitIsWithin(id: cellID, rootCode: root.code, on: today) {
      province = root
    }
    guard let province else {
      throw DomainError("demo.noRoot", "Không tìm thấy đảng bộ tỉnh chứa chi bộ \(cell.code).")
    }
    let wanted: [(String, String, Role, Organisation, Int64?)] = [
      ("quantri", "Quản trị hệ thống (mẫu)", .administrator, province, nil),
      ("bantochuc", "Cán bộ Ban Tổ chức (mẫu)", .organisationStaff, province, nil),
      ("kiemtra", "Cán bộ UBKT (mẫu)", .inspectionStaff, province, nil),
      ("bithu", "Bí thư \(cell.name) (mẫu)", .secretary, cell, nil),
      ("lanhdao", "Thường trực Tỉnh ủy (mẫu)", .leader, province, nil),
      ("dangvien", member.fullName, .member, cell, member.id),
    ]
    var credentials: [Credential] = []
    for (login, name, role, scope, memberID) in wanted {
      let password = String(Token.random().prefix(12))
      if try await store.account(login: login) == nil {
        _ = try await store.addAccount(
          NewAccount(login: login, displayName: name, role: role, scopeCode: scope.code, memberID: memberID),
          password: password, cost: cost, by: nil)
      } else {
        // Put back as the demo has it, like the accounts made above (no one's change, no entry); the new password
        // is audited, as every password change is.
        try await store.setRole(login: login, role: role, scopeCode: scope.code, memberID: memberID, by: nil)
        try await store.setPassword(
          login: login, password: password, cost: cost, by: .commandLine(user: "dangvu serve --demo"), at: Date())
      }
      credentials.append(Credential(login: login, password: password, role: role, scopeCode: scope.code))
    }
    return credentials
  }
}
