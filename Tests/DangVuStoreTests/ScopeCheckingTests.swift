import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// An import's subtree check (`ScopeChecking`), on every engine: what a row names is found inside or outside the
/// account's subtree in one read. Imports themselves are in ImportScopeDayTests.
@Suite("Store: references inside a subtree")
struct ScopeCheckingTests {
  @Test(arguments: StoreEngine.allCases)
  func unitsAndMembersAreFoundByTheTreeAndUnknownOnesAreOutside(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      _ = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")]),
        NewMember(
          member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
          events: [
            SmallProvince.admitted(ids["KG.02.001"]!, on: "2010-01-01"),
            MembershipEvent(memberID: 0, kind: .struckOff, date: day("2020-01-01")),
          ]),
      ])
      let named = ScopeReferences(
        unitCodes: ["KG.01.001.01", "KG.02.001", "KG.99"], cardNumbers: ["10000001", "10000002", "99999999"],
        collectiveIDs: [42], decisionNumbers: ["1-QĐ/UBKT"])
      let outside = try await store.referencesOutside(named, within: "KG.01", on: day("2026-12-07"))
      // A member who has left belongs to their last cell; what does not exist is outside.
      #expect(outside.unitCodes == ["KG.02.001", "KG.99"])
      #expect(outside.cardNumbers == ["10000002", "99999999"])
      #expect(outside.collectiveIDs == [42])
      #expect(outside.decisionNumbers == ["1-QĐ/UBKT"])
      let fromTheTop = try await store.referencesOutside(named, within: "KG", on: day("2026-12-07"))
      #expect(fromTheTop.unitCodes == ["KG.99"] && fromTheTop.cardNumbers == ["99999999"])
    }
  }
}
