import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Says who is asking: an API token (`Authorization: Bearer …`) or a session cookie. A cookie session
/// must also prove every unsafe request came from DangVu's own form (CSRF): the `csrf` form field or
/// the `X-CSRF-Token` header must equal the session's token. Tokens carry no cookie, so another site
/// cannot make a browser send one, and they skip that check.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  let store: any AccountStore
  var clock: @Sendable () -> Date = { Date() }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var request = request
    var context = context
    let now = clock()
    context.today = Day.inVietnam(secondsSince1970: now.timeIntervalSince1970)
    if let authorization = request.headers[.authorization] {
      // A wrong token is refused outright rather than treated as anonymous, so an integration
      // sees its mistake at once, and an expired or revoked one says so.
      guard authorization.hasPrefix("Bearer ") else { throw AccessError.signInRequired }
      switch try await store.checkAPIToken(String(authorization.dropFirst(7)), at: now) {
      case .valid(let principal): context.principal = principal
      case .expired(let at): throw AccessError.tokenExpired(at: Date(timeIntervalSince1970: at))
      case .revoked: throw AccessError.tokenRevoked
      case .unknown: throw AccessError.signInRequired
      }
    } else if let cookie = request.cookies[SessionCookie.sessionName],
      let session = try await store.session(token: cookie.value, at: now)
    {
      context.principal = session.principal
      context.csrfToken = session.csrfToken
      if !request.method.isSafe {
        try await Self.checkCSRF(&request, expected: session.csrfToken)
      }
    }
    let frame = context.principal.map { SignedIn.Frame(principal: $0, csrfToken: context.csrfToken) }
    return try await SignedIn.$current.withValue(frame) { try await next(request, context) }
  }

  static func checkCSRF(_ request: inout Request, expected: String) async throws {
    var sent = request.headers[.init("X-CSRF-Token")!]
    if sent == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
      // Collecting keeps the body in the request, so the handler still reads the whole form.
      let body = try await request.collectBody(upTo: SubmittedForm.limit)
      sent = (try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body)))?.csrf
    } else if sent == nil, UploadedForm.isMultipart(request),
      let boundary = request.headers[.contentType].flatMap(UploadedForm.boundary(of:))
    {
      // A form with a file (the import page): the token is one of its parts.
      let body = try await request.collectBody(upTo: UploadedForm.limit)
      sent = (try? UploadedForm(body, boundary: boundary))?.fields[CSRF.fieldName]
    }
    guard let sent, constantTimeEquals(sent, expected) else {
      throw PageError(
        status: .forbidden, title: "Biểu mẫu không hợp lệ",
        message:
          "Biểu mẫu này không mang mã phiên làm việc hợp lệ (có thể trang đã mở quá lâu hoặc được gửi từ trang khác). Hãy tải lại trang rồi gửi lại.",
        code: "auth.csrf")
    }
  }
}

extension HTTPRequest.Method {
  var isSafe: Bool { self == .get || self == .head || self == .options }
}

/// The one field the CSRF check reads from a form; the handler decodes the rest itself.
private struct CSRFField: Decodable {
  var csrf: String?
}
