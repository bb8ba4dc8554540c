import Testing

@testable import DangVuCore

/// The report rules that lived in the SQLite store, now pure functions every engine applies (issue 23 part 1):
/// a score's grade under a regulation, the units below a target, the admission plan of a subtree.
@Suite struct ReportRulesInCoreTests {
  @Test func aScoreMustBeTheGradesBandUnderAScoringRegulation() throws {
    let q366 = try #require(Regulation.withID("366-QĐ/TW"))
    let q124 = try #require(Regulation.withID("124-QĐ/TW"))
    func sheet(_ general: Int, _ tasks: Int) -> ScoreSheet {
      ScoreSheet(framework: .memberWithoutPost, criteria: ["general": general, "tasks": tasks])
    }
    #expect(try q366.outcome(.graded(.good), sheet: sheet(25, 50), for: .member, of: "An") == (.graded(.good), 75))
    #expect(
      try q366.outcome(.notEvaluated(.tooNew), sheet: nil, for: .member, of: "An") == (.notEvaluated(.tooNew), nil))
    #expect(try q124.outcome(.graded(.good), sheet: nil, for: .member, of: "An") == (.graded(.good), nil))
    func code(_ regulation: Regulation, _ outcome: GradeOutcome, _ sheet: ScoreSheet?) -> String? {
      do {
        _ = try regulation.outcome(outcome, sheet: sheet, for: .member, of: "An")
        return nil
      } catch { return error.code }
    }
    #expect(code(q124, .graded(.good), sheet(25, 50)) == "evaluation.scoreNotUsed")
    #expect(code(q366, .graded(.good), nil) == "evaluation.scoreMissing")
    #expect(code(q366, .graded(.good), sheet(25, 71)) == "evaluation.criterionAboveMaximum")
    #expect(code(q366, .graded(.excellent), sheet(29, 60)) == "evaluation.scoreMismatch")
    #expect(throws: DomainError.self) { try q366.grade(forScore: 101, of: "An") }
  }

  @Test func unitsBelowTheTargetAreListedOrganisationsThenMembers() throws {
    let target = try ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2030, low: 90, source: "Nghị quyết")
    let district = Organisation(
      id: 2, code: "KG.01", name: "Huyện Châu Thành", kind: .districtCommittee,
      founded: .init(year: 2000, month: 1, day: 1)!)
    let other = Organisation(
      id: 3, code: "KG.02", name: "Huyện Tân Hiệp", kind: .districtCommittee,
      founded: .init(year: 2000, month: 1, day: 1)!)
    let counts: [String: GradeCounts] = [
      "member": GradeCounts(excellent: 1, good: 7, complete: 2, notComplete: 0),
      "organisation.grassrootsCell": GradeCounts(excellent: 0, good: 1, complete: 1, notComplete: 0),
      "organisation.grassrootsCommittee": GradeCounts(excellent: 1, good: 0, complete: 0, notComplete: 0),
    ]
    let met: [String: GradeCounts] = ["member": GradeCounts(excellent: 1, good: 8, complete: 1, notComplete: 0)]
    let below = EvaluationReport.BelowTarget.listing([(district, counts), (other, met)], target: target)
    #expect(
      below.map { "\($0.code) \($0.subject) \($0.goodOrAbove)/\($0.evaluated)" } == [
        "KG.01 organisation 2/3", "KG.01 member 8/10",
      ])
    #expect(EvaluationReport.BelowTarget.listing([(district, counts)], target: nil).isEmpty)
  }

  @Test func aPlanCountsInTheFirstScopeAboveItUnlessAPlannedUnitComesFirst() {
    // 1 province ← 2, 3 districts ← 4, 5 communes of district 2.
    let parent: [Int64: Int64] = [2: 1, 3: 1, 4: 2, 5: 2]
    let plans: [Int64: Int] = [4: 10, 5: 20, 3: 7]
    #expect(AdmissionPlan.total(of: plans, scopes: [1]) { parent[$0] } == 37)
    #expect(AdmissionPlan.total(of: plans, scopes: [2]) { parent[$0] } == 30)
    // The district that set its own plan is held to it, whatever its communes planned.
    #expect(AdmissionPlan.total(of: plans.merging([2: 25]) { $1 }, scopes: [1]) { parent[$0] } == 32)
    #expect(AdmissionPlan.total(of: [:], scopes: [1]) { parent[$0] } == nil)
  }
}
