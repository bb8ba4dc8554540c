import DangVuCore
import DangVuStore
import Foundation

/// Who may see and revoke which API tokens: the owner their own; an administrator also those of
/// accounts inside their subtree (APITokenRules.mayManage). A token outside answers as a missing one.
extension Access {
  /// Any signed-in role manages its own tokens, so no permission beyond being signed in.
  static func requireSignedIn(_ context: AppRequestContext, store: any AccessStore) throws -> Access {
    guard let principal = context.principal else { throw AccessError.signInRequired }
    return Access(principal: principal, store: store, today: context.today)
  }

  /// The tokens the principal may manage, newest first.
  func manageableTokens(in store: any AccountStore) async throws -> [APIToken] {
    guard principal.allows(.manageAccounts) else {
      return try await store.apiTokens(ownedBy: principal.accountID, within: nil, on: today)
    }
    let own = try await store.apiTokens(ownedBy: principal.accountID, within: nil, on: today)
    let inside = try await store.apiTokens(ownedBy: nil, within: scopeCode, on: today)
    let seen = Set(inside.map(\.id))
    return (inside + own.filter { !seen.contains($0.id) }).sorted { $0.id > $1.id }
  }

  /// The token with `id`, if the principal may manage it; otherwise 404, as for a token that does not exist.
  func manageableToken(id: Int64, in store: any AccountStore) async throws -> APIToken {
    guard let token = try await store.apiToken(id: id),
      APITokenRules.mayManage(token, by: principal, ownerInsideScope: try await isInside(token.scopeCode))
    else { throw AccessError.notFound }
    return token
  }

  /// Whose token a new one is: the principal's own unless `login` names another account, which only an
  /// administrator may, and only for an account inside their subtree.
  func tokenOwner(_ login: String?, in store: any AccountStore) async throws -> String {
    let login = login?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    if login.isEmpty || login == principal.login { return principal.login }
    guard principal.allows(.manageAccounts) else { throw AccessError.forbidden }
    guard let account = try await store.account(login: login), try await isInside(account.scopeCode) else {
      throw PageError(
        status: .notFound, title: "Không tìm thấy tài khoản",
        message: "Không có tài khoản “\(login)” trong phạm vi của bạn. Hãy kiểm tra lại tên đăng nhập.",
        code: "account.notFound")
    }
    return account.login
  }

  private func isInside(_ code: String) async throws -> Bool {
    do {
      _ = try await unit(code: code, on: today)
      return true
    } catch let error as AccessError where error.isNotFound {
      return false
    }
  }
}
