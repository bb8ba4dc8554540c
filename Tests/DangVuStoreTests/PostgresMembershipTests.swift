import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import PostgresNIO
import Testing

@testable import DangVuPostgres

/// What the membership report and the targets risk on PostgreSQL and not on SQLite: several servers writing at once.
/// The contract itself is in MembershipStoreTests, MemberStockRollupTests and TargetStoreTests, run on every engine.
@Suite("Store: the membership report on PostgreSQL")
struct PostgresMembershipTests {
  static let monthEnds = ["2015-12-31", "2019-06-30", "2020-12-31", "2024-12-31"].map(day)

  static func newMembers(_ ids: [String: Int64], server: Int, round: Int) -> [NewMember] {
    (0..<4).map { i in
      var m = SmallProvince.member(
        "Đảng viên \(server)-\(round)-\(i)", card: "7\(server)\(round)\(i)", born: "198\(i)-0\(i + 1)-15")
      m.gender = i % 2 == 0 ? .female : .male
      let cell = ["KG.01.001.01", "KG.01.001.02", "KG.02.001"][(server + i) % 3]
      return NewMember(member: m, events: [SmallProvince.admitted(ids[cell]!, on: "201\(i)-0\(1 + round % 9)-10")])
    }
  }

  /// Two servers add members and record events at once: every write adds to the same rows of the sums, and the sums
  /// still say what the spans say.
  @Test func twoServersWritingTheRegisterAtOnceKeepTheSumsRight() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      try await stores[0].prepareMembershipReports()
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (server, store) in stores.enumerated() {
          group.addTask {
            for round in 0..<6 {
              let added = try await store.addMembers(Self.newMembers(ids, server: server, round: round))
              try await store.recordEvents([
                MembershipEvent(memberID: added[0].id, kind: .madeOfficial, date: day("2019-0\(1 + round % 9)-20")),
                MembershipEvent(memberID: added[1].id, kind: .died, date: day("2020-0\(1 + round % 9)-05")),
              ])
            }
          }
        }
        try await group.waitForAll()
      }
      let probe = MemberStockProbe(store: stores[1])
      #expect(try await !probe.isStale())
      for d in Self.monthEnds {
        for scope in ["KG", nil] {
          #expect(try await probe.rollup(scope, d) == (try await probe.scan(scope, d)), "\(scope ?? "all") on \(d)")
        }
      }
    }
  }

  /// One server rebuilds stale sums while another adds members: the rebuild waits for the write under way (which
  /// skipped the stale sums) and counts its spans, or the write waits for the rebuild and adds to the rebuilt sums.
  @Test func aRebuildWhileAnotherServerAddsMembersMissesNone() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      let probe = MemberStockProbe(store: stores[0])
      for round in 0..<8 {
        try await TestPostgres.run(["UPDATE member_stock_state SET stale = 1"], on: location)
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { try await stores[0].prepareMembershipReports() }
          group.addTask { _ = try await stores[1].addMembers(Self.newMembers(ids, server: 1, round: round)) }
          try await group.waitForAll()
        }
        // Current after the rebuild, so what `rollup` reads is what the two left, not a rebuild of its own.
        #expect(try await !probe.isStale())
        #expect(try await probe.rollup("KG", day("2024-12-31")) == (try await probe.scan("KG", day("2024-12-31"))))
      }
    }
  }

  /// Two servers set one unit's plan at once: each entry's "before" is what the other left, never both nil.
  @Test func twoServersSettingOnePlanAtOnceRecordWhatTheyReplaced() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      _ = try await SmallProvince.load(into: stores[0])
      for round in 0..<5 {
        let year = 2020 + round
        try await withThrowingTaskGroup(of: Void.self) { group in
          for (server, store) in stores.enumerated() {
            group.addTask {
              try await store.setAdmissionPlan(
                AdmissionPlanEntry(organisationCode: "KG.01", year: year, planned: 10 + server),
                by: TargetStoreTests.admin)
            }
          }
          try await group.waitForAll()
        }
        let entries = try await stores[0].auditEntries(AuditFilter(subject: "plan:KG.01:\(year)"))
          .sorted { $0.sequence < $1.sequence }
        #expect(entries.count == 2)
        #expect(entries.first?.before == nil && entries.last?.before == entries.first?.after, "round \(round)")
      }
    }
  }

  /// Two servers remove one target at once: one removes it, the other finds it gone; one entry.
  @Test func twoServersRemovingOneTargetRemoveItOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      _ = try await SmallProvince.load(into: stores[0])
      for _ in 0..<5 {
        let target = try await stores[0].addReportTarget(
          try TargetStoreTests.band("KG", 1, 5), by: TargetStoreTests.admin)
        let outcomes = try await withThrowingTaskGroup(of: PostgresTreeTests.Outcome.self) { group in
          for store in stores {
            group.addTask {
              try await PostgresTreeTests.attempt {
                try await store.removeReportTarget(id: target.id!, by: TargetStoreTests.admin)
              }
            }
          }
          var outcomes: [PostgresTreeTests.Outcome] = []
          for try await outcome in group { outcomes.append(outcome) }
          return outcomes
        }
        #expect(outcomes.sorted { "\($0)" < "\($1)" } == [.done, .refused("target.notFound")])
        #expect(try await stores[1].auditEntries(AuditFilter(subject: "target:\(target.id!)")).count == 2)
      }
    }
  }

  /// A merge moves units between provinces' sums: it marks them stale, and the rebuild agrees with the scan.
  @Test func aMergeMarksTheSumsStaleAndTheRebuildAgrees() async throws {
    try await StoreEngine.postgres.withMembershipStore { store, probe in
      let ids = try await SmallProvince.load(into: store)
      _ = try await store.addMembers(Self.newMembers(ids, server: 0, round: 0))
      try await store.prepareMembershipReports()
      #expect(try await !probe.isStale())
      try await store.changeTree(
        .merge(code: "KG.01.001.01", intoCode: "KG.01.001.02", on: day("2024-07-01")), by: PostgresTreeTests.staff)
      #expect(try await probe.isStale())
      for d in Self.monthEnds {
        #expect(try await probe.rollup("KG", d) == (try await probe.scan("KG", d)))
      }
    }
  }
}
