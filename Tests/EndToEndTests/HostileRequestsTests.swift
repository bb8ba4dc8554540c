import Foundation
import Testing

/// The requests that once stopped the server, sent to the real binary: each gets a clear refusal, and the
/// server is still there to answer the next one.
@Suite("End to end: requests that once stopped the server")
struct HostileRequestsTests {
  static let requests: [(method: String, path: String, json: String?)] = [
    ("GET", "/api/oversight?period=2000-9999", nil),
    ("GET", "/api/reports/membership?period=1900-2001", nil),
    ("GET", "/api/reports/membership?from=1800-01-01&to=1800-12-31", nil),
    ("GET", "/api/reports/oversight?from=1800-01-01&to=1800-12-31", nil),
    ("GET", "/bao-cao/dang-vien?ky=2000-9999&dinh-dang=csv", nil),
    ("GET", "/bao-cao/kiem-tra?tu=1800-01-01&den=2200-12-31", nil),
    ("GET", "/api/reports/evaluation?year=2200", nil),
    ("GET", "/to-chuc/KG/xep-loai?nam=2200", nil),
    (
      "POST", "/api/oversight/discipline",
      #"{"subjectKind":"unit","subject":"KG","bodyCode":"KG","organ":"inspectionCommission","form":"warning","#
        + #""categories":["prohibitedActs"],"number":"1-QĐ","decided":"2199-06-01","violated":"2199-01-01"}"#
    ),
  ]

  @Test func eachIsRefusedOrAnsweredAndTheServerLivesOn() async throws {
    let dir = try DangVuBinary.scratch()
    let (token, log) = try ServedProvince.make(in: dir)
    #expect(log.isEmpty, "\(log)")
    let server = try await RunningServer(dir: dir)
    for request in Self.requests {
      let answer = try? await server.request(request.method, request.path, token: token, json: request.json)
      let status = answer?.status ?? 0
      #expect((200..<500).contains(status), "\(request.method) \(request.path): \(status)")
      #expect(server.isRunning, "\(request.method) \(request.path) stopped the server")
      #expect(try await server.get("/health").status == 200)
    }
  }

  /// Installed as one file, with no resource folder beside it, the binary still serves its API document.
  @Test func theAPIDocumentIsServedByTheBinaryAlone() async throws {
    let dir = try DangVuBinary.scratch()
    _ = try ServedProvince.make(in: dir)
    let installed = dir.appendingPathComponent("bin/dangvu")
    try FileManager.default.createDirectory(
      at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: DangVuBinary.url, to: installed)
    let server = try await RunningServer(dir: dir, binary: installed)
    let document = try await server.get("/openapi.yaml")
    #expect(document.status == 200)
    #expect(document.body.hasPrefix("openapi: 3."))
    #expect(server.isRunning)
  }
}
