/// Cross-site request forgery: every form of a signed-in page carries the session's token, and the
/// session middleware refuses a POST from a cookie session whose `csrf` field does not match.
enum CSRF {
  static let fieldName = "csrf"

  /// The hidden field to put inside every `<form method="post">`.
  static func field(_ context: AppRequestContext) -> HTML {
    "<input type=\"hidden\" name=\"\(fieldName)\" value=\"\(context.csrfToken ?? "")\">"
  }
}
