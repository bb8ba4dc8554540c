import DangVuCore
import Testing

private func day(_ iso: String) -> Day { Day(parsing: iso)! }

/// Term summaries and mid-term reviews (sơ kết giữa nhiệm kỳ) in the register of the congress documents: in
/// lượt, leading with them, against the term before (or the same stretch of it) only where it has records.
@Suite("Oversight report over a term and a mid-term review")
struct OversightTermTests {
  /// The committees inspected 10 units in 12 lượt and 30 members; the commissions inspected the party finance of
  /// 4 units and supervised 6 units in 8 lượt on a theme. The term before: the committees inspected 9 units and
  /// 28 members in 30 lượt.
  static func counts() -> (now: OversightCounts, before: OversightCounts) {
    var now = OversightCounts(categories: ViolationCategory.standard)
    var before = OversightCounts(categories: ViolationCategory.standard)
    func add(
      _ counts: inout OversightCounts, _ kind: OversightKind, _ organ: ConductingBody.Organ, members: Bool,
      visits: Int, subjects: Int
    ) {
      counts.addVisits(kind: kind, organ: organ, members: members, count: visits)
      counts.addSubjects(runs: [.init(kind, by: organ)], members: members, count: subjects)
    }
    add(&now, .inspection(.regular), .partyCommittee, members: false, visits: 12, subjects: 10)
    add(&now, .inspection(.regular), .partyCommittee, members: true, visits: 30, subjects: 30)
    add(&now, .supervision(.thematic), .inspectionCommission, members: false, visits: 8, subjects: 6)
    add(&now, .inspection(.partyFinance), .inspectionCommission, members: false, visits: 4, subjects: 4)
    add(&before, .inspection(.regular), .partyCommittee, members: false, visits: 9, subjects: 9)
    add(&before, .inspection(.regular), .partyCommittee, members: true, visits: 30, subjects: 28)
    return (now, before)
  }

  static func report(_ period: ReportPeriod, comparison: ReportComparison = .made) -> OversightReport {
    let (now, before) = counts()
    return OversightReport(
      period: period, scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", categories: ViolationCategory.standard,
      current: now, previous: before, comparison: comparison)
  }

  static func paragraph(_ text: String, _ opening: String) -> String? {
    text.components(separatedBy: "\n\n").first { $0.hasPrefix(opening) }?.trimmingCharacters(in: .newlines)
  }

