import DangVuCore
import Foundation
import PostgresNIO
import Testing

@testable import DangVuPostgres

/// What only the PostgreSQL engine has to show: several servers on one database, its migrations, its address.
/// The audit trail's contract itself is in AuditStoreTests, run on every engine.
@Suite("Store: PostgreSQL")
struct PostgresStoreTests {
  static func entry(_ subject: String) -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: "canbo", actorRole: Role.organisationStaff.rawValue, action: "member.update", subject: subject,
      scopeCode: "KG")
  }

  static func withStores(
    _ count: Int, on location: PostgresLocation, _ body: ([PostgresStore]) async throws -> Void
  ) async throws {
    var stores: [PostgresStore] = []
    do {
      for _ in 0..<count { stores.append(try await PostgresStore.open(location, maximumConnections: 4)) }
      try await body(stores)
    } catch {
      for store in stores { await store.close() }
      throw error
    }
    for store in stores { await store.close() }
  }

  /// Two servers (two pools of four connections) append 150 entries each, all at once: the lock taken in each
  /// append's transaction leaves no number twice or missing, and one chain.
  @Test func twoServersAppendingAtOnceMakeOneChain() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await Self.withStores(2, on: location) { stores in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (server, store) in stores.enumerated() {
          for n in 1...150 {
            group.addTask { _ = try await store.appendAudit(Self.entry("member:\(server)-\(n)")) }
          }
        }
        try await group.waitForAll()
      }
      let verification = try await stores[1].verifyAuditChain()
      #expect(verification.isIntact, "\(verification.broken?.messageVi ?? "")")
      #expect(verification.entriesChecked == 300)
      let listed = try await stores[0].auditEntries(AuditFilter(limit: 300))
      #expect(listed.map(\.sequence) == Array((1...300).reversed()))
      #expect(Set(listed.map(\.subject)).count == 300)
      // One clock, read under the lock: times go with the numbers whichever server appended.
      #expect(zip(listed.dropFirst(), listed).allSatisfy { older, newer in older.time <= newer.time })
    }
  }

  @Test func serversStartedTogetherMigrateOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await Self.withStores(3, on: location) { _ in }
    let versions = try await TestPostgres.withConnection(to: location) { connection in
      var versions: [String] = []
      for try await (version, name) in try await connection.query(
        "SELECT version, name FROM schema_version ORDER BY version", logger: TestPostgres.logger
      ).decode((Int, String).self) {
        versions.append("\(version) \(name)")
      }
      return versions
    }
    #expect(versions == PostgresMigrations.all.map { "\($0.version) \($0.name)" })
    // Each step once, numbered from 1 without a gap (a slice appends its step; a number is never reused).
    #expect(PostgresMigrations.all.map(\.version) == Array(1...PostgresMigrations.all.count))
    #expect(versions.prefix(2) == ["1 audit trail", "2 organisation tree"])
  }

  @Test func aDatabaseMigratedByANewerDangVuIsRefused() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await Self.withStores(1, on: location) { _ in }
    _ = try await TestPostgres.withConnection(to: location) { connection in
      try await connection.query(
        "INSERT INTO schema_version(version, name) VALUES (999, 'from the future')", logger: TestPostgres.logger)
    }
    let error = await #expect(throws: DomainError.self) { _ = try await PostgresStore.open(location) }
    #expect(error?.code == "postgres.schemaTooNew")
    #expect(error?.message.contains("999") == true)
  }

  @Test func aWrongPasswordIsNamedWithTheDatabaseButNotThePassword() async throws {
    var location = try await TestPostgres.freshDatabase()
    location.password = "sai-mat-khau"
    let error = await #expect(throws: DomainError.self) { _ = try await PostgresStore.open(location) }
    #expect(error?.code == "postgres.cannotOpen")
    #expect(error?.message.contains("\(location.host):\(location.port)/\(location.database)") == true)
    #expect(error?.message.contains("sai-mat-khau") == false)
  }

  @Test func addressesAreReadAsPsqlReadsThem() throws {
    let full = try PostgresLocation(url: "postgres://dang%40vu:p%40ss@db.example:6543/tinh_kg?sslmode=require")
    #expect(
      full
        == PostgresLocation(
          host: "db.example", port: 6543, username: "dang@vu", password: "p@ss", database: "tinh_kg", tls: .require))
    #expect(full.description == "dang@vu@db.example:6543/tinh_kg", "never the password")
    let plain = try PostgresLocation(url: "postgresql://dangvu@127.0.0.1/dangvu")
    #expect(plain.port == 5432 && plain.password == nil && plain.tls == .prefer)
    for bad in [
      "mysql://u:p@h/db", "postgres://h/db", "postgres://u:p@h", "postgres://u:p@h/", "postgres://u:p@h/db?sslmode=x",
      "postgres://u:p@h/db?search_path=x", "không phải địa chỉ",
    ] {
      let error = #expect(throws: DomainError.self, "\(bad)") { try PostgresLocation(url: bad) }
      #expect(error?.code == "postgres.badURL")
    }
  }
}
