import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// The grading workflow by level in the store: each step moves a subtree's grades, keeps its reason and writes its
/// audit entry in the same transaction; a refused step writes nothing, not even an audit entry.
@Suite struct GradeWorkflowStoreTests {
  let secretary = AuditActor(login: "bithu", role: "secretary")
  let district = AuditActor(login: "huyenuy", role: "organisationStaff")

  /// The small province with An graded good in the Phước Hòa cell (KG.01.001.01), 2023.
  func gradedCell(_ engine: StoreEngine, _ body: (any StoreEngine.Parts, Int64) async throws -> Void) async throws {
    try await engine.withEvaluationStore { store in try await body(store, try await Self.gradeCell(in: store)) }
  }

  static func gradeCell(in store: any StoreEngine.Parts) async throws -> Int64 {
    let ids = try await SmallProvince.load(into: store)
    let an = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
    ])[0].id
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await store.recordGrades([GradeEntry(subject: .member(an), outcome: .graded(.good))], year: 2023)
    return an
  }

  @Test(arguments: StoreEngine.allCases)
  func eachStepIsAuditedInItsTransactionAndTheChainStillVerifies(engine: StoreEngine) async throws {
    try await gradedCell(engine) { store, _ in
      #expect(try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: secretary, reason: "") == 1)
      #expect(
        try await store.advanceGrades(
          of: "KG.01.001", year: 2023, to: .sendBack, by: district, reason: "Thiếu bản tự kiểm điểm") == 1)
      let entries = try await store.auditEntries(AuditFilter(action: "grade.advance"))
      #expect(entries.count == 2)
      let sentBack = try #require(entries.first { $0.actorLogin == "huyenuy" })
      #expect(sentBack.subject == "grades:KG.01.001:2023")
      #expect(sentBack.after?.contains("Thiếu bản tự kiểm điểm") == true)
      #expect(sentBack.after?.contains("\"action\":\"sendBack\"") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
      #expect(try await store.grades(of: "KG.01.001", year: 2023).map(\.state) == [.draft])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func sendingBackOrReopeningWithoutAReasonWritesNothing(engine: StoreEngine) async throws {
    try await gradedCell(engine) { store, _ in
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: secretary, reason: "")
      let before = try await store.auditEntries(AuditFilter(action: "grade.advance")).count
      await #expect(throws: DomainError.self) {
        try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .sendBack, by: district, reason: "  ")
      }
      #expect(try await store.grades(of: "KG.01.001", year: 2023).map(\.state) == [.submitted])
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .approve, by: district, reason: "")
      await #expect(throws: DomainError.self) {
        try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .reopen, by: district, reason: "")
      }
      #expect(try await store.grades(of: "KG.01.001", year: 2023).map(\.state) == [.approved])
      #expect(try await store.auditEntries(AuditFilter(action: "grade.advance")).count == before + 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func approvedGradesRefuseEditsWithTheStepThatUnlocksThem(engine: StoreEngine) async throws {
    try await gradedCell(engine) { store, an in
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: secretary, reason: "")
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .approve, by: district, reason: "")
      do {
        try await store.recordGrades([GradeEntry(subject: .member(an), outcome: .graded(.excellent))], year: 2023)
        Issue.record("an approved grade was changed")
      } catch let refused as BatchItemError {
        #expect(refused.error.code == "evaluation.locked")
        #expect(refused.error.message.contains("đã được cấp trên duyệt"))
        #expect(refused.error.message.contains("mở lại"))
      }
      #expect(try await store.grades(of: "KG.01.001", year: 2023).map(\.outcome) == [.graded(.good)])
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .reopen, by: district, reason: "Sai sót khi nhập")
      try await store.recordGrades([GradeEntry(subject: .member(an), outcome: .graded(.excellent))], year: 2023)
      #expect(try await store.grades(of: "KG.01.001", year: 2023).map(\.outcome) == [.graded(.excellent)])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aStepWithNoGradeInItsStateIsRefusedAndNotAudited(engine: StoreEngine) async throws {
    try await gradedCell(engine) { store, _ in
      await #expect(throws: DomainError.self) {
        try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .approve, by: district, reason: "")
      }
      // A `try` outside the macros: the closure is then known to throw before the macros expand.
      let entries = try await store.auditEntries(AuditFilter(action: "grade.advance"))
      #expect(entries.isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func progressShowsEachUnitBelowWithItsStageAndTheReasonItWasSentBack(engine: StoreEngine) async throws {
    try await gradedCell(engine) { store, _ in
      var progress = try await store.gradingProgress(of: "KG.01", year: 2023)
      #expect(progress.unit.stage == .grading)
      #expect(progress.below.map(\.code) == ["KG.01.001"])
      #expect(progress.below[0].stage == .grading)
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .submit, by: secretary, reason: "")
      progress = try await store.gradingProgress(of: "KG.01", year: 2023)
      #expect(progress.below[0].stage == .submitted)
      #expect(progress.below[0].count(.submitted) == 1)
      try await store.advanceGrades(of: "KG.01.001", year: 2023, to: .sendBack, by: district, reason: "Thiếu biên bản")
      progress = try await store.gradingProgress(of: "KG.01", year: 2023)
      #expect(progress.below[0].stage == .sentBack)
      #expect(progress.below[0].lastReason == "Thiếu biên bản")
      let province = try await store.gradingProgress(of: "KG", year: 2023, unitsBelow: false)
      #expect(province.below.isEmpty)
      #expect(province.unit.count(.draft) == 1)
    }
  }
}
