import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Starts the real `dangvu serve` on a loopback port and talks HTTP to it, as a browser would.
@Suite("End to end: dangvu serve")
struct ServeTests {
  func get(_ url: URL) async throws -> (Int, String) {
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test func servesHealthTheTreeAndSearchOverHTTP() async throws {
    let dir = try DangVuBinary.scratch()
    let org =
      "ma,ten,loai,ma_cap_tren,ngay_thanh_lap\nKG,Đảng bộ tỉnh <b>Kiên Giang</b>,provincialCommittee,,01/01/1976\n"
    try Data(org.utf8).write(to: dir.appendingPathComponent("org.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)

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

    let (status, page) = try await get(base)
    #expect(status == 200)
    #expect(page.contains("&lt;b&gt;Kiên Giang&lt;/b&gt;"))
    #expect(!page.contains("<b>Kiên Giang</b>"))
    let (missing, _) = try await get(base.appendingPathComponent("to-chuc/KHONG-CO"))
    #expect(missing == 404)
  }
}
