import DangVuCore
import Testing

@Suite("Discipline rules: forms by subject, probation, posts, limitation")
struct OversightRulesTests {
  static func d(_ text: String) -> Day { Day(parsing: text)! }

  static func decision(_ form: DisciplineForm, violated: String = "2022-01-01", decided: String = "2023-01-01")
    -> DisciplineDecision
  {
    DisciplineDecision(
      subject: .member(1), form: form, categories: ["prohibitedActs"],
      decidingBody: ConductingBody(.inspectionCommission, of: "KG"), number: "1-QĐ/UBKT", decided: d(decided),
      violated: d(violated))
  }

  static let official = OversightRules.MemberStanding(
    name: "An", inRegister: true, probationary: false, holdsPost: true)

  @Test func aProbationaryMemberCanOnlyBeReprimandedOrWarned() throws {
    var m = Self.official
    m.probationary = true
    try OversightRules.check(Self.decision(.reprimand), member: m)
    try OversightRules.check(Self.decision(.warning), member: m)
    for form in [DisciplineForm.dismissal, .expulsion] {
      #expect(throws: DomainError.self) { try OversightRules.check(Self.decision(form), member: m) }
    }
  }

  @Test func dismissalNeedsAPost() throws {
    var m = Self.official
    try OversightRules.check(Self.decision(.dismissal), member: m)
    m.holdsPost = false
    do {
      try OversightRules.check(Self.decision(.dismissal), member: m)
      Issue.record("dismissal without a post was accepted")
    } catch {
      #expect(error.code == "discipline.noPost")
      #expect(error.message.contains("không có chức vụ để cách chức"))
    }
  }

  @Test func formsDependOnTheSubject() throws {
    #expect(throws: DomainError.self) { try OversightRules.check(Self.decision(.dissolution), member: Self.official) }
    var unitDecision = Self.decision(.expulsion)
    unitDecision.subject = .unit(code: "KG.01")
    #expect(throws: DomainError.self) { try OversightRules.check(unitDecision, unitName: "Chi bộ 1") }
    unitDecision.form = .dissolution
    try OversightRules.check(unitDecision, unitName: "Chi bộ 1")
  }

  @Test func limitationIsCountedFromTheViolation() throws {
    // 5 years for a reprimand: one day past is refused, the last day is not.
    try OversightRules.check(
      Self.decision(.reprimand, violated: "2018-01-01", decided: "2023-01-01"), member: Self.official)
    do {
      try OversightRules.check(
        Self.decision(.reprimand, violated: "2018-01-01", decided: "2023-01-02"), member: Self.official)
      Issue.record("a reprimand past 5 years was accepted")
    } catch {
      #expect(error.code == "discipline.limitation")
      #expect(error.message.contains("hết thời hiệu 5 năm"))
    }
    // 10 years for a warning; none for expulsion.
    try OversightRules.check(
      Self.decision(.warning, violated: "2014-01-01", decided: "2023-01-01"), member: Self.official)
    #expect(throws: DomainError.self) {
      try OversightRules.check(
        Self.decision(.warning, violated: "2012-01-01", decided: "2023-01-01"), member: Self.official)
    }
    try OversightRules.check(
      Self.decision(.expulsion, violated: "1990-01-01", decided: "2023-01-01"), member: Self.official)
  }

  @Test func theFormInForceFollowsTheAppeals() {
    let decision = Self.decision(.expulsion)
    let history = DisciplineHistory(
      decision: decision,
      appeals: [
        Appeal(decisionID: 1, lodged: Self.d("2023-02-01"), decided: Self.d("2023-03-01"), outcome: .changed(.warning)),
        Appeal(decisionID: 1, lodged: Self.d("2023-04-01"), decided: Self.d("2023-05-01"), outcome: .annulled),
      ])
    #expect(history.form(on: Self.d("2023-02-15")) == .expulsion)
    #expect(history.form(on: Self.d("2023-03-01")) == .warning)
    #expect(history.form(on: Self.d("2023-05-01")) == nil)
  }

  @Test func aDecisionWithSeveralCategoriesCountsInEach() {
    var counts = OversightCounts(categories: ViolationCategory.standard)
    counts.addDiscipline(member: true, form: .warning, categories: ["prohibitedActs", "populationPolicy"])
    counts.addDiscipline(member: true, form: .reprimand, categories: ["corruption"])
    #expect(counts["discipline.members"] == 2)
    #expect(counts["discipline.members.category.prohibitedActs"] == 1)
    #expect(counts["discipline.members.category.populationPolicy"] == 1)
    #expect(counts["discipline.members.prohibitedOrPopulation"] == 1)
  }

  @Test func thematicIsEveryKindButTheRegularOnes() {
    var counts = OversightCounts(categories: [])
    counts.addVisits(kind: .inspection(.regular), organ: .partyCommittee, members: false, count: 3)
    counts.addVisits(kind: .inspection(.partyFee), organ: .inspectionCommission, members: false, count: 2)
    counts.addSubjects(
      kinds: [.inspection(.regular), .supervision(.thematic)], organs: [.partyCommittee], members: true, count: 4)
    #expect(counts["oversight.thematic.units"] == 2)
    #expect(counts["oversight.regular.units"] == 3)
    #expect(counts["oversight.all.units"] == 5)
    #expect(counts["oversight.body.partyCommittee.units"] == 3)
    #expect(counts["oversight.all.membersDistinct"] == 4)
    #expect(counts["oversight.thematic.membersDistinct"] == 4)
    #expect(counts["oversight.inspection.membersDistinct"] == 4)
    #expect(counts["oversight.body.inspectionCommission.membersDistinct"] == 0)
  }
}
