import Foundation
import Testing

/// The inspection commission's day through the real binary: import a small province, its inspections and a
/// discipline decision, refuse a bad file whole, and print the oversight report as JSON and as text.
@Suite("End to end: oversight records and report")
struct OversightCommandLineTests {
  let organisations = SmallProvinceFiles.organisations
  let members = SmallProvinceFiles.members
  let inspections = """
    ma_cuoc,loai,co_quan,don_vi,noi_dung,ngay_bat_dau,ngay_ket_luan,doi_tuong,ma_doi_tuong
    K1,giám sát chuyên đề,cấp ủy,KG.01,Giám sát việc thực hiện nghị quyết,10/02/2023,10/03/2023,tổ chức,KG.01.001
    K1,giám sát chuyên đề,cấp ủy,KG.01,Giám sát việc thực hiện nghị quyết,10/02/2023,10/03/2023,đảng viên,10000001
    K1,giám sát chuyên đề,cấp ủy,KG.01,Giám sát việc thực hiện nghị quyết,10/02/2023,10/03/2023,đảng viên,10000002
    K0,kiểm tra thường xuyên,UBKT,KG.01,Kiểm tra năm 2022,10/02/2022,10/03/2022,đảng viên,10000001

    """
  let discipline = """
    so_quyet_dinh,doi_tuong,ma_doi_tuong,hinh_thuc,noi_dung_vi_pham,co_quan,don_vi,ngay_quyet_dinh,ngay_vi_pham
    7-QĐ/UBKT,đảng viên,10000002,khiển trách,trách nhiệm nêu gương,UBKT,KG.01,20/03/2023,01/12/2022

    """

