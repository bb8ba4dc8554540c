import Foundation
import Testing

/// Drives the real binary through a staff member's day: import the tree and the register, a bad file refused
/// whole, a search, grading a cell, and the evaluation report.
@Suite("End to end: the dangvu command")
struct CommandLineTests {
  let organisations = SmallProvinceFiles.organisations
  let members = SmallProvinceFiles.members

  func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(("\u{FEFF}" + text).utf8).write(to: dir.appendingPathComponent(name))
  }

  @Test func importsSearchesGradesAndReports() throws {
    let dir = try DangVuBinary.scratch()
    try write(organisations, "org.csv", in: dir)
    try write(members, "members.csv", in: dir)
    let imported = try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir)
    #expect(imported.status == 0, "\(imported.err)")
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dangvu.sqlite").path))

    let search = try DangVuBinary.run(["members", "search", "dang"], in: dir)
    #expect(search.status == 0)
    #expect(search.out.contains("Đặng Văn Hùng"))
    #expect(!search.out.contains("Nguyễn Thị Lan"))

    #expect(try DangVuBinary.run(["grades", "open", "--year", "2023", "--date", "15/12/2023"], in: dir).status == 0)
    let cell = try DangVuBinary.run(
      ["grades", "cell", "KG.01.001.01", "--year", "2023", "--grade", "tốt", "--set", "10000001=xuất sắc"], in: dir)
    #expect(cell.status == 0, "\(cell.err)")
    let report = try DangVuBinary.run(["report", "evaluation", "--year", "2023", "--format", "text"], in: dir)
    #expect(report.status == 0, "\(report.err)")
    #expect(report.out.contains("2/2 đảng viên (chiếm 100,00%)"))
    let json = try DangVuBinary.run(
      ["report", "evaluation", "--year", "2023", "--org", "KG.01", "--format", "json"], in: dir)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect((parsed?["members"] as? [String: Any])?["excellent"] as? Int == 1)
  }

  @Test func aFileWithABadRowIsRefusedWholeWithItsLine() throws {
    let dir = try DangVuBinary.scratch()
    try write(organisations, "org.csv", in: dir)
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    let bad = members.replacingOccurrences(of: "01/02/1985", with: "31/02/1985")
    try write(bad, "bad.csv", in: dir)
    let refused = try DangVuBinary.run(["import", "members", "bad.csv"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("dòng 3"))
    #expect(refused.err.contains("31/02/1985"))
    let search = try DangVuBinary.run(["members", "search", "dang"], in: dir)
    #expect(search.out.contains("Không tìm thấy"))
  }

  @Test func everyCommandExplainsItself() throws {
    let dir = try DangVuBinary.scratch()
    for command in [
      ["--help"], ["import", "--help"], ["members", "search", "--help"], ["report", "evaluation", "--help"],
    ] {
      let help = try DangVuBinary.run(command, in: dir)
      #expect(help.status == 0)
      #expect(help.out.contains("USAGE"))
    }
    #expect(
      try DangVuBinary.run(["org", "move", "KG.99", "--parent", "KG", "--date", "01/01/2024"], in: dir).status != 0)
  }
}
