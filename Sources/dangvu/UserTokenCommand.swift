import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

/// `dangvu user token …`: issue (the default, so `dangvu user token LOGIN --name …` still works),
/// list and revoke API tokens.
struct UserTokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "API tokens for integrations: issue (default), list, revoke.",
    subcommands: [Issue.self, List.self, Revoke.self], defaultSubcommand: Issue.self)

  struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Issue an API token for an account; it is printed once and expires after --days.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The account the token acts for.") var login: String
    @Option(help: "What the token is for, to recognise it later.") var name: String
    @Option(help: "Days until it expires: 1 to \(APITokenRules.maximumLifetimeDays).")
    var days: Int = APITokenRules.defaultLifetimeDays

    func run() async throws {
      do {
        let issued = try await store.open().issueAPIToken(
          NewAPIToken(login: login, name: name, lifetimeDays: days), by: .commandLineUser, at: Date())
        print(issued.secret)
        FileHandleOutput.standardError.write(
          "Mã truy cập API số \(issued.token.id) cho \(login) (\(issued.token.name)), hết hạn "
            + "\(TokenDates.shown(issued.token.expires)). Lưu lại ngay: DangVu chỉ giữ bản băm, không hiện lại được.\n"
            + "Dùng: Authorization: Bearer <mã>. Thu hồi: dangvu user token revoke \(issued.token.id)\n")
      } catch { throw fail(error) }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List API tokens (all, or one account's): number, account, name, issued, expires, state.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this account's tokens.") var login: String?

    func run() async throws {
      do {
        let db = try await store.open()
        var owner: Int64?
        if let login {
          guard let account = try await db.account(login: login) else {
            throw AccountRules.unknownAccount(login)
          }
          owner = account.id
        }
        let tokens = try await db.apiTokens(ownedBy: owner, within: nil, on: .today)
        if tokens.isEmpty { print("Chưa có mã truy cập API nào. Cấp bằng: dangvu user token LOGIN --name …") }
        let now = Date().timeIntervalSince1970
        for token in tokens {
          print(
            "\(token.id)\t\(token.login)\t\(token.name)\t\(TokenDates.shown(token.created))\t"
              + "\(TokenDates.shown(token.expires))\t\(token.state(at: now).nameVi)")
        }
      } catch { throw fail(error) }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Revoke an API token by its number (see `dangvu user token list`); it stops working at once.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's number.") var id: Int64

    func run() async throws {
      do {
        let token = try await store.open().revokeAPIToken(id: id, by: .commandLineUser, at: Date())
        print("Đã thu hồi mã truy cập số \(token.id) của \(token.login) (\(token.name)).")
      } catch { throw fail(error) }
    }
  }
}

/// Token times as the command line shows them: ISO 8601 in UTC, to be read by people and scripts alike.
enum TokenDates {
  static func shown(_ seconds: Double) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
  }
}