  func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(("\u{FEFF}" + text).utf8).write(to: dir.appendingPathComponent(name))
  }

  @Test func importsAndReports() throws {
    let dir = try DangVuBinary.scratch()
    for (text, name) in [
      (organisations, "org.csv"), (members, "members.csv"), (inspections, "inspections.csv"),
      (discipline, "discipline.csv"),
    ] {
      try write(text, name, in: dir)
    }
    for (kind, file) in [
      ("organisations", "org.csv"), ("members", "members.csv"), ("inspections", "inspections.csv"),
      ("discipline", "discipline.csv"),
    ] {
      let run = try DangVuBinary.run(["import", kind, file], in: dir)
      #expect(run.status == 0, "\(kind): \(run.err)")
    }

    // A bad file is refused whole, with its line and column, and nothing of it is written.
    try write(
      "loai,doi_tuong,ma_doi_tuong,ngay_nhan\ntố cáo,đảng viên,10000001,01/02/2023\nkiến nghị,đảng viên,10000001,01/02/2023\n",
      "complaints.csv", in: dir)
    let refused = try DangVuBinary.run(["import", "complaints", "complaints.csv"], in: dir)
    #expect(refused.status != 0)
    #expect(refused.err.contains("dòng 3, cột loai"), "\(refused.err)")

    let json = try DangVuBinary.run(["report", "oversight", "--period", "2023-Q1", "--format", "json"], in: dir)
    #expect(json.status == 0, "\(json.err)")
    let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
    let figures = report["figures"] as! [String: [String: Any]]
    #expect(figures["oversight.thematic.unitsDistinct"]?["current"] as? Int == 1)
    #expect(figures["oversight.thematic.membersDistinct"]?["current"] as? Int == 2)
    #expect(figures["oversight.all.membersDistinct"]?["previous"] as? Int == 1)
    #expect(figures["discipline.members.reprimand"]?["current"] as? Int == 1)
    #expect(figures["complaints.all.received"]?["current"] as? Int == 0)
    #expect(report["periodName"] as? String == "quý I năm 2023")

    let text = try DangVuBinary.run(["report", "oversight", "--period", "2023-Q1", "--org", "KG.01"], in: dir)
    #expect(text.status == 0, "\(text.err)")
    #expect(
      text.out.contains("kiểm tra, giám sát chuyên đề 1 tổ chức đảng (tăng 1 tổ chức so với cùng kỳ) và 2 đảng viên"))
    #expect(text.out.contains("Thi hành kỷ luật 1 đảng viên (khiển trách 1, cảnh cáo 0, cách chức 0, khai trừ 0)"))

    let csv = try DangVuBinary.run(
      ["report", "oversight", "--from", "01/01/2023", "--to", "31/03/2023", "--format", "csv"], in: dir)
    #expect(csv.status == 0)
    #expect(csv.out.contains("2023-01-01,2023-03-31,KG,discipline.members.reprimand,1,0,1,100"))
    #expect(csv.out.unicodeScalars.first != "\u{FEFF}", "plain UTF-8 for scripts")
    let excel = try DangVuBinary.run(
      ["report", "oversight", "--period", "2023-Q1", "--format", "csv", "--bom", "--separator", ";"], in: dir)
    #expect(excel.status == 0, "\(excel.err)")
    #expect(excel.out.unicodeScalars.first == "\u{FEFF}")
    #expect(excel.out.contains("2023-01-01;2023-03-31;KG;discipline.members.reprimand;1;0;1;100"))
  }

  /// Issue 25: a mid-term review from the command line, each body's kinds in lượt, and the figures by kind and body
  /// in the CSV; with nothing recorded in the term before, nothing is compared.
  @Test func aMidTermReviewByBody() throws {
    let dir = try DangVuBinary.scratch()
    for (text, name) in [(organisations, "org.csv"), (members, "members.csv"), (inspections, "inspections.csv")] {
      try write(text, name, in: dir)
    }
    for (kind, file) in [("organisations", "org.csv"), ("members", "members.csv"), ("inspections", "inspections.csv")] {
      let run = try DangVuBinary.run(["import", kind, file], in: dir)
      #expect(run.status == 0, "\(kind): \(run.err)")
    }
    let text = try DangVuBinary.run(["report", "oversight", "--term", "2020-2025", "--until", "2023-06-30"], in: dir)
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.hasPrefix("Từ đầu nhiệm kỳ đến nay, các cấp ủy"), "\(text.out)")
    #expect(text.out.contains("\n\nCấp ủy các cấp giám sát chuyên đề 1 lượt tổ chức đảng và 2 lượt đảng viên.\n\n"))
    #expect(text.out.contains("\n\nỦy ban kiểm tra các cấp kiểm tra 1 lượt đảng viên.\n\n"))
    #expect(!text.out.contains("so với"))
    let csv = try DangVuBinary.run(
      ["report", "oversight", "--term", "2020-2025", "--until", "30/06/2023", "--format", "csv"], in: dir)
    #expect(csv.status == 0, "\(csv.err)")
    #expect(
      csv.out.contains("2020-01-01,2023-06-30,KG,oversight.body.partyCommittee.kind.supervision.thematic.members,2,,,"))
    #expect(
      csv.out.contains(
        "2020-01-01,2023-06-30,KG,oversight.body.inspectionCommission.kind.inspection.regular.members,1,,,"))
    let alone = try DangVuBinary.run(["report", "oversight", "--until", "2023-06-30"], in: dir)
    #expect(alone.status != 0)
    #expect(alone.err.contains("--until đi cùng --term"), "\(alone.err)")
  }
  /// Issue 21 parts 5 and 7: every `dangvu oversight` write, and the corrections of an inspection, a decision and a
  /// complaint, are in the audit trail under the operating-system user and the chain holds; a refused correction
  /// leaves nothing; a corrected inspection moves its figures in the report.
  @Test func writesAndCorrectionsAreAuditedUnderTheOperatingSystemUser() throws {
    let dir = try DangVuBinary.scratch()
    let complaints = "loai,doi_tuong,ma_doi_tuong,ngay_nhan\ntố cáo,đảng viên,10000001,01/02/2023\n"
    for (text, name) in [
      (organisations, "org.csv"), (members, "members.csv"), (inspections, "inspections.csv"),
      (discipline, "discipline.csv"), (complaints, "complaints.csv"),
    ] {
      try write(text, name, in: dir)
    }
    for kind in ["organisations", "members", "inspections", "discipline", "complaints"] {
      let file = kind == "organisations" ? "org.csv" : "\(kind).csv"
      let run = try DangVuBinary.run(["import", kind, file], in: dir)
      #expect(run.status == 0, "\(kind): \(run.err)")
    }
    func oversight(_ arguments: [String]) throws -> DangVuBinary.Result {
      let run = try DangVuBinary.run(["oversight"] + arguments, in: dir)
      #expect(run.status == 0, "\(arguments): \(run.err)")
      return run
    }
    let warned = try oversight([
      "discipline", "--member", "10000001", "--form", "cảnh cáo", "--violations", "trách nhiệm nêu gương",
      "--body", "KG.01", "--number", "9-QĐ/UBKT", "--decided", "20/04/2023", "--violated", "01/02/2023",
    ])
    #expect(warned.out.contains("Đã ghi quyết định kỷ luật #2 (9-QĐ/UBKT): cảnh cáo."), "\(warned.out)")
    _ = try oversight(["conclude", "--inspection", "2", "--on", "15/03/2022"])
    _ = try oversight(["resolve", "--complaint", "1", "--on", "01/03/2023", "--finding", "sai"])
    // The supervision K1 began in April, not February: the first quarter loses it, the second gains it.
    func thematicUnits(_ period: String) throws -> Int? {
      let json = try DangVuBinary.run(["report", "oversight", "--period", period, "--format", "json"], in: dir)
      let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
      let figures = report?["figures"] as? [String: [String: Any]]
      return figures?["oversight.thematic.unitsDistinct"]?["current"] as? Int
    }
    #expect(try thematicUnits("2023-Q1") == 1)
    let corrected = try oversight([
      "correct-inspection", "--inspection", "1", "--started", "10/04/2023", "--concluded", "10/05/2023", "--reason",
      "Ghi nhầm tháng bắt đầu",
    ])
    #expect(corrected.out.contains("(3 đối tượng)"), "\(corrected.out)")
    #expect(try thematicUnits("2023-Q1") == 0 && thematicUnits("2023-Q2") == 1)
    _ = try oversight(["correct-decision", "--decision", "2", "--number", "9A-QĐ/UBKT", "--reason", "Ghi nhầm số"])
    #expect(try oversight(["history", "--member", "10000001"]).out.contains("#2 9A-QĐ/UBKT"))
    _ = try oversight(["correct-complaint", "--complaint", "1", "--kind", "khiếu nại", "--reason", "Nhầm loại đơn"])
    let unchanged = try DangVuBinary.run(
      ["oversight", "correct-complaint", "--complaint", "1", "--reason", "Không đổi gì"], in: dir)
    #expect(unchanged.status != 0 && unchanged.err.contains("Không có gì thay đổi"), "\(unchanged.err)")

    let user = "\(ProcessInfo.processInfo.userName)@\(ProcessInfo.processInfo.hostName)"
    for (action, subject) in [
      ("discipline.add", "discipline:2"), ("inspection.conclude", "inspection:2"), ("complaint.resolve", "complaint:1"),
      ("inspection.correct", "inspection:1"), ("discipline.correct", "discipline:2"),
      ("complaint.correct", "complaint:1"),
    ] {
      let listed = try DangVuBinary.run(["audit", "list", "--action", action], in: dir)
      #expect(listed.status == 0, "\(listed.err)")
      #expect(listed.out.contains(user) && listed.out.contains(subject), "\(action): \(listed.out)")
      #expect(listed.out.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 1, "\(action): \(listed.out)")
    }
    #expect(try DangVuBinary.run(["audit", "verify"], in: dir).status == 0)
  }
}
