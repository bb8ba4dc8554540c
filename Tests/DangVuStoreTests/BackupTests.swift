import DangVuCore
import DangVuDemo
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// Issue 22, part 8: a backup taken from a database in use, restored in place of another, gives the same
/// reports and a verifying audit trail; a copy that is damaged or tampered with is never put in place.
@Suite("Store: backup and restore")
struct BackupTests {
  static func scratchPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(name)-\(UUID().uuidString).sqlite").path
  }

  /// A small demo province with its grades, oversight and a few audit entries.
  static func demoStore() async throws -> (store: SQLiteStore, path: String) {
    let path = scratchPath("live")
    let store = try SQLiteStore(path: path)
    _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 1_500, seed: 3)) { _ in }
    _ = try await DemoOversightLoader.load(into: store, seed: 3)
    try await DemoGrades.grade(store, years: [2022, 2023], seed: 3)
    _ = try await AuditStoreTests.threeEntries(in: store)
    return (store, path)
  }

  /// The three reports as JSON, for the province and for one district.
  static func reports(_ store: SQLiteStore) async throws -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var out: [String] = []
    for scope in [nil, "KG.01"] as [String?] {
      out.append(
        String(decoding: try encoder.encode(try await store.evaluationReport(year: 2023, scope: scope)), as: UTF8.self))
      out.append(
        String(
          decoding: try encoder.encode(try await store.membershipReport(scope: scope, period: try .year(2023))),
          as: UTF8.self))
      out.append(
        String(
          decoding: try encoder.encode(try await store.oversightReport(period: try .year(2023), scope: scope)),
          as: UTF8.self))
    }
    return out
  }

  @Test func aRestoredBackupGivesTheSameReportsAndAVerifyingTrail() async throws {
    let (live, _) = try await Self.demoStore()
    let before = try await Self.reports(live)
    let trail = try await live.verifyAuditChain()
    let backup = Self.scratchPath("backup")
    let check = try await live.backup(to: backup)
    #expect(check.isSound && check.integrity == ["ok"])
    #expect(check.audit.entriesChecked == trail.entriesChecked && check.audit.lastHash == trail.lastHash)
    #expect(check.members == (try await live.statistics()).members)
    #expect(!FileManager.default.fileExists(atPath: backup + ".partial"))
    #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "one self-contained file")

    // Written after the backup: not in it.
    try await live.appendAudit(AuditStoreTests.entry("member.update", "member:9"))

    // Restored in place of another database, which is kept aside.
    let target = Self.scratchPath("target")
    do {
      let other = try SQLiteStore(path: target)
      try await other.appendAudit(AuditStoreTests.entry("session.signIn", "account:x"))
    }
    let outcome = try await DatabaseRestore.restore(from: backup, to: target)
    let aside = try #require(outcome.keptAside)
    #expect(aside.hasPrefix(target + ".before-restore-"))
    #expect(try await SQLiteStore(path: aside).auditEntries(AuditFilter()).map(\.subject) == ["account:x"])

    let restored = try SQLiteStore(path: target)
    #expect(try await Self.reports(restored) == before)
    let restoredTrail = try await restored.verifyAuditChain()
    #expect(restoredTrail.isIntact)
    #expect(restoredTrail.entriesChecked == trail.entriesChecked)
    #expect(restoredTrail.lastHash == trail.lastHash)
  }

  @Test func aBackupNeverOverwritesAFile() async throws {
    let store = try SQLiteStore(path: Self.scratchPath("live"))
    let backup = Self.scratchPath("backup")
    _ = try await store.backup(to: backup)
    await #expect(throws: DomainError.self) { _ = try await store.backup(to: backup) }
  }

  @Test func aTamperedBackupIsNotPutInPlace() async throws {
    let (store, path) = try AuditStoreTests.fileStore()
    _ = try await AuditStoreTests.threeEntries(in: store)
    let backup = Self.scratchPath("backup")
    _ = try await store.backup(to: backup)
    try AuditStoreTests.behindTheStoresBack(
      backup, "DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq = 3; DELETE FROM sqlite_sequence;")
    let error = await #expect(throws: DomainError.self) {
      _ = try await DatabaseRestore.restore(from: backup, to: path)
    }
    #expect(error?.message.contains("Thiếu mục #3") == true)
    #expect(error?.message.contains("được giữ nguyên") == true)
    #expect(!FileManager.default.fileExists(atPath: path + ".restoring"))
    #expect(try await store.verifyAuditChain().entriesChecked == 3, "the live file untouched")
  }

  @Test func aFileThatIsNotADangVuDatabaseIsRefused() async throws {
    let other = Self.scratchPath("other")
    try await DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t(x)") }
    let error = await #expect(throws: DomainError.self) {
      _ = try await DatabaseRestore.restore(from: other, to: Self.scratchPath("target"))
    }
    #expect(error?.code == "backup.notDangVu")
    let garbage = Self.scratchPath("garbage")
    try Data("không phải SQLite".utf8).write(to: URL(fileURLWithPath: garbage))
    await #expect(throws: DomainError.self) {
      _ = try await DatabaseRestore.restore(from: garbage, to: Self.scratchPath("target"))
    }
    await #expect(throws: DomainError.self) {
      _ = try await DatabaseRestore.restore(from: Self.scratchPath("missing"), to: Self.scratchPath("target"))
    }
  }
}
