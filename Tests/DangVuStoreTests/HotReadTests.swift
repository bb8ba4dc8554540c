import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The reads a page makes on its own thread (session, token, member record) and the async reads of
/// reports share a server's few task threads. When they shared connections too, a burst of both stopped
/// the server for good: the threads waited for connections that only those threads could hand back.
@Suite("Store: reads on the calling thread")
struct HotReadTests {
  @Test func aBurstOfCallingThreadAndAsyncReadsAllFinish() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try SQLiteStore(path: path)
    let cell = try await SmallProvince.load(into: store)["KG.01.001.01"]!
    let added = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01")])
    ])
    let id = added[0].id
    let expected = try await store.statistics()
    // A deadlock holds every task thread, so no time limit inside Swift's concurrency could fire: a
    // plain thread ends the run instead of letting it hang. The limit is far above the second the reads take on
    // an idle machine: on one shared with several compilers they once took over a minute without a deadlock.
    let done = Watchdog.start(seconds: 300, "calling-thread and async reads deadlocked")
    defer { done() }
    let finished = try await withThrowingTaskGroup(of: Bool.self) { group in
      for round in 0..<400 {
        group.addTask {
          if round.isMultiple(of: 2) {
            return try await store.statistics() == expected
          }
          return try await store.memberRecord(id: id, within: "KG", on: .today) != nil
        }
      }
      return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(finished == 400)
  }
}

/// Stops the process if `done` is not called within the time: the only way out of a deadlocked pool.
enum Watchdog {
  static func start(seconds: Double, _ message: String) -> @Sendable () -> Void {
    let finished = NSCondition()
    nonisolated(unsafe) var isDone = false
    Thread.detachNewThread {
      finished.lock()
      defer { finished.unlock() }
      let deadline = Date().addingTimeInterval(seconds)
      while !isDone {
        if !finished.wait(until: deadline) && !isDone { fatalError(message) }
      }
    }
    return {
      finished.lock()
      isDone = true
      finished.signal()
      finished.unlock()
    }
  }
}
