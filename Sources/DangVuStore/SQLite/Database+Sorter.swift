import Foundation
import GRDB

extension Database {
  /// The page cache while indexes are built (KiB).
  static let sortingCacheKiB = 16 * 1024

  /// Runs `body` (index builds) with SQLite's sorter threads on (`PRAGMA threads`; off otherwise, as by
  /// default) and a small page cache. The sorter keeps up to the cache's size in memory: with the bulk
  /// cache it sorted all 17 million events of the national demo in memory on one thread (34 s, 500 MB);
  /// with 16 MiB it sorts runs on both cores and merges them (19–21 s). Both are put back after.
  func withParallelSorter<T>(_ body: () throws -> T) throws -> T {
    let cache = try Int.fetchOne(self, sql: "PRAGMA cache_size") ?? -16384
    try execute(
      sql:
        "PRAGMA threads = \(ProcessInfo.processInfo.activeProcessorCount); PRAGMA cache_size = \(-Self.sortingCacheKiB)"
    )
    defer { try? execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = \(cache)") }
    return try body()
  }
}
