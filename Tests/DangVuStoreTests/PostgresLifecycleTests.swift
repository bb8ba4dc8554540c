import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuPostgres

/// What the lifecycle, edit and leadership writes risk on PostgreSQL and not on SQLite: several servers acting on one
/// member, letter, unit or collective at once, each write checking what the others may be writing. Their contract is
/// in LifecycleRecordingTests, RegisterEditingTests and LeadershipRecordingTests, run on every engine. Each race runs
/// a few rounds; without its row lock each of these tests fails (the loser's check passes, or fails for the wrong
/// reason).
@Suite("Store: lifecycle, edits and leadership on PostgreSQL")
struct PostgresLifecycleTests {
  static let clerk = AuditActor(login: "bithu", role: Role.secretary.rawValue)

  /// Runs `act` on both servers at once and returns what each said: done, or the refusal's code ("stale" for an
  /// edit made from an older version).
  func race(
    _ stores: [PostgresStore], _ act: @escaping @Sendable (Int, PostgresStore) async throws -> Void
  ) async throws -> [String] {
    try await withThrowingTaskGroup(of: String.self) { group in
      for (server, store) in stores.enumerated() {
        group.addTask {
          do {
            try await act(server, store)
            return "done"
          } catch is StaleVersion<VersionedMember> {
            return "stale"
          } catch let error as DomainError {
            return error.code
          }
        }
      }
      var outcomes: [String] = []
      for try await outcome in group { outcomes.append(outcome) }
      return outcomes.sorted()
    }
  }

  /// Two servers save an edit made from the same version: the member's row lock makes the second compare against the
  /// first's version, so exactly one is saved and the other is told the record changed.
  @Test func ofTwoServersEditingFromOneVersionOneWins() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let members = try await RegisterEditingTests.load(into: stores[0])
      for round in 0..<5 {
        let read = try #require(try await stores[0].memberWithVersion(id: members[0]))
        let outcomes = try await race(stores) { server, store in
          var edit = read.member
          edit.homeTown = "Quê \(round)-\(server)"
          _ = try await store.updateMember(edit, expectedVersion: read.version, by: Self.clerk)
        }
        #expect(outcomes == ["done", "stale"])
        #expect(try await stores[1].memberWithVersion(id: members[0])?.version == read.version + 1)
      }
      #expect(try await stores[0].auditEntries(AuditFilter(action: "member.update")).count == 5)
    }
  }

  /// Two servers record an event from the same version: one goes through, the other is stale (not refused by the
  /// history the first one left, which is what happens when the version is compared before the lock).
  @Test func ofTwoServersRecordingFromOneVersionTheSecondIsStale() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let (cells, _) = try await LifecycleRecordingTests.load(into: stores[0])
      for round in 0..<6 {
        let member = try await stores[0].addMembers([
          NewMember(
            member: SmallProvince.member("Đảng viên \(round)", card: "5000000\(round)"),
            events: SmallProvince.officialSince2011(in: cells["KG.01.001.01"]!))
        ])[0].id
        let read = try #require(try await stores[0].memberWithVersion(id: member))
        let outcomes = try await race(stores) { server, store in
          try await store.recordEvent(
            MembershipEvent(memberID: member, kind: .exempted, date: day("2024-01-0\(server + 1)")),
            expectedVersion: read.version, by: Self.clerk)
        }
        #expect(outcomes == ["done", "stale"])
        #expect(try await stores[1].timeline(ofMember: member).events.filter { $0.kind == .exempted }.count == 1)
      }
    }
  }

  /// Two servers receive one letter at once: the second reads the letter after the first's commit and refuses it as
  /// received; one arrival is recorded.
  @Test func aLetterReceivedOnTwoServersAtOnceIsReceivedOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let (cells, an) = try await LifecycleRecordingTests.load(into: stores[0])
      var cell = cells["KG.01.001.01"]!
      for round in 0..<4 {
        let to = round.isMultiple(of: 2) ? cells["KG.02.001"]! : cells["KG.01.001.01"]!
        let letter = try await stores[0].issueTransferLetter(
          NewTransferLetter(memberID: an, toCellID: to, issued: day("2024-0\(round + 1)-02"), number: "\(round)"),
          expectedVersion: nil, by: Self.clerk)
        #expect(letter.fromCell.id == cell)
        let outcomes = try await race(stores) { _, store in
          _ = try await store.receiveTransferLetter(id: letter.id, on: day("2024-0\(round + 1)-10"), by: Self.clerk)
        }
        #expect(outcomes == ["done", "transfer.alreadyReceived"])
        cell = to
      }
      let events = try await stores[1].timeline(ofMember: an).events
      #expect(events.filter { $0.kind == .transferReceived }.count == 4)
      #expect(try await stores[0].auditEntries(AuditFilter(action: "member.transferReceived")).count == 4)
    }
  }

  /// Two servers make two members secretary of one committee from the same day: the unit's row lock makes the second
  /// see the first's post, so one committee never has two secretaries.
  @Test func twoServersNamingTwoSecretariesOfOneUnitAtOnceNameOne() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let (_, an, binh) = try await LeadershipRecordingTests.load(into: stores[0])
      for round in 0..<8 {
        let outcomes = try await race(stores) { server, store in
          _ = try await store.recordPost(
            NewPost(
              memberID: server == 0 ? an : binh, kindCode: "secretary", unitCode: "KG.01.001",
              from: day("\(2012 + round)-01-01"), until: day("\(2013 + round)-01-01")), by: Self.clerk)
        }
        #expect(outcomes == ["done", "post.heldByAnother"])
      }
      #expect(try await stores[1].posts(ofUnit: "KG.01.001").count == 8)
    }
  }

  /// Two servers seat one member in one collective at once: the collective's row lock makes the second see the first
  /// seat, so the member is seated once.
  @Test func aMemberSeatedOnTwoServersAtOnceIsSeatedOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let (_, an, _) = try await LeadershipRecordingTests.load(into: stores[0])
      for round in 0..<4 {
        let collective = try await stores[0].recordCollective(
          NewCollective(
            unitCode: "KG.01.001", name: "Ban Thường vụ khóa \(round)", kindCode: "standingCommittee",
            formed: day("2020-10-01")), by: Self.clerk)
        let outcomes = try await race(stores) { server, store in
          _ = try await store.seatInCollective(
            NewCollectiveSeat(
              collectiveID: collective.collective.id, memberID: an, from: day("2021-0\(server + 1)-01")),
            by: Self.clerk)
        }
        #expect(outcomes == ["collective.overlap", "done"])
        #expect(try await stores[1].collective(id: collective.collective.id)?.seats.count == 1)
      }
    }
  }
}
