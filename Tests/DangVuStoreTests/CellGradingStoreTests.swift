import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// A cell's grading sheet (`CellGrading`), on the province of `RegisterEditingTests`: its version is the edit check.
/// What needs the province's discipline (Dung reprimanded) runs on the engines that record it (`Engine`); the rest
/// runs on every engine, on the same cell without that decision (`sheetProvince`).
extension RegisterEditingTests {
  /// The province of `province(_:)` on any engine, without Dung's reprimand (recorded by the oversight part).
  func sheetProvince(_ engine: StoreEngine, _ body: (any StoreEngine.Parts, [Int64]) async throws -> Void)
    async throws
  {
    try await engine.withEvaluationStore { store in
      // An, Bình and Cư as the grading suite has them, the 2023 cycle open; then Dung.
      let three = try await EvaluationStoreTests.load(into: store, evaluationDate: "2023-12-15")
      let cell = try #require(try await store.organisation(code: "KG.01.001.01")).id
      let dung = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Phạm Thị Dung", card: "10000004"),
          events: [SmallProvince.admitted(cell, on: "2005-01-01")])
      ]).map(\.id)
      let members = three + dung
      try await body(store, members)
    }
  }

  @Test(arguments: Engine.allCases)
  func theSheetListsThePopulationWithWhatTheRulesAlreadyDecide(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let sheet = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(sheet.version == 1)
    #expect(sheet.scored == false)
    #expect(sheet.regulation == "124-QĐ/TW")
    #expect(Set(sheet.rows.map(\.member.memberID)) == [m[0], m[1], m[3]])
    #expect(sheet.exempt.map(\.memberID) == [m[2]], "the exempt member is outside the population")
    let an = try #require(sheet.rows.first { $0.member.memberID == m[0] })
    #expect(an.allowed == Grade.allCases)
    #expect(an.automatic == nil)
    let binh = try #require(sheet.rows.first { $0.member.memberID == m[1] })
    #expect(binh.automatic == .notEvaluated(.tooNew))
    let dung = try #require(sheet.rows.first { $0.member.memberID == m[3] })
    #expect(dung.allowed == [.notComplete], "disciplined in the year for a violation the cell did not fix itself")
    #expect(dung.limitReason?.contains("kỷ luật") == true)
  }

  @Test(arguments: StoreEngine.allCases)
  func aWholeCellIsSavedAtOnceAndTheVersionMovesOn(engine: StoreEngine) async throws {
    try await sheetProvince(engine) { store, m in
      let sheet = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
      let saved = try await store.gradeCell(
        code: "KG.01.001.01", year: 2023,
        entries: [
          CellGradeInput(memberID: m[0], outcome: .graded(.good)),
          CellGradeInput(memberID: m[1], outcome: .notEvaluated(.tooNew)),
          CellGradeInput(memberID: m[3], outcome: .graded(.notComplete)),
        ], expectedVersion: sheet.version, by: .commandLine(user: "thu"))
      // Saved with its audit entry in the same transaction, before and after.
      #expect(try await store.auditEntries(AuditFilter(action: "grade.set")).count == 1)
      #expect(saved.version == 2)
      #expect(saved.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.good))
      let report = try await store.evaluationReport(year: 2023, scope: "KG.01.001.01")
      #expect(report.members.counts.good == 1)
      #expect(report.members.counts.notComplete == 1)
    }
  }

  @Test(arguments: Engine.allCases)
  func aRefusedRowWritesNothingAndEveryRefusedRowIsNamed(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    let refused = await #expect(throws: CellGradingRefused.self) {
      try await store.gradeCell(
        code: "KG.01.001.01", year: 2023,
        entries: [
          CellGradeInput(memberID: m[0], outcome: .graded(.excellent)),
          CellGradeInput(memberID: m[2], outcome: .graded(.good)),  // exempt
          CellGradeInput(memberID: m[3], outcome: .graded(.good)),  // reprimanded
        ], expectedVersion: 1, by: .commandLine(user: "thu"))
    }
    #expect(refused.map { Set($0.reasons.keys) } == [m[2], m[3]])
    #expect(refused?.reasons[m[3]]?.contains("kỷ luật") == true)
    let after = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
    #expect(after.version == 1)
    #expect(after.rows.allSatisfy { $0.saved == nil }, "An's valid grade was not written either")
  }

  @Test(arguments: StoreEngine.allCases)
  func aStaleCellSaveIsRefusedWithTheNewerGrades(engine: StoreEngine) async throws {
    try await sheetProvince(engine) { store, m in
      // Someone records a grade another way (the command line, an import) after the page was opened.
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.excellent))], year: 2023)
      let stale = await #expect(throws: StaleVersion<CellGradeSheet>.self) {
        try await store.gradeCell(
          code: "KG.01.001.01", year: 2023, entries: [CellGradeInput(memberID: m[0], outcome: .graded(.complete))],
          expectedVersion: 1, by: .commandLine(user: "thu"))
      }
      #expect(stale?.current.version == 2)
      #expect(stale?.current.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.excellent))
      let stored = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
      #expect(stored.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == .graded(.excellent))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func ofTwoConcurrentCellSavesExactlyOneWins(engine: StoreEngine) async throws {
    try await sheetProvince(engine) { store, m in
      let grades: [Grade] = [.excellent, .good, .complete, .notComplete]
      let results = await withTaskGroup(of: Grade?.self) { group in
        for grade in grades {
          group.addTask {
            do {
              try await store.gradeCell(
                code: "KG.01.001.01", year: 2023, entries: [CellGradeInput(memberID: m[0], outcome: .graded(grade))],
                expectedVersion: 1, by: .commandLine(user: "thu"))
              return grade
            } catch {
              #expect(error is StaleVersion<CellGradeSheet>)
              return nil
            }
          }
        }
        var winners: [Grade] = []
        for await result in group { if let result { winners.append(result) } }
        return winners
      }
      #expect(results.count == 1)
      let stored = try await store.cellGrades(code: "KG.01.001.01", year: 2023)
      #expect(stored.version == 2)
      #expect(stored.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == results.first.map { .graded($0) })
      let report = try await store.evaluationReport(year: 2023, scope: "KG.01.001.01")
      #expect(report.members.counts.evaluated == 1, "one grade counted, not four")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCommitteeHasNoCellSheet(engine: StoreEngine) async throws {
    try await sheetProvince(engine) { store, _ in
      let refused = await #expect(throws: DomainError.self) {
        try await store.cellGrades(code: "KG.01.001", year: 2023)
      }
      #expect(refused?.code == "evaluation.notACell")
    }
  }
}
