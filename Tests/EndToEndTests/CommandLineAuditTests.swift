import Foundation
import Testing

/// The command line's remaining writes through the real binary (issue 21 part 7): grading, founding the province
/// and imports leave their entry under the operating-system user in the write's own transaction, so an entry that
/// cannot be written takes the write with it; a central target on a database without units is refused saying why.
@Suite("End to end: command-line writes audited in their transaction")
struct CommandLineAuditTests {
  func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
  }

  /// The lines of `audit list` naming `subject`'s kind, newest first.
  func entries(_ prefix: String, in dir: URL) throws -> [Substring] {
    let list = try DangVuBinary.run(["audit", "list"], in: dir)
    #expect(list.status == 0, "\(list.err)")
    return list.out.split(separator: "\n").filter { $0.contains("\t\(prefix)") }
  }

  @Test func openingGradingAndImportingGradesAreAuditedWithTheCommandLineUser() throws {
    let dir = try DangVuBinary.scratch()
    try write(SmallProvinceFiles.organisations, "org.csv", in: dir)
    try write(SmallProvinceFiles.members, "members.csv", in: dir)
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)

    let opened = try DangVuBinary.run(["grades", "open", "--year", "2023", "--date", "15/12/2023"], in: dir)
    #expect(opened.status == 0, "\(opened.err)")
    let cell = try DangVuBinary.run(
      ["grades", "cell", "KG.01.001.01", "--year", "2023", "--grade", "tốt", "--set", "10000001=xuất sắc"], in: dir)
    #expect(cell.status == 0, "\(cell.err)")
    let one = try DangVuBinary.run(
      ["grades", "set", "--year", "2023", "--member", "10000002", "--grade", "hoàn thành"], in: dir)
    #expect(one.status == 0, "\(one.err)")
    try write("doi_tuong,ma,xep_loai\ntổ chức,KG.01.001.01,tốt\n", "g.csv", in: dir)
    let imported = try DangVuBinary.run(["grades", "import", "g.csv", "--year", "2023"], in: dir)
    #expect(imported.status == 0, "\(imported.err)")
    // Refused inside the write (the province is graded by no one below it): nothing written, no entry.
    let refused = try DangVuBinary.run(["grades", "set", "--year", "2023", "--org", "KG", "--grade", "tốt"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("cấp cao nhất"), "\(refused.err)")

    let cycle = try entries("cycle:", in: dir)
    #expect(cycle.count == 1 && cycle[0].contains("Mở đợt đánh giá, xếp loại\tcycle:KG:2023"), "\(cycle)")
    let grades = try entries("grades:", in: dir)
    #expect(grades.count == 2, "\(grades)")
    #expect(grades.allSatisfy { $0.contains("Ghi xếp loại chất lượng\tgrades:KG.01.001.01:2023") })
    let files = try entries("file:g.csv", in: dir)
    #expect(files.count == 1, "one import.file entry for the grades file")
    for line in cycle + grades + files { #expect(line.contains("(dòng lệnh trên máy chủ)"), "\(line)") }
    let details = try DangVuBinary.run(["audit", "list", "--action", "import.file", "--details"], in: dir)
    #expect(details.out.contains(#""kind":"grades","rows":1"#), "\(details.out)")
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }

  @Test func foundingTheProvinceIsAuditedAndACentralTargetNeedsIt() throws {
    let dir = try DangVuBinary.scratch()
    let early = try DangVuBinary.run(
      [
        "target", "add", "--measure", "goodOrAbovePercent", "--from", "2022", "--until", "2025", "--low", "90",
        "--source", "Nghị quyết số 21-NQ/TW",
      ], in: dir)
    #expect(early.status != 0)
    #expect(early.err.contains("chưa có tổ chức đảng nào"), "\(early.err)")
    #expect(try DangVuBinary.run(["target", "list"], in: dir).out.contains("Chưa có chỉ tiêu nào."))

    let founded = try DangVuBinary.run(
      [
        "org", "add", "--code", "KG", "--name", "Đảng bộ tỉnh Kiên Giang", "--kind", "provincialCommittee",
        "--founded", "01/01/1976",
      ], in: dir)
    #expect(founded.status == 0, "\(founded.err)")
    let target = try DangVuBinary.run(
      [
        "target", "add", "--measure", "goodOrAbovePercent", "--from", "2022", "--until", "2025", "--low", "90",
        "--source", "Nghị quyết số 21-NQ/TW",
      ], in: dir)
    #expect(target.status == 0, "\(target.err)")

    let unit = try entries("organisation:KG", in: dir)
    #expect(unit.count == 1 && unit[0].contains("(dòng lệnh trên máy chủ)\tThêm tổ chức đảng\torganisation:KG"))
    let added = try DangVuBinary.run(["audit", "list", "--action", "target.add", "--org", "KG"], in: dir)
    #expect(added.out.contains("Thêm chỉ tiêu\ttarget:1"), "the central target is filed under the province")
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }

  /// SQLite itself refusing the entry (a trigger stands in for a full disk): the import fails and writes nothing.
  @Test func anImportWhoseEntryCannotBeWrittenWritesNothing() throws {
    let dir = try DangVuBinary.scratch()
    try write(SmallProvinceFiles.organisations, "org.csv", in: dir)
    try write(SmallProvinceFiles.members, "members.csv", in: dir)
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    let db = dir.appendingPathComponent("dangvu.sqlite").path
    _ = try AuditCommandTests.tool([
      "sqlite3", db,
      "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'đĩa đầy'); END;",
    ])
    let refused = try DangVuBinary.run(["import", "members", "members.csv"], in: dir)
    #expect(refused.status != 0)
    #expect(try AuditCommandTests.tool(["sqlite3", db, "SELECT COUNT(*) FROM member"]) == "0\n")

    _ = try AuditCommandTests.tool(["sqlite3", db, "DROP TRIGGER refuse_audit;"])
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)
    #expect(try AuditCommandTests.tool(["sqlite3", db, "SELECT COUNT(*) FROM member"]) == "2\n")
    #expect(try entries("file:", in: dir).count == 2)
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }
}
