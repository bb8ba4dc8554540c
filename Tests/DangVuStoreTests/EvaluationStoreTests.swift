import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: grading")
struct EvaluationStoreTests {
  /// The small province with three members in one cell, one of them exempt, and the 2023 cycle open.
  func graded(_ engine: Engine, evaluationDate: String = "2023-12-15") async throws -> (any PartyStore, [Int64]) {
    let store = try engine.makeStore()
    return (store, try await Self.load(into: store, evaluationDate: evaluationDate))
  }

  /// The same province on any engine.
  func graded(
    _ engine: StoreEngine, evaluationDate: String = "2023-12-15",
    _ body: (any StoreEngine.Parts, [Int64]) async throws -> Void
  ) async throws {
    try await engine.withEvaluationStore { store in
      try await body(store, try await Self.load(into: store, evaluationDate: evaluationDate))
    }
  }

  static func load(into store: any StoreEngine.Parts, evaluationDate: String) async throws -> [Int64] {
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let members = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(cell, on: "2023-09-01")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
        events: [
          SmallProvince.admitted(cell, on: "2000-01-01"),
          MembershipEvent(memberID: 0, kind: .exempted, date: day("2020-01-01")),
        ]),
    ]).map(\.id)
    try await store.openEvaluationCycle(
      scope: "KG", year: Int(evaluationDate.prefix(4))!, evaluationDate: day(evaluationDate))
    return members
  }

  /// The national demo stopped here: a cell graded at the evaluation on 15 December and ended on the 17th has no
  /// place in the tree on 31 December, and its province's cycle must still cover it.
  @Test(arguments: StoreEngine.allCases)
  func aUnitThatEndsAfterTheEvaluationButBeforeTheYearsEndIsStillGraded(engine: StoreEngine) async throws {
    try await graded(engine) { store, _ in
      try await store.endOrganisation(code: "KG.02.001", on: day("2023-12-17"))
      let recorded = try await store.recordGrades(
        [GradeEntry(subject: .organisation(code: "KG.02.001"), outcome: .graded(.good))], year: 2023)
      #expect(recorded.map(\.outcome) == [.graded(.good)])
    }
  }

  /// The leadership page reads the grades of its rows only: graded subjects come back with their names, the others
  /// (not graded, or a unit that does not exist) do not.
  @Test(arguments: StoreEngine.allCases)
  func gradesOfChosenSubjectsAreReadOneByOne(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      try await store.recordGrades(
        [
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent)),
          GradeEntry(subject: .organisation(code: "KG.01.001.01"), outcome: .graded(.good)),
        ], year: 2023, audit: nil)
      let found = try await store.grades(
        of: [.member(m[0]), .member(m[1]), .organisation(code: "KG.01.001.01"), .organisation(code: "KG.99")],
        year: 2023, cycleOf: "KG")
      #expect(found.map(\.subject) == [.member(m[0]), .organisation(code: "KG.01.001.01")])
      #expect(found.map(\.subjectName) == ["Nguyễn Văn An", "Chi bộ ấp Phước Hòa"])
      #expect(found.map(\.outcome) == [.graded(.excellent), .graded(.good)])
      // The same grades as the subtree's list gives.
      let all = try await store.grades(of: "KG", year: 2023)
      #expect(found.allSatisfy { all.contains($0) })
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func gradesAWholeCellInOneTransactionApplyingTheRules(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      let recorded = try await store.recordGrades(
        [
          GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent)),
          GradeEntry(subject: .member(m[1]), outcome: .graded(.good)),
        ], year: 2023)
      #expect(recorded[0].outcome == .graded(.excellent))
      #expect(recorded[1].outcome == .notEvaluated(.tooNew))  // admitted under six months before the evaluation
      let before = try await store.evaluationReport(year: 2023, scope: "KG")
      // The exempt member is refused, and nothing of the batch is written.
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades(
          [
            GradeEntry(subject: .member(m[0]), outcome: .graded(.good)),
            GradeEntry(subject: .member(m[2]), outcome: .graded(.good)),
          ], year: 2023)
      }
      let after = try await store.evaluationReport(year: 2023, scope: "KG")
      #expect(after.members.counts == before.members.counts)
      #expect(after.members.counts.excellent == 1)
      #expect(after.members.counts.notEvaluated[.tooNew] == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func rollupsFollowEveryChangeAtEveryLevel(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      try await store.recordGrades(
        [
          GradeEntry(subject: .member(m[0]), outcome: .graded(.good)),
          GradeEntry(subject: .organisation(code: "KG.01.001.01"), outcome: .graded(.good)),
        ], year: 2023)
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.complete))], year: 2023)
      for scope in ["KG", "KG.01", "KG.01.001"] {
        let r = try await store.evaluationReport(year: 2023, scope: scope)
        #expect(r.members.counts.complete == 1, "\(scope)")
        #expect(r.members.counts.good == 0, "\(scope)")
        #expect(r.organisations.counts.goodOrAbove == 1, "\(scope)")
      }
      #expect(try await store.evaluationReport(year: 2023, scope: "KG.02").members.counts.total == 0)
      // Without a target binding them, no unit is below one.
      #expect(try await store.evaluationReport(year: 2023, scope: "KG").belowTarget.isEmpty)
      #expect(try await store.evaluationReport(year: 2023, scope: "KG").target == nil)
      // With no scope, every province together: here the one province.
      let everything = try await store.evaluationReport(year: 2023, scope: nil)
      #expect(everything.members.counts == (try await store.evaluationReport(year: 2023, scope: "KG")).members.counts)
    }
  }

  /// Targets are the membership report's part (`TargetStore`), recorded on the engines that serve it.
  @Test(arguments: Engine.allCases)
  func aCentralTargetListsTheUnitsBelowIt(engine: Engine) async throws {
    let (store, m) = try await graded(engine)
    try await store.recordGrades(
      [
        GradeEntry(subject: .member(m[0]), outcome: .graded(.complete)),
        GradeEntry(subject: .organisation(code: "KG.01.001.01"), outcome: .graded(.good)),
      ], year: 2023)
    // A central target binds every province together and each unit below.
    let central = try ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: nil, years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW")
    _ = try await store.addReportTarget(central, by: AuditActor(login: "admin", role: "administrator"))
    // With no scope, every province together: here the one province.
    let everything = try await store.evaluationReport(year: 2023, scope: nil)
    #expect(everything.members.counts == (try await store.evaluationReport(year: 2023, scope: "KG")).members.counts)
    #expect(everything.belowTarget.map(\.code) == ["KG"])
    // A member below 90% good-or-above: the district shows under the target.
    let province = try await store.evaluationReport(year: 2023, scope: "KG")
    #expect(province.belowTarget.map(\.code) == ["KG.01"])
  }

  static let secretary = AuditActor(login: "bithu", role: "secretary")
  static let district = AuditActor(login: "huyenuy", role: "organisationStaff")

  @Test(arguments: StoreEngine.allCases)
  func approvedGradesAreLockedUntilReopenedWithAReason(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2023)
      #expect(
        try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: Self.secretary, reason: "") == 1)
      await #expect(throws: DomainError.self) {
        try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: Self.secretary, reason: "")
      }
      #expect(try await store.advanceGrades(of: "KG.01", year: 2023, to: .approve, by: Self.district, reason: "") == 1)
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
      }
      await #expect(throws: DomainError.self) {
        try await store.advanceGrades(of: "KG.01", year: 2023, to: .reopen, by: Self.district, reason: " ")
      }
      #expect(
        try await store.advanceGrades(
          of: "KG.01", year: 2023, to: .reopen, by: Self.district, reason: "Sai sót khi nhập")
          == 1
      )
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
      #expect(try await store.grades(of: "KG.01.001.01", year: 2023).map(\.state) == [.draft])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aScoredRegulationNeedsAScoreInTheRightBand(engine: StoreEngine) async throws {
    try await graded(engine, evaluationDate: "2025-12-15") { store, m in
      #expect(try await store.evaluationCycle(scope: "KG", year: 2025)?.regulation == "366-QĐ/TW")
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2025)
      }
      let sheet = ScoreSheet(framework: .memberWithoutPost, criteria: ["general": 25, "tasks": 60])
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades(
          [GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent), sheet: sheet)], year: 2025)
      }
      let recorded = try await store.recordGrades(
        [GradeEntry(subject: .member(m[0]), outcome: .graded(.good), sheet: sheet)], year: 2025)
      #expect(recorded[0].score == 85)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func refusesGradesWithoutACycleOrForUnknownSubjects(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2019)
      }
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades([GradeEntry(subject: .member(9_999), outcome: .graded(.good))], year: 2023)
      }
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades(
          [GradeEntry(subject: .organisation(code: "KG"), outcome: .graded(.good))], year: 2023)
      }
      await #expect(throws: BatchItemError.self) {
        try await store.recordGrades(
          [GradeEntry(subject: .leadershipCadre(memberID: m[0]), outcome: .graded(.good))], year: 2023)
      }
      await #expect(throws: DomainError.self) {
        try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-20"))
      }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theExcellentCapIsWarnedPerGrassrootsUnitAndFollowsChanges(engine: StoreEngine) async throws {
    try await graded(engine) { store, m in
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
      let warned = try await store.evaluationReport(year: 2023, scope: "KG").excellentCapWarnings
      #expect(warned.count == 1)
      #expect(warned.first?.hasPrefix("Đảng bộ xã Bình An: 1/1") == true)
      #expect(try await store.evaluationReport(year: 2023, scope: "KG.02").excellentCapWarnings.isEmpty)
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2023)
      #expect(try await store.evaluationReport(year: 2023, scope: "KG").excellentCapWarnings.isEmpty)
    }
  }
}
