import Foundation
import Testing

/// `dangvu check` on the real binary: a demo database agrees with its records; a kept sum changed behind
/// DangVu's back is named, with a non-zero exit.
@Suite("End to end: kept sums against the records")
struct CheckCommandTests {
  @Test func aDemoAgreesAndADriftedSumIsNamed() throws {
    let dir = try DangVuBinary.scratch()
    let demo = try DangVuBinary.run(["demo", "--members", "400", "--grade-years", "2023"], in: dir)
    #expect(demo.status == 0, "\(demo.err)")
    let fine = try DangVuBinary.run(["check"], in: dir)
    #expect(fine.status == 0, "\(fine.out)\(fine.err)")
    #expect(fine.out.contains("Mọi số tổng hợp khớp với tính lại từ hồ sơ (OK)."))
    #expect(fine.out.contains("grade_rollup: ") && fine.out.contains("oversight_rollup: "))

    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = [
      "sqlite3", dir.appendingPathComponent("dangvu.sqlite").path,
      """
      UPDATE grade_rollup SET count = count + 5 WHERE (year, unit_id, subject_key, outcome) =
        (SELECT year, unit_id, subject_key, outcome FROM grade_rollup WHERE count > 0 LIMIT 1);
      """,
    ]
    try sqlite.run()
    sqlite.waitUntilExit()
    #expect(sqlite.terminationStatus == 0)
    let drifted = try DangVuBinary.run(["check"], in: dir)
    #expect(drifted.status != 0)
    #expect(drifted.out.contains("grade_rollup: 1 trên"))
    #expect(drifted.out.contains("KHÔNG khớp"))
    #expect(drifted.err.contains("báo cáo đang in sai các số trên"))
  }
}
