import Hummingbird

/// A rendered page as a response: UTF-8 HTML with a policy that forbids scripts and anything fetched
/// from elsewhere, so even a missed escape could not run code or call out (SecurityHeadersMiddleware adds the rest).
struct HTMLPage: ResponseGenerator {
  var status: HTTPResponse.Status = .ok
  var html: HTML

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy:
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      ],
      body: .init(byteBuffer: ByteBuffer(string: html.markup)))
  }
}
