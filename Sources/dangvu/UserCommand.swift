import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `dangvu user …`: accounts for the web application and the API.
struct UserCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Accounts: add, set a password, change role and subtree, list, API tokens.",
    discussion: """
      Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). Each account acts inside one \
      subtree (--scope, a unit code). The password is asked at the terminal, or read as one line from \
      standard input when that is not a terminal.
      """,
    subcommands: [Add.self, Passwd.self, SetRole.self, List.self, UserTokenCommand.self, Disable.self])

  struct RoleOptions: ParsableArguments {
    @Option(help: "The role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: String
    @Option(help: "Code of the unit at the top of the account's subtree.")
    var scope: String
    @Option(help: "For the member role: the member's party card number or number in DangVu.")
    var member: String?

    func resolved(in db: any PartyStore) async throws -> (Role, Int64?) {
      guard let role = Role(rawValue: role) else {
        throw DomainError(
          "account.badRole",
          "Vai trò \"\(role)\" không có. Chọn một trong: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
      }
      guard let member else { return (role, nil) }
      return (role, try await db.member(key: member).id)
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add an account.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The login: 3–32 lower-case letters, digits, '.', '-' or '_'.") var login: String
    @Option(help: "The person's full name, as shown on the pages.") var name: String
    @OptionGroup var roleOptions: RoleOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let (role, memberID) = try await roleOptions.resolved(in: db)
        try AccountRules.checkLogin(login)
        let password = try readPassword(confirm: true)
        let account = try await db.addAccount(
          NewAccount(login: login, displayName: name, role: role, scopeCode: roleOptions.scope, memberID: memberID),
          password: password, by: .commandLineUser)
        print("Đã tạo tài khoản \(account.login) (\(account.role.nameVi), phạm vi \(account.scopeCode)).")
      } catch { throw fail(error) }
    }
  }

  struct Passwd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set a new password; the account's open sessions and API tokens end.")
    @OptionGroup var store: StoreOptions
    @Argument var login: String

    func run() async throws {
      do {
        let db = try await store.open()
        guard try await db.account(login: login) != nil else {
          throw AccountRules.unknownAccount(login)
        }
        try await db.setPassword(login: login, password: try readPassword(confirm: true), by: .commandLineUser)
        print("Đã đặt mật khẩu mới cho \(login); các phiên đăng nhập và mã truy cập API cũ đã kết thúc.")
      } catch { throw fail(error) }
    }
  }

  struct SetRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role", abstract: "Change an account's role and subtree; its open sessions end.")
    @OptionGroup var store: StoreOptions
    @Argument var login: String
    @OptionGroup var roleOptions: RoleOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let (role, memberID) = try await roleOptions.resolved(in: db)
        try await db.setRole(
          login: login, role: role, scopeCode: roleOptions.scope, memberID: memberID, by: .commandLineUser)
        print("Tài khoản \(login): vai trò \(role.nameVi), phạm vi \(roleOptions.scope).")
      } catch { throw fail(error) }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the accounts.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
      do {
        let accounts = try await store.open().accounts()
        if accounts.isEmpty {
          print("Chưa có tài khoản nào. Tạo bằng: dangvu user add LOGIN --name … --role … --scope …")
        }
        for account in accounts {
          let member = account.memberID.map { "\tđảng viên \($0)" } ?? ""
          let state = account.disabled ? "\tđã khóa" : ""
          print(
            "\(account.login)\t\(account.displayName)\t\(account.role.rawValue)\t\(account.scopeCode)\(member)\(state)")
        }
      } catch { throw fail(error) }
    }
  }

  struct Disable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Lock an account (or unlock it with --enable); a locked account's sessions end.")
    @OptionGroup var store: StoreOptions
    @Argument var login: String
    @Flag(help: "Unlock instead.") var enable = false

    func run() async throws {
      do {
        try await store.open().setDisabled(login: login, !enable, by: .commandLineUser)
        print(enable ? "Đã mở khóa tài khoản \(login)." : "Đã khóa tài khoản \(login).")
      } catch { throw fail(error) }
    }
  }
}

/// A password from the terminal without echo (asked twice when `confirm`), or one line of standard
/// input when it is not a terminal, so scripts can pipe it in.
func readPassword(confirm: Bool) throws -> String {
  if isatty(0) == 0 {
    guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
      throw DomainError("account.passwordMissing", "Không đọc được mật khẩu từ đầu vào chuẩn.")
    }
    return line
  }
  func ask(_ prompt: String) -> String { getpass(prompt).map { String(cString: $0) } ?? "" }
  let first = ask("Mật khẩu: ")
  if confirm, ask("Nhập lại mật khẩu: ") != first {
    throw DomainError("account.passwordMismatch", "Hai lần nhập mật khẩu không khớp nhau. Không có gì thay đổi.")
  }
  return first
}
