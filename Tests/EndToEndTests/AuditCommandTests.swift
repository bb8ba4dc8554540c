import Foundation
import Testing

/// `dangvu audit verify|list` on a real database file. No command writes audit entries yet, so the test
/// writes them the way docs/decisions/0009 documents the chain: its own encoding of each entry, hashed by
/// the system's `sha256sum`, inserted with the `sqlite3` tool. The binary must accept that chain, so the
/// documented format and the code cannot drift apart, and must name the entry changed behind its back.
@Suite("End to end: the audit trail")
struct AuditCommandTests {
  static let genesis = String(repeating: "0", count: 64)

  struct Entry {
    var sequence: Int
    var time: Int64
    var actor: String
    var role: String
    var action: String
    var subject: String
    var scope: String
    var before: String?
    var after: String?
  }

  /// The canonical bytes as docs/decisions/0009 spells them out.
  static func canonical(_ e: Entry, previous: String) -> String {
    func field(_ name: String, _ value: String?) -> String {
      "\(name)=" + (value.map { "\($0.utf8.count):\($0)" } ?? "-") + "\n"
    }
    return "DangVu audit v1\nsequence=\(e.sequence)\ntime=\(e.time)\n" + field("actor", e.actor)
      + field("role", e.role) + field("action", e.action) + field("subject", e.subject) + field("scope", e.scope)
      + field("before", e.before) + field("after", e.after) + "previous=\(previous)\n"
  }

