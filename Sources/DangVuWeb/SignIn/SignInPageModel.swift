/// The sign-in form as shown: the login typed so far (never the password), where to go after, and
/// what went wrong last time.
struct SignInPageModel: Sendable {
  var login = ""
  var next: String?
  var problem: String?
}
