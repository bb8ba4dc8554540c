import DangVuCore
import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import DangVuPostgres
@testable import DangVuStore

/// The engines the audit trail's contract runs on. PostgreSQL serves only the audit trail so far, so it is
/// here and not in `Engine` (whose stores are whole `PartyStore`s); the two lists meet when it serves the rest.
enum AuditEngine: String, CaseIterable, Sendable {
  case sqliteInMemory
  case sqliteFile
  case postgres

  /// Runs `body` on a new, empty store of this engine, closed afterwards whether `body` throws or not.
  func withStore(_ body: (AuditTestStore) async throws -> Void) async throws {
    switch self {
    case .sqliteInMemory:
      let store = try SQLiteStore.inMemory()
      // No second connection reaches a memory database: the store's own writer stands in for one.
      try await body(AuditTestStore(engine: self, store: store) { sql in try await store.writer.run(sql) })
    case .sqliteFile:
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "dangvu-audit-\(UUID().uuidString).sqlite"
      ).path
      let store = try SQLiteStore(path: path)
      try await body(
        AuditTestStore(engine: self, store: store) { sql in try await DatabaseQueue(path: path).run(sql) })
    case .postgres:
      let location = try await TestPostgres.freshDatabase()
      let store = try await PostgresStore.open(location, maximumConnections: 4)
      do {
        try await body(
          AuditTestStore(engine: self, store: store) { sql in
            try await TestPostgres.withConnection(to: location) { connection in
              for statement in sql {
                do {
                  try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestPostgres.logger)
                } catch let error as PSQLError {
                  throw RefusedByDatabase(message: error.serverInfo?[.message] ?? "\(error.code)")
                }
              }
            }
          })
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
  let engine: AuditEngine
  let store: any AuditStore
  let execute: @Sendable ([String]) async throws -> Void

  init(engine: AuditEngine, store: any AuditStore, execute: @escaping @Sendable ([String]) async throws -> Void) {
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
