import DangVuCore
import Foundation
import Testing

private func day(_ iso: String) -> Day { Day(parsing: iso)! }

/// What a newcomer read wrong in the reports (issue 25, parts 2, 3 and 7), each sentence checked word for word.
@Suite("Issue 25: sentences a newcomer read wrong")
struct NewcomerMendsTests {
  static func evaluation(belowTarget: [EvaluationReport.BelowTarget] = []) -> EvaluationReport {
    EvaluationReport(
      year: 2023, scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", regulation: "124-QĐ/TW", policy: .standard,
      organisationKinds: [
        EvaluationReport.Line(
          subject: "organisation.subordinateCell", label: "chi bộ trực thuộc",
          counts: GradeCounts(excellent: 1, good: 3, complete: 0, notComplete: 0, notEvaluated: [.tooNew: 2]),
          previous: GradeCounts(excellent: 1, good: 3, complete: 0, notComplete: 0))
      ],
      members: EvaluationReport.Line(
        subject: "member", label: "đảng viên",
        counts: GradeCounts(excellent: 2, good: 6, complete: 1, notComplete: 1, notEvaluated: [.tooNew: 1]),
        previous: GradeCounts(excellent: 2, good: 5, complete: 2, notComplete: 1)),
      leadershipCollectives: EvaluationReport.Line(
        subject: "leadershipCollective", label: "tập thể lãnh đạo, quản lý các cấp", counts: GradeCounts()),
      leadershipCadres: EvaluationReport.Line(
        subject: "leadershipCadre", label: "cán bộ lãnh đạo, quản lý các cấp", counts: GradeCounts()),
      belowTarget: belowTarget, excellentCapWarnings: [],
      target: try! ReportTarget(
        measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW"))
  }

  static func paragraph(_ text: String, _ opening: String) -> String? {
    // The last paragraph ends the text with a line break.
    text.components(separatedBy: "\n\n").first { $0.hasPrefix(opening) }.map {
      $0.hasSuffix("\n") ? String($0.dropLast()) : $0
    }
  }

  @Test func aYearlyReportComparesWithTheYearBeforeInOneWord() throws {
    let text = EvaluationNarrative.text(Self.evaluation())
    #expect(
      Self.paragraph(text, "Về đảng viên:")
        == "Về đảng viên: 10/11 đảng viên (chiếm 90,91%) được đánh giá, xếp loại (bằng năm trước); "
        + "1 đảng viên (chiếm 9,09%) chưa đánh giá, xếp loại (1 kết nạp chưa đủ 6 tháng) (tăng 1 so với năm trước); "
        + "8/10 đảng viên (chiếm 80,00%) hoàn thành tốt nhiệm vụ trở lên (tăng 1 so với năm trước), trong đó 2 "
        + "(chiếm 25,00% số hoàn thành tốt nhiệm vụ trở lên) hoàn thành xuất sắc nhiệm vụ (bằng năm trước); "
        + "1 đảng viên (chiếm 10,00%) hoàn thành nhiệm vụ (giảm 1 so với năm trước); "
        + "1 đảng viên (chiếm 10,00%) không hoàn thành nhiệm vụ (bằng năm trước).")
    #expect(!text.contains("cùng kỳ"))
  }

  @Test func unitsTooNewToGradeWereFoundedNotAdmitted() throws {
    let text = EvaluationNarrative.text(Self.evaluation())
    #expect(
      Self.paragraph(text, "Về tổ chức đảng:")
        == "Về tổ chức đảng:\n- Chi bộ trực thuộc: 4/6 (chiếm 66,67%) được đánh giá, xếp loại (bằng năm trước); "
        + "2 (chiếm 33,33%) chưa đánh giá, xếp loại (2 thành lập chưa đủ 6 tháng) (tăng 2 so với năm trước); "
        + "4/4 (chiếm 100,00%) hoàn thành tốt nhiệm vụ trở lên (bằng năm trước), trong đó 1 "
        + "(chiếm 25,00% số hoàn thành tốt nhiệm vụ trở lên) hoàn thành xuất sắc nhiệm vụ (bằng năm trước); "
        + "0 (chiếm 0,00%) hoàn thành nhiệm vụ (bằng năm trước); 0 (chiếm 0,00%) không hoàn thành nhiệm vụ (bằng năm trước)."
    )
    #expect(!text.contains("hoặc kết nạp"))
  }

