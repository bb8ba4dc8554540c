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

  @Test func missesOfTheSameKeyWhileOneComputesShareIt() async throws {
    let cache = GenerationCache<Int>()
    let computed = Mutex(0)
    let (started, startedGo) = AsyncStream.makeStream(of: Void.self)
    let (release, releaseGo) = AsyncStream.makeStream(of: Void.self)
    // The first computation waits until every other request has asked, so they all miss while it runs.
    let slow: @Sendable () async throws -> Int = {
      let first = computed.withLock {
        $0 += 1
        return $0 == 1
      }
      if first {
        startedGo.yield()
        for await _ in release { break }
      }
      return 42
    }
    let answers = try await withThrowingTaskGroup(of: Int.self) { group in
      group.addTask { try await cache.value(key: "tỉnh", generation: 3, compute: slow) }
      for await _ in started { break }
      for _ in 0..<20 { group.addTask { try await cache.value(key: "tỉnh", generation: 3, compute: slow) } }
      // Let the twenty reach the cache and wait there before the first computation ends.
      for _ in 0..<50 { await Task.yield() }
      try await Task.sleep(for: .milliseconds(50))
      releaseGo.yield()
      releaseGo.finish()
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers == Array(repeating: 42, count: 21))
    #expect(computed.withLock { $0 } == 1, "one computation for the one key and generation")
    #expect(try await cache.value(key: "tỉnh", generation: 4) { 7 } == 7, "a newer generation computes again")
  }

  @Test func aFailedComputationIsNotKept() async throws {
    struct Refused: Error {}
    let cache = GenerationCache<Int>()
    await #expect(throws: Refused.self) { try await cache.value(key: "k", generation: 1) { throw Refused() } }
    #expect(try await cache.value(key: "k", generation: 1) { 5 } == 5, "the next request computes afresh")
  }
}
