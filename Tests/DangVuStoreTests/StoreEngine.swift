import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import DangVuPostgres
@testable import DangVuStore

/// The engines the store's contract runs on: SQLite in memory, SQLite on file and PostgreSQL, each serving the whole
/// `PartyStore` (docs/decisions/0038, 0044–0050). `Engine` (SQLite only) remains for the tests that still make their
/// store synchronously or reach into SQLite; they move here one by one.
enum StoreEngine: String, CaseIterable, Sendable {
  case sqliteInMemory
  case sqliteFile
  case postgres

  /// The parts every engine here serves: all of the store, since PostgreSQL serves every part.
  typealias Parts = PartyStore

  /// Runs `body` on a new, empty store of this engine, closed afterwards whether `body` throws or not.
  func withStore(_ body: (AuditTestStore) async throws -> Void) async throws {
    try await withNewStore { store, execute in
      try await body(AuditTestStore(engine: self, store: store, execute: execute))
    }
  }

  /// Runs `body` on a new, empty store of this engine for the tree's contract, closed afterwards.
  func withTreeStore(_ body: (TreeTestStore) async throws -> Void) async throws {
    try await withNewStore { store, execute in
      try await body(TreeTestStore(engine: self, store: store, execute: execute))
    }
  }

  /// Runs `body` on a new, empty store of this engine for the register's contract, closed afterwards.
  func withRegisterStore(_ body: (any Parts) async throws -> Void) async throws {
    try await withNewStore { store, _ in try await body(store) }
  }

  /// Runs `body` on a new, empty store of this engine for the accounts' contract, closed afterwards.
  func withAccountStore(_ body: (AccountTestStore) async throws -> Void) async throws {
    try await withNewStore { store, execute in
      try await body(AccountTestStore(engine: self, store: store, execute: execute))
    }
  }

  /// A new, empty store and a way to run statements on its database behind its back (a part's tests cast it to
  /// the parts they use: `Parts` grows as PostgreSQL serves more).
  func withNewStore(
    _ body: (any Parts, @escaping @Sendable ([String]) async throws -> Void) async throws -> Void
  ) async throws {
    switch self {
    case .sqliteInMemory:
      let store = try SQLiteStore.inMemory()
      // No second connection reaches a memory database: the store's own writer stands in for one.
      try await body(store) { sql in try await store.writer.run(sql) }
    case .sqliteFile:
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "dangvu-store-\(UUID().uuidString).sqlite"
      ).path
      defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
      let store = try SQLiteStore(path: path)
      try await body(store) { sql in try await DatabaseQueue(path: path).run(sql) }
    case .postgres:
      let location = try await TestPostgres.freshDatabase()
      let store = try await PostgresStore.open(location, maximumConnections: 4)
      do {
        try await body(store) { sql in try await TestPostgres.run(sql, on: location) }
        await store.close()
      } catch {
        await store.close()
        throw error
      }
    }
  }

  /// The statement that drops one of the trail's triggers (the engines name them alike).
  func dropTrigger(_ name: String) -> String {
    switch self {
    case .sqliteInMemory, .sqliteFile: "DROP TRIGGER \(name)"
    case .postgres: "DROP TRIGGER \(name) ON \(name.hasPrefix("audit_head") ? "audit_head" : "audit_entry")"
    }
  }
}

/// A write that fails after appending its audit entry.
struct WriteRefused: Error {}

/// What the database said when it refused a statement, whichever engine.
struct RefusedByDatabase: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// An audit store under test, and what the contract does beyond the protocol: statements run on the database
/// behind the store's back, as someone with the server's disk or the database's password could.
struct AuditTestStore: Sendable {
  let engine: StoreEngine
  let store: any StoreEngine.Parts
  let execute: @Sendable ([String]) async throws -> Void

  init(
    engine: StoreEngine, store: any StoreEngine.Parts, execute: @escaping @Sendable ([String]) async throws -> Void
  ) {
    self.engine = engine
    self.store = store
    self.execute = execute
  }

  func behindTheStoresBack(_ statements: String...) async throws { try await execute(statements) }

  /// Writes entries as they are, numbers, times and hashes included: a trail copied from another database.
  func copyIn(_ entries: [AuditEntry]) async throws {
    func literal(_ text: String?) -> String {
      text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
    }
    try await execute(
      entries.map { e in
        """
        INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, before_json,
          after_json, previous_hash, hash)
        VALUES (\(e.sequence), \(e.time.millisecondsSince1970), \(literal(e.actorLogin)), \(literal(e.actorRole)),
          \(literal(e.action)), \(literal(e.subject)), \(literal(e.scopeCode)), \(literal(e.before)),
          \(literal(e.after)), \(literal(e.previousHash)), \(literal(e.hash)))
        """
      })
  }

  /// Appends entries stamped with the given times (nil: the store's clock) in one transaction of the store, the
  /// way a write records its entries (`append(_:at:in:)` on either engine); with `thenFail`, that transaction
  /// then fails with `WriteRefused`, as a write refused after recording its entry would.
  func append(_ entries: [(NewAuditEntry, AuditTime?)], thenFail: Bool = false) async throws {
    switch store {
    case let sqlite as SQLiteStore:
      try await sqlite.writer.write { db in
        for (entry, time) in entries { _ = try SQLiteStore.append(entry, at: time ?? .now, in: db) }
        if thenFail { throw WriteRefused() }
      }
    case let postgres as PostgresStore:
      try await postgres.write { transaction in
        for (entry, time) in entries { _ = try await PostgresStore.append(entry, at: time, in: transaction) }
        if thenFail { throw WriteRefused() }
      }
    default:
      Issue.record("no transaction entry point for \(type(of: store))")
    }
  }
}

/// A tree store under test, with what its contract needs beyond the protocol.
struct TreeTestStore: Sendable {
  let engine: StoreEngine
  let store: any StoreEngine.Parts
  let execute: @Sendable ([String]) async throws -> Void

  func behindTheStoresBack(_ statements: String...) async throws { try await execute(statements) }

  /// The small province, its ids by code.
  func province() async throws -> [String: Int64] { try await SmallProvince.load(into: store) }

  /// Puts one member per card number in the register of `cellCode` from `since`, through the register, for the
  /// tree's checks that read it (a unit ends only once it is empty; a change counts the members it carries).
  func placeMembers(cards: [String], in cellCode: String, since: String) async throws {
    let cell = try #require(try await store.organisation(code: cellCode))
    try await store.addMembers(
      cards.map {
        NewMember(
          member: SmallProvince.member("Đảng viên \($0)", card: $0),
          events: [SmallProvince.admitted(cell.id, on: since)])
      })
  }
}

extension DatabaseWriter {
  /// Runs the statements one by one without a transaction of the caller's, and says what SQLite refused.
  fileprivate func run(_ statements: [String]) async throws {
    do {
      try await writeWithoutTransaction { db in
        for statement in statements { try db.execute(sql: statement) }
      }
    } catch let error as DatabaseError {
      throw RefusedByDatabase(message: error.message ?? "\(error)")
    }
  }
}

extension TestPostgres {
  /// Runs the statements one by one on a connection of their own, and says what PostgreSQL refused.
  static func run(_ statements: [String], on location: PostgresLocation) async throws {
    try await withConnection(to: location) { connection in
      for statement in statements {
        do {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        } catch let error as PSQLError {
          throw RefusedByDatabase(message: error.serverInfo?[.message] ?? "\(error.code)")
        }
      }
    }
  }
}
