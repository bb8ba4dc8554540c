import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Issue 22, part 8, on the real binary: backups taken while a server writes are each a consistent moment
/// of the register with a verifying audit trail; restore refuses while the server has the file open, then
/// puts a backup in place and keeps the old file aside.
@Suite("End to end: backup and restore")
struct BackupCommandTests {
  /// Acknowledged writes, counted as the client receives each 201.
  actor Acknowledged {
    var count = 0
    var stop = false
    func add() { count += 1 }
    func halt() { stop = true }
  }

  static func post(_ base: URL, token: String, n: Int) async throws -> Int {
    var request = URLRequest(url: base.appendingPathComponent("api/members"))
    request.httpMethod = "POST"
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let body: [String: String] = [
      "fullName": "Người Thử \(n)", "gender": "female", "birthDate": "1990-01-01", "ethnicity": "Kinh",
      "religion": "Không", "cell": "KG.01.001.01", "admissionDate": "2020-05-19", "decisionNumber": "\(n)-QĐ/ĐU",
      "partyCardNumber": String(20_000_000 + n),
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
  }

  static func members(in db: URL) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", db.path, "SELECT COUNT(*) FROM member"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  @Test func backupsWhileTheServerWritesAreConsistentAndRestoreWaitsForTheServer() async throws {
    let dir = try DangVuBinary.scratch()
    try Data(SmallProvinceFiles.organisations.utf8).write(to: dir.appendingPathComponent("org.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    let add = try DangVuBinary.run(
      ["user", "add", "quantri", "--name", "Quản trị", "--role", "administrator", "--scope", "KG"], in: dir,
      input: "mat-khau-rat-dai\n")
    #expect(add.status == 0, "\(add.err)")
    let token = try DangVuBinary.run(["user", "token", "quantri", "--name", "sao lưu"], in: dir).out
      .trimmingCharacters(in: .whitespacesAndNewlines)

    let live = dir.appendingPathComponent("dangvu.sqlite")
    let port = Int.random(in: 20_000...40_000)
    let server = Process()
    server.executableURL = DangVuBinary.url
    server.arguments = ["serve", "--port", String(port), "--db", live.path]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { if server.isRunning { server.terminate() } }
    let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
    for _ in 0..<100 {  // until the server listens
      if (try? await URLSession.shared.data(from: base.appendingPathComponent("health"))) != nil { break }
      try await Task.sleep(for: .milliseconds(100))
    }

    let acknowledged = Acknowledged()
    let writer = Task {
      var n = 0
      while await !acknowledged.stop {
        n += 1
        let status = try await Self.post(base, token: token, n: n)
        #expect(status == 201)
        if status == 201 { await acknowledged.add() }
      }
    }
    // Each backup starts after some writes and the writer goes on while it runs, so every copy is taken
    // between commits of a server at work; each must hold a whole number of them.
    var copies: [(name: String, atLeast: Int, atMost: Int)] = []
    for k in 1...3 {
      while await acknowledged.count < 5 * k { try await Task.sleep(for: .milliseconds(20)) }
      let atLeast = await acknowledged.count
      let name = "backup-\(k).sqlite"
      let backup = try DangVuBinary.run(["backup", name], in: dir)
      #expect(backup.status == 0, "\(backup.err)")
      #expect(backup.out.contains("Đã sao lưu") && backup.out.contains("chuỗi băm toàn vẹn"))
      copies.append((name, atLeast, await acknowledged.count + 1))
    }
    await acknowledged.halt()
    try await writer.value

    var counts: [Int] = []
    for copy in copies {
      let verify = try DangVuBinary.run(["audit", "verify", "--db", copy.name], in: dir)
      #expect(verify.status == 0, "\(verify.err)")
      let members = try Self.members(in: dir.appendingPathComponent(copy.name))
      #expect(members >= copy.atLeast && members <= copy.atMost, "\(copy.name): \(members) members")
      counts.append(members)
    }
    #expect(counts == counts.sorted())

    let refused = try DangVuBinary.run(["restore", "backup-1.sqlite"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("đang được một tiến trình khác mở"))
    #expect(try Self.members(in: live) == (await acknowledged.count), "the live file untouched")

    server.terminate()
    server.waitUntilExit()
    let restored = try DangVuBinary.run(["restore", "backup-1.sqlite"], in: dir)
    #expect(restored.status == 0, "\(restored.err)")
    #expect(restored.out.contains("Cơ sở dữ liệu trước khi khôi phục được giữ ở"))
    #expect(try Self.members(in: live) == counts[0])
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
    let aside = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.hasPrefix("dangvu.sqlite.before-restore-") && !$0.hasSuffix("-wal")
    }
    #expect(aside.count == 1)
    #expect(try Self.members(in: dir.appendingPathComponent(aside[0])) == (await acknowledged.count))
  }
}
