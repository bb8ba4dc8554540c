import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuPostgres

/// Grading on several servers at once, which only PostgreSQL has (decision 0047): the cell sheet's version check,
/// the rollups kept on every grade write and the workflow's steps hold when two servers (two pools on one database)
/// write at once. The contract itself is in the evaluation's suites, run on every engine.
@Suite("Store: PostgreSQL grading on several servers")
struct PostgresEvaluationTests {
  static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cư", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Gấm"]

  /// The small province with six members of cell KG.01.001.01 admitted long ago, the 2023 cycle open.
  func province(_ body: ([PostgresStore], [Int64]) async throws -> Void) async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      let members = try await SmallProvince.addOfficialMembers(Self.names, in: ids["KG.01.001.01"]!, to: stores[0])
      try await stores[0].openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
      try await body(stores, members)
    }
  }

  /// Eight saves of one cell's sheet from version 1, four on each server, all at once: exactly one passes the
  /// version check; the others meet the newer sheet; one grade is counted and one entry audited.
  @Test func twoServersSavingOneCellSheetAtOnceSaveItOnce() async throws {
    try await province { stores, m in
      let grades: [Grade] = [.excellent, .good, .complete, .notComplete]
      let winners = try await withThrowingTaskGroup(of: Grade?.self) { group in
        for store in stores {
          for grade in grades {
            group.addTask {
              do {
                try await store.gradeCell(
                  code: "KG.01.001.01", year: 2023, entries: [CellGradeInput(memberID: m[0], outcome: .graded(grade))],
                  expectedVersion: 1, by: .commandLine(user: "thu"))
                return grade
              } catch is StaleVersion<CellGradeSheet> {
                return nil
              }
            }
          }
        }
        return try await group.reduce(into: [Grade]()) { if let grade = $1 { $0.append(grade) } }
      }
      #expect(winners.count == 1)
      let stored = try await stores[1].cellGrades(code: "KG.01.001.01", year: 2023)
      #expect(stored.version == 2)
      #expect(stored.rows.first { $0.member.memberID == m[0] }?.saved?.outcome == winners.first.map { .graded($0) })
      for scope in ["KG", "KG.01", "KG.01.001", "KG.01.001.01"] {
        #expect(try await stores[0].evaluationReport(year: 2023, scope: scope).members.counts.evaluated == 1)
      }
      #expect(try await stores[0].auditEntries(AuditFilter(action: "grade.set")).count == 1)
      #expect(try await stores[1].verifyAuditChain().isIntact)
    }
  }

  /// Two servers grade the same six members over and over at once, each write changing some grades: the sums at
  /// every level equal the grades finally stored, and the excellent cap's warning follows the stored grades.
  @Test func twoServersGradingOneCellAtOnceKeepTheSumsRight() async throws {
    try await province { stores, m in
      let outcomes: [Grade] = [.excellent, .good, .complete, .excellent, .notComplete, .good]
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (server, store) in stores.enumerated() {
          for round in 0..<6 {
            group.addTask {
              let entries = m.indices.map { index in
                GradeEntry(
                  subject: .member(m[index]), outcome: .graded(outcomes[(index + round + server) % outcomes.count]))
              }
              _ = try await store.recordGrades(
                server == 0 ? entries : entries.reversed(), year: 2023, unit: "KG.01.001.01",
                by: .commandLine(user: "may\(server)"))
            }
          }
        }
        try await group.waitForAll()
      }
      let stored = try await stores[0].grades(of: "KG.01.001.01", year: 2023)
      #expect(stored.count == m.count)
      var expected = GradeCounts()
      for grade in stored { expected.add(grade.outcome, count: 1) }
      for scope in ["KG", "KG.01", "KG.01.001", "KG.01.001.01"] {
        #expect(try await stores[1].evaluationReport(year: 2023, scope: scope).members.counts == expected, "\(scope)")
      }
      let warned = !(try await stores[1].evaluationReport(year: 2023, scope: "KG").excellentCapWarnings.isEmpty)
      #expect(
        warned
          == (expected.excellent * 100 > expected.goodOrAbove
            * EvaluationPolicy.standard.excellentCapPercentOfGoodOrAbove))
      #expect(try await stores[0].auditEntries(AuditFilter(action: "grade.set")).count == 12)
      #expect(try await stores[0].verifyAuditChain().isIntact)
    }
  }

  /// Three submissions of one unit's grades on each server at once: one moves them, the others are refused as
  /// having nothing to submit; one step is kept and audited.
  @Test func twoServersSubmittingOneUnitAtOnceSubmitItOnce() async throws {
    try await province { stores, m in
      _ = try await stores[0].recordGrades(
        m.map { GradeEntry(subject: .member($0), outcome: .graded(.good)) }, year: 2023, audit: nil)
      let secretary = AuditActor(login: "bithu", role: "secretary")
      let results = try await withThrowingTaskGroup(of: String.self) { group in
        for store in stores {
          for _ in 0..<3 {
            group.addTask {
              do {
                return String(
                  try await store.advanceGrades(
                    of: "KG.01.001", year: 2023, to: .submit, by: secretary, reason: ""))
              } catch let error as DomainError {
                return error.code
              }
            }
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }.sorted()
      }
      #expect(results == ["6"] + Array(repeating: "evaluation.nothingToAdvance", count: 5))
      #expect(try await stores[1].auditEntries(AuditFilter(action: "grade.advance")).count == 1)
      let progress = try await stores[1].gradingProgress(of: "KG.01", year: 2023)
      #expect(progress.below.first?.count(.submitted) == m.count)
      #expect(progress.below.first?.lastAction == .submit)
    }
  }
}

extension PostgresEvaluationTests {
  /// An outcome or state DangVu did not write is refused naming its column, never read as some known one.
  @Test func unknownStoredGradesAreRefusedNamingTheColumn() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(1, on: location) { stores in
      let store = stores[0]
      let ids = try await SmallProvince.load(into: store)
      let m = try await SmallProvince.addOfficialMembers(["Nguyễn Văn An"], in: ids["KG.01.001.01"]!, to: store)
      try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2023)
      func refusal(_ read: () async throws -> Void) async -> String? {
        do {
          try await read()
          return nil
        } catch let error as DomainError {
          return error.code == "store.unknownValue" ? error.message : error.code
        } catch {
          return "\(error)"
        }
      }
      try await TestPostgres.run(["UPDATE grade SET state = 'archived'"], on: location)
      let state = await refusal { _ = try await store.grades(of: "KG", year: 2023) }
      #expect(state?.contains("grade.state") == true)
      try await TestPostgres.run(["UPDATE grade SET state = 'draft', outcome = 'superb'"], on: location)
      let outcome = await refusal { _ = try await store.grades(of: "KG", year: 2023) }
      #expect(outcome?.contains("grade.outcome") == true)
      try await TestPostgres.run(["UPDATE grade_rollup SET outcome = 'superb'"], on: location)
      let rollup = await refusal { _ = try await store.evaluationReport(year: 2023, scope: "KG") }
      #expect(rollup?.contains("grade_rollup.outcome") == true)
    }
  }
}
