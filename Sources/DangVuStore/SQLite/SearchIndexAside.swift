import DangVuCore
import Dispatch
import Foundation
import GRDB

/// The word index of a bulk load into an empty register, built in a scratch database of its own on
/// another thread while the writer writes the rows (decision 0015).
///
/// At the end of the load its FTS5 shadow tables are copied into the store's, which hold nothing yet: the
/// scratch table is declared exactly as `member_search`, so its segments are the ones `'rebuild'` would
/// have written, and copying pages is far cheaper than tokenizing six million names again on the writer.
/// The scratch file sits beside the database (`<db>-search-aside`) and is removed when the load ends; a
/// load that was killed leaves it, and the next open removes it and rebuilds the index the usual way.
final class SearchIndexAside: @unchecked Sendable {
  /// FTS5's shadow tables of `member_search`, as `CREATE VIRTUAL TABLE` makes them.
  static let shadowTables = [
    "member_search_data", "member_search_idx", "member_search_docsize", "member_search_config",
  ]

  let path: String
  private let scratch: DatabaseQueue
  /// Serial: batches are indexed in the order they were written, off the writer's thread.
  private let work = DispatchQueue(label: "dangvu.search-aside", qos: .userInitiated)
  /// Set on `work` only; read after `work` has drained.
  private var failure: (any Error)?

  static func path(besides database: String) -> String { database + "-search-aside" }

  /// `definition` is the `CREATE VIRTUAL TABLE` of the store's `member_search`, as its schema holds it.
  init(besides database: String, definition: String) throws {
    path = Self.path(besides: database)
    Self.remove(at: path)
    var config = Configuration()
    config.prepareDatabase { db in
      // A scratch file: nothing in it outlives the load, so no journal and no syncs.
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
    }
    scratch = try DatabaseQueue(path: path, configuration: config)
    try scratch.inDatabase { db in try db.execute(sql: definition) }
  }

  /// Indexes the names of members just written, on the aside thread; the caller does not wait.
  func add(_ members: [Member]) {
    work.async { [self] in
      guard failure == nil else { return }
      do {
        try scratch.inDatabase { db in
          try db.inTransaction {
            let insert = try db.cachedStatement(sql: "INSERT INTO member_search(rowid, search_name) VALUES (?, ?)")
            for member in members {
              try insert.execute(arguments: [member.id, SearchFolding.fold(member.fullName)])
            }
            return .commit
          }
        }
      } catch {
        failure = error
      }
    }
  }

  /// Whether every batch was indexed, once the ones still queued are done. False means the aside failed
  /// (a full disk, say) and the index must be rebuilt from the register instead.
  func finished() -> Bool {
    work.sync {}
    return failure == nil
  }

  /// Runs `body` with the scratch database attached as `search_aside`. ATTACH is refused inside a
  /// transaction, so this wraps the transaction that ends the bulk load, and `copy` runs inside it.
  func attached<T>(to db: Database, _ body: () throws -> T) throws -> T {
    try db.execute(sql: "ATTACH DATABASE ? AS search_aside", arguments: [path])
    defer { try? db.execute(sql: "DETACH DATABASE search_aside") }
    return try body()
  }

  /// Replaces the store's (empty) word index with the attached scratch one.
  static func copy(in db: Database) throws {
    for table in shadowTables {
      let name = table.quotedDatabaseIdentifier
      try db.execute(sql: "DELETE FROM main.\(name)")
      try db.execute(sql: "INSERT INTO main.\(name) SELECT * FROM search_aside.\(name)")
    }
  }

  /// Removes the scratch file (and any journal SQLite left beside it).
  func remove() { Self.remove(at: path) }

  static func remove(at path: String) {
    for file in [path, path + "-journal", path + "-wal", path + "-shm"] {
      try? FileManager.default.removeItem(atPath: file)
    }
  }
}
