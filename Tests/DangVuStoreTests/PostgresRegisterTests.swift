import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import PostgresNIO
import Testing

@testable import DangVuPostgres

/// What the register risks on PostgreSQL and not on SQLite: several servers extending one history at once, a merge
/// moving members through the register in the tree's transaction, values changed behind DangVu's back. The
/// register's contract itself is in RegisterStoreTests, RegisterLookupTests and SearchStoreTests, run on every engine.
@Suite("Store: the register on PostgreSQL")
struct PostgresRegisterTests {
  /// Two servers record a death for the same member at once: the member's row lock makes the second check the
  /// history the first left, so one goes through and the other is refused ("nothing after death"), never both.
  @Test func twoServersExtendingOneHistoryCheckItOneAfterTheOther() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      for round in 0..<5 {
        let member = try await stores[0].addMembers([
          NewMember(
            member: SmallProvince.member("Đảng viên \(round)", card: "5000000\(round)"),
            events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
        ])[0]
        let outcomes = try await withThrowingTaskGroup(of: PostgresTreeTests.Outcome.self) { group in
          for (server, store) in stores.enumerated() {
            group.addTask {
              try await PostgresTreeTests.attempt {
                try await store.recordEvents([
                  MembershipEvent(memberID: member.id, kind: .died, date: day("2020-01-0\(server + 1)"))
                ])
              }
            }
          }
          var outcomes: [PostgresTreeTests.Outcome] = []
          for try await outcome in group { outcomes.append(outcome) }
          return outcomes
        }
        #expect(outcomes.filter { $0 == .done }.count == 1, "\(outcomes)")
        #expect(try await stores[1].timeline(ofMember: member.id).events.map(\.kind) == [.admitted, .died])
      }
    }
  }

  /// Two servers add a member with the same card number at once: whichever finds it free first writes it, the other
  /// is refused as taken at the member's place (by its own check, or by the unique index if both checked before
  /// either wrote), never both written.
  @Test func twoServersAddingOneCardNumberAtOnceWriteItOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      let ids = try await SmallProvince.load(into: stores[0])
      for round in 0..<5 {
        let errors = try await withThrowingTaskGroup(of: BatchItemError?.self) { group in
          for (server, store) in stores.enumerated() {
            group.addTask {
              do {
                try await store.addMembers([
                  NewMember(
                    member: SmallProvince.member("Đảng viên \(server)", card: "6000000\(round)"),
                    events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
                ])
                return nil
              } catch let error as BatchItemError {
                return error
              }
            }
          }
          var errors: [BatchItemError?] = []
          for try await error in group { errors.append(error) }
          return errors
        }
        #expect(errors.compactMap { $0 }.map(\.error.code) == ["member.duplicateCard"])
        #expect(errors.compactMap { $0 }.map(\.index) == [0])
        #expect(try await stores[1].existingCardNumbers(["6000000\(round)"]) == ["6000000\(round)"])
      }
      #expect(try await stores[0].statistics().members == 5)
    }
  }

  /// A merge moves the merged cell's members into the target in the tree change's own transaction: their spans
  /// change on the merge's day, the data generation moves once, the change has its one entry.
  @Test func aMergeMovesMembersThroughTheRegister() async throws {
    try await StoreEngine.postgres.withTreeStore { t in
      let ids = try await t.province()
      try await t.placeMembers(cards: ["2001", "2002"], in: "KG.01.001.01", since: "2010-05-19")
      let generation = try await t.store.dataGeneration()
      let merge = TreeChange.merge(code: "KG.01.001.01", intoCode: "KG.01.001.02", on: day("2024-07-01"))
      try await t.store.changeTree(merge, by: PostgresTreeTests.staff)
      #expect(try await t.store.dataGeneration() == generation.map { $0 + 1 })
      #expect(try await t.store.memberCountsByCell(on: day("2024-07-01")) == [ids["KG.01.001.02"]!: 2])
      #expect(try await t.store.memberCountsByCell(on: day("2024-06-30")) == [ids["KG.01.001.01"]!: 2])
      let member = try #require(try await t.store.member(cardNumber: "2001"))
      let transfer = try #require(try await t.store.timeline(ofMember: member.id).events.last)
      #expect(transfer.kind == .transferred && transfer.note == "Sáp nhập KG.01.001.01 vào KG.01.001.02")
      #expect(try await t.store.auditEntries(AuditFilter()).map(\.action) == ["organisation.merge"])
    }
  }

  /// A gender, an event kind or a standing DangVu did not write is refused naming its column, never read as some
  /// known value (SQLite's UnknownStoredValueTests).
  @Test func unknownRegisterValuesAreRefusedNamingTheirColumn() async throws {
    try await StoreEngine.postgres.withTreeStore { t in
      _ = try await t.province()
      try await t.placeMembers(cards: ["2001"], in: "KG.01.001.01", since: "2010-05-19")
      let member = try #require(try await t.store.member(cardNumber: "2001"))
      func expectUnknown(_ column: String, _ value: String, _ read: () async throws -> Void) async {
        let error = await #expect(throws: DomainError.self) { try await read() }
        #expect(error?.code == "store.unknownValue")
        #expect(error?.message.contains(column) == true && error?.message.contains("“\(value)”") == true)
      }
      try await t.behindTheStoresBack("UPDATE member_span SET standing = 'honorary'")
      await expectUnknown("member_span.standing", "honorary") {
        _ = try await t.store.register(of: "KG", on: day("2020-01-01"))
      }
      try await t.behindTheStoresBack("UPDATE membership_event SET kind = 'exiled'")
      await expectUnknown("membership_event.kind", "exiled") { _ = try await t.store.timeline(ofMember: member.id) }
      try await t.behindTheStoresBack("UPDATE member SET gender = 'x'")
      await expectUnknown("member.gender", "x") { _ = try await t.store.member(id: member.id) }
    }
  }
}
