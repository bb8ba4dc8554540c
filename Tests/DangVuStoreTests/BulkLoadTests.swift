import DangVuCore
import DangVuTestFixtures
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// The bulk path of `addMembers` (indexes dropped and rebuilt, foreign key lookups off) must leave exactly
/// what the row-by-row path leaves, and a refused batch must leave the database as it was.
@Suite("Store: bulk loading members")
struct BulkLoadTests {
  /// Two hundred members over the small province's cells, with official dates, exemptions and shared names.
  static func batch(cells: [Int64], cardOffset: Int = 0) -> [NewMember] {
    let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đặng Thị Ánh", "Phạm Hùng"]
    return (0..<200).map { i in
      let cell = cells[i % cells.count]
      let member = Member(
        fullName: names[i % names.count] + (i % 3 == 0 ? "" : " \(i)"), gender: i % 2 == 0 ? .male : .female,
        birthDate: day("1970-01-01").adding(months: i),
        nationalID: i % 4 == 0 ? nil : String(format: "0910%08d", cardOffset + i),
        partyCardNumber: String(20_000_000 + cardOffset + i))
      var events = [
        MembershipEvent(memberID: 0, kind: .admitted, date: day("2000-01-01").adding(months: i), cellID: cell)
      ]
      if i % 2 == 0 {
        events.append(MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2002-01-01").adding(months: i)))
      }
      if i % 14 == 0 { events.append(MembershipEvent(memberID: 0, kind: .exempted, date: day("2020-01-01"))) }
      return NewMember(member: member, events: events)
    }
  }

  static func loaded(bulk: Bool) async throws -> (SQLiteStore, [Member]) {
    let store = try SQLiteStore.inMemory()
    let ids = try await SmallProvince.load(into: store)
    let cells = ["KG.01.001.01", "KG.01.001.02", "KG.02.001"].map { ids[$0]! }
    let added = try await store.addMembers(batch(cells: cells), bulk: bulk)
    return (store, added)
  }

  /// Every index of the register tables, the UNIQUE ones and those a bulk load keeps included.
  static func indexes(_ store: SQLiteStore) async throws -> [String] {
    try await store.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master
          WHERE type = 'index' AND tbl_name IN ('member', 'membership_event', 'member_span') ORDER BY name
          """)
    }
  }

  /// The indexes a bulk load drops.
  static func droppable(_ store: SQLiteStore) async throws -> [String] {
    try await store.writer.read { db in try RegisterIndexes.current(in: db).map(\.name) }
  }

  @Test func writesTheSameRegisterSpansAndSearchResultsAsRowByRow() async throws {
    let (plain, plainAdded) = try await Self.loaded(bulk: false)
    let (bulk, bulkAdded) = try await Self.loaded(bulk: true)
    #expect(bulkAdded == plainAdded)
    #expect(try await bulk.statistics() == plain.statistics())
    for date in ["2001-06-01", "2010-01-01", "2023-12-31"] {
      for code in ["KG", "KG.01.001", "KG.02.001"] {
        #expect(try await bulk.register(of: code, on: day(date)) == plain.register(of: code, on: day(date)))
      }
    }
    for member in plainAdded.prefix(20) {
      #expect(try await bulk.timeline(ofMember: member.id).spans == plain.timeline(ofMember: member.id).spans)
    }
    for query in ["nguyen van an", "Đặng Thị", "anh", "tran t", "Phạm Hùng 9"] {
      #expect(
        try await bulk.searchMembers(query, within: nil, on: .today, limit: 50)
          == plain.searchMembers(query, within: nil, on: .today, limit: 50)
      )
    }
    #expect(try await Self.indexes(bulk) == Self.indexes(plain))
    #expect(
      try await Self.droppable(bulk) == [
        "member_current_cell", "member_search_name", "member_span_cell", "membership_event_kind_date",
      ])
    // With member_span_in_transit (v13), led by member_id: kept through a bulk load, not in the list above.
    #expect(try await Self.indexes(bulk).count == 9)
  }

  @Test func aRefusedBulkBatchLeavesTheDatabaseAndItsIndexesAsTheyWere() async throws {
    let (store, added) = try await Self.loaded(bulk: true)
    let before = try await store.statistics()
    let indexes = try await Self.indexes(store)
    let found = try await store.searchMembers("nguyen van an", within: nil, on: .today, limit: 500)
    let cells = try await store.register(of: "KG", on: day("2023-12-31")).map(\.cellID)
    // The last member of a new batch repeats a card number already in the register.
    var batch = Self.batch(cells: Array(Set(cells)), cardOffset: 1_000)
    batch[batch.count - 1].member.partyCardNumber = added[5].partyCardNumber
    await #expect {
      try await store.addMembers(batch, bulk: true)
    } throws: { error in
      guard let refused = error as? BatchItemError else { return false }
      return refused.index == batch.count - 1 && refused.error.code == "member.duplicateCard"
    }
    #expect(try await store.statistics() == before)
    #expect(try await Self.indexes(store) == indexes)
    #expect(try await store.searchMembers("nguyen van an", within: nil, on: .today, limit: 500) == found)
    #expect(found.count == 40)
    let foreignKeys = try await store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
    #expect(foreignKeys == true)
    // A repeat inside the batch and a repeated national ID are refused the same way.
    batch[batch.count - 1].member.partyCardNumber = batch[0].member.partyCardNumber
    await #expect(throws: BatchItemError.self) { try await store.addMembers(batch, bulk: true) }
    batch[batch.count - 1].member.partyCardNumber = "99999999"
    batch[batch.count - 1].member.nationalID = added[1].nationalID
    await #expect {
      try await store.addMembers(batch, bulk: true)
    } throws: { error in (error as? BatchItemError)?.error.code == "member.duplicateNationalID" }
    #expect(try await store.statistics() == before)
    #expect(try await Self.indexes(store) == indexes)
  }

  @Test func aBulkLoadThatFailsStillGetsItsIndexesBack() async throws {
    let store = try SQLiteStore.inMemory()
    let ids = try await SmallProvince.load(into: store)
    let indexes = try await Self.indexes(store)
    struct Stop: Error {}
    await #expect(throws: Stop.self) {
      try await store.loadingInBulk {
        try await store.addMembers(Self.batch(cells: [ids["KG.02.001"]!]))
        #expect(try await Self.droppable(store).isEmpty)
        throw Stop()
      }
    }
    #expect(try await Self.indexes(store) == indexes)
    // What was added before the failure is in the word index too.
    #expect(try await store.searchMembers("hung", within: nil, on: .today, limit: 100).count == 40)
  }

  @Test func aStoreOpenedAfterAKilledBulkLoadBuildsItsIndexes() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(UUID().uuidString).sqlite").path
    let store = try SQLiteStore(path: path)
    let ids = try await SmallProvince.load(into: store)
    let indexes = try await Self.indexes(store)
    try await store.writer.write { db in try RegisterIndexes.deferIndexes(in: db) }
    try await store.addMembers(Self.batch(cells: [ids["KG.02.001"]!]))
    // A given name alone is found through the word index, which is filled when the load ends.
    #expect(try await Self.droppable(store).isEmpty)
    #expect(try await store.searchMembers("hung", within: nil, on: .today, limit: 100).isEmpty)
    let reopened = try SQLiteStore(path: path)
    #expect(try await Self.indexes(reopened) == indexes)
    #expect(try await reopened.searchMembers("hung", within: nil, on: .today, limit: 100).count == 40)
  }
}
