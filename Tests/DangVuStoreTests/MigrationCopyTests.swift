import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import GRDB
import Testing

@testable import DangVuPostgres

/// `dangvu migrate`'s copy (issue 23 part 5): a SQLite file into an empty PostgreSQL database, everything or nothing.
/// What PostgreSQL serves of the copy is read back through its store, the way the server will read it.
@Suite("Store: a SQLite file copied into PostgreSQL")
struct MigrationCopyTests {
  /// A file with the small province, members with histories and an admission, an account and an audit trail.
  static func withProvinceFile(_ body: (SQLiteStore, String) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-copy-\(UUID().uuidString).sqlite")
      .path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try SQLiteStore(path: path)
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let sponsors = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [
          SmallProvince.admitted(cell, on: "2000-01-01"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2001-01-01")),
        ]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [
          SmallProvince.admitted(cell, on: "2001-01-01"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2002-01-01")),
        ]),
    ])
    var lan = SmallProvince.member("Đặng Thị Lan\tKhmer", card: "10000003", nid: "091180000123")
    lan.homeTown = "Châu Thành\\Kiên Giang"
    _ = try await store.addMembers([
      NewMember(
        member: lan,
        events: [
          SmallProvince.admitted(cell, on: "2015-05-19"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2016-05-19")),
          MembershipEvent(memberID: 0, kind: .exempted, date: day("2022-01-01")),
        ],
        admission: AdmissionDecision(decisionNumber: "12-QĐ/HU", sponsorIDs: sponsors.map(\.id)))
    ])
    _ = try await store.addAccount(
      NewAccount(login: "hoa.bt", displayName: "Bùi Thị Hoa", role: .organisationStaff, scopeCode: "KG"),
      password: "mật khẩu đủ dài 2026", cost: 4,
      by: AuditActor(login: "quantri", role: Role.administrator.rawValue))
    // Two lượt of one subject and one of a unit: the rollup PostgreSQL counts for itself has something to count.
    for started in ["2023-02-10", "2023-05-10"] {
      _ = try await store.recordInspections(
        [
          Inspection(
            kind: .supervision(.thematic), body: ConductingBody(.inspectionCommission, of: "KG.01"), title: "Giám sát",
            started: day(started),
            subjects: [InspectionSubject(.member(sponsors[0].id)), InspectionSubject(.unit(code: "KG.01.001"))])
        ], audit: nil)
    }
    try await body(store, path)
  }

  @Test func everythingComesOverAndReadsTheSame() async throws {
    try await Self.withProvinceFile { file, _ in
      let location = try await TestPostgres.freshDatabase()
      let target = try await PostgresStore.open(location, maximumConnections: 2)
      defer { Task { await target.close() } }
      let summary = try await target.copyIn(from: file, batchSize: 2)
      #expect(summary.tables.first { $0.name == "member" }?.rows == 3)
      #expect(summary.leftOut.contains { $0.table == "audit_head" })

      for code in ["KG", "KG.01", "KG.01.001.01"] {
        for date in ["2010-01-01", "2023-06-30", "2026-12-07"] {
          #expect(
            try await target.register(of: code, on: day(date)) == (try await file.register(of: code, on: day(date))))
        }
      }
      for id in Int64(1)...3 {
        #expect(try await target.member(id: id) == (try await file.member(id: id)))
        #expect(try await target.timeline(ofMember: id).spans == (try await file.timeline(ofMember: id)).spans)
      }
      // The oversight rollup is PostgreSQL's own, counted from the lượt copied: the whole year reads it.
      for period in [try ReportPeriod.year(2023), try .quarter(2, of: 2023)] {
        #expect(
          try await target.oversightReport(period: period, scope: nil).figures
            == (try await file.oversightReport(period: period, scope: nil)).figures)
      }
      #expect(try await target.oversightReport(period: .year(2023), scope: nil)["oversight.all.membersDistinct"] == 1)
      #expect(try await target.inspection(id: 2) == (try await file.inspection(id: 2)))
      // The words of a name come over for the trigram index, computed: SQLite keeps them elsewhere.
      let hits = try await target.searchMembers("lan", within: nil, on: day("2026-12-07"), limit: 10)
      #expect(hits.map(\.fullName) == ["Đặng Thị Lan\tKhmer"])
      // The chain came over with its hashes and goes on from its last entry.
      let source = try await file.verifyAuditChain()
      let copied = try await target.verifyAuditChain()
      #expect(copied.isIntact && source.isIntact)
      #expect(copied.lastHash == source.lastHash)
      #expect(copied.lastSequence == source.lastSequence)
      #expect(copied.entriesChecked == source.entriesChecked)
      // The password's hash came over: the account signs in on PostgreSQL.
      let outcome = try await target.signIn(
        login: "hoa.bt", password: "mật khẩu đủ dài 2026", from: "127.0.0.1", at: Date())
      guard case .signedIn(let account) = outcome else {
        Issue.record("the copied account did not sign in: \(outcome)")
        return
      }
      #expect(account.login == "hoa.bt")
      // The next id follows the copied ones.
      let added = try await target.addMembers([
        NewMember(
          member: SmallProvince.member("Lê Văn Cư", card: "10000004"),
          events: [
            SmallProvince.admitted(
              try #require(try await target.organisation(code: "KG.01.001.01")).id, on: "2020-01-01")
          ])
      ])
      #expect(added[0].id == 4)
    }
  }

  @Test func aDatabaseThatHoldsRecordsIsRefusedAndKeepsThem() async throws {
    try await Self.withProvinceFile { file, _ in
      let location = try await TestPostgres.freshDatabase()
      let target = try await PostgresStore.open(location, maximumConnections: 2)
      defer { Task { await target.close() } }
      _ = try await target.addOrganisations([SmallProvince.units[0]])
      let refused = await #expect(throws: DomainError.self) { try await target.copyIn(from: file) }
      #expect(refused?.code == "migrate.targetNotEmpty")
      #expect(try await target.organisation(code: "KG.01") == nil)
    }
  }

  @Test func whatWouldBeLostStopsTheCopyAndNothingIsWritten() async throws {
    let cases: [(statements: [String], code: String)] = [
      (
        ["CREATE TABLE kept_notes(id INTEGER PRIMARY KEY, text TEXT)", "INSERT INTO kept_notes VALUES (1, 'x')"],
        "migrate.tableMissing"
      ),
      (
        ["ALTER TABLE member ADD COLUMN nickname TEXT", "UPDATE member SET nickname = 'An' WHERE id = 1"],
        "migrate.columnMissing"
      ),
      (["UPDATE member_span SET exempt = 2 WHERE member_id = 1"], "migrate.badValue"),
    ]
    for (statements, code) in cases {
      try await Self.withProvinceFile { file, path in
        // Behind the store's back, as an older or newer DangVu, or a hand, could have left the file.
        try await DatabaseQueue(path: path).write { db in for statement in statements { try db.execute(sql: statement) }
        }
        let location = try await TestPostgres.freshDatabase()
        let target = try await PostgresStore.open(location, maximumConnections: 2)
        defer { Task { await target.close() } }
        let refused = await #expect(throws: DomainError.self) { try await target.copyIn(from: file) }
        #expect(refused?.code == code, "\(statements)")
        #expect(try await target.organisation(code: "KG") == nil, "nothing written: \(code)")
        #expect(try await target.verifyAuditChain().entriesChecked == 0)
      }
    }
  }
}
