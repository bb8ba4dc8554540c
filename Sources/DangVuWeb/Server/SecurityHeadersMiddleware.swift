import Hummingbird

/// Headers every answer carries, pages, JSON, files and errors alike, so no route can forget one:
/// - nothing of DangVu may be framed by another site (a framed form can be clicked blind): CSP
///   `frame-ancestors 'none'` and, for older browsers, `X-Frame-Options: DENY`;
/// - no answer is cached by a browser or a proxy: pages show national IDs and session-bound forms, and a
///   shared computer's back button must not bring them back (`no-store`, unless a route chose otherwise);
/// - no content sniffing, and no address (with its search words or member ids) leaks to other sites;
/// - behind HTTPS, browsers are told to come back only over HTTPS.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  /// True when the server is reached over HTTPS (a proxy in front, or not on loopback).
  var https: Bool

  /// What a response that sets no policy of its own gets: it loads nothing and is framed by nobody.
  static var defaultPolicy: String { "default-src 'none'; frame-ancestors 'none'" }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response = try await next(request, context)
    // Constant names, so the unwraps cannot fail.
    response.headers[.init("X-Content-Type-Options")!] = "nosniff"
    response.headers[.init("Referrer-Policy")!] = "same-origin"
    response.headers[.init("X-Frame-Options")!] = "DENY"
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.defaultPolicy
    }
    if response.headers[.cacheControl] == nil {
      response.headers[.cacheControl] = "no-store"
    }
    if https {
      response.headers[.strictTransportSecurity] = "max-age=31536000"
    }
    return response
  }
}
