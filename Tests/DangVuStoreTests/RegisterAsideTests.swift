import DangVuCore
import DangVuDemo
import DangVuTestFixtures
import Foundation
import GRDB
import Synchronization
import Testing

@testable import DangVuStore

/// A bulk load into an empty file builds its word index beside the writer and copies it in at the end
/// (decision 0015): the copy must be a sound FTS5 index of the register, answering as a rebuilt one does.
@Suite("Store: the word index built aside")
struct RegisterAsideTests {
  static let queries = ["nguyen van", "dang", "tran t", "le thi h", "huynh", "thanh hau", "ng"]

  static func answers(_ store: SQLiteStore) async throws -> [[Int64]] {
    var result: [[Int64]] = []
    for query in queries {
      result.append(try await store.searchMembers(query, within: nil, on: .today, limit: 200).map(\.id))
    }
    return result
  }

  @Test func theCopiedIndexIsSoundAndAnswersAsARebuiltOne() async throws {
    try await Self.withFileStore { store, path in
      // When the members are written and the indexes are about to be built, the scratch index is there.
      let asideSeen = Mutex(false)
      let summary = try await DemoLoader.load(into: store, options: DemoOptions(members: 2_000, seed: 5)) { step in
        if step.phase == "chỉ mục" && step.done == 0 {
          asideSeen.withLock { $0 = FileManager.default.fileExists(atPath: RegisterAside.path(besides: path)) }
        }
      }
      #expect(asideSeen.withLock { $0 })
      #expect(!FileManager.default.fileExists(atPath: RegisterAside.path(besides: path)))

      // Every name is in the index: FTS5 checks the index against the content table itself.
      try await store.writer.write { db in
        try db.execute(sql: "INSERT INTO member_search(member_search, rank) VALUES ('integrity-check', 1)")
      }
      let indexed = try await store.writer.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM member_search_docsize")
      }
      #expect(indexed == summary.members)

      let copied = try await Self.answers(store)
      #expect(copied.allSatisfy { !$0.isEmpty })
      try await store.writer.write { db in
        try db.execute(sql: "INSERT INTO member_search(member_search) VALUES ('rebuild')")
      }
      #expect(try await Self.answers(store) == copied)
    }
  }

  /// A store in a file of a directory of its own, removed afterwards: the aside works beside a file only.
  static func withFileStore(_ body: (SQLiteStore, String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-aside-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("register.sqlite").path
    try await body(try SQLiteStore(path: path), path)
  }

  static func stockRows(_ store: SQLiteStore) async throws -> [String] {
    try await store.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT unit_id, key, month, delta FROM member_stock ORDER BY 1, 2, 3").map {
        "\($0[0] as Int64) \($0[1] as String) \($0[2] as Int) \($0[3] as Int)"
      }
    }
  }

  @Test func theMonthlySumsAreSummedAsideAndAgreeWithARebuild() async throws {
    try await Self.withFileStore { store, _ in
      let ids = try await SmallProvince.load(into: store)
      let cells = ["KG.01.001.01", "KG.01.001.02", "KG.02.001"].map { ids[$0]! }
      try await store.loadingInBulk {
        _ = try await store.addMembers(BulkLoadTests.batch(cells: cells))
        _ = try await store.addMembers(BulkLoadTests.batch(cells: cells, cardOffset: 1_000))
      }
      #expect(try await !store.writer.read { try MemberStockRollup.isStale($0) })
      let aside = try await Self.stockRows(store)
      #expect(aside.count > 100)
      try await store.writer.write { try MemberStockRollup.rebuild(in: $0) }
      #expect(try await Self.stockRows(store) == aside)
    }
  }

  @Test func sumsMadeStaleDuringTheLoadAreNotTakenFromTheAside() async throws {
    try await Self.withFileStore { store, _ in
      let ids = try await SmallProvince.load(into: store)
      let cells = ["KG.01.001.01", "KG.02.001"].map { ids[$0]! }
      try await store.loadingInBulk {
        _ = try await store.addMembers(BulkLoadTests.batch(cells: cells))
        // Any write that makes the sums stale meanwhile (a move into another province, say) wins.
        try await store.writer.write { try MemberStockRollup.markStale($0) }
      }
      #expect(try await store.writer.read { try MemberStockRollup.isStale($0) })
    }
  }

  @Test func aStoreInMemoryRebuildsTheIndexInstead() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 300, seed: 5)) { _ in }
    #expect(store.registerAside.current == nil)
    try await store.writer.write { db in
      try db.execute(sql: "INSERT INTO member_search(member_search, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try await Self.answers(store).contains { !$0.isEmpty })
  }
}
