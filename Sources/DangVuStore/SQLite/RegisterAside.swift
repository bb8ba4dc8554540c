import DangVuCore
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// What a bulk load into an empty register builds beside the writer, on a thread of its own while the
/// writer writes the rows (decision 0015): the word index, in a scratch database of its own, and the
/// register's monthly sums (`MemberStockRollup`), in memory.
///
/// At the end of the load its FTS5 shadow tables are copied into the store's, which hold nothing yet: the
/// scratch table is declared exactly as `member_search`, so its segments are the ones `'rebuild'` would
/// have written, and copying pages is far cheaper than tokenizing six million names again on the writer.
/// The scratch file sits beside the database (`<db>-aside`) and is removed when the load ends; a
/// load that was killed leaves it, and the next open removes it and rebuilds the index the usual way.
final class RegisterAside: @unchecked Sendable {
  /// FTS5's shadow tables of `member_search`, as `CREATE VIRTUAL TABLE` makes them.
  static let shadowTables = [
    "member_search_data", "member_search_idx", "member_search_docsize", "member_search_config",
  ]

  let path: String
  private let scratch: DatabaseQueue
  /// The members waiting, with their spans, a batch each in the order they were written; guarded by
  /// `condition`.
  private var pending: [Batch] = []
  /// The monthly sums of the members handled so far, under the roots of the tree as the load began.
  private var sums = MemberStockRollup.Sums()
  private var roots: RootHistory
  /// At most this many batches wait: beyond it the writer waits, so a slow aside cannot fill the memory.
  private static let pendingLimit = 8
  private var closed = false
  private var done = false
  private var failure: (any Error)?
  private let condition = NSCondition()

  static func path(besides database: String) -> String { database + "-aside" }

  /// `definition` is the `CREATE VIRTUAL TABLE` of the store's `member_search`, as its schema holds it.
  /// `roots` has every link of the tree loaded.
  init(besides database: String, definition: String, roots: RootHistory) throws {
    path = Self.path(besides: database)
    self.roots = roots
    Self.remove(at: path)
    var config = Configuration()
    config.prepareDatabase { db in
      // A scratch file: nothing in it outlives the load, so no journal and no syncs.
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
    }
    scratch = try DatabaseQueue(path: path, configuration: config)
    try scratch.inDatabase { db in try db.execute(sql: definition) }
    let thread = Thread { [self] in run() }
    thread.name = "dangvu.register-aside"
    thread.start()
  }

  /// Members just written, with their names as folded for search and their spans.
  struct Batch {
    var members: [Member]
    var searchNames: [String]
    var spans: [[MemberSpan]]
  }

  /// Hands members just written to the aside thread.
  func add(_ batch: Batch) {
    condition.lock()
    while pending.count >= Self.pendingLimit && !done { condition.wait() }
    if !done { pending.append(batch) }
    condition.signal()
    condition.unlock()
  }

  /// The aside thread: at the lowest priority, so on a busy machine the writer and the generator come
  /// first and the index is built in the time they leave (`setpriority` on Linux applies to this thread).
  private func run() {
    #if os(Linux)
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #endif
    while true {
      condition.lock()
      while pending.isEmpty && !closed { condition.wait() }
      guard !pending.isEmpty, failure == nil else {
        done = true
        condition.broadcast()
        condition.unlock()
        return
      }
      let batch = pending.removeFirst()
      condition.broadcast()
      condition.unlock()
      do {
        try index(batch)
      } catch {
        condition.lock()
        failure = error
        condition.unlock()
      }
    }
  }

  private func index(_ batch: Batch) throws {
    try scratch.inDatabase { db in
      try db.inTransaction {
        // The writer folded the names already; the aside must keep up with it on what the other core leaves.
        let insert = try PreparedInsert(sql: "INSERT INTO member_search(rowid, search_name) VALUES (?, ?)", in: db)
        for (member, name) in zip(batch.members, batch.searchNames) {
          insert.bind(1, member.id)
          insert.bind(2, name)
          try insert.run()
        }
        return .commit
      }
    }
    for (member, spans) in zip(batch.members, batch.spans) {
      for span in spans { try sums.add(span, of: member, roots: &roots) }
    }
  }

  /// The monthly sums of every member handed over, once `finished()` has said true.
  var memberStock: MemberStockRollup.Sums { sums }

  /// Waits for the batches still waiting to be indexed and stops the thread. True when every batch was
  /// indexed; false means the aside failed (a full disk, say) and the index must be rebuilt instead.
  @discardableResult
  func finished() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
    while !done { condition.wait() }
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

  /// Stops the thread if it still runs and removes the scratch file.
  func remove() {
    finished()
    Self.remove(at: path)
  }

  static func remove(at path: String) {
    for file in [path, path + "-journal", path + "-wal", path + "-shm"] {
      try? FileManager.default.removeItem(atPath: file)
    }
  }
}

/// Where the store keeps the aside of the bulk load under way, if any. A lock and a variable rather than
/// `Mutex`: a `Mutex` stored in `SQLiteStore` corrupted the heap in release builds (Swift 6.3.1 on Linux,
/// abort in malloc on the first allocation after the store was made).
final class RegisterAsideSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var aside: RegisterAside?

  var current: RegisterAside? { lock.withLock { aside } }

  func hold(_ new: RegisterAside?) { lock.withLock { aside = new } }

  /// The aside, leaving the slot empty.
  func take() -> RegisterAside? {
    lock.withLock {
      defer { aside = nil }
      return aside
    }
  }
}
