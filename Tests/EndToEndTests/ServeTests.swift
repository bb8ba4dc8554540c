import Foundation
import Testing

/// Starts the real `dangvu serve` on a loopback port and talks HTTP to it, as a browser would.
@Suite("End to end: dangvu serve")
struct ServeTests {
  @Test func servesHealthTheTreeAndSearchOverHTTP() async throws {
    let dir = try DangVuBinary.scratch()
    let (token, log) = try ServedProvince.make(in: dir)
    #expect(log.isEmpty, "\(log)")
    #expect(token.count >= 40)
    let short = try DangVuBinary.run(
      ["user", "add", "ngan", "--name", "Ngắn", "--role", "leader", "--scope", "KG"], in: dir, input: "ngan\n")
    #expect(short.status != 0 && short.err.contains("ít nhất 10 ký tự"))
    let list = try DangVuBinary.run(["user", "list"], in: dir)
    #expect(list.out.contains("quantri\tQuản trị\tadministrator\tKG") && !list.out.contains("ngan"))

    let server = try await RunningServer(dir: dir)
    let health = try await server.get("/health")
    #expect(health.status == 200)
    #expect(health.body == #"{"status":"ok"}"#, "anyone hears only ok")

    let (anonymous, signInPage) = try await server.get("/")
    #expect(anonymous == 200 && signInPage.contains("Đăng nhập"), "the anonymous are sent to sign in")
    let (status, page) = try await server.get("/", token: token)
    #expect(status == 200)
    #expect(page.contains("&lt;b&gt;Kiên Giang&lt;/b&gt;"))
    #expect(!page.contains("<b>Kiên Giang</b>"))
    let (missing, _) = try await server.get("/to-chuc/KHONG-CO", token: token)
    #expect(missing == 404)
  }
}
