import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The data-quality counts are kept per unit between changes: a report of any unit is a lookup, a change is
/// counted again aside while the last counts answer (saying when they were made), and in memory every report
/// counts afresh.
@Suite struct RegisterCompletenessCacheTests {
  func store(_ engine: Engine) async throws -> (any PartyStore, [String: Int64]) {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Có Căn Cước", card: "1", nid: "091085000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Chưa Có Căn Cước", card: "2"),
        events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2010-01-01")]),
    ])
    return (store, ids)
  }

  @Test func eachUnitsSumIsItsCellsAndTheWholeIsEveryCell() async throws {
    let (store, _) = try await store(.sqliteInMemory)
    let totals = try await RegisterCompletenessCache().totals(of: store, on: .today)
    let province = try #require(RegisterCompletenessReport.build(code: "KG", totals: totals))
    #expect(province.unit.counts.members == 2 && province.unit.counts.count(.nationalID) == 1)
    // Neither has an ethnicity (each lacks a field entirely), so they tie on the weakest share and go by code.
    #expect(province.below.map(\.code) == ["KG.01", "KG.02"])
    #expect(province.below.map { $0.counts.count(.nationalID) } == [1, 0])
    let district = try #require(RegisterCompletenessReport.build(code: "KG.01", totals: totals))
    #expect(district.unit.counts.members == 1 && district.unit.counts.count(.nationalID) == 1)
    #expect(RegisterCompletenessReport.build(code: nil, totals: totals)?.unit.counts.members == 2)
    #expect(RegisterCompletenessReport.build(code: "KG.99", totals: totals) == nil)
  }

  @Test func aChangeIsCountedAsideWhileTheLastCountsAnswer() async throws {
    let (store, _) = try await store(.sqliteFile)
    let cache = RegisterCompletenessCache()
    let first = try await cache.totals(of: store, on: .today)
    #expect(first.all.count(.nationalID) == 1)
    var member = try #require(try await store.member(cardNumber: "2"))
    member.nationalID = "091085000002"
    try await store.updateMember(member)
    // The answer right after the change is the last count, with its time; the count aside then brings the change.
    let during = try await cache.totals(of: store, on: .today)
    #expect(during.counted == first.counted)
    await cache.settled()
    let after = try await cache.totals(of: store, on: .today)
    #expect(after.all.count(.nationalID) == 2)
    #expect(after.counted >= first.counted)
  }
}
