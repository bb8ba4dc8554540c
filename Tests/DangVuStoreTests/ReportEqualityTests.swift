import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// The comparison `dangvu migrate` ends with, held to what it must see: two stores with the same records agree on
/// every report; one event more in one of them shows as a difference of that unit and year, and of the units above.
@Suite("Store: every report equal on two stores")
struct ReportEqualityTests {
  static func province() async throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory()
    let ids = try await SmallProvince.load(into: store)
    _ = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2024-03-01")]),
    ])
    return store
  }

  @Test func theSameRecordsGiveTheSameReportsAndOneEventMoreShows() async throws {
    let first = try await Self.province()
    let second = try await Self.province()
    let same = try await ReportEquality.compare(first, second, years: 2024...2025)
    let units = try await first.allOrganisations().units.count
    #expect(same.compared == units * 2 * 3)
    #expect(same.differences.isEmpty)

    try await second.recordEvents([MembershipEvent(memberID: 2, kind: .struckOff, date: day("2025-05-01"))])
    let after = try await ReportEquality.compare(first, second, years: 2024...2025)
    let membership = Set(after.differences.filter { $0.report == "membership" }.map(\.description))
    #expect(membership.contains("membership KG.02.001 2025"))
    #expect(membership.contains("membership KG 2025"))
    #expect(!membership.contains("membership KG.01.001.01 2025"))
    #expect(!membership.contains { $0.hasSuffix("2024") })
  }
}
