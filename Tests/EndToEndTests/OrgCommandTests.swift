import Foundation
import Testing

/// `dangvu org` writes the tree as the web does: each change with its audit entry, the operating-system user as
/// actor (issue 21 part 7).
@Suite("End to end: dangvu org")
struct OrgCommandTests {
  @Test func changesToTheTreeAreAuditedWithTheCommandLineUser() throws {
    let dir = try DangVuBinary.scratch()
    try Data(("\u{FEFF}" + SmallProvinceFiles.organisations).utf8).write(to: dir.appendingPathComponent("org.csv"))
    try Data(("\u{FEFF}" + SmallProvinceFiles.members).utf8).write(to: dir.appendingPathComponent("members.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)

    let renamed = try DangVuBinary.run(
      ["org", "rename", "KG.01.001", "--name", "Đảng bộ xã Bình An Mới", "--date", "01/01/2024"], in: dir)
    #expect(renamed.status == 0, "\(renamed.err)")
    #expect(renamed.out.contains("Đã đổi tên KG.01.001 thành “Đảng bộ xã Bình An Mới” từ ngày 01/01/2024."))
    let added = try DangVuBinary.run(
      [
        "org", "add", "--code", "KG.01.001.02", "--name", "Chi bộ ấp Mới", "--kind", "subordinateCell", "--parent",
        "KG.01.001", "--founded", "01/02/2024",
      ], in: dir)
    #expect(added.status == 0, "\(added.err)")
    #expect(try DangVuBinary.run(["org", "dissolve", "KG.01.001.02", "--date", "01/03/2024"], in: dir).status == 0)
    // Refused: the cell still has members. Nothing is written, no entry either.
    let refused = try DangVuBinary.run(["org", "dissolve", "KG.01.001.01", "--date", "01/03/2024"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("còn 2 đảng viên"))

    let list = try DangVuBinary.run(["audit", "list"], in: dir)
    #expect(list.status == 0)
    let lines = list.out.split(separator: "\n").filter { $0.contains("organisation:") }
    #expect(lines.count == 3, "\(list.out)")
    #expect(lines.allSatisfy { $0.contains("dòng lệnh trên máy chủ") })
    #expect(list.out.contains("Đổi tên tổ chức đảng\torganisation:KG.01.001"))
    #expect(list.out.contains("Chấm dứt tổ chức đảng\torganisation:KG.01.001.02"))
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }
}
