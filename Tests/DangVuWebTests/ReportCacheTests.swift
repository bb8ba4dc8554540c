import Synchronization
import Testing

@testable import DangVuWeb

/// The report cache answers from memory only while the store's generation stays the same.
@Suite struct ReportCacheTests {
  @Test func aKeptAnswerServesUntilTheGenerationChanges() async throws {
    let cache = ReportCache()
    let computed = Mutex(0)
    @Sendable func compute() -> String {
      computed.withLock {
        $0 += 1
        return "lần \($0)"
      }
    }
    #expect(try await cache.body(key: "a", generation: 7, compute: compute) == "lần 1")
    #expect(try await cache.body(key: "a", generation: 7, compute: compute) == "lần 1")
    #expect(try await cache.body(key: "b", generation: 7, compute: compute) == "lần 2", "another report")
    #expect(try await cache.body(key: "a", generation: 8, compute: compute) == "lần 3", "after a commit")
    #expect(try await cache.body(key: "a", generation: nil, compute: compute) == "lần 4", "a store that cannot tell")
    #expect(try await cache.body(key: "a", generation: nil, compute: compute) == "lần 5")
  }
}