  @Test func eachSubjectIsTooNewInItsOwnWords() {
    #expect(NotEvaluatedReason.tooNew.nameVi(for: .member) == "kết nạp chưa đủ 6 tháng")
    #expect(NotEvaluatedReason.tooNew.nameVi(for: .organisation) == "thành lập chưa đủ 6 tháng")
    #expect(NotEvaluatedReason.tooNew.nameVi(for: .cadre) == "giữ chức vụ chưa đủ 6 tháng")
    #expect(NotEvaluatedReason.Subject(.leadershipCollective) == .organisation)
    #expect(
      GradeOutcome.notEvaluated(.tooNew).nameVi(for: .member) == "chưa đánh giá, xếp loại (kết nạp chưa đủ 6 tháng)")
    #expect(NotEvaluatedReason.pendingComplaint.nameVi(for: .member) == "đang giải quyết khiếu nại, tố cáo")
  }

  @Test func theBelowTargetListPrintsItsCountsLikeEveryOtherFigure() {
    let text = EvaluationNarrative.text(
      Self.evaluation(belowTarget: [
        .init(code: "KG.01", name: "Đảng bộ huyện Châu Thành", subject: "member", goodOrAbove: 3528, evaluated: 4131)
      ]))
    #expect(
      Self.paragraph(text, "Có 1 trường hợp")
        == "Có 1 trường hợp chưa đạt chỉ tiêu 90% hoàn thành tốt nhiệm vụ trở lên (Nghị quyết số 21-NQ/TW): "
        + "Đảng bộ huyện Châu Thành (đảng viên 3.528/4.131, chiếm 85,40%).")
  }

  static func membership(admitted: Int, before: Int, comparison: ReportComparison = .made) throws -> MembershipReport {
    var now = MembershipCounts()
    now.admitted = admitted
    now.official = 100
    var earlier = MembershipCounts()
    earlier.admitted = before
    earlier.official = 90
    return MembershipReport(
      scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", period: try .nineMonths(2023), counts: now,
      previous: earlier, admissionPlan: nil, population: nil, comparison: comparison)
  }

  @Test func aPeriodReportNamesTheSamePeriodOnce() throws {
    let text = MembershipNarrative.text(try Self.membership(admitted: 12, before: 12))
    #expect(
      Self.paragraph(text, "Trong 9 tháng")
        == "Trong 9 tháng đầu năm 2023, toàn Đảng bộ tỉnh Kiên Giang kết nạp 12 đảng viên, bằng cùng kỳ năm 2022.")
    let more = MembershipNarrative.text(try Self.membership(admitted: 13, before: 12))
    #expect(
      Self.paragraph(more, "Trong 9 tháng")
        == "Trong 9 tháng đầu năm 2023, toàn Đảng bộ tỉnh Kiên Giang kết nạp 13 đảng viên, tăng 8% so với cùng kỳ năm 2022."
    )
  }

  @Test func withoutAComparisonTheMembershipReportGivesNoChange() throws {
    let none = ReportComparison.of(try .nineMonths(2023), firstRecord: day("2023-01-05"))
    let r = try Self.membership(admitted: 12, before: 0, comparison: none)
    let text = MembershipNarrative.text(r)
    #expect(
      Self.paragraph(text, "Trong 9 tháng")
        == "Trong 9 tháng đầu năm 2023, toàn Đảng bộ tỉnh Kiên Giang kết nạp 12 đảng viên.")
    #expect(!text.contains("tăng") && !text.contains("giảm") && !text.contains("bằng"))
    #expect(r.changes.isEmpty)
    #expect(MembershipReportCSV.rows(r)[1] == ["2023-01-01", "2023-09-30", "KG", "admitted", "12", "", "", ""])
  }

  @Test func theComparisonIsUnavailableBeforeTheRecordsAndOverAnOverlappingRange() throws {
    let quarter = try ReportPeriod.quarter(1, of: 2023)
    #expect(ReportComparison.of(quarter, firstRecord: day("2022-03-31")) == .made)
    #expect(ReportComparison.of(quarter, firstRecord: day("2022-04-01")).reason == .beforeRecords)
    #expect(ReportComparison.of(quarter, firstRecord: nil).reason == .beforeRecords)
    #expect(
      ReportComparison.of(quarter, firstRecord: day("2022-04-01")).reasonVi
        == "Không so sánh với cùng kỳ: cơ sở dữ liệu chưa có số liệu quý I năm 2022.")
    // A whole year from any day does not overlap the year before it; one day more does.
    let year = try ReportPeriod.range(from: day("2023-03-01"), through: day("2024-02-29"))
    #expect(ReportComparison.of(year, firstRecord: day("2000-01-01")) == .made)
    let longer = try ReportPeriod.range(from: day("2023-03-01"), through: day("2024-03-01"))
    #expect(ReportComparison.of(longer, firstRecord: day("2000-01-01")).reason == .overlappingRange)
    // A term is compared with the term before, which it does not overlap.
    #expect(try ReportPeriod.term(from: 2020, to: 2025).overlapsSameTimeLastYear == false)
  }

  static func oversight(comparison: ReportComparison = .made) throws -> OversightReport {
    var now = OversightCounts(categories: ViolationCategory.standard)
    var before = OversightCounts(categories: ViolationCategory.standard)
    for (kind, count) in [(InspectionKind.partyFinance, 3), (.duties, 2), (.regular, 4)] {
      now.addVisits(kind: .inspection(kind), organ: .inspectionCommission, members: false, count: count)
      now.addSubjects(kinds: [.inspection(kind)], organs: [.inspectionCommission], members: false, count: count)
    }
    now.addVisits(kind: .inspection(.regular), organ: .partyCommittee, members: true, count: 5)
    now.addSubjects(kinds: [.inspection(.regular)], organs: [.partyCommittee], members: true, count: 5)
    before.addVisits(kind: .inspection(.partyFinance), organ: .inspectionCommission, members: false, count: 1)
    before.addSubjects(
      kinds: [.inspection(.partyFinance)], organs: [.inspectionCommission], members: false, count: 1)
    return OversightReport(
      period: try .quarter(1, of: 2023), scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang",
      categories: ViolationCategory.standard, current: now, previous: before, comparison: comparison)
  }

  @Test func aKindOnlyOrganisationsUndergoNamesNoMembers() throws {
    let text = OversightNarrative.text(try Self.oversight())
    #expect(
      Self.paragraph(text, "Theo loại:")
        == "Theo loại:\n- kiểm tra thường xuyên: 4 tổ chức đảng (tăng 4 tổ chức so với cùng kỳ) "
        + "và 5 đảng viên (tăng 5 đảng viên so với cùng kỳ);\n"
        + "- kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng: "
        + "2 tổ chức đảng (tăng 2 tổ chức so với cùng kỳ);\n"
        + "- kiểm tra tài chính đảng: 3 tổ chức đảng (tăng 2 tổ chức so với cùng kỳ).")
  }

  @Test func beforeTheRecordsTheOversightReportComparesWithNothing() throws {
    let none = ReportComparison.of(try .quarter(1, of: 2023), firstRecord: day("2023-02-10"))
    let r = try Self.oversight(comparison: none)
    let text = OversightNarrative.text(r)
    #expect(
      Self.paragraph(text, "Theo loại:")
        == "Theo loại:\n- kiểm tra thường xuyên: 4 tổ chức đảng và 5 đảng viên;\n"
        + "- kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng: 2 tổ chức đảng;\n"
        + "- kiểm tra tài chính đảng: 3 tổ chức đảng.")
    #expect(
      Self.paragraph(text, "Không có đảng viên") == "Không có đảng viên bị thi hành kỷ luật.")
    #expect(!text.contains("cùng kỳ"))
    #expect(
      OversightReportCSV.rows(r).contains([
        "2023-01-01", "2023-03-31", "KG", "oversight.kind.inspection.partyFinance.units", "3", "", "", "",
      ]))
  }

  @Test func theJSONSaysTheComparisonIsUnavailableAndGivesNoEarlierFigures() throws {
    let none = ReportComparison.of(try .quarter(1, of: 2023), firstRecord: nil)
    let oversight = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Self.oversight(comparison: none)))
    let o = try #require(oversight as? [String: Any])
    let comparison = try #require(o["comparison"] as? [String: Any])
    #expect(comparison["available"] as? Bool == false)
    #expect(comparison["reason"] as? String == "beforeRecords")
    #expect(
      comparison["reasonVi"] as? String == "Không so sánh với cùng kỳ: cơ sở dữ liệu chưa có số liệu quý I năm 2022.")
    let figure = try #require(
      (o["figures"] as? [String: Any])?["oversight.kind.inspection.partyFinance.units"] as? [String: Any])
    #expect(figure["current"] as? Int == 3)
    #expect(figure["previous"] == nil && figure["difference"] == nil)
    #expect(figure["changeVi"] as? String == "")

    let membership = try JSONSerialization.jsonObject(
      with: JSONEncoder().encode(try Self.membership(admitted: 12, before: 0, comparison: none)))
    let m = try #require(membership as? [String: Any])
    #expect((m["comparison"] as? [String: Any])?["available"] as? Bool == false)
    #expect(m["previous"] == nil)
    #expect((m["changes"] as? [String: Int])?.isEmpty == true)
    #expect(m["admissionsChange"] == nil)

    // With a comparison, both say so and carry the earlier figures.
    let made = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Self.oversight())) as? [String: Any])
    #expect((made["comparison"] as? [String: Any])?["available"] as? Bool == true)
    let madeFigure = try #require(
      (made["figures"] as? [String: Any])?["oversight.kind.inspection.partyFinance.units"] as? [String: Any])
    #expect(madeFigure["previous"] as? Int == 1)
    #expect(madeFigure["difference"] as? Int == 2)
  }

  @Test func educationLevelsRunFromLowestToHighest() {
    #expect(
      EducationLevel.sorted([
        "Thạc sĩ", "12/12", "chưa ghi", "5/12", "Cao đẳng", "9/12", "Đại học", "Trung cấp", "Tiến sĩ", "Bổ túc", "7/10",
      ]) == [
        "5/12", "7/10", "9/12", "12/12", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ", "Bổ túc", "chưa ghi",
      ])
    #expect(EducationLevel.sorted(["dai hoc", "Cử nhân", "trung cap"]) == ["trung cap", "Cử nhân", "dai hoc"])
  }

  @Test func theMembershipTableListsEducationInThatOrder() throws {
    var counts = MembershipCounts()
    counts.official = 6
    counts.structure.education = ["Đại học": 1, "12/12": 1, "5/12": 1, "Thạc sĩ": 1, "9/12": 1, "Cao đẳng": 1]
    let r = MembershipReport(
      scopeCode: "KG", scopeName: "KG", period: try .year(2023), counts: counts, previous: MembershipCounts(),
      admissionPlan: nil, population: nil)
    let keys = MembershipReportCSV.rows(r).map { $0[3] }.filter { $0.hasPrefix("education:") }
    #expect(
      keys == [
        "education:5/12", "education:9/12", "education:12/12", "education:Cao đẳng", "education:Đại học",
        "education:Thạc sĩ",
      ])
  }
}
