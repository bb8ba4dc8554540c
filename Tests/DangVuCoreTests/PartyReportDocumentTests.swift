import DangVuCore
import Testing

/// A district's 2023 grades: enough for every part of the document.
private func district2023() -> EvaluationReport {
  EvaluationReport(
    year: 2023, scopeCode: "KG.01", scopeName: "Đảng bộ huyện Châu Thành", regulation: "124-QĐ/TW", policy: .standard,
    organisationKinds: [
      .init(
        subject: "organisation.grassrootsCell", label: "chi bộ cơ sở",
        counts: GradeCounts(excellent: 1, good: 4, complete: 1, notComplete: 0))
    ],
    members: .init(
      subject: "member", label: "đảng viên",
      counts: GradeCounts(excellent: 2, good: 6, complete: 1, notComplete: 1, notEvaluated: [.tooNew: 1])),
    leadershipCollectives: .init(subject: "leadershipCollective", label: "tập thể lãnh đạo", counts: GradeCounts()),
    leadershipCadres: .init(subject: "leadershipCadre", label: "cán bộ lãnh đạo", counts: GradeCounts()),
    belowTarget: [], excellentCapWarnings: [],
    target: try! ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW"))
}

@Suite("A report as a Party document (36-HD/VPTW)")
struct PartyReportDocumentTests {
  @Test func aProvinceIssuesAsItsProvincialCommittee() {
    let issuer = IssuingCommittee(unitName: "Đảng bộ tỉnh Kiên Giang")
    #expect(issuer.name == "TỈNH ỦY KIÊN GIANG")
    #expect(issuer.superior == nil)
    #expect(issuer.symbol == "TU")
    #expect(issuer.place == "Kiên Giang")
    #expect(issuer.onBehalfOf == "T/M BAN THƯỜNG VỤ")
    #expect(issuer.isProvincial)
  }

  @Test func aDistrictIssuesUnderItsProvince() {
    let issuer = IssuingCommittee(unitName: "Đảng bộ huyện Châu Thành", superiorName: "Đảng bộ tỉnh Kiên Giang")
    #expect(issuer.superior == "ĐẢNG BỘ TỈNH KIÊN GIANG")
    #expect(issuer.name == "HUYỆN ỦY CHÂU THÀNH")
    #expect(issuer.symbol == "HU")
    #expect(issuer.place == "Châu Thành")
    #expect(!issuer.isProvincial)
  }

  @Test func aCommuneAndACellIssueAsTheirCommittees() {
    let commune = IssuingCommittee(unitName: "Đảng bộ xã Bình An", superiorName: "Đảng bộ huyện Châu Thành")
    #expect(commune.name == "ĐẢNG ỦY XÃ BÌNH AN")
    #expect(commune.symbol == "ĐU")
    #expect(commune.place == "Bình An")
    #expect(commune.onBehalfOf == "T/M ĐẢNG ỦY")
    let cell = IssuingCommittee(unitName: "Chi bộ Ấp Phước Lợi", superiorName: "Đảng bộ xã Bình An")
    #expect(cell.name == "CHI BỘ ẤP PHƯỚC LỢI")
    #expect(cell.symbol == "CB")
    #expect(cell.place == "Bình An", "a cell dates its report where its committee sits")
    #expect(cell.onBehalfOf == "T/M CHI BỘ")
  }

  @Test func theHeaderLeavesTheNumberAndDateToTheClerkUnlessGiven() throws {
    let issuer = IssuingCommittee(unitName: "Đảng bộ tỉnh Kiên Giang")
    let draft = PartyReportDocument.evaluation(district2023(), issuer: issuer, options: try .init(year: 2024))
    #expect(draft.numberAndSymbol == "Số       -BC/TU")
    #expect(draft.placeAndDate == "Kiên Giang, ngày      tháng      năm 2024")
    #expect(draft.signature == .init(onBehalfOf: "T/M BAN THƯỜNG VỤ", post: "BÍ THƯ", name: ""))
    let signed = PartyReportDocument.evaluation(
      district2023(), issuer: issuer,
      options: try .init(
        number: " 125 ", date: Day(year: 2024, month: 2, day: 5), year: 2030, signerPost: "Phó Bí thư",
        signerName: "Nguyễn Văn A"))
    #expect(signed.numberAndSymbol == "Số 125-BC/TU")
    #expect(signed.placeAndDate == "Kiên Giang, ngày 05 tháng 02 năm 2024", "leading zeros as 36-HD/VPTW asks")
    #expect(signed.signature == .init(onBehalfOf: "T/M BAN THƯỜNG VỤ", post: "PHÓ BÍ THƯ", name: "Nguyễn Văn A"))
    let november = try PartyReportOptions(date: Day(year: 2024, month: 11, day: 20), year: 2024)
    #expect(
      PartyReportDocument.evaluation(district2023(), issuer: issuer, options: november).placeAndDate
        == "Kiên Giang, ngày 20 tháng 11 năm 2024")
  }

  @Test func aNumberThatWouldGarbleTheSymbolIsRefused() {
    #expect(throws: DomainError.self) { try PartyReportOptions(number: "12-BC/TU", year: 2024) }
    #expect(throws: DomainError.self) { try PartyReportOptions(year: 2024, signerName: "A\u{202E}B") }
  }

  @Test func theBodyIsTheNarrativeLineByLineThenTheTable() throws {
    let r = district2023()
    let document = PartyReportDocument.evaluation(
      r, issuer: IssuingCommittee(unitName: r.scopeName, superiorName: "Đảng bộ tỉnh Kiên Giang"),
      options: try .init(year: 2024))
    #expect(document.title == "BÁO CÁO")
    #expect(document.subject == "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2023")
    let lines = EvaluationNarrative.text(r).split(separator: "\n").map(String.init)
    #expect(document.paragraphs == lines)
    #expect(
      document.paragraphs.contains(
        "- Chi bộ cơ sở: 6/6 (chiếm 100,00%) được đánh giá, xếp loại; 5/6 (chiếm 83,33%) hoàn thành tốt nhiệm vụ trở lên, trong đó 1 (chiếm 20,00% số hoàn thành tốt nhiệm vụ trở lên) hoàn thành xuất sắc nhiệm vụ; 1 (chiếm 16,67%) hoàn thành nhiệm vụ; 0 (chiếm 0,00%) không hoàn thành nhiệm vụ."
      ))
    let table = try #require(document.tables.first)
    #expect(table.header.first == "Đối tượng")
    #expect(table.rows.count == r.allLines.count)
    let members = try #require(table.rows.first { $0.first == "Đảng viên" })
    #expect(members == ["Đảng viên", "11", "10", "2", "6", "1", "1", "1", "80,00"])
    // The table follows the narrative, under its caption.
    guard case .heading(let caption) = document.body[lines.count] else {
      Issue.record("no caption after the narrative")
      return
    }
    #expect(caption == "Biểu 1. Kết quả đánh giá, xếp loại chất lượng năm 2023")
  }

  @Test func aDistrictReportsToTheCommissionAboveAndKeepsAFileCopy() throws {
    let r = district2023()
    let issuer = IssuingCommittee(unitName: r.scopeName, superiorName: "Đảng bộ tỉnh Kiên Giang")
    let document = PartyReportDocument.evaluation(r, issuer: issuer, options: try .init(year: 2024))
    #expect(
      document.recipients == [
        "- Ban Tổ chức cấp ủy cấp trên (báo cáo),", "- Thường trực Huyện ủy Châu Thành,",
        "- Các tổ chức đảng trực thuộc,", "- Lưu Văn phòng Huyện ủy Châu Thành.",
      ])
    let province = PartyReportDocument.evaluation(
      r, issuer: IssuingCommittee(unitName: "Đảng bộ tỉnh Kiên Giang"), options: try .init(year: 2024))
    #expect(province.recipients.first == "- Ban Tổ chức Trung ương (báo cáo),")
  }
}
