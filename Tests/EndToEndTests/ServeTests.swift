import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Starts the real `dangvu serve` on a loopback port and talks HTTP to it, as a browser would.
@Suite("End to end: dangvu serve")
struct ServeTests {
  func get(_ url: URL, token: String? = nil) async throws -> (Int, String) {
    var request = URLRequest(url: url)
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test func servesHealthTheTreeAndSearchOverHTTP() async throws {
    let dir = try DangVuBinary.scratch()
    let org =
      "ma,ten,loai,ma_cap_tren,ngay_thanh_lap\nKG,Đảng bộ tỉnh <b>Kiên Giang</b>,provincialCommittee,,01/01/1976\n"
    try Data(org.utf8).write(to: dir.appendingPathComponent("org.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    let add = try DangVuBinary.run(
      ["user", "add", "quantri", "--name", "Quản trị", "--role", "administrator", "--scope", "KG"], in: dir,
      input: "mat-khau-rat-dai\n")
    #expect(add.status == 0, "\(add.err)")
    let short = try DangVuBinary.run(
      ["user", "add", "ngan", "--name", "Ngắn", "--role", "leader", "--scope", "KG"], in: dir, input: "ngan\n")
    #expect(short.status != 0 && short.err.contains("ít nhất 10 ký tự"))
    let issued = try DangVuBinary.run(["user", "token", "quantri", "--name", "kiểm thử"], in: dir)
    let token = issued.out.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(issued.status == 0 && token.count >= 40)
    let list = try DangVuBinary.run(["user", "list"], in: dir)
    #expect(list.out.contains("quantri\tQuản trị\tadministrator\tKG") && !list.out.contains("ngan"))

    let port = Int.random(in: 20_000...40_000)
    let server = Process()
    server.executableURL = DangVuBinary.url
    server.arguments = ["serve", "--port", String(port), "--db", dir.appendingPathComponent("dangvu.sqlite").path]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { server.terminate() }

    let base = URL(string: "http://127.0.0.1:\(port)")!
    var health: (Int, String) = (0, "")
    for _ in 0..<100 {  // up to 10 s for the server to listen
      if let answer = try? await get(base.appendingPathComponent("health")) {
        health = answer
        break
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(health.0 == 200)
    #expect(health.1.contains("\"status\":\"ok\""))

    let (anonymous, signInPage) = try await get(base)
    #expect(anonymous == 200 && signInPage.contains("Đăng nhập"), "the anonymous are sent to sign in")
    let (status, page) = try await get(base, token: token)
    #expect(status == 200)
    #expect(page.contains("&lt;b&gt;Kiên Giang&lt;/b&gt;"))
    #expect(!page.contains("<b>Kiên Giang</b>"))
    let (missing, _) = try await get(base.appendingPathComponent("to-chuc/KHONG-CO"), token: token)
    #expect(missing == 404)
  }
}
