import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The store's data generation tells caches whether anything was committed since they computed.
@Suite("Store: data generation")
struct DataGenerationTests {
  @Test func aCommitByThisOrAnotherConnectionChangesItAndAReadDoesNot() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try SQLiteStore(path: path)
    _ = try await SmallProvince.load(into: store)
    let first = try #require(try await store.dataGeneration())
    _ = try await store.statistics()
    #expect(try await store.dataGeneration() == first, "a read changes nothing")
    try await store.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG", year: 2024, planned: 1700)])
    let second = try #require(try await store.dataGeneration())
    #expect(second != first, "this server's write")
    // Another server sharing the file.
    let other = try SQLiteStore(path: path)
    try await other.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG", year: 2024, planned: 1650)])
    #expect(try await store.dataGeneration() != second, "another server's write")
  }

  @Test func aStoreInMemoryCannotTell() async throws {
    #expect(try await SQLiteStore.inMemory().dataGeneration() == nil)
  }
}
