import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real `dangvu serve` on a loopback port over a database in `dir`, talked to over HTTP as a browser or
/// an integration would. Stopped when the test lets go of it.
// Unchecked: after init it only reads `base` and starts requests, which may run side by side.
final class RunningServer: @unchecked Sendable {
  let process = Process()
  let base: URL

  /// `binary` is the built one unless a test installs a copy elsewhere.
  /// `database`: the `--database` value, the folder's SQLite file unless a test names a PostgreSQL address.
  init(dir: URL, binary: URL = DangVuBinary.url, database: String? = nil) async throws {
    let port = Int.random(in: 20_000...40_000)
    process.executableURL = binary
    process.arguments = [
      "serve", "--port", String(port), "--database", database ?? dir.appendingPathComponent("dangvu.sqlite").path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    base = URL(string: "http://127.0.0.1:\(port)")!
    for _ in 0..<100 {  // up to 10 s for the server to listen
      if (try? await get("/health")) != nil { return }
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  deinit { process.terminate() }

  var isRunning: Bool { process.isRunning }

  /// Status and body of one request; `path` may carry a query.
  func request(
    _ method: String, _ path: String, token: String? = nil, json: String? = nil
  ) async throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: base.absoluteString + path)!)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    if let json {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = Data(json.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  func get(_ path: String, token: String? = nil) async throws -> (status: Int, body: String) {
    try await request("GET", path, token: token)
  }
}

/// A one-unit province with an administrator and an API token for them, made with the command line.
enum ServedProvince {
  static func make(in dir: URL) throws -> (token: String, log: [String]) {
    let org =
      "ma,ten,loai,ma_cap_tren,ngay_thanh_lap\nKG,Đảng bộ tỉnh <b>Kiên Giang</b>,provincialCommittee,,01/01/1976\n"
    try Data(org.utf8).write(to: dir.appendingPathComponent("org.csv"))
    var log: [String] = []
    let imported = try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir)
    if imported.status != 0 { log.append(imported.err) }
    let add = try DangVuBinary.run(
      ["user", "add", "quantri", "--name", "Quản trị", "--role", "administrator", "--scope", "KG"], in: dir,
      input: "mat-khau-rat-dai\n")
    if add.status != 0 { log.append(add.err) }
    let issued = try DangVuBinary.run(["user", "token", "quantri", "--name", "kiểm thử"], in: dir)
    if issued.status != 0 { log.append(issued.err) }
    return (issued.out.trimmingCharacters(in: .whitespacesAndNewlines), log)
  }
}
