import Foundation
import Testing

/// `dangvu grades set` and `dangvu grades import` for the yearly cycle under 366-QĐ/TW, scored per criterion group
/// (issue 25 part 5).
@Suite("End to end: yearly score sheets on the command line")
struct YearlyScoreSheetCommandTests {
  @Test func aYearlyGradeUnder366IsSetAndImportedWithItsSheet() throws {
    let dir = try DangVuBinary.scratch()
    for (text, name) in [(SmallProvinceFiles.organisations, "org.csv"), (SmallProvinceFiles.members, "members.csv")] {
      try Data(("\u{FEFF}" + text).utf8).write(to: dir.appendingPathComponent(name))
    }
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)
    let opened = try DangVuBinary.run(["grades", "open", "--year", "2025", "--date", "15/12/2025"], in: dir)
    #expect(opened.status == 0, "\(opened.err)")

    // Excellent without every task on time: refused, naming the member and the rule.
    let late = try DangVuBinary.run(
      [
        "grades", "set", "--year", "2025", "--member", "10000001", "--grade", "excellent", "--points", "general=28",
        "--points", "tasks=64", "--beyond", "30",
      ], in: dir)
    #expect(late.status != 0)
    #expect(
      late.err.contains("Không thể xếp loại Đặng Văn Hùng hoàn thành xuất sắc nhiệm vụ theo 366-QĐ/TW"), "\(late.err)")
    let bare = try DangVuBinary.run(
      ["grades", "set", "--year", "2025", "--member", "10000001", "--grade", "good"], in: dir)
    #expect(bare.status != 0)
    #expect(bare.err.contains("hãy nhập điểm từng nhóm tiêu chí của Đặng Văn Hùng"), "\(bare.err)")

    let set = try DangVuBinary.run(
      [
        "grades", "set", "--year", "2025", "--member", "10000001", "--grade", "excellent", "--points", "general=28",
        "--points", "tasks=64", "--on-time", "--beyond", "30",
      ], in: dir)
    #expect(set.status == 0, "\(set.err)")
    #expect(set.out.contains("Đặng Văn Hùng: 92 điểm, hoàn thành xuất sắc nhiệm vụ"), "\(set.out)")

    try Data(
      """
      doi_tuong,ma,xep_loai,khung,diem_chung,diem_nhiem_vu,dung_han,vuot_yeu_cau
      đảng viên,10000002,tốt,,25,55,có,10
      tổ chức,KG.01.001.01,hoàn thành,tập thể,20,40,,
      """.utf8
    ).write(to: dir.appendingPathComponent("g.csv"))
    let imported = try DangVuBinary.run(["grades", "import", "g.csv", "--year", "2025"], in: dir)
    #expect(imported.status == 0, "\(imported.err)")
    let listed = try DangVuBinary.run(["grades", "list", "KG", "--year", "2025"], in: dir)
    #expect(listed.status == 0, "\(listed.err)")
    #expect(listed.out.contains("Nguyễn Thị Lan\thoàn thành tốt nhiệm vụ\t80 điểm"), "\(listed.out)")
    #expect(listed.out.contains("Đặng Văn Hùng\thoàn thành xuất sắc nhiệm vụ\t92 điểm"), "\(listed.out)")
  }
}
