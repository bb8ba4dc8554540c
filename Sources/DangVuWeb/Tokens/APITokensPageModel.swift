import DangVuCore
import DangVuStore
import Foundation

/// The API tokens page: the tokens the principal may manage, the one just issued (its secret shown
/// this once), and what went wrong with the last form.
struct APITokensPageModel: Sendable {
  var tokens: [APIToken]
  var now: Date
  var principal: Principal
  /// Administrators may issue a token for another account of their subtree.
  var canIssueForOthers: Bool
  var issued: IssuedAPIToken?
  var problem: String?
  var typedName = ""
  /// The form's hidden CSRF field (`CSRF.field`), rendered by the controller.
  var csrf: HTML = .empty
}
