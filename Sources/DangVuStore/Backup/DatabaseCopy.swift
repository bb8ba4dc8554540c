import DangVuCore
import Foundation
import GRDB

/// A DangVu database file other than the live one — a backup, or a copy about to replace the live file —
/// checked on a connection of its own.
enum DatabaseCopy {
  /// Refuses a file that is not a DangVu database, then checks its pages and its audit chain.
  static func check(_ db: Database) throws -> CopyCheck {
    let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
    guard tables.isSuperset(of: ["grdb_migrations", "organisation", "member", "audit_entry"]) else {
      throw DomainError(
        "backup.notDangVu", "Tệp này không phải cơ sở dữ liệu DangVu (thiếu các bảng của DangVu): hãy chọn đúng tệp.")
    }
    let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
    let audit = try SQLiteStore.verifyAuditChain(in: db)
    return CopyCheck(
      integrity: integrity, audit: audit,
      organisations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation") ?? 0,
      members: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") ?? 0,
      schemaVersion: try String.fetchOne(
        db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? "none")
  }

  /// Removes a file and the WAL files SQLite may have left beside it.
  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }
}
