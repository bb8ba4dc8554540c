import DangVuCore
import PostgresNIO

/// The PostgreSQL schema, as numbered steps recorded in `schema_version` (docs/decisions/0032). Each step
/// is a list of statements (PostgreSQL's extended protocol runs one statement per query) applied in the
/// transaction that records it, so a database is at one version or the one before, never between. The
/// tables mean what SQLite's of the same name mean; the numbers are PostgreSQL's own, as its history starts
/// later than SQLite's.
enum PostgresMigrations {
  struct Migration: Sendable {
    var version: Int
    var name: String
    var statements: [String]
  }

  /// Every step, in order; a new slice appends its steps here and never edits one that has shipped.
  static let all: [Migration] = [
    auditTrail, organisationTree, registerReadByTheTree, dataGeneration, succession, register, accounts,
    oversightAndLeadership, evaluation, oversight, lifecycle, membershipReport,
  ]

  /// Taken for the migration's transaction: two servers started at once on an empty database would
  /// otherwise both create the tables. ("DVschema" in ASCII.)
  static let lockKey: Int64 = 0x4456_7363_6865_6D61

  static func migrate(in transaction: PostgresTransaction) async throws {
    try await transaction.query("SELECT pg_advisory_xact_lock(\(lockKey))")
    try await transaction.query(
      """
      CREATE TABLE IF NOT EXISTS schema_version(
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp())
      """)
    var current = 0
    for try await version in try await transaction.query("SELECT coalesce(max(version), 0) FROM schema_version")
      .decode(Int.self)
    {
      current = version
    }
    let known = all.last?.version ?? 0
    guard current <= known else {
      throw DomainError(
        "postgres.schemaTooNew",
        "Cơ sở dữ liệu PostgreSQL đã ở phiên bản lược đồ \(current), mới hơn phiên bản \(known) mà bản DangVu này "
          + "biết: hãy dùng bản DangVu mới hơn (bản cũ có thể ghi sai dữ liệu).")
    }
    for migration in all where migration.version > current {
      for statement in migration.statements {
        do {
          try await transaction.query(PostgresQuery(unsafeSQL: statement))
        } catch {
          throw DomainError(
            "postgres.migrationFailed",
            "Không nâng được lược đồ PostgreSQL lên phiên bản \(migration.version) (\(migration.name)): "
              + "\(PostgresFailure.describe(error)). Không có thay đổi nào của bước này được ghi.")
        }
      }
      try await transaction.query(
        "INSERT INTO schema_version(version, name) VALUES (\(migration.version), \(migration.name))")
    }
  }
}
