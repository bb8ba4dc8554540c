import DangVuCore
import DangVuStore
import DangVuTestFixtures
import GRDB
import PostgresNIO
import Testing

@testable import DangVuPostgres
@testable import DangVuStore

/// An account store under test (`StoreEngine.withAccountStore`), with what its contract needs beyond the protocol.
struct AccountTestStore: Sendable {
  let engine: StoreEngine
  let store: any StoreEngine.Parts
  let execute: @Sendable ([String]) async throws -> Void

  func behindTheStoresBack(_ statements: String...) async throws { try await execute(statements) }

  /// The small province, its ids by code.
  func province() async throws -> [String: Int64] { try await SmallProvince.load(into: store) }

  /// The sign-in attempts the store keeps, read from its table.
  func attemptsKept() async throws -> Int {
    let sql = "SELECT count(*) FROM sign_in_attempt"
    switch store {
    case let sqlite as SQLiteStore:
      return try await sqlite.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    case let postgres as PostgresStore:
      return try await TestPostgres.withConnection(to: postgres.location) { connection in
        var count = 0
        for try await found in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger)
          .decode(Int.self)
        {
          count = found
        }
        return count
      }
    default:
      Issue.record("no table to read for \(type(of: store))")
      return 0
    }
  }
}