  @Test func aTermSummaryCountsInLuotAgainstTheTermBefore() throws {
    let r = Self.report(try .term(from: 2020, to: 2025))
    #expect(r.previousPeriod == (try .term(from: 2015, to: 2020)))
    let text = OversightNarrative.text(r)
    #expect(
      Self.paragraph(text, "Nhiệm kỳ 2020–2025")
        == "Nhiệm kỳ 2020–2025, các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp trong Đảng bộ tỉnh Kiên Giang "
        + "đã kiểm tra, giám sát 24 lượt tổ chức đảng (20 tổ chức, tăng 15 lượt so với nhiệm kỳ trước) "
        + "và 30 lượt đảng viên (bằng nhiệm kỳ trước). Trong đó: "
        + "kiểm tra 16 lượt tổ chức đảng (14 tổ chức, tăng 7 lượt so với nhiệm kỳ trước) "
        + "và 30 lượt đảng viên (bằng nhiệm kỳ trước); "
        + "giám sát 8 lượt tổ chức đảng (6 tổ chức, tăng 8 lượt so với nhiệm kỳ trước) "
        + "và 0 lượt đảng viên (bằng nhiệm kỳ trước).")
    #expect(
      Self.paragraph(text, "Cấp ủy các cấp")
        == "Cấp ủy các cấp kiểm tra 12 lượt tổ chức đảng (10 tổ chức, tăng 3 lượt so với nhiệm kỳ trước) "
        + "và 30 lượt đảng viên (bằng nhiệm kỳ trước).")
    #expect(
      Self.paragraph(text, "Ủy ban kiểm tra các cấp")
        == "Ủy ban kiểm tra các cấp kiểm tra tài chính 4 lượt tổ chức đảng (tăng 4 lượt so với nhiệm kỳ trước); "
        + "giám sát chuyên đề 8 lượt tổ chức đảng (6 tổ chức, tăng 8 lượt so với nhiệm kỳ trước).")
    #expect(r.figures["oversight.all.members"]?.changeVi == "bằng nhiệm kỳ trước")
  }

  @Test func aTermWhoseTermBeforeHasNoRecordsComparesWithNothing() throws {
    let term = try ReportPeriod.term(from: 2020, to: 2025)
    let none = ReportComparison.of(term, firstRecord: day("2021-03-01"))
    #expect(none.reason == .beforeRecords)
    #expect(none.reasonVi == "Không so sánh với nhiệm kỳ trước: cơ sở dữ liệu chưa có số liệu nhiệm kỳ 2015–2020.")
    let text = OversightNarrative.text(Self.report(term, comparison: none))
    #expect(
      Self.paragraph(text, "Cấp ủy các cấp")
        == "Cấp ủy các cấp kiểm tra 12 lượt tổ chức đảng (10 tổ chức) và 30 lượt đảng viên.")
    #expect(!text.contains("so với") && !text.contains("bằng nhiệm kỳ"))
  }

  @Test func aMidTermReviewRunsFromTheTermsStartToItsDay() throws {
    let review = try ReportPeriod.midTerm(from: 2020, to: 2025, until: day("2023-06-30"))
    #expect(review.from == day("2020-01-01"))
    #expect(review.nameVi == "từ đầu nhiệm kỳ 2020–2025 đến ngày 30/06/2023")
    #expect(review.sameTimeLastYear.from == day("2015-01-01"))
    #expect(review.sameTimeLastYear.through == day("2018-06-30"))
    #expect(review.sameTimeLastYear.nameVi == "từ đầu nhiệm kỳ 2015–2020 đến ngày 30/06/2018")
    #expect(try ReportPeriod.term(from: 2020, to: 2025).untilDay(day("2023-06-30")) == review)
    #expect(throws: DomainError.self) {
      try ReportPeriod.midTerm(from: 2020, to: 2025, until: day("2025-03-01"))
    }
    #expect(throws: DomainError.self) { try ReportPeriod.year(2023).untilDay(day("2023-06-30")) }
  }

  @Test func aMidTermReviewIsWrittenFromTheStartOfTheTermToNow() throws {
    let review = try ReportPeriod.midTerm(from: 2020, to: 2025, until: day("2023-06-30"))
    let none = ReportComparison.of(review, firstRecord: day("2019-01-01"))
    #expect(
      none.reasonVi
        == "Không so sánh với cùng kỳ nhiệm kỳ trước: cơ sở dữ liệu chưa có số liệu "
        + "từ đầu nhiệm kỳ 2015–2020 đến ngày 30/06/2018.")
    let text = OversightNarrative.text(Self.report(review, comparison: none))
    #expect(
      Self.paragraph(text, "Từ đầu nhiệm kỳ đến nay")
        == "Từ đầu nhiệm kỳ đến nay, các cấp ủy, tổ chức đảng và ủy ban kiểm tra các cấp trong Đảng bộ tỉnh Kiên Giang "
        + "đã kiểm tra, giám sát 24 lượt tổ chức đảng (20 tổ chức) và 30 lượt đảng viên. Trong đó: "
        + "kiểm tra 16 lượt tổ chức đảng (14 tổ chức) và 30 lượt đảng viên; "
        + "giám sát 8 lượt tổ chức đảng (6 tổ chức) và 0 lượt đảng viên.")
    #expect(
      Self.paragraph(text, "Cấp ủy các cấp")
        == "Cấp ủy các cấp kiểm tra 12 lượt tổ chức đảng (10 tổ chức) và 30 lượt đảng viên.")
    #expect(
      Self.paragraph(text, "Ủy ban kiểm tra các cấp")
        == "Ủy ban kiểm tra các cấp kiểm tra tài chính 4 lượt tổ chức đảng; giám sát chuyên đề 8 lượt tổ chức đảng (6 tổ chức)."
    )
    // With the term before on record, the review compares with the same stretch of it.
    let compared = OversightNarrative.text(Self.report(review))
    #expect(
      Self.paragraph(compared, "Cấp ủy các cấp")
        == "Cấp ủy các cấp kiểm tra 12 lượt tổ chức đảng (10 tổ chức, tăng 3 lượt so với cùng kỳ nhiệm kỳ trước) "
        + "và 30 lượt đảng viên (bằng cùng kỳ nhiệm kỳ trước).")
  }

  @Test func aRangeLongerThanAYearIsNotComparedAndSaysSo() throws {
    let long = try ReportPeriod.range(
      from: day("2021-01-01"), through: day("2023-06-30"))
    let comparison = ReportComparison.of(long, firstRecord: day("2000-01-01"))
    #expect(comparison.reason == .overlappingRange)
    let text = OversightNarrative.text(Self.report(long, comparison: comparison))
    #expect(
      Self.paragraph(text, "Cấp ủy các cấp")
        == "Cấp ủy các cấp kiểm tra 10 tổ chức đảng (12 lượt) và 30 đảng viên.")
    #expect(!text.contains("so với") && !text.contains("bằng cùng kỳ"))
  }

  /// The membership report over the same periods: a mid-term review opens as the oversight one does, and a term
  /// compares its admissions with the term before rather than with "cùng kỳ năm 2019".
  @Test func theMembershipNarrativeOverATermAndAMidTerm() throws {
    func membership(_ period: ReportPeriod) -> String {
      var now = MembershipCounts()
      now.admitted = 1_100
      var earlier = MembershipCounts()
      earlier.admitted = 1_000
      return MembershipNarrative.text(
        MembershipReport(
          scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", period: period, counts: now, previous: earlier,
          admissionPlan: nil, population: nil))
    }
    let review = try ReportPeriod.midTerm(from: 2020, to: 2025, until: day("2023-06-30"))
    #expect(
      Self.paragraph(membership(review), "Từ đầu nhiệm kỳ đến nay")
        == "Từ đầu nhiệm kỳ đến nay, toàn Đảng bộ tỉnh Kiên Giang kết nạp 1.100 đảng viên, "
        + "tăng 10% so với cùng kỳ nhiệm kỳ trước.")
    #expect(
      Self.paragraph(membership(try .term(from: 2020, to: 2025)), "Trong nhiệm kỳ")
        == "Trong nhiệm kỳ 2020–2025, toàn Đảng bộ tỉnh Kiên Giang kết nạp 1.100 đảng viên, "
        + "tăng 10% so với nhiệm kỳ trước.")
  }
}
