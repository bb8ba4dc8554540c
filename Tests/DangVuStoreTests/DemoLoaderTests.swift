import DangVuCore
import DangVuStore
import Testing

@Suite("Loading the demo")
struct DemoLoaderTests {
  @Test func aSmallDemoLoadsAndTheStoreAgreesWithTheSummary() async throws {
    let store = try SQLiteStore.inMemory()
    let summary = try await DemoLoader.load(into: store, options: DemoOptions(members: 3_000, seed: 7)) { _ in }
    let stats = try await store.statistics()
    #expect(stats.organisations == summary.organisations)
    #expect(stats.members == summary.members)
    #expect(stats.events == summary.events)
    #expect(summary.membersOnReferenceDay == 3_000)
    let counts = try await store.memberCountsByCell(on: DemoCalendar.referenceDay)
    #expect(counts.values.reduce(0, +) == summary.membersOnReferenceDay)
    let tree = try await store.tree(on: DemoCalendar.referenceDay, root: "KG")
    #expect(tree.units.count == summary.organisations)
    let province = try #require(try await store.organisation(code: "KG"))
    #expect(try await store.population(ofOrganisation: province.id, year: 2022) == 84_034)
  }

  @Test func aSecondLoadIsRefused() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 300, seed: 1)) { _ in }
    let before = try await store.statistics()
    await #expect(throws: DomainError.self) {
      _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 300, seed: 1)) { _ in }
    }
    #expect(try await store.statistics() == before)
  }
}
