import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Cycles beyond the year under 366-QĐ/TW (issue 25 part 5, decision 0035).
@Suite("Store: cycles by kind under 366-QĐ/TW")
struct CycleByKindStoreTests {
  static let staff = AuditActor(login: "bantochuc", role: "organisationStaff")
  static let q1 = try! CyclePeriod(kind: .quarter, parsing: "2026-Q1")

  /// The small province with three members of one cell admitted in 2010, and the first quarter of 2026 open.
  func quarterOpen(_ engine: Engine) async throws -> (any PartyStore, [Int64]) {
    let store = try engine.makeStore()
    return (store, try await Self.load(into: store))
  }

  /// The same on any engine.
  func quarterOpen(_ engine: StoreEngine, _ body: (any StoreEngine.Parts, [Int64]) async throws -> Void)
    async throws
  {
    try await engine.withEvaluationStore { store in try await body(store, try await Self.load(into: store)) }
  }

  static func load(into store: any StoreEngine.Parts) async throws -> [Int64] {
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let members = try await SmallProvince.addOfficialMembers(
      ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cư"], in: cell, to: store)
    try await store.openEvaluationCycle(scope: "KG", Self.q1, evaluationDate: day("2026-03-31"), by: Self.staff)
    return members
  }

  func code(_ body: () async throws -> Void) async -> String? {
    do {
      try await body()
      return nil
    } catch let error as BatchItemError {
      return error.error.code
    } catch let error as DomainError {
      return error.code
    } catch {
      return "\(error)"
    }
  }

  /// The test the issue names: a quarterly cycle under 366 opened, graded by criterion group, and reported.
  @Test(arguments: StoreEngine.allCases)
  func aQuarterlyCycleUnder366IsOpenedGradedByCriterionGroupAndReported(engine: StoreEngine) async throws {
    try await quarterOpen(engine) { store, m in
      let cycle = try #require(try await store.cycleCovering(code: "KG.01.001.01", Self.q1))
      #expect(cycle.regulation == "366-QĐ/TW")
      #expect(cycle.nameVi == "quý I năm 2026")
      let recorded = try await store.recordScoredGrades(
        [
          ScoredGradeEntry(
            subject: .member(m[0]), framework: .memberWithoutPost, criteria: ["general": 28, "tasks": 65],
            allTasksOnTime: true, beyondRequirementPercent: 35),
          ScoredGradeEntry(
            subject: .member(m[1]), framework: .memberWithoutPost, criteria: ["general": 25, "tasks": 55]),
          ScoredGradeEntry(
            subject: .member(m[2]), framework: .memberOutsidePoliticalSystem, criteria: ["general": 20, "tasks": 30]),
          ScoredGradeEntry(
            subject: .organisation(code: "KG.01.001.01"), framework: .collective,
            criteria: ["general": 27, "tasks": 64],
            allTasksOnTime: true, beyondRequirementPercent: 40),
        ], in: Self.q1, scope: "KG.01.001", by: Self.staff)
      #expect(recorded.map(\.score) == [93, 80, 50, 91])
      #expect(
        recorded.map(\.outcome) == [.graded(.excellent), .graded(.good), .graded(.complete), .graded(.excellent)])
      #expect(try await store.grades(of: "KG.01.001.01", in: Self.q1).count == 3)

      let report = try await store.evaluationReport(Self.q1, scope: "KG")
      #expect(report.cycleNameVi == "quý I năm 2026")
      #expect(report.regulation == "366-QĐ/TW")
      #expect(report.members.counts == GradeCounts(excellent: 1, good: 1, complete: 1, notComplete: 0))
      #expect(report.organisations.counts == GradeCounts(excellent: 1, good: 0, complete: 0, notComplete: 0))
      #expect(report.members.previous == nil)  // no first quarter of 2025 was held
      let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
      #expect(json["cycleName"] as? String == "quý I năm 2026")
      // The quarter's grades are not the year's: the yearly report of 2026 has no cycle to read.
      await #expect(throws: DomainError.self) { try await store.evaluationReport(year: 2026, scope: "KG") }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aQuarterlyCycleIsRefusedUnder124(engine: StoreEngine) async throws {
    try await engine.withEvaluationStore { store in
      _ = try await SmallProvince.load(into: store)
      let q1of2024 = try CyclePeriod(kind: .quarter, parsing: "2024-Q1")
      let refused = await code {
        try await store.openEvaluationCycle(scope: "KG", q1of2024, evaluationDate: day("2024-03-31"), by: Self.staff)
      }
      #expect(refused == "evaluation.cycleKindNotAllowed")
      #expect(try await store.cycleCovering(code: "KG", q1of2024) == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCriterionGroupAboveItsMaximumAndAnExcellentWithoutThe30PercentAreRefused(engine: StoreEngine) async throws {
    try await quarterOpen(engine) { store, m in
      let above = await code {
        try await store.recordScoredGrades(
          [
            ScoredGradeEntry(
              subject: .member(m[0]), framework: .memberWithoutPost, criteria: ["general": 31, "tasks": 60])
          ],
          in: Self.q1, scope: "KG", by: Self.staff)
      }
      #expect(above == "evaluation.criterionAboveMaximum")
      let short = await code {
        try await store.recordScoredGrades(
          [
            ScoredGradeEntry(
              subject: .member(m[0]), framework: .memberWithoutPost, criteria: ["general": 30, "tasks": 66],
              allTasksOnTime: true, beyondRequirementPercent: 20)
          ], in: Self.q1, scope: "KG", by: Self.staff)
      }
      #expect(short == "evaluation.excellentBeyondRequirement")
      let wrongFramework = await code {
        try await store.recordScoredGrades(
          [ScoredGradeEntry(subject: .member(m[0]), framework: .collective, criteria: ["general": 20, "tasks": 50])],
          in: Self.q1, scope: "KG", by: Self.staff)
      }
      #expect(wrongFramework == "evaluation.frameworkNotForSubject")
      // A `try` outside the macros: the closure is then known to throw before the macros expand.
      let stored = try await store.grades(of: "KG", in: Self.q1)
      #expect(stored.isEmpty)
    }
  }

  @Test(arguments: Engine.allCases)
  func aCollectivesExcellentIsRefusedWithAMemberDisciplinedInThePeriod(engine: Engine) async throws {
    let (store, m) = try await quarterOpen(engine)
    let cell = ScoredGradeEntry(
      subject: .organisation(code: "KG.01.001.01"), framework: .collective, criteria: ["general": 29, "tasks": 66],
      allTasksOnTime: true, beyondRequirementPercent: 30)
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(m[2]), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "7-QĐ/UBKT",
        decided: day("2026-02-10"), violated: day("2025-12-01"))
    ])
    let refused = await code { try await store.recordScoredGrades([cell], in: Self.q1, scope: "KG", by: Self.staff) }
    #expect(refused == "evaluation.excellentMemberDisciplined")
    // Good stays open to it, and the other cell, with nobody disciplined, may be excellent.
    var good = cell
    good.criteria = ["general": 25, "tasks": 60]
    var other = cell
    other.subject = .organisation(code: "KG.01.001.02")
    let recorded = try await store.recordScoredGrades([good, other], in: Self.q1, scope: "KG", by: Self.staff)
    #expect(recorded.map(\.outcome) == [.graded(.good), .graded(.excellent)])
    // The committee above both cells has a member disciplined below it too.
    let committee = ScoredGradeEntry(
      subject: .organisation(code: "KG.01.001"), framework: .collective, criteria: ["general": 30, "tasks": 70],
      allTasksOnTime: true, beyondRequirementPercent: 50)
    let above = await code { try await store.recordScoredGrades([committee], in: Self.q1, scope: "KG", by: Self.staff) }
    #expect(above == "evaluation.excellentMemberDisciplined")
  }

  /// The yearly cycle stays the default: its report is the one it was, with no cycle in its JSON, and the quarter's
  /// grades do not count in it.
  @Test(arguments: StoreEngine.allCases)
  func theYearlyReportIsUnchangedBesideAQuarterlyCycle(engine: StoreEngine) async throws {
    try await quarterOpen(engine) { store, m in
      try await store.openEvaluationCycle(scope: "KG", year: 2026, evaluationDate: day("2026-12-15"))
      try await store.recordGrades(
        [
          GradeEntry(
            subject: .member(m[0]), outcome: .graded(.good),
            sheet: ScoreSheet(framework: .memberWithoutPost, criteria: ["general": 25, "tasks": 55]))
        ], year: 2026)
      try await store.recordScoredGrades(
        [
          ScoredGradeEntry(
            subject: .member(m[1]), framework: .memberWithoutPost, criteria: ["general": 25, "tasks": 55])
        ],
        in: Self.q1, scope: "KG", by: Self.staff)
      let yearly = try await store.evaluationReport(year: 2026, scope: "KG")
      #expect(yearly.cycle == nil)
      #expect(yearly.cycleNameVi == "năm 2026")
      #expect(yearly.members.counts == GradeCounts(excellent: 0, good: 1, complete: 0, notComplete: 0))
      let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(yearly)) as! [String: Any]
      #expect(json["cycle"] == nil && json["cycleName"] == nil)
      #expect(try await store.grades(of: "KG", year: 2026).count == 1)
    }
  }

  /// A quarter compares with the same quarter a year before when it was held, and says so in its narrative; a term
  /// cycle is named by its term.
  @Test(arguments: StoreEngine.allCases)
  func aQuarterComparesWithTheSameQuarterAYearBeforeAndATermIsNamedByItsTerm(engine: StoreEngine) async throws {
    try await quarterOpen(engine) { store, m in
      let q1of2027 = try CyclePeriod(kind: .quarter, parsing: "2027-Q1")
      try await store.openEvaluationCycle(scope: "KG", q1of2027, evaluationDate: day("2027-03-31"), by: Self.staff)
      func score(_ member: Int64, _ tasks: Int, in cycle: CyclePeriod) async throws {
        try await store.recordScoredGrades(
          [
            ScoredGradeEntry(
              subject: .member(member), framework: .memberWithoutPost, criteria: ["general": 25, "tasks": tasks])
          ],
          in: cycle, scope: "KG", by: Self.staff)
      }
      try await score(m[0], 55, in: Self.q1)  // 80: good
      try await score(m[0], 40, in: q1of2027)  // 65: complete
      try await score(m[1], 50, in: q1of2027)  // 75: good
      let report = try await store.evaluationReport(q1of2027, scope: "KG.01")
      #expect(report.cycleNameVi == "quý I năm 2027")
      #expect(report.members.counts == GradeCounts(excellent: 0, good: 1, complete: 1, notComplete: 0))
      #expect(report.members.previous == GradeCounts(excellent: 0, good: 1, complete: 0, notComplete: 0))
      let text = EvaluationNarrative.text(report)
      #expect(text.hasPrefix("Quý I năm 2027, toàn Đảng bộ huyện Châu Thành"))
      #expect(text.contains("so với cùng kỳ"), "\(text)")
      #expect(!text.contains("năm trước"))

      let term = try CyclePeriod(kind: .term, parsing: "2025-2030")
      let opened = try await store.openEvaluationCycle(
        scope: "KG.01", term, evaluationDate: day("2026-06-30"), by: Self.staff)
      #expect(opened.nameVi == "nhiệm kỳ 2025–2030")
      // A cycle already open is refused, and so is an evaluation date outside the period.
      let again = await code {
        try await store.openEvaluationCycle(scope: "KG.01", term, evaluationDate: day("2026-07-01"), by: Self.staff)
      }
      #expect(again == "evaluation.cycleExists")
      let late = await code {
        try await store.openEvaluationCycle(
          scope: "KG", try CyclePeriod(kind: .quarter, parsing: "2026-Q2"), evaluationDate: day("2026-12-01"),
          by: Self.staff)
      }
      #expect(late == "evaluation.badDate")
    }
  }
}
