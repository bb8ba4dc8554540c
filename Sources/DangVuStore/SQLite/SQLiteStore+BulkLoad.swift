import DangVuCore
import GRDB

/// SQLite's ways of writing much at once (decision 0039): checked batches (SQLiteStore+MemberChecks), the
/// demo's oversight (SQLiteStore+BulkOversight), and here a bulk load of the register, many batches into an
/// empty register (the demo).
extension SQLiteStore: BulkLoading {
  /// Loads many batches of members into a register that is empty at the start (the demo): the secondary
  /// and search indexes are built once at the end instead of batch by batch. Until then searches and
  /// registers miss the members being added; a load that fails still gets its indexes back.
  public func loadingInBulk<T>(_ load: () async throws -> T) async throws -> T {
    let aside = try await writer.write { db -> RegisterAside? in
      let deferred = try RegisterIndexes.isDeferred(in: db)
      let aside = deferred ? nil : try Self.asideForEmptyRegister(path: path, in: db)
      try RegisterIndexes.deferIndexes(in: db)
      // The bulk cache is kept for the whole load: shrinking it back after every batch (as a single bulk
      // transaction does) threw away the pages of the UNIQUE indexes, which the next batch faulted in again.
      try RegisterIndexes.holdBulkCache(in: db)
      return aside
    }
    registerAside.hold(aside)
    let result: T
    do {
      result = try await load()
    } catch {
      try? await finishBulkLoad(loaded: false)
      throw error
    }
    try await finishBulkLoad(loaded: true)
    return result
  }

  private func finishBulkLoad(loaded: Bool) async throws {
    let aside = registerAside.take()
    defer { aside?.remove() }
    try await writer.writeWithoutTransaction { db in
      defer { try? RegisterIndexes.releaseBulkCache(in: db) }
      guard let aside else {
        try RegisterIndexes.bulkTransaction(in: db) { try RegisterIndexes.restoreDeferred(in: db) }
        return
      }
      // The secondary indexes are built while the aside finishes its last batches; then its word index is
      // copied in (the aside must be idle by then: the transaction locks every attached database) and its
      // sums taken, unless the load failed part way (the next report then rebuilds them).
      var timer = PhaseTimer()
      try RegisterIndexes.bulkTransaction(in: db) { try RegisterIndexes.restoreIndexes(in: db) }
      timer.lap("bulk load: secondary indexes")
      let finished = aside.finished()
      timer.lap("bulk load: waiting for the aside")
      defer { timer.lap("bulk load: the rest (sums stored, commit)") }
      guard finished else {
        return try RegisterIndexes.bulkTransaction(in: db) {
          try RegisterIndexes.finishDeferred(searchFromAside: false, in: db)
          try MemberStockRollup.endSummingAside(nil, in: db)
        }
      }
      // Copying the word index and writing the sums go in key order and need no large cache: the bulk one
      // only held their pages (about 450 MB at national scale) until the commit.
      try aside.attached(to: db) {
        try RegisterIndexes.bulkTransaction(in: db, cacheKiB: RegisterIndexes.usualCacheKiB) {
          try RegisterIndexes.finishDeferred(searchFromAside: true, in: db)
          timer.lap("bulk load: word index copied")
          try MemberStockRollup.endSummingAside(loaded ? aside.memberStock : nil, in: db)
        }
      }
    }
  }

  /// Into an empty register of a file, the word index and the monthly sums are built beside the writer
  /// (decision 0015): the aside for that, or nil (a store in memory, or members already there).
  private static func asideForEmptyRegister(path: String?, in db: Database) throws -> RegisterAside? {
    guard let path, try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM member LIMIT 1)") == 0,
      let definition = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'member_search'")
    else { return nil }
    let roots = try RootHistory.all(in: db)
    try MemberStockRollup.beginSummingAside(db)
    return try RegisterAside(besides: path, definition: definition, roots: roots)
  }
}
