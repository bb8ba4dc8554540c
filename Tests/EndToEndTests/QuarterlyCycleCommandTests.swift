import Foundation
import Testing

/// `dangvu grades open|score` and `dangvu report evaluation` for a quarterly cycle under 366-QĐ/TW (decision 0035).
@Suite("End to end: a quarterly cycle on the command line")
struct QuarterlyCycleCommandTests {
  @Test func aQuarterIsOpenedScoredAndReportedAndRefusedUnder124() throws {
    let dir = try DangVuBinary.scratch()
    for (text, name) in [(SmallProvinceFiles.organisations, "org.csv"), (SmallProvinceFiles.members, "members.csv")] {
      try Data(("\u{FEFF}" + text).utf8).write(to: dir.appendingPathComponent(name))
    }
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)

    let refused = try DangVuBinary.run(
      ["grades", "open", "--kind", "quarter", "--period", "2024-Q1", "--date", "2024-03-31"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("124-QĐ/TW chỉ cho phép đánh giá hằng năm"), "\(refused.err)")

    let opened = try DangVuBinary.run(
      ["grades", "open", "--kind", "quarter", "--period", "2026-Q1", "--date", "31/03/2026"], in: dir)
    #expect(opened.status == 0, "\(opened.err)")
    #expect(opened.out.contains("quý I năm 2026"))
    let scored = try DangVuBinary.run(
      [
        "grades", "score", "--kind", "quarter", "--period", "2026-Q1", "--member", "10000001", "--framework",
        "memberWithoutPost", "--points", "general=28", "--points", "tasks=64", "--on-time", "--beyond", "30",
      ], in: dir)
    #expect(scored.status == 0, "\(scored.err)")
    #expect(scored.out.contains("92 điểm, hoàn thành xuất sắc nhiệm vụ"), "\(scored.out)")
    let above = try DangVuBinary.run(
      [
        "grades", "score", "--kind", "quarter", "--period", "2026-Q1", "--member", "10000002", "--framework",
        "memberWithoutPost", "--points", "general=35", "--points", "tasks=50",
      ], in: dir)
    #expect(above.status != 0)
    #expect(above.err.contains("phải từ 0 đến 30"), "\(above.err)")

    let listed = try DangVuBinary.run(["grades", "list", "KG", "--kind", "quarter", "--period", "2026-Q1"], in: dir)
    #expect(listed.status == 0, "\(listed.err)")
    #expect(listed.out.contains("Đặng Văn Hùng\thoàn thành xuất sắc nhiệm vụ\t92 điểm"), "\(listed.out)")

    let text = try DangVuBinary.run(
      ["report", "evaluation", "--kind", "quarter", "--period", "2026-Q1", "--format", "text"], in: dir)
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.hasPrefix("Quý I năm 2026, toàn Đảng bộ tỉnh Kiên Giang"), "\(text.out)")
    let json = try DangVuBinary.run(
      ["report", "evaluation", "--kind", "quarter", "--period", "2026-Q1", "--format", "json"], in: dir)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect(parsed?["cycleName"] as? String == "quý I năm 2026")
    #expect((parsed?["members"] as? [String: Any])?["excellent"] as? Int == 1)
  }
}
