import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuPostgres

/// What oversight risks on PostgreSQL and not on SQLite: several servers writing the same records at once, where
/// SQLite's single writer serialises them. The contract itself (OversightStoreTests, OversightAuditedStoreTests,
/// OversightRecordsAuditedStoreTests, OversightRollupTests, the fidelity suites) runs on every engine.
@Suite("Store: oversight on PostgreSQL, several servers at once")
struct PostgresOversightTests {
  static let staff = AuditActor(login: "ubkt", role: "inspectionStaff")

  /// Runs `attempt` on each store at once, `rounds` times each, and returns the outcomes.
  static func atOnce(
    _ stores: [PostgresStore], rounds: Int = 1,
    _ attempt: @escaping @Sendable (Int, Int, PostgresStore) async throws -> Void
  ) async throws -> [PostgresTreeTests.Outcome] {
    try await withThrowingTaskGroup(of: PostgresTreeTests.Outcome.self) { group in
      for (server, store) in stores.enumerated() {
        for round in 0..<rounds {
          group.addTask { try await PostgresTreeTests.attempt { try await attempt(server, round, store) } }
        }
      }
      var outcomes: [PostgresTreeTests.Outcome] = []
      for try await outcome in group { outcomes.append(outcome) }
      return outcomes
    }
  }

  /// Two servers record inspections of the same members and units at once, on days in no order: each lượt re-links
  /// its subject's neighbours in the rollup, reading them under the subject's lock, so the kept rollup is still the
  /// one the lượt give, and the report from it still agrees with counting them.
  @Test func twoServersRecordingLuotOfTheSameSubjectsKeepTheRollupRight() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let province = try await OversightProvince.build(
        in: stores[0], districts: 1, committeesPerDistrict: 1, cellsPerCommittee: 2, members: 6, posts: 0)
      let members = province.members
      let units = province.units
      let kinds = OversightKind.allCases
      let outcomes = try await Self.atOnce(stores, rounds: 12) { server, round, store in
        let n = server * 12 + round
        try await store.recordInspections(
          [
            Inspection(
              kind: kinds[n % kinds.count],
              body: ConductingBody(n % 2 == 0 ? .partyCommittee : .inspectionCommission, of: "KG"),
              title: "Kiểm tra \(n)", started: Day(year: 2023, month: 1 + (n * 5) % 12, day: 1 + n % 27)!,
              subjects: members.map { InspectionSubject(.member($0)) }
                + units.map { InspectionSubject(.unit(code: $0)) })
          ], audit: nil)
      }
      #expect(outcomes.allSatisfy { $0 == .done }, "\(outcomes)")
      let rollup = try await StoreEngine.rollupKeptAndRecounted(stores[1])
      #expect(rollup.kept == rollup.recounted)
      let year = try ReportPeriod.year(2023)
      #expect(
        try await StoreEngine.visitCounts(stores[1], year, rollup: true)
          == StoreEngine.visitCounts(stores[1], year, rollup: false))
      #expect(try await stores[1].oversightReport(period: year, scope: nil)["oversight.all.members"] == 24 * 6)
    }
  }

  /// Two servers settle an appeal annulling the same expulsion at once: the decision's row lock makes the second read
  /// the history the first left (annulled), so it is refused; one appeal, the member back once.
  @Test func twoAppealsOfOneDecisionAtOnceAreSettledOneAfterTheOther() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      for round in 0..<4 {
        let (member, decision) = try await Self.expelled(in: stores[0], round: round)
        let outcomes = try await Self.atOnce(stores) { _, _, store in
          try await store.recordAppeal(
            Appeal(decisionID: decision, lodged: day("2023-05-10"), decided: day("2023-07-01"), outcome: .annulled),
            by: Self.staff)
        }
        #expect(outcomes.sorted { "\($0)" < "\($1)" } == [.done, .refused("appeal.annulled")], "\(outcomes)")
        #expect(try await stores[1].disciplineDecision(id: decision)?.history.appeals.count == 1)
        #expect(try await stores[1].timeline(ofMember: member).currentCellID != nil)
      }
    }
  }

  /// Two servers correct the same decision at once: the second correction reads the decision as the first left it,
  /// so its entry keeps the first's number as `before`, and the trail tells the whole story.
  @Test func twoCorrectionsOfOneDecisionAtOnceKeepEachOthersWork() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      for round in 0..<4 {
        let (_, decision) = try await Self.expelled(in: stores[0], round: round)
        let outcomes = try await Self.atOnce(stores) { server, _, store in
          _ = try await store.correctDiscipline(
            DisciplineCorrection(
              decisionID: decision, number: "\(round)-\(server)-QĐ/UBKT", violated: day("2023-02-01"),
              categories: ["prohibitedActs"], selfCorrected: false, note: "", reason: "Sửa số \(server)"),
            by: Self.staff)
        }
        #expect(outcomes == [.done, .done], "\(outcomes)")
        let entries = try await stores[1].auditEntries(
          AuditFilter(action: "discipline.correct", subject: "discipline:\(decision)"))
        #expect(entries.count == 2)
        let (last, first) = (entries[0], entries[1])
        let firstNumber = try #require(
          ["\(round)-0-QĐ/UBKT", "\(round)-1-QĐ/UBKT"].first { first.after?.contains($0) == true })
        #expect(first.before?.contains("\"5-QĐ/UBKT") == true)
        #expect(last.before?.contains(firstNumber) == true, "the second correction read the first's number")
      }
    }
  }

  /// Two servers resolve one complaint at once: one resolution, the other refused as resolved already.
  @Test func twoResolutionsOfOneComplaintAtOnceResolveItOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      let member = try await stores[0].addMembers([
        NewMember(
          member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
          events: SmallProvince.officialSince2011(in: ids["KG.01.001.01"]!))
      ])[0].id
      for round in 0..<4 {
        let complaint = try await stores[0].recordComplaint(
          Complaint(kind: .complaint, subject: .member(member), received: day("2023-03-01"), summary: "Đơn \(round)"),
          by: Self.staff)
        let outcomes = try await Self.atOnce(stores) { server, _, store in
          _ = try await store.resolveComplaint(
            id: complaint.id, on: day("2023-04-0\(server + 1)"), finding: .correct, by: Self.staff)
        }
        #expect(outcomes.sorted { "\($0)" < "\($1)" } == [.done, .refused("complaint.alreadyResolved")], "\(outcomes)")
      }
    }
  }

  /// A member of the small province expelled on 1 May 2023 by decision 5-QĐ/UBKT (a new member each round).
  static func expelled(in store: PostgresStore, round: Int) async throws -> (member: Int64, decision: Int64) {
    if round == 0 { _ = try await SmallProvince.load(into: store) }
    let cell = try #require(try await store.organisation(code: "KG.01.001.01"))
    let member = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Đảng viên \(round)", card: "2000000\(round)"),
        events: SmallProvince.officialSince2011(in: cell.id))
    ])[0].id
    let decision = try await store.recordDiscipline(
      DisciplineDecision(
        subject: .member(member), form: .expulsion, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "5-QĐ/UBKT",
        decided: day("2023-05-01"), violated: day("2023-02-01")), by: Self.staff
    ).id
    return (member, decision)
  }
}
