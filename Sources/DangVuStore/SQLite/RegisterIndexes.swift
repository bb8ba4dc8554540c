import Foundation
import GRDB

/// How a batch of members is written: row by row into every index, or as a bulk load.
///
/// Inserting into an index row by row costs a B-tree descent per row at a random place; building it once
/// from the finished table is one sort. So a bulk load drops the secondary indexes of the register tables
/// (`member`, `membership_event`, `member_span`) and creates them again at its end, turns off SQLite's
/// foreign key lookups (every unit a checked history writes was read by `CellLookup`, and every other
/// reference is the member just inserted), and uses a larger page cache. The UNIQUE indexes of card number
/// and national ID are part of the table definition: they stay, and keep refusing repeats row by row.
/// Indexes led by `member_id` stay too (see `current`). What is dropped is read from the schema itself, so an index added by a later migration is deferred and
/// rebuilt the same way.
enum RegisterIndexes {
  struct Index: Sendable {
    let name: String
    let sql: String
  }

  /// A batch at least this large, and at least as large as the register it joins, is bulk loaded.
  static let bulkBatch = 20_000

  /// The page cache of a bulk load (KiB): the UNIQUE indexes and the pages being filled stay in memory.
  static let bulkCacheKiB = 512 * 1024

  /// Set while `SQLiteStore.loadingInBulk` runs (and left behind if it was killed): the dropped indexes,
  /// to be created again, with the search index, when it ends or when the store is next opened.
  static let deferredTable = "register_deferred_index"

  /// The indexes a bulk load drops. An index led by `member_id` is kept: new members have the highest ids,
  /// so it only grows at its right edge, which costs less than sorting millions of rows again at the end.
  static func current(in db: Database) throws -> [Index] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT m.name, m.sql FROM sqlite_master m
        WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN ('member', 'membership_event', 'member_span')
          AND (SELECT i.name FROM pragma_index_info(m.name) i WHERE i.seqno = 0) <> 'member_id'
        ORDER BY m.name
        """
    ).map { Index(name: $0[0], sql: $0[1]) }
  }

  /// Drops the secondary indexes and returns them, to be created again by `create`.
  static func drop(in db: Database) throws -> [Index] {
    let indexes = try current(in: db)
    for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
    return indexes
  }

  /// Creates the indexes with SQLite's sorter on every core.
  static func create(_ indexes: [Index], in db: Database) throws {
    try db.withParallelSorter {
      var timer = PhaseTimer()
      for index in indexes {
        try db.execute(sql: index.sql)
        timer.lap("  index \(index.name)")
      }
    }
  }

  /// Whether a batch of `count` members is worth loading with the indexes dropped.
  static func worthDropping(for count: Int, in db: Database) throws -> Bool {
    guard count >= bulkBatch else { return false }
    let existing = try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM member") ?? 0
    return count >= existing
  }

  // MARK: A bulk load over many batches

  static func isDeferred(in db: Database) throws -> Bool {
    try db.tableExists(deferredTable)
  }

  /// Drops the secondary indexes and notes them in the database, so they come back even after a crash.
  static func deferIndexes(in db: Database) throws {
    guard try !isDeferred(in: db) else { return }
    let dropped = try drop(in: db)
    try db.execute(sql: "CREATE TABLE \(deferredTable)(name TEXT PRIMARY KEY, sql TEXT NOT NULL)")
    for index in dropped {
      try db.execute(
        sql: "INSERT INTO \(deferredTable)(name, sql) VALUES (?, ?)", arguments: [index.name, index.sql])
    }
  }

  /// Creates the deferred indexes again and fills the search index from the register.
  static func restoreDeferred(in db: Database) throws {
    try restoreIndexes(in: db)
    try finishDeferred(searchFromAside: false, in: db)
  }

  /// Creates the deferred indexes again, and forgets them; the mark stays until `finishDeferred`, so a load
  /// killed in between still gets its search index when the store is next opened.
  static func restoreIndexes(in db: Database) throws {
    guard try isDeferred(in: db) else { return }
    let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM \(deferredTable) ORDER BY name").map {
      Index(name: $0[0], sql: $0[1])
    }
    try create(indexes, in: db)
    try db.execute(sql: "DELETE FROM \(deferredTable)")
  }

  /// Fills the search index — copied from the attached aside (`RegisterAside`), or rebuilt from the register —
  /// and drops the mark of the bulk load.
  static func finishDeferred(searchFromAside: Bool, in db: Database) throws {
    guard try isDeferred(in: db) else { return }
    if searchFromAside {
      try RegisterAside.copy(in: db)
    } else {
      try db.execute(sql: "INSERT INTO member_search(member_search) VALUES ('rebuild')")
    }
    try db.execute(sql: "DROP TABLE \(deferredTable)")
  }

  /// The writer's page cache outside a bulk load (KiB), as `SQLiteStore` opens it.
  static let usualCacheKiB = 64 * 1024

  /// Gives the writer the bulk page cache until `releaseBulkCache`; `bulkTransaction` then leaves it as is.
  static func holdBulkCache(in db: Database) throws {
    try db.execute(sql: "PRAGMA cache_size = \(-bulkCacheKiB)")
  }

  static func releaseBulkCache(in db: Database) throws {
    try db.execute(sql: "PRAGMA cache_size = \(-usualCacheKiB)")
  }

  /// Runs `body` in one transaction with foreign key lookups off and a page cache for a bulk load, then
  /// puts both back. Must be called outside a transaction (SQLite ignores the pragma inside one).
  static func bulkTransaction<T>(in db: Database, cacheKiB: Int = bulkCacheKiB, _ body: () throws -> T) throws -> T {
    let usualCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -usualCacheKiB
    let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
    try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA cache_size = \(-cacheKiB)")
    defer {
      try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF"); PRAGMA cache_size = \(usualCache)")
    }
    var result: T?
    try db.inTransaction {
      result = try body()
      return .commit
    }
    return result!
  }
}
