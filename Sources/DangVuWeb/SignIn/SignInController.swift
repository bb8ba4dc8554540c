import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// `GET/POST /dang-nhap` (sign in) and `POST /dang-xuat` (sign out).
struct SignInController {
  typealias Context = AppRequestContext
  let store: any AccountStore & AuditStore & AccessStore
  let cookies: SessionCookie
  let options: WebOptions

  func addRoutes(to router: Router<Context>) {
    router.get("dang-nhap", use: form)
    router.post("dang-nhap", use: signIn)
    router.post("dang-xuat", use: signOut)
  }

  struct Submitted: Decodable {
    var login: String?
    var password: String?
    var csrf: String?
    var tiep: String?
  }

  @Sendable func form(_ request: Request, context: Context) async throws -> Response {
    try page(SignInPageModel(next: request.queryValue("tiep")), status: .ok, request, context)
  }

  @Sendable func signIn(_ request: Request, context: Context) async throws -> Response {
    let submitted = try await SubmittedForm(request).decode(Submitted.self)
    var model = SignInPageModel(login: submitted.login ?? "", next: submitted.tiep)
    // The sign-in form has no session yet: its token must match the cookie set with the form.
    guard let expected = request.cookies[SessionCookie.signInName]?.value, let sent = submitted.csrf,
      constantTimeEquals(expected, sent)
    else {
      model.problem = "Biểu mẫu đăng nhập đã hết hạn. Hãy nhập lại tên đăng nhập và mật khẩu rồi gửi."
      return try page(model, status: .forbidden, request, context)
    }
    let now = options.clock()
    // The store audits every checked attempt, in the transaction that records its outcome.
    switch try await store.signIn(
      login: model.login, password: submitted.password ?? "", from: clientAddress(request, context), at: now)
    {
    case .signedIn(let account):
      let session = try await store.openSession(accountID: account.id, at: now)
      var response = Response.redirect(to: Self.landing(model.next, for: account), type: .normal)
      response.setCookie(cookies.session(session.token, expires: session.expires))
      response.setCookie(cookies.cleared(SessionCookie.signInName, path: "/dang-nhap"))
      return response
    case .refused:
      model.problem = "Tên đăng nhập hoặc mật khẩu không đúng."
      return try page(model, status: .unauthorized, request, context)
    case .tooManyAttempts(let seconds):
      model.problem = Self.waitMessage(seconds: seconds)
      var response = try page(model, status: .tooManyRequests, request, context)
      response.headers[.retryAfter] = "\(seconds)"
      return response
    }
  }

  @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
    // The session middleware has already checked this form's CSRF token.
    if let principal = context.principal, let cookie = request.cookies[SessionCookie.sessionName] {
      try await store.closeSession(token: cookie.value)
      await AuditRecorder.record(store, by: principal, action: "session.signOut", subject: "account:\(principal.login)")
    }
    var response = Response.redirect(to: Links.signIn(), type: .normal)
    response.setCookie(cookies.cleared(SessionCookie.sessionName))
    return response
  }

  /// Says how long to wait, in seconds under a minute: the delay is short at first and the owner
  /// should know that waiting, not asking for a reset, is all it takes.
  static func waitMessage(seconds: Int) -> String {
    let wait = seconds < 60 ? "\(seconds) giây" : "\((seconds + 59) / 60) phút"
    return "Đăng nhập sai nhiều lần nên tạm phải chờ: hãy thử lại sau \(wait). "
      + "Nếu không phải bạn đăng nhập sai, hãy báo quản trị hệ thống."
  }

  /// The address the attempt counts against: the peer, or the client a trusted proxy names.
  private func clientAddress(_ request: Request, _ context: Context) -> String {
    let forwarded = request.headers.filter { $0.name.canonicalName == "x-forwarded-for" }.map(\.value)
    return ClientAddress.resolve(
      peer: context.remoteAddress, forwardedFor: forwarded, trustedProxies: options.trustedProxies)
  }

  /// Back to where the person was going, if that is a page of this site; else their home page.
  static func landing(_ next: String?, for account: Account) -> String {
    if let next, Links.isLocalPath(next), !next.hasPrefix("/dang-nhap") { return next }
    return Links.home(for: account.principal)
  }

  private func page(_ model: SignInPageModel, status: HTTPResponse.Status, _ request: Request, _ context: Context)
    throws -> Response
  {
    // A fresh token with every form shown, as a cookie and as the hidden field.
    let token = Token.random()
    var response = try HTMLPage(status: status, html: SignInPageView.render(model, csrfToken: token))
      .response(from: request, context: context)
    response.setCookie(cookies.signInToken(token))
    return response
  }
}
