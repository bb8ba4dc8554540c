import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// An import's subtree check places a unit that still exists by the tree of the importer's day, which the request
/// passes in (decision 0041): the store reads no clock.
@Suite struct ImportScopeDayTests {
  @Test func aMovedUnitIsInsideTheSubtreeItWasUnderOnTheDayAsked() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await SmallProvince.load(into: store)
    _ = try await store.changeTree(
      .move(code: "KG.01.001", parentCode: "KG.02", on: day("2024-07-01")),
      by: AuditActor(login: "bantochuc", role: "organisationStaff"))
    let asked = ScopeReferences(unitCodes: ["KG.01.001", "KG.01.001.01"])
    let before = try await store.referencesOutside(asked, within: "KG.01", on: day("2024-06-30"))
    let after = try await store.referencesOutside(asked, within: "KG.01", on: day("2024-07-01"))
    #expect(before.unitCodes.isEmpty, "under Châu Thành until the move")
    #expect(after.unitCodes == ["KG.01.001", "KG.01.001.01"], "under Tân Hiệp from the move on")
    #expect(try await store.referencesOutside(asked, within: "KG.02", on: day("2024-07-01")).unitCodes.isEmpty)
  }
}
