import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every kind of answer carries the headers that keep it out of frames, caches and content sniffing.
@Suite struct SecurityHeadersTests {
  static let answers = [
    "/", "/dang-nhap", "/health", "/openapi.yaml", "/api/tree", "/khong-co-trang-nay", "/api/khong-co",
    "/bao-cao/danh-gia?nam=2023&dinh-dang=csv", "/dang-vien/999999",
  ]

  @Test(arguments: answers)
  func everyAnswerRefusesFramesCachesAndSniffing(path: String) async throws {
    let (store, _) = try await WebProvince.store()
    let admin = try await signIn(store)
    let response = try await send(.get, path, to: store, headers: admin.headers)
    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
    #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
    #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
    #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(path)")
    #expect(response.headers[.cacheControl] == "no-store", "\(path)")
    // The default options are those of a server behind HTTPS.
    #expect(response.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true, "\(path)")
  }

  @Test func plainHTTPOnLoopbackSendsNoHSTS() async throws {
    let (store, _) = try await WebProvince.store()
    let app = buildApplication(store: store, options: WebOptions(secureCookies: false))
    try await app.test(.router) { client in
      try await client.execute(uri: "/dang-nhap", method: .get) { response in
        #expect(response.headers[.strictTransportSecurity] == nil)
        #expect(response.headers[.cacheControl] == "no-store")
      }
    }
  }

  @Test func anOversizedBodyIs413NotAServerError() async throws {
    let (store, _) = try await WebProvince.store()
    let admin = try await signIn(store)
    var headers = admin.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = admin.csrf
    let big = "{\"fullName\":\"" + String(repeating: "a", count: 2 << 20) + "\"}"
    let api = try await send(.post, "/api/members", to: store, headers: headers, body: big)
    #expect(api.status == .contentTooLarge)
    #expect(api.body.contains("request.tooLarge"))
    let form = try await post(
      "/dang-vien", form: [("fullName", String(repeating: "a", count: 2 << 20))], to: store, as: admin)
    #expect(form.status == .contentTooLarge)
    #expect(form.body.contains("quá lớn"))
  }
}
