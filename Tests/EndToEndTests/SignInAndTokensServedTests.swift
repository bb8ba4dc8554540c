import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sign-in delays and API tokens through the real binary: `--trusted-proxy` wired from the command line to
/// the address sign-in counts, and a token revoked on the command line refused at once by the running server.
@Suite("End to end: sign-in behind a proxy, tokens revoked while serving")
struct SignInAndTokensServedTests {
  @Test func aRevokedTokenIsRefusedAtOnceWithItsReason() async throws {
    let dir = try DangVuBinary.scratch()
    let (token, log) = try ServedProvince.make(in: dir)
    #expect(log.isEmpty, "\(log)")
    let server = try await RunningServer(dir: dir)
    #expect(try await server.get("/api/me", token: token).status == 200)
    #expect(try DangVuBinary.run(["user", "token", "revoke", "1"], in: dir).status == 0)
    let refused = try await server.get("/api/me", token: token)
    #expect(refused.status == 401 && refused.body.contains("auth.tokenRevoked"), "\(refused.body)")
  }

  @Test func aProxyThatIsNotAnAddressIsRefusedBeforeServing() throws {
    let dir = try DangVuBinary.scratch()
    let refused = try DangVuBinary.run(["serve", "--trusted-proxy", "localhost", "--port", "1"], in: dir)
    #expect(refused.status != 0 && refused.err.contains("--trusted-proxy localhost"), "\(refused.err)")
  }

  @Test func behindTheNamedProxyAttemptsCountAgainstTheForwardedAddress() async throws {
    let dir = try DangVuBinary.scratch()
    _ = try ServedProvince.make(in: dir)
    let port = Int.random(in: 20_000...40_000)
    let server = Process()
    server.executableURL = DangVuBinary.url
    server.arguments = [
      "serve", "--port", String(port), "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1",
      "--db", dir.appendingPathComponent("dangvu.sqlite").path,
    ]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { server.terminate() }
    let base = "http://127.0.0.1:\(port)"
    var ready = false
    for _ in 0..<100 where !ready {  // up to 10 s for the server to listen
      ready = (try? await Self.fetch(URLRequest(url: URL(string: base + "/health")!))) != nil
      if !ready { try await Task.sleep(for: .milliseconds(100)) }
    }
    #expect(ready)

    let status = try await Self.signIn(base, login: "quantri", password: "sai-mat-khau-1", forwardedFor: "203.0.113.9")
    #expect(status == 401)
    let audit = try DangVuBinary.run(["audit", "list", "--action", "session.signInRefused"], in: dir)
    #expect(audit.status == 0 && audit.out.contains("account:quantri"), "\(audit.out)")
    // The address is in the entry's JSON, which the API shows.
    let token = try DangVuBinary.run(["user", "token", "quantri", "--name", "đọc nhật ký"], in: dir).out
      .trimmingCharacters(in: .whitespacesAndNewlines)
    var request = URLRequest(url: URL(string: base + "/api/audit?thao-tac=session.signInRefused")!)
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (_, body) = try await Self.fetch(request)
    #expect(body.contains("203.0.113.9"), "\(body)")
  }

  /// The sign-in form fetched and posted as a browser behind the proxy would, cookies carried by hand.
  static func signIn(_ base: String, login: String, password: String, forwardedFor: String) async throws -> Int {
    var get = URLRequest(url: URL(string: base + "/dang-nhap")!)
    get.setValue(forwardedFor, forHTTPHeaderField: "X-Forwarded-For")
    let (response, form) = try await fetch(get)
    let cookie = (response.value(forHTTPHeaderField: "Set-Cookie") ?? "").split(separator: ";").first.map(String.init)
    let marker = "name=\"csrf\" value=\""
    guard let cookie, let start = form.range(of: marker)?.upperBound,
      let end = form[start...].firstIndex(of: "\"")
    else { return 0 }
    var post = URLRequest(url: URL(string: base + "/dang-nhap")!)
    post.httpMethod = "POST"
    post.setValue(forwardedFor, forHTTPHeaderField: "X-Forwarded-For")
    post.setValue(cookie, forHTTPHeaderField: "Cookie")
    post.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    post.httpBody = Data("login=\(login)&password=\(password)&csrf=\(form[start..<end])".utf8)
    return try await fetch(post).response.statusCode
  }

  static func fetch(_ request: URLRequest) async throws -> (response: HTTPURLResponse, body: String) {
    let session = URLSession(configuration: .ephemeral)
    let (data, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    return (http, String(decoding: data, as: UTF8.self))
  }
}
