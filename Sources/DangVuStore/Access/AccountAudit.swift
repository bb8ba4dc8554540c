import DangVuCore
import Foundation

/// The audit entries of accounts, API tokens and sign-ins as every engine appends them, in the write's own
/// transaction: the same actions, subjects, scope codes and JSON whichever engine kept the trail (decision 0045).
extension NewAuditEntry {
  /// An account added or changed (`account.add`, `account.role`, `account.disable`), before and after, never the
  /// password hash, under the account's subtree; nil without an actor (the demo's accounts, tests).
  public static func accountChange(_ action: String, _ after: Account, before: Account?, by actor: AuditActor?)
    throws -> NewAuditEntry?
  {
    guard let actor else { return nil }
    return NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: "account:\(after.login)",
      scopeCode: after.scopeCode, before: try before.map { try json($0) }, after: try json(after))
  }

  /// A new password: that it changed, not what it is.
  public static func passwordChange(of account: Account, by actor: AuditActor) -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "account.password", subject: "account:\(account.login)",
      scopeCode: account.scopeCode)
  }

  /// A token issued (`account.token`) or revoked (`account.tokenRevoke`): never the secret or its hash.
  public static func apiToken(_ token: APIToken, action: String, by actor: AuditActor) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: "account:\(token.login)",
      scopeCode: token.scopeCode,
      after: try json(
        AuditedToken(
          id: token.id, login: token.login, name: token.name, expires: token.expires, revokedBy: token.revokedBy)))
  }

  /// A checked sign-in, success or failure, under the account's unit, or for a login that does not exist under
  /// `rootCode` (the first unit never placed under another).
  public static func signIn(_ checked: CheckedSignIn, rootCode: String?) throws -> NewAuditEntry {
    // A failure is not the account owner's doing: it is named by the login typed, not by the account.
    let actor = checked.succeeded ? checked.account.map { AuditActor($0.principal) } : nil
    let named = actor ?? AuditActor.anonymous(typed: checked.attempt.login)
    let address = checked.attempt.address
    return NewAuditEntry(
      actorLogin: named.login, actorRole: named.role,
      action: checked.succeeded ? "session.signIn" : "session.signInRefused", subject: "account:\(named.login)",
      scopeCode: checked.account?.scopeCode ?? rootCode ?? "(không rõ)",
      after: try json(
        checked.succeeded ? ["address": address] : ["address": address, "reason": checked.failure ?? ""]))
  }
}

/// A token as the trail keeps it.
private struct AuditedToken: Encodable {
  var id: Int64
  var login: String
  var name: String
  var expires: Double
  var revokedBy: String?
}
