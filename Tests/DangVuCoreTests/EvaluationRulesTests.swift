import DangVuCore
import Testing

private func d(_ s: String) -> Day { Day(parsing: s)! }
private let evaluationDay = d("2023-12-15")
private let longStanding = SubjectCircumstances(since: d("2010-01-01"))

@Suite("Evaluation rules")
struct EvaluationRulesTests {
  @Test func aUnitUnderSixMonthsOldIsNotEvaluatedAutomatically() throws {
    let young = SubjectCircumstances(since: d("2023-06-16"))
    let decision = try EvaluationRules.decide(
      .graded(.good), for: .organisation(.subordinateCell), young, evaluatedOn: evaluationDay)
    guard case .record(.notEvaluated(.tooNew), let why) = decision else {
      Issue.record("graded: \(decision)")
      return
    }
    #expect(why?.contains("6 tháng") == true)
    let sixMonths = SubjectCircumstances(since: d("2023-06-15"))
    #expect(
      try EvaluationRules.decide(
        .graded(.good), for: .organisation(.subordinateCell), sixMonths, evaluatedOn: evaluationDay)
        == .record(.graded(.good), replaced: nil))
  }

  @Test func anExemptMemberIsOutsideThePopulation() throws {
    var exempt = longStanding
    exempt.exemptFromActivity = true
    #expect(
      try EvaluationRules.decide(.graded(.good), for: .member, exempt, evaluatedOn: evaluationDay) == .outsidePopulation
    )
  }

  @Test func aDisciplinedMemberIsNotGoodOrAbove() throws {
    var facts = longStanding
    facts.disciplinedViolations = [false]
    #expect(throws: DomainError.self) {
      try EvaluationRules.decide(.graded(.good), for: .member, facts, evaluatedOn: evaluationDay)
    }
    #expect(throws: DomainError.self) {
      try EvaluationRules.decide(.graded(.complete), for: .member, facts, evaluatedOn: evaluationDay)
    }
    facts.disciplinedViolations = [true]
    #expect(throws: DomainError.self) {
      try EvaluationRules.decide(.graded(.excellent), for: .member, facts, evaluatedOn: evaluationDay)
    }
    #expect(
      try EvaluationRules.decide(.graded(.complete), for: .member, facts, evaluatedOn: evaluationDay)
        == .record(.graded(.complete), replaced: nil))
  }

  @Test func aRefusalNamesTheCyclesPeriodNotTheYear() {
    var facts = longStanding
    facts.disciplinedViolations = [false]
    do {
      _ = try EvaluationRules.decide(
        .graded(.good), for: .member, facts, evaluatedOn: evaluationDay, during: "trong quý I năm 2026")
      Issue.record("accepted")
    } catch {
      #expect(error.message.contains("bị kỷ luật trong quý I năm 2026 do vi phạm"))
      #expect(!error.message.contains("trong năm"))
    }
  }

  @Test func threeMonthsOfSickLeaveRuleOutGood() {
    var facts = longStanding
    facts.sickLeaveMonths = 3
    do {
      _ = try EvaluationRules.decide(.graded(.good), for: .member, facts, evaluatedOn: evaluationDay)
      Issue.record("accepted")
    } catch {
      #expect(error.code == "evaluation.sickLeave")
      #expect(error.message.contains("nghỉ ốm 3 tháng"))
    }
  }

  @Test func aPendingCaseMakesTheSubjectNotEvaluatedWithThatReason() throws {
    var facts = longStanding
    facts.pendingCase = .pendingComplaint
    let decision = try EvaluationRules.decide(.graded(.excellent), for: .member, facts, evaluatedOn: evaluationDay)
    guard case .record(.notEvaluated(.pendingComplaint), _) = decision else {
      Issue.record("\(decision)")
      return
    }
  }

  @Test func aCollectiveWithAWarnedMemberIsNotComplete() {
    var facts = longStanding
    facts.memberWarnedOrWorse = true
    #expect(throws: DomainError.self) {
      try EvaluationRules.decide(.graded(.good), for: .leadershipCollective, facts, evaluatedOn: evaluationDay)
    }
  }

  @Test func theExcellentCapWarnsButDoesNotRefuse() {
    #expect(
      EvaluationRules.excellentCapWarning(
        GradeCounts(excellent: 2, good: 8, complete: 0, notComplete: 0), unitName: "A") == nil)
    let warning = EvaluationRules.excellentCapWarning(
      GradeCounts(excellent: 58, good: 207, complete: 25, notComplete: 1), unitName: "Đảng bộ xã An")
    #expect(warning?.contains("21,89%") == true)
  }

  @Test func regulation366GradesByScoreBands() {
    let q = Regulation.q366
    #expect(q.grade(forScore: 90) == .excellent)
    #expect(q.grade(forScore: 89) == .good)
    #expect(q.grade(forScore: 70) == .good)
    #expect(q.grade(forScore: 69) == .complete)
    #expect(q.grade(forScore: 50) == .complete)
    #expect(q.grade(forScore: 49) == .notComplete)
    #expect(q.grade(forScore: 101) == nil)
    #expect(Regulation.q124.grade(forScore: 95) == nil)
    #expect(Regulation.inForce(on: d("2023-12-31")) == .q124)
    #expect(Regulation.inForce(on: d("2022-12-31")) == .q132)
    #expect(Regulation.inForce(on: d("2025-12-31")) == .q366)
  }
}
