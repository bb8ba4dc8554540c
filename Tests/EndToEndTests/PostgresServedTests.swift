import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real binary on PostgreSQL (issue 23 part 4): commands with `--database postgres://…`, two `dangvu serve`
/// processes on one database taking writes at once — no lost update, 409 for the stale edit, one audit chain —
/// and `dangvu migrate` moving a file in with every report equal. Needs the throwaway server `scripts/test.sh`
/// starts (`DANGVU_TEST_POSTGRES_URL`).
@Suite("End to end: PostgreSQL", .serialized)
struct PostgresServedTests {
  /// A new, empty database on the test server, by `psql` as an operator would make one.
  static func freshDatabase() throws -> String {
    guard let server = ProcessInfo.processInfo.environment["DANGVU_TEST_POSTGRES_URL"], !server.isEmpty else {
      throw TestPostgresMissing()
    }
    let name = "dangvu_e2e_" + UUID().uuidString.prefix(8).lowercased()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", server, "-q", "-c", "CREATE DATABASE \(name)"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TestPostgresMissing() }
    let path = server.split(separator: "?", maxSplits: 1)
    var url = String(path[0])
    url = String(url[..<url.lastIndex(of: "/")!]) + "/" + name
    return path.count > 1 ? url + "?" + path[1] : url
  }

  struct TestPostgresMissing: Error, CustomStringConvertible {
    var description: String {
      "No PostgreSQL test server: run the tests with scripts/test.sh or scripts/postgres.sh (DANGVU_TEST_POSTGRES_URL)."
    }
  }

  /// The small province, two members, an administrator and a token, all through commands on `database`.
  static func province(on database: String, in dir: URL) throws -> String {
    try Data(SmallProvinceFiles.organisations.utf8).write(to: dir.appendingPathComponent("org.csv"))
    try Data(SmallProvinceFiles.members.utf8).write(to: dir.appendingPathComponent("members.csv"))
    for step in [["import", "organisations", "org.csv"], ["import", "members", "members.csv"]] {
      let result = try DangVuBinary.run(step + ["--database", database], in: dir)
      #expect(result.status == 0, "\(step): \(result.err)")
    }
    let add = try DangVuBinary.run(
      [
        "user", "add", "quantri", "--name", "Quản trị", "--role", "administrator", "--scope", "KG", "--database",
        database,
      ],
      in: dir, input: "mat-khau-rat-dai\n")
    #expect(add.status == 0, "\(add.err)")
    let issued = try DangVuBinary.run(
      ["user", "token", "quantri", "--name", "kiểm thử", "--database", database], in: dir)
    #expect(issued.status == 0, "\(issued.err)")
    return issued.out.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func json(_ body: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
  }

  @Test func twoServersOnOneDatabaseLoseNoUpdateAndKeepOneChain() async throws {
    let dir = try DangVuBinary.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let database = try Self.freshDatabase()
    let token = try Self.province(on: database, in: dir)
    let servers = [
      try await RunningServer(dir: dir, database: database), try await RunningServer(dir: dir, database: database),
    ]
    // Members added through both servers at once: every one lands.
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for n in 0..<20 {
        group.addTask { try await BackupCommandTests.post(servers[n % 2].base, token: token, n: n) }
      }
      var statuses: [Int] = []
      for try await status in group { statuses.append(status) }
      return statuses
    }
    #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses)")
    let search = try await servers[1].get("/api/members?q=nguoi%20thu&limit=50", token: token)
    #expect((Self.json(search.body)["members"] as? [Any])?.count == 20, "\(search.body)")

    // Two edits of one member from the same version, one through each server: one wins, the other is told 409.
    let shown = try await servers[0].get("/api/members/1", token: token)
    let stored = try #require(Self.json(shown.body)["member"] as? [String: Any], "\(shown.body)")
    // The identity fields, as the API's edit takes them; the imported record had no ethnicity or religion, which an
    // edit must give.
    var member = stored.filter {
      [
        "fullName", "gender", "birthDate", "ethnicity", "religion", "nationalID", "homeTown", "partyCardNumber",
        "education", "politicalTheory", "occupation",
      ].contains($0.key)
    }
    member["ethnicity"] = "Kinh"
    member["religion"] = "Không"
    let version = try #require(Self.json(shown.body)["version"] as? Int)
    let edits = try await withThrowingTaskGroup(of: (status: Int, body: String).self) { group in
      for (n, server) in servers.enumerated() {
        member["occupation"] = "Nghề \(n)"
        member["version"] = version
        let body = String(decoding: try JSONSerialization.data(withJSONObject: member), as: UTF8.self)
        group.addTask { try await server.request("PUT", "/api/members/1", token: token, json: body) }
      }
      var replies: [(status: Int, body: String)] = []
      for try await reply in group { replies.append(reply) }
      return replies.sorted { $0.status < $1.status }
    }
    #expect(edits.map(\.status) == [200, 409], "\(edits.map(\.body))")

    // Every write of both servers is in one chain, which verifies.
    let verified = try DangVuBinary.run(["audit", "verify", "--database", database], in: dir)
    #expect(verified.status == 0, "\(verified.err)")
    #expect(verified.out.contains("toàn vẹn"), "\(verified.out)")
    // Both servers answer the same report.
    let reports = try await servers.asyncMap { try await $0.get("/api/reports/membership?org=KG", token: token) }
    #expect(reports.allSatisfy { $0.status == 200 } && reports[0].body == reports[1].body)
  }

  @Test func aFileMovesInWithEveryReportEqual() async throws {
    let dir = try DangVuBinary.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("dangvu.sqlite").path
    _ = try Self.province(on: file, in: dir)
    let database = try Self.freshDatabase()
    let moved = try DangVuBinary.run(["migrate", "--from", file, "--to", database], in: dir)
    #expect(moved.status == 0, "\(moved.err)")
    #expect(moved.out.contains("báo cáo"), "\(moved.out)")
    // The copy serves: the same register, the same account.
    let tree = try DangVuBinary.run(["org", "tree", "--database", database], in: dir)
    #expect(tree.out.contains("4 tổ chức"), "\(tree.out)\(tree.err)")
    // A second copy into the same database is refused and changes nothing.
    let again = try DangVuBinary.run(["migrate", "--from", file, "--to", database], in: dir)
    #expect(again.status != 0 && again.err.contains("đã có dữ liệu"), "\(again.err)")
  }
}

extension Array {
  fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
    var out: [T] = []
    for element in self { out.append(try await transform(element)) }
    return out
  }
}
