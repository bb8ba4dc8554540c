import DangVuCore
import Foundation
import GRDB

/// The embedded default: one SQLite file in WAL mode, foreign keys on, every write in one transaction.
public final class SQLiteStore: PartyStore {
  let writer: any DatabaseWriter
  /// A connection of its own that only asks SQLite whether anything was committed since it last asked
  /// (`dataGeneration`); nil in memory, where there is no other connection to notice.
  private let changeWatch: DatabaseQueue?
  /// Read-only connections for `readOnCallingThread` alone; nil in memory, where the writer serves them.
  private let hotReads: DatabasePool?
  /// The database file; nil in memory.
  let path: String?
  /// The word index being built beside the writer during `loadingInBulk`, when it started on an empty
  /// register of a file store.
  let registerAside = RegisterAsideSlot()

  /// Opens (creating when missing) the database file and brings its schema up to date.
  public init(path: String) throws {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.prepareDatabase { db in
      // WAL is set by DatabasePool; NORMAL sync is safe with WAL and much faster for bulk writes.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      try db.execute(sql: "PRAGMA cache_size = \(-RegisterIndexes.usualCacheKiB)")
    }
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: config)
    } catch {
      throw DomainError("store.cannotOpen", "Không mở được cơ sở dữ liệu \(path): \(error)")
    }
    writer = pool
    self.path = path
    try Schema.migrator.migrate(pool)
    var watchConfig = Configuration()
    watchConfig.readonly = true
    changeWatch = try DatabaseQueue(path: path, configuration: watchConfig)
    var hotConfig = Configuration()
    hotConfig.readonly = true
    hotConfig.maximumReaderCount = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    hotConfig.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
    hotReads = try DatabasePool(path: path, configuration: hotConfig)
    // A bulk load that was killed left its indexes dropped: build them now, before anything reads.
    try pool.writeWithoutTransaction { db in
      if try RegisterIndexes.isDeferred(in: db) {
        RegisterAside.remove(at: RegisterAside.path(besides: path))
        try RegisterIndexes.bulkTransaction(in: db) { try RegisterIndexes.restoreDeferred(in: db) }
      }
    }
  }

  init(writer: any DatabaseWriter) throws {
    self.writer = writer
    path = nil
    changeWatch = nil
    hotReads = nil
    try Schema.migrator.migrate(writer)
  }

  /// A private database in memory, for tests.
  public static func inMemory() throws -> SQLiteStore {
    var config = Configuration()
    config.foreignKeysEnabled = true
    return try SQLiteStore(writer: DatabaseQueue(configuration: config))
  }

  /// A short read run on the calling thread. The async `read` hands the work to a reader's queue and
  /// back; on the two reads every page makes (the session, the record) those hand-offs cost more than the
  /// SQL (measured with perf under 100 connections). Only for reads of a few rows: the caller's thread
  /// waits, so a long read here would hold up other requests.
  ///
  /// These reads have connections of their own. Taken from the writer's pool, a read waiting here for a
  /// free connection blocked one of the few threads that run tasks, while the async reads holding every
  /// connection needed those same threads to finish and hand theirs back: with 100 connections asking
  /// for a report not yet cached, the server stopped answering (found with wrk). A read here holds its
  /// connection only while it runs on its own thread, so a wait for one always ends.
  func readOnCallingThread<T>(_ body: (Database) throws -> T) throws -> T {
    if let hotReads { return try hotReads.read(body) }
    return try writer.read(body)
  }

  /// `readOnCallingThread` for a body that runs one SELECT: a single statement reads one consistent snapshot by
  /// itself, so no transaction is opened around it. GRDB prepares its BEGIN and COMMIT anew each time, through its
  /// authorizer; on the checks every request makes (the token or session, the principal's unit) those two
  /// preparations cost more than the query (perf, docs/performance.md).
  func readOneQueryOnCallingThread<T>(_ body: (Database) throws -> T) throws -> T {
    if let hotReads { return try hotReads.unsafeRead(body) }
    return try writer.unsafeRead(body)
  }

  // SQLite's data_version changes whenever another connection, of this process or any other, commits:
  // exactly "has anything changed", for every server sharing the file, at the cost of one pragma. Asked by every
  // request answered from a kept value, so it runs on the calling thread: the pragma takes microseconds, the
  // hand-off to the connection's queue and back cost more (perf under 100 connections).
  public func dataGeneration() async throws -> Int64? {
    guard let changeWatch else { return nil }
    return try changeWatch.unsafeReentrantRead { db in try db.cachedValue(Int64.self, sql: "PRAGMA data_version") }
  }

  public func statistics() async throws -> StoreStatistics {
    try await writer.read { db in
      StoreStatistics(
        organisations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation") ?? 0,
        members: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") ?? 0,
        events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM membership_event") ?? 0,
        schemaVersion: try String.fetchOne(
          db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? "none")
    }
  }

  public func setPopulation(_ rows: [Population], audit: ImportAudit?) async throws {
    try await writer.write { db in
      let statement = try db.cachedStatement(
        sql: "INSERT OR REPLACE INTO population(organisation_id, year, people) VALUES (?, ?, ?)")
      for (index, row) in rows.enumerated() {
        do {
          try TreeRules.checkPopulation(row, unitExists: Self.organisation(id: row.organisationID, in: db) != nil)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
        try statement.execute(arguments: [row.organisationID, row.year, row.people])
      }
      try Self.append(audit, in: db)
    }
  }

  public func population(ofOrganisation id: Int64, year: Int) async throws -> Int? {
    try await writer.read { db in
      try Int.fetchOne(
        db, sql: "SELECT people FROM population WHERE organisation_id = ? AND year = ?", arguments: [id, year])
    }
  }
}
