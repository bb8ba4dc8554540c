import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The yearly cycle under 366-QĐ/TW scored per criterion group (issue 25 part 5): the sheet is kept with the grade,
/// its total is the score, and the excellent conditions are checked as for a cycle by kind.
@Suite("Store: yearly score sheets under 366-QĐ/TW")
struct YearlyScoreSheetStoreTests {
  static let staff = AuditActor(login: "bantochuc", role: "organisationStaff")

  /// The small province with two members of cell KG.01.001.01 admitted in 2010 and the 2025 cycle open.
  func year2025(_ engine: Engine, year: Int = 2025) async throws -> (any PartyStore, [Int64]) {
    let store = try engine.makeStore()
    return (store, try await Self.load(into: store, year: year))
  }

  /// The same on any engine.
  func year2025(
    _ engine: StoreEngine, year: Int = 2025, _ body: (any StoreEngine.Parts, [Int64]) async throws -> Void
  ) async throws {
    try await engine.withEvaluationStore { store in try await body(store, try await Self.load(into: store, year: year))
    }
  }

  static func load(into store: any StoreEngine.Parts, year: Int) async throws -> [Int64] {
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let members = try await SmallProvince.addOfficialMembers(["Nguyễn Văn An", "Trần Thị Bình"], in: cell, to: store)
    try await store.openEvaluationCycle(scope: "KG", year: year, evaluationDate: day("\(year)-12-15"))
    return members
  }

  func sheet(
    _ general: Int, _ tasks: Int, _ framework: SubjectGroup = .memberWithoutPost, onTime: Bool = true,
    beyond: Int? = 35
  ) -> ScoreSheet {
    ScoreSheet(
      framework: framework, criteria: ["general": general, "tasks": tasks], allTasksOnTime: onTime,
      beyondRequirementPercent: beyond)
  }

