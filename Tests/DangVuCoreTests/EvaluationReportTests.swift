import DangVuCore
import Foundation
import Testing

/// The 2023 counts of the published Kiên Giang report, typed in here only to check the arithmetic and wording;
/// the fidelity test builds them from records through the store.
private func published2023() -> EvaluationReport {
  func line(_ subject: String, _ label: String, _ c: GradeCounts, _ p: GradeCounts? = nil) -> EvaluationReport.Line {
    EvaluationReport.Line(subject: subject, label: label, counts: c, previous: p)
  }
  let kinds = [
    line(
      "organisation.districtCommittee", "đảng bộ cấp huyện",
      GradeCounts(excellent: 1, good: 16, complete: 1, notComplete: 0, notEvaluated: [.other: 1])),
    line(
      "organisation.grassrootsCommittee", "đảng bộ cơ sở",
      GradeCounts(excellent: 58, good: 207, complete: 25, notComplete: 1, notEvaluated: [.other: 5])),
    line(
      "organisation.grassrootsCell", "chi bộ cơ sở",
      GradeCounts(excellent: 92, good: 393, complete: 25, notComplete: 3, notEvaluated: [.other: 3])),
    line(
      "organisation.partialCommittee", "đảng bộ bộ phận",
      GradeCounts(excellent: 2, good: 16, complete: 1, notComplete: 0)),
    line(
      "organisation.subordinateCell", "chi bộ trực thuộc",
      GradeCounts(excellent: 531, good: 2086, complete: 145, notComplete: 20, notEvaluated: [.tooNew: 37])),
  ]
  return EvaluationReport(
    year: 2023, scopeCode: "KG", scopeName: "Đảng bộ tỉnh Kiên Giang", regulation: "124-QĐ/TW", policy: .standard,
    organisationKinds: kinds,
    members: line(
      "member", "đảng viên",
      GradeCounts(
        excellent: 9152, good: 39653, complete: 7682, notComplete: 300, notEvaluated: [.pendingInspection: 454])),
    leadershipCollectives: line(
      "leadershipCollective", "tập thể lãnh đạo, quản lý các cấp",
      GradeCounts(excellent: 66, good: 323, complete: 5, notComplete: 5, notEvaluated: [.other: 1]),
      GradeCounts(excellent: 53, good: 216, complete: 14, notComplete: 2)),
    leadershipCadres: line(
      "leadershipCadre", "cán bộ lãnh đạo, quản lý các cấp",
      GradeCounts(excellent: 1573, good: 3886, complete: 88, notComplete: 42, notEvaluated: [.other: 11])),
    belowTarget: [], excellentCapWarnings: [],
    target: try! ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW"))
}

@Suite("The evaluation report")
struct EvaluationReportTests {
  @Test func allOrganisationsIsTheSumOfTheKinds() {
    let r = published2023()
    #expect(r.organisations.counts.evaluated == 3623)
    #expect(r.organisations.counts.goodOrAbove == 3402)
  }

  @Test func theNarrativeReadsLikeThePublishedReport() {
    let text = EvaluationNarrative.text(published2023())
    #expect(
      text.contains(
        "Năm 2023, toàn Đảng bộ tỉnh Kiên Giang có 3.623 tổ chức đảng và 56.787 đảng viên được phân tích, đánh giá chất lượng."
      ))
    #expect(text.contains("có 3.402/3.623 tổ chức đảng (chiếm 93,90%)"))
    #expect(text.contains("48.805/56.787 đảng viên (chiếm 85,94%) hoàn thành tốt nhiệm vụ trở lên"))
    #expect(text.contains("7.682 đảng viên (chiếm 13,53%) hoàn thành nhiệm vụ"))
    #expect(text.contains("66 (chiếm 16,97% số hoàn thành tốt nhiệm vụ trở lên)"))
    #expect(text.contains("389/399 (chiếm 97,49%) hoàn thành tốt nhiệm vụ trở lên (tăng 120 so với năm trước)"))
    // Each leadership paragraph names its subject once, in its opening, and goes straight on to the figures.
    let leadership = text.components(separatedBy: "\n\n").filter {
      $0.hasPrefix("Về tập thể lãnh đạo") || $0.hasPrefix("Về cán bộ lãnh đạo")
    }
    #expect(!leadership.isEmpty)
    for paragraph in leadership {
      let figures = paragraph.drop { $0 != ":" }.dropFirst(2)
      #expect(figures.first?.isNumber == true, "\(paragraph)")
    }
  }

  @Test func jsonCarriesCountsSharesAndChanges() throws {
    let data = try JSONEncoder().encode(published2023())
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let members = try #require(json["members"] as? [String: Any])
    #expect(members["evaluated"] as? Int == 56787)
    #expect((members["sharesVi"] as? [String: String])?["complete"] == "13,53")
    let collectives = try #require(json["leadershipCollectives"] as? [String: Any])
    #expect((collectives["changes"] as? [String: Int])?["goodOrAbove"] == 120)
  }

  @Test func csvHasOneRowPerLine() {
    let rows = EvaluationReportCSV.rows(published2023())
    #expect(rows.count == 1 + 1 + 5 + 3)
    #expect(rows.allSatisfy { $0.count == EvaluationReportCSV.header.count })
    #expect(rows[1][13] == "93.90")
  }
}
