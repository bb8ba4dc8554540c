import Foundation
import Testing

/// Drives the real binary through the membership lifecycle: a plan, an admission with its sponsors, a
/// refused admission, a two-step transfer shown in transit, an overdue probation, and the report.
@Suite("End to end: the membership commands")
struct MembershipCommandTests {
  let organisations = SmallProvinceFiles.organisationsWithTwoCells
  let members = SmallProvinceFiles.members

  @Test func admitsTransfersAndReports() throws {
    let dir = try DangVuBinary.scratch()
    try Data(organisations.utf8).write(to: dir.appendingPathComponent("org.csv"))
    try Data(members.utf8).write(to: dir.appendingPathComponent("members.csv"))
    #expect(try DangVuBinary.run(["import", "organisations", "org.csv"], in: dir).status == 0)
    #expect(try DangVuBinary.run(["import", "members", "members.csv"], in: dir).status == 0)

    let plan = try DangVuBinary.run(
      ["membership", "plan", "--org", "KG.01.001", "--year", "2024", "--count", "2"], in: dir)
    #expect(plan.status == 0, "\(plan.err)")
    #expect(
      try DangVuBinary.run(["membership", "plan", "--org", "KG", "--year", "2024"], in: dir).out.contains(
        ": 2 đảng viên"))

    let admit = [
      "membership", "admit", "--cell", "KG.01.001.02", "--name", "Lê Thị Mai", "--gender", "Nữ", "--born", "02/02/2000",
      "--on", "10/01/2024", "--decision", "15-QĐ/ĐU", "--sponsor", "10000001",
    ]
    let refused = try DangVuBinary.run(admit, in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("cần đúng 2 đảng viên chính thức giới thiệu"))
    let admitted = try DangVuBinary.run(admit + ["--sponsor", "10000002"], in: dir)
    #expect(admitted.status == 0, "\(admitted.err)")
    #expect(admitted.out.contains("dự bị đến 10/01/2025"))

    let sent = try DangVuBinary.run(
      ["membership", "record", "10000002", "--kind", "transferSent", "--on", "01/03/2024", "--cell", "KG.01.001.02"],
      in: dir)
    #expect(sent.status == 0, "\(sent.err)")
    let transit = try DangVuBinary.run(["membership", "in-transit", "--on", "15/04/2024"], in: dir)
    #expect(transit.out.contains("Nguyễn Thị Lan") && transit.out.contains("quá 30 ngày"))
    let twice = try DangVuBinary.run(
      [
        "membership", "record", "10000002", "--kind", "chuyển sinh hoạt", "--on", "02/03/2024", "--cell",
        "KG.01.001.02",
      ],
      in: dir)
    #expect(twice.status != 0 && twice.err.contains("đang chuyển sinh hoạt"))
    #expect(
      try DangVuBinary.run(
        [
          "membership", "record", "10000002", "--kind", "tiếp nhận sinh hoạt đảng", "--on", "20/04/2024", "--cell",
          "KG.01.001.02",
        ], in: dir
      ).status == 0)
    #expect(try DangVuBinary.run(["membership", "overdue", "--on", "01/02/2025"], in: dir).out.contains("Lê Thị Mai"))

    let report = try DangVuBinary.run(["report", "membership", "--period", "2024", "--format", "json"], in: dir)
    #expect(report.status == 0, "\(report.err)")
    let parsed = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
    let counts = parsed?["counts"] as? [String: Any]
    #expect(
      counts?["admitted"] as? Int == 1 && counts?["official"] as? Int == 2 && counts?["probationary"] as? Int == 1)
    #expect(parsed?["admissionPlan"] as? Int == 2)
    #expect((parsed?["totals"] as? [String: Int])?["members"] == 3)
    #expect((parsed?["sharesVi"] as? [String: String])?["admissionsShareOfPlan"] == "50,0")
    let text = try DangVuBinary.run(["report", "membership", "--term", "2020-2025", "--org", "KG.01"], in: dir)
    #expect(text.out.contains("Trong nhiệm kỳ 2020–2025, toàn Đảng bộ huyện Châu Thành kết nạp 1 đảng viên"))
    let bad = try DangVuBinary.run(["report", "membership", "--period", "2024-Q5"], in: dir)
    #expect(bad.status != 0 && bad.err.contains("Quý phải từ 1 đến 4"))

    // Every write above is in the audit trail under the operating-system user, and the chain holds; the refused
    // ones left nothing.
    let user = "\(ProcessInfo.processInfo.userName)@\(ProcessInfo.processInfo.hostName)"
    for action in ["plan.set", "member.admit", "member.transferSent", "member.event"] {
      let listed = try DangVuBinary.run(["audit", "list", "--action", action], in: dir)
      #expect(listed.status == 0, "\(listed.err)")
      #expect(listed.out.contains(user), "\(action) not audited under \(user): \(listed.out)")
    }
    let admissions = try DangVuBinary.run(["audit", "list", "--action", "member.admit"], in: dir).out
    #expect(admissions.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 1, "\(admissions)")
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }
}
