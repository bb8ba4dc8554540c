import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: the tree")
struct TreeStoreTests {
  /// The units directly below a unit on a day: what the leadership grading page lists without loading the subtree.
  @Test(arguments: Engine.allCases)
  func theChildrenOfAUnitOnADay(engine: Engine) async throws {
    let store = try engine.makeStore()
    _ = try await SmallProvince.load(into: store)
    try await store.endOrganisation(code: "KG.02", on: day("2024-06-01"))
    #expect(try await store.children(of: "KG", on: day("2024-05-31")).map(\.code) == ["KG.01", "KG.02"])
    #expect(try await store.children(of: "KG", on: day("2024-06-01")).map(\.code) == ["KG.01"])
    #expect(try await store.children(of: "KG.01.001.01", on: day("2024-06-01")).isEmpty)
    await #expect(throws: DomainError.self) { try await store.children(of: "KG.99", on: day("2024-06-01")) }
  }

  @Test(arguments: Engine.allCases)
  func roundTripsUnitsAndRebuildsPastTrees(engine: Engine) async throws {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    let unit = try #require(try await store.organisation(code: "KG.01.001.01"))
    #expect(unit.name == "Chi bộ ấp Phước Hòa")
    #expect(unit.kind == .subordinateCell)
    #expect(try await store.organisation(id: unit.id) == unit)

    try await store.moveOrganisation(code: "KG.01.001", underParent: "KG.02", on: day("2024-03-01"))
    let before = try await store.tree(on: day("2024-02-29"), root: nil)
    #expect(before.parentOf[ids["KG.01.001"]!] == ids["KG.01"])
    let after = try await store.tree(on: day("2024-03-01"), root: "KG.02")
    #expect(
      after.subtree(of: ids["KG.02"]!).map(\.code) == [
        "KG.02", "KG.01.001", "KG.01.001.01", "KG.01.001.02", "KG.02.001",
      ])
    #expect(try await store.parentHistory(ofCode: "KG.01.001").map(\.parent) == [ids["KG.01"], ids["KG.02"]])
    let past = try await store.tree(on: day("1985-01-01"), root: "KG")
    #expect(past.units.count == 3)
  }

  @Test(arguments: Engine.allCases)
  func refusesAWrongParentKindAndWritesNothingOfTheBatch(engine: Engine) async throws {
    let store = try engine.makeStore()
    _ = try await SmallProvince.load(into: store)
    let before = try await store.statistics()
    let batch = [
      NewOrganisation(
        code: "KG.01.002", name: "Đảng bộ xã Mới", kind: .grassrootsCommittee, parentCode: "KG.01",
        founded: day("2020-01-01")),
      NewOrganisation(
        code: "KG.01.003", name: "Chi bộ lạc chỗ", kind: .subordinateCell, parentCode: "KG.01",
        founded: day("2020-01-01")),
    ]
    do {
      try await store.addOrganisations(batch)
      Issue.record("a subordinate cell under a district was accepted")
    } catch let error as BatchItemError {
      #expect(error.index == 1)
      #expect(error.error.code == "organisation.kindNotAllowed")
    }
    #expect(try await store.statistics() == before)
  }

  @Test(arguments: Engine.allCases)
  func refusesADuplicateCodeAndAnUnknownParent(engine: Engine) async throws {
    let store = try engine.makeStore()
    _ = try await SmallProvince.load(into: store)
    await #expect(throws: BatchItemError.self) {
      try await store.addOrganisations([
        NewOrganisation(
          code: "KG.01", name: "Trùng", kind: .districtCommittee, parentCode: "KG", founded: day("2020-01-01"))
      ])
    }
    await #expect(throws: BatchItemError.self) {
      try await store.addOrganisations([
        NewOrganisation(
          code: "KG.09", name: "Mồ côi", kind: .districtCommittee, parentCode: "XX", founded: day("2020-01-01"))
      ])
    }
  }

  @Test(arguments: Engine.allCases)
  func dissolvingEndsTheUnitAndItsCellsButNotWhileMembersRemain(engine: Engine) async throws {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Lê Văn Tư", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
    ])
    await #expect(throws: DomainError.self) {
      try await store.endOrganisation(code: "KG.01.001", on: day("2024-01-01"))
    }
    let member = try #require(try await store.member(cardNumber: "10000001"))
    try await store.recordEvents([
      MembershipEvent(memberID: member.id, kind: .transferred, date: day("2023-12-01"), cellID: ids["KG.02.001"]!)
    ])
    try await store.endOrganisation(code: "KG.01.001", on: day("2024-01-01"))
    let after = try await store.tree(on: day("2024-01-01"), root: nil)
    #expect(after.units[ids["KG.01.001"]!] == nil)
    #expect(after.units[ids["KG.01.001.02"]!] == nil)
    let before = try await store.tree(on: day("2023-12-31"), root: nil)
    #expect(before.units[ids["KG.01.001.02"]!] != nil)
    // A transfer into a dissolved cell is refused.
    await #expect(throws: BatchItemError.self) {
      try await store.recordEvents([
        MembershipEvent(memberID: member.id, kind: .transferred, date: day("2024-02-01"), cellID: ids["KG.01.001.02"]!)
      ])
    }
  }

  @Test(arguments: Engine.allCases)
  func mergingACellTransfersItsMembersAndEndsIt(engine: Engine) async throws {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    let added = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Võ Thị Hoa", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
    ])
    try await store.mergeOrganisation(code: "KG.01.001.01", into: "KG.01.001.02", on: day("2024-01-01"))
    #expect(try await store.organisation(code: "KG.01.001.01")?.ended == day("2024-01-01"))
    let timeline = try await store.timeline(ofMember: added[0].id)
    #expect(timeline.span(on: day("2023-12-31"))?.cellID == ids["KG.01.001.01"])
    #expect(timeline.span(on: day("2024-01-01"))?.cellID == ids["KG.01.001.02"])
    // A committee merged into another brings its cells along.
    try await store.mergeOrganisation(code: "KG.01", into: "KG.02", on: day("2025-01-01"))
    let tree = try await store.tree(on: day("2025-01-01"), root: "KG.02")
    #expect(tree.units[ids["KG.01.001.02"]!] != nil)
    #expect(try await store.organisation(code: "KG.01")?.ended == day("2025-01-01"))
  }
}
