import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: searching members by name")
struct SearchStoreTests {
  func loaded(_ engine: Engine) async throws -> any PartyStore {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    let names = ["Đặng Văn Hùng", "Nguyễn Văn Nam", "Nguyễn Thị Đào", "Trần Văn Dũng", "Dương Thị Mai"]
    try await store.addMembers(
      names.enumerated().map { i, name in
        let cell = i < 3 ? ids["KG.01.001.01"]! : ids["KG.02.001"]!
        return NewMember(
          member: SmallProvince.member(name, card: "2000000\(i)"),
          events: [SmallProvince.admitted(cell, on: "2010-01-01")])
      })
    return store
  }

  @Test(arguments: Engine.allCases)
  func dMatchesDStroke(engine: Engine) async throws {
    let store = try await loaded(engine)
    #expect(
      try await store.searchMembers("dang", within: nil, on: .today, limit: 10).map(\.fullName) == ["Đặng Văn Hùng"])
    #expect(
      try await store.searchMembers("DAO", within: nil, on: .today, limit: 10).map(\.fullName) == ["Nguyễn Thị Đào"])
    #expect(
      try await store.searchMembers("đũng", within: nil, on: .today, limit: 10).map(\.fullName) == ["Trần Văn Dũng"])
  }

  @Test(arguments: Engine.allCases)
  func wordsMatchInAnyPositionAndTheLastIsAPrefix(engine: Engine) async throws {
    let store = try await loaded(engine)
    #expect(
      try await store.searchMembers("nguyen van", within: nil, on: .today, limit: 10).map(\.fullName) == [
        "Nguyễn Văn Nam"
      ])
    #expect(try await store.searchMembers("nguy", within: nil, on: .today, limit: 10).count == 2)
    #expect(
      try await store.searchMembers("thi", within: nil, on: .today, limit: 10).map(\.fullName) == [
        "Dương Thị Mai", "Nguyễn Thị Đào",
      ])
    #expect(
      try await store.searchMembers("Nguye\u{0302}\u{0303}n Thi\u{0323}", within: nil, on: .today, limit: 10).map(
        \.fullName) == [
          "Nguyễn Thị Đào"
        ])
  }

  @Test(arguments: Engine.allCases)
  func limitsToASubtree(engine: Engine) async throws {
    let store = try await loaded(engine)
    #expect(
      try await store.searchMembers("van", within: "KG.02", on: .today, limit: 10).map(\.fullName) == ["Trần Văn Dũng"])
    #expect(try await store.searchMembers("van", within: "KG", on: .today, limit: 10).count == 3)
    await #expect(throws: DomainError.self) {
      try await store.searchMembers("van", within: "XX", on: .today, limit: 10)
    }
  }

  @Test(arguments: Engine.allCases)
  func returnsNothingForMarkupOrPunctuation(engine: Engine) async throws {
    let store = try await loaded(engine)
    #expect(try await store.searchMembers("\" OR 1 --", within: nil, on: .today, limit: 10).isEmpty)
    #expect(try await store.searchMembers("   ", within: nil, on: .today, limit: 10).isEmpty)
  }

  @Test(arguments: Engine.allCases)
  func aProvinceAmongSeveralHoldsOnlyItsOwnMembers(engine: Engine) async throws {
    let store = try await loaded(engine)
    let other = try await store.addOrganisations([
      NewOrganisation(
        code: "AG", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, parentCode: nil,
        founded: day("1976-01-01")),
      NewOrganisation(
        code: "AG.01", name: "Chi bộ Sở Y tế", kind: .grassrootsCell, parentCode: "AG", founded: day("1990-01-01")),
    ])
    try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn Nam", card: "30000001"),
        events: [SmallProvince.admitted(other[1].id, on: "2010-01-01")])
    ])
    #expect(
      try await store.searchMembers("nguyen van nam", within: "KG", on: .today, limit: 10).map(\.partyCardNumber) == [
        "20000001"
      ])
    #expect(
      try await store.searchMembers("nguyen van nam", within: "AG", on: .today, limit: 10).map(\.partyCardNumber) == [
        "30000001"
      ])
    #expect(try await store.searchMembers("nguyen van nam", within: nil, on: .today, limit: 10).count == 2)
  }
}
