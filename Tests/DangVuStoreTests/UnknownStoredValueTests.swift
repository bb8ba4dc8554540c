import DangVuCore
import DangVuTestFixtures
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// A coded value the build does not know (written by a newer DangVu, or changed outside it) is refused with the
/// column and the value named, never read as some known value: an unknown event read as an admission would change
/// every report it touches without anyone seeing why.
@Suite("Store: unknown stored values")
struct UnknownStoredValueTests {
  private func storeWithOneMember() async throws -> (SQLiteStore, Int64) {
    let store = try SQLiteStore.inMemory()
    let cell = try await SmallProvince.load(into: store)["KG.01.001.01"]!
    let added = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "20000001"),
        events: [SmallProvince.admitted(cell, on: "2012-05-19")])
    ])
    return (store, added[0].id)
  }

  private func expectUnknown(_ column: String, _ value: String, _ read: () async throws -> Void) async {
    do {
      try await read()
      Issue.record("the unknown \(column) “\(value)” was read as a known value")
    } catch let error as DomainError {
      #expect(error.code == "store.unknownValue")
      #expect(error.message.contains(column) && error.message.contains("“\(value)”"), "\(error.message)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func anEventOfAnUnknownKindIsAnErrorNamingItsColumn() async throws {
    let (store, id) = try await storeWithOneMember()
    #expect(try await store.memberRecord(id: id, within: nil, on: .today)?.timeline.events.first?.kind == .admitted)
    try await store.writer.write { db in
      try db.execute(sql: "UPDATE membership_event SET kind = 'exiled' WHERE member_id = ?", arguments: [id])
    }
    await expectUnknown("membership_event.kind", "exiled") {
      _ = try await store.memberRecord(id: id, within: nil, on: .today)
    }
  }

  @Test func aMemberOfAnUnknownGenderIsAnErrorNotAMan() async throws {
    let (store, id) = try await storeWithOneMember()
    try await store.writer.write { db in
      try db.execute(sql: "UPDATE member SET gender = 'x' WHERE id = ?", arguments: [id])
    }
    await expectUnknown("member.gender", "x") { _ = try await store.memberWithVersion(id: id) }
  }
}
