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
}