  static func tool(_ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments)")
    return String(decoding: data, as: UTF8.self)
  }

  static func sqlText(_ text: String?) -> String {
    text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
  }

  /// Inserts the entries chained after genesis; returns their hashes.
  static func write(_ entries: [Entry], into db: String) throws -> [String] {
    var previous = genesis
    var hashes: [String] = []
    for e in entries {
      let hash = String(try tool(["sha256sum"], input: canonical(e, previous: previous)).prefix(64))
      _ = try tool([
        "sqlite3", db,
        """
        INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, before_json,
          after_json, previous_hash, hash)
        VALUES (\(e.sequence), \(e.time), \(sqlText(e.actor)), \(sqlText(e.role)), \(sqlText(e.action)),
          \(sqlText(e.subject)), \(sqlText(e.scope)), \(sqlText(e.before)), \(sqlText(e.after)), '\(previous)', '\(hash)');
        """,
      ])
      hashes.append(hash)
      previous = hash
    }
    return hashes
  }

  static let entries = [
    Entry(
      sequence: 1, time: 1_740_816_930_123, actor: "quantri", role: "administrator", action: "account.add",
      subject: "account:canbo", scope: "KG", before: nil, after: #"{"login":"canbo","role":"organisationStaff"}"#),
    Entry(
      sequence: 2, time: 1_740_817_000_000, actor: "canbo", role: "organisationStaff", action: "member.update",
      subject: "member:1", scope: "KG.01.001.01", before: #"{"fullName":"Nguyễn Văn An"}"#,
      after: #"{"fullName":"Nguyễn Văn Ân"}"#),
  ]

  @Test func anEmptyTrailVerifiesAndListsNothing() throws {
    let dir = try DangVuBinary.scratch()
    let verify = try DangVuBinary.run(["audit", "verify"], in: dir)
    #expect(verify.status == 0, "\(verify.err)")
    #expect(verify.out.contains("Nhật ký trống"))
    let list = try DangVuBinary.run(["audit", "list"], in: dir)
    #expect(list.status == 0)
    #expect(list.out.contains("Không có mục nhật ký nào khớp điều kiện lọc."))
  }

  @Test func aChainWrittenAsDocumentedVerifiesListsAndShowsTampering() throws {
    let dir = try DangVuBinary.scratch()
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0, "creates the database")
    let db = dir.appendingPathComponent("dangvu.sqlite").path
    let hashes = try Self.write(Self.entries, into: db)

    let verify = try DangVuBinary.run(["audit", "verify"], in: dir)
    #expect(verify.status == 0, "\(verify.err)")
    #expect(verify.out.contains("Đã kiểm tra 2 mục: chuỗi băm toàn vẹn (OK)."))
    #expect(verify.out.contains("Mục cuối: #2, mã băm \(hashes[1])"))
    let anchored = try DangVuBinary.run(["audit", "verify", "--anchor", "2:\(hashes[1])"], in: dir)
    #expect(anchored.status == 0, "\(anchored.err)")
    #expect(anchored.out.contains("Mốc #2 khớp."))

    let list = try DangVuBinary.run(["audit", "list", "--details"], in: dir)
    #expect(list.status == 0)
    #expect(list.out.contains("#2\t01/03/2025 15:16:40\tcanbo (Cán bộ Ban Tổ chức)\tSửa thông tin đảng viên\tmember:1"))
    #expect(list.out.contains(#"  sau:   {"fullName":"Nguyễn Văn Ân"}"#))
    let byActor = try DangVuBinary.run(["audit", "list", "--actor", "quantri"], in: dir)
    #expect(byActor.out.contains("#1\t") && !byActor.out.contains("#2\t"))
    #expect(byActor.out.contains("Tạo tài khoản"))

    // Someone with the file drops the guard and rewrites who made the change.
    _ = try Self.tool([
      "sqlite3", db,
      "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET actor_login = 'quantri' WHERE seq = 2;",
    ])
    let broken = try DangVuBinary.run(["audit", "verify"], in: dir)
    #expect(broken.status != 0)
    #expect(broken.err.contains("Chuỗi băm nhật ký bị phá vỡ tại mục #2"))
    #expect(broken.err.contains("1 mục đầu tiên vẫn khớp."))
  }

  @Test func aTrailRewrittenWithNewHashesShowsAgainstAnAnchor() throws {
    let dir = try DangVuBinary.scratch()
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
    let db = dir.appendingPathComponent("dangvu.sqlite").path
    let hashes = try Self.write(Self.entries, into: db)
    // The whole table replaced by a chain that is consistent on its own, with entry 2 changed; the head
    // recorded with each append must be let go back too, or the emptied table shows at once.
    var rewritten = Self.entries
    rewritten[1].after = #"{"fullName":"Người khác"}"#
    _ = try Self.tool([
      "sqlite3", db,
      """
      DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry; DELETE FROM sqlite_sequence;
      """,
    ])
    let emptied = try DangVuBinary.run(["audit", "verify"], in: dir)
    #expect(emptied.status != 0)
    #expect(emptied.err.contains("Thiếu các mục #1 đến #2"))
    _ = try Self.tool([
      "sqlite3", db,
      "DROP TRIGGER audit_head_only_forward; UPDATE audit_head SET seq = 0, hash = '\(Self.genesis)';",
    ])
    _ = try Self.write(rewritten, into: db)
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0, "consistent on its own")
    let anchored = try DangVuBinary.run(["audit", "verify", "--anchor", "2:\(hashes[1])"], in: dir)
    #expect(anchored.status != 0)
    #expect(anchored.err.contains("Mục #2 không còn mang mã băm đã ghi làm mốc"))
  }

  /// `audit key`, `audit anchor`, then the newest entry deleted with the counter and the head lowered to
  /// match: a plain verify cannot tell, the signed anchor can; an anchor edited to match fails its signature.
  @Test func aSignedAnchorCatchesATruncationTheDatabaseCannotSee() throws {
    let dir = try DangVuBinary.scratch()
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
    let db = dir.appendingPathComponent("dangvu.sqlite").path
    _ = try Self.write(Self.entries, into: db)
    let key = try DangVuBinary.run(["audit", "key", "--out", "anchor.key"], in: dir)
    #expect(key.status == 0, "\(key.err)")
    #expect(key.out.contains("Khóa công khai: "))
    let made = try DangVuBinary.run(["audit", "anchor", "--key", "anchor.key", "--out", "head.json"], in: dir)
    #expect(made.status == 0, "\(made.err)")
    #expect(made.out.contains("Đã ghi mốc nhật ký vào head.json: 2 mục"))
    let fine = try DangVuBinary.run(["audit", "verify", "--anchor", "head.json", "--key", "anchor.key.pub"], in: dir)
    #expect(fine.status == 0, "\(fine.err)")
    #expect(fine.out.contains("khớp nhật ký"))

    _ = try Self.tool([
      "sqlite3", db,
      """
      DROP TRIGGER audit_entry_no_delete; DROP TRIGGER audit_head_only_forward;
      DELETE FROM audit_entry WHERE seq = 2; UPDATE sqlite_sequence SET seq = 1 WHERE name = 'audit_entry';
      UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_entry WHERE seq = 1);
      """,
    ])
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0, "consistent on its own")
    let caught = try DangVuBinary.run(["audit", "verify", "--anchor", "head.json", "--key", "anchor.key"], in: dir)
    #expect(caught.status != 0)
    #expect(caught.err.contains("Nhật ký chỉ còn 1 mục nhưng mốc ngày"))
    #expect(caught.err.contains("các mục #2 đến #2 đã bị xóa"))

    let anchorURL = dir.appendingPathComponent("head.json")
    let edited = try String(contentsOf: anchorURL, encoding: .utf8).replacingOccurrences(
      of: #""entries" : 2"#, with: #""entries" : 1"#)
    #expect(edited.contains(#""entries" : 1"#))
    try edited.write(to: anchorURL, atomically: true, encoding: .utf8)
    let forged = try DangVuBinary.run(["audit", "verify", "--anchor", "head.json", "--key", "anchor.key"], in: dir)
    #expect(forged.status != 0)
    #expect(forged.err.contains("Chữ ký của mốc head.json không hợp lệ"))
  }
}