  func code(_ body: () async throws -> Void) async -> String? {
    do {
      try await body()
      return nil
    } catch let error as BatchItemError {
      return error.error.code
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aSheetIsKeptWithTheGradeItsTotalTheScoreAndTheWriteAudited(engine: StoreEngine) async throws {
    try await year2025(engine) { store, m in
      let recorded = try await store.recordGrades(
        [
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet(28, 65)),
          GradeEntry(
            subject: .member(m[1]), outcome: .graded(.good), sheet: sheet(22, 50, .memberOutsidePoliticalSystem)),
        ], year: 2025, unit: "KG.01.001.01", by: Self.staff)
      #expect(recorded.map(\.score) == [93, 72])
      let read = try await store.grades(of: "KG.01.001.01", year: 2025)
      #expect(Set(read.compactMap(\.sheet)) == [sheet(28, 65), sheet(22, 50, .memberOutsidePoliticalSystem)])
      #expect(Set(read.compactMap(\.score)) == [93, 72])
      let cell = try await store.cellGrades(code: "KG.01.001.01", year: 2025)
      #expect(cell.rows.first { $0.member.memberID == m[0] }?.saved?.sheet == sheet(28, 65))
      let audit = try await store.auditEntries(AuditFilter(action: "grade.set"))
      #expect(audit.count == 1)
      #expect(audit.first?.after?.contains("\"criteria\":{") == true)
      let report = try await store.evaluationReport(year: 2025, scope: "KG")
      #expect(report.members.counts == GradeCounts(excellent: 1, good: 1, complete: 0, notComplete: 0))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aBadSheetIsRefusedNamingTheSubjectAndWritesNothing(engine: StoreEngine) async throws {
    try await year2025(engine) { store, m in
      let cases: [(GradeEntry, String)] = [
        (GradeEntry(subject: .member(m[0]), outcome: .graded(.good)), "evaluation.scoreMissing"),
        (
          GradeEntry(subject: .member(m[0]), outcome: .graded(.good), sheet: sheet(31, 50)),
          "evaluation.criterionAboveMaximum"
        ),
        (
          GradeEntry(
            subject: .member(m[0]), outcome: .graded(.good),
            sheet: ScoreSheet(framework: .memberWithoutPost, criteria: ["general": 25])), "evaluation.criterionMissing"
        ),
        (
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet(25, 60)),
          "evaluation.scoreMismatch"
        ),
        (
          GradeEntry(subject: .member(m[0]), outcome: .graded(.good), sheet: sheet(25, 50, .collective)),
          "evaluation.frameworkNotForSubject"
        ),
        (
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet(28, 65, onTime: false)),
          "evaluation.excellentTasksLate"
        ),
        (
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet(28, 65, beyond: 29)),
          "evaluation.excellentBeyondRequirement"
        ),
      ]
      for (entry, expected) in cases {
        let good = GradeEntry(subject: .member(m[1]), outcome: .graded(.good), sheet: sheet(25, 50))
        let refused = await code {
          try await store.recordGrades([good, entry], year: 2025, unit: "KG.01.001.01", by: Self.staff)
        }
        #expect(refused == expected)
      }
      do {
        try await store.recordGrades(
          [GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet(28, 65, beyond: 10))],
          year: 2025,
          unit: "KG.01.001.01", by: Self.staff)
      } catch let error as BatchItemError {
        #expect(error.error.message.contains("Nguyễn Văn An"))
        #expect(error.error.message.contains("366-QĐ/TW"))
        #expect(error.error.message.contains("cần từ 30% trở lên"))
      }
      #expect(try await store.grades(of: "KG", year: 2025).isEmpty)
      #expect(try await store.auditEntries(AuditFilter(action: "grade.set")).isEmpty)
    }
  }

  @Test(arguments: Engine.allCases)
  func aCollectivesExcellentNeedsNoMemberAndNoUnitBelowDisciplinedInTheYear(engine: Engine) async throws {
    let (store, m) = try await year2025(engine)
    let committee = GradeEntry(
      subject: .organisation(code: "KG.01.001"), outcome: .graded(.excellent), sheet: sheet(29, 66, .collective))
    let otherCell = GradeEntry(
      subject: .organisation(code: "KG.01.001.02"), outcome: .graded(.excellent), sheet: sheet(29, 66, .collective))
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(m[1]), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "7-QĐ/UBKT",
        decided: day("2025-05-10"), violated: day("2025-01-01"))
    ])
    #expect(
      await code { try await store.recordGrades([committee], year: 2025) } == "evaluation.excellentMemberDisciplined")
    // The cell beside it, with nobody disciplined, may be excellent; the committee may be good.
    var good = committee
    good.outcome = .graded(.good)
    good.sheet = sheet(25, 60, .collective)
    let recorded = try await store.recordGrades([good, otherCell], year: 2025)
    #expect(recorded.map(\.outcome) == [.graded(.good), .graded(.excellent)])
    // A unit below disciplined refuses its district's excellent too.
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .unit(code: "KG.01.001.02"), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "8-QĐ/UBKT",
        decided: day("2025-06-10"), violated: day("2025-02-01"))
    ])
    let district = GradeEntry(
      subject: .organisation(code: "KG.01"), outcome: .graded(.excellent), sheet: sheet(30, 65, .collective))
    let refused = await code { try await store.recordGrades([district], year: 2025) }
    #expect(refused == "evaluation.excellentUnitBelowDisciplined")
    let cleanDistrict = GradeEntry(
      subject: .organisation(code: "KG.02"), outcome: .graded(.excellent), sheet: sheet(30, 65, .collective))
    #expect(try await store.recordGrades([cleanDistrict], year: 2025).map(\.outcome) == [.graded(.excellent)])
  }

  /// Before 366-QĐ/TW nothing changes: a grade is voted directly, and a sheet is refused.
  @Test(arguments: StoreEngine.allCases)
  func olderYearsGradeDirectlyAsBefore(engine: StoreEngine) async throws {
    try await year2025(engine, year: 2023) { store, m in
      #expect(
        await code {
          try await store.recordGrades(
            [GradeEntry(subject: .member(m[0]), outcome: .graded(.good), sheet: sheet(25, 50))], year: 2023)
        } == "evaluation.scoreNotUsed")
      let recorded = try await store.recordGrades(
        [GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
      #expect(recorded.map(\.outcome) == [.graded(.excellent)])
      #expect(recorded[0].score == nil && recorded[0].sheet == nil)
    }
  }
}
