import DangVuCore
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// Issue 22, part 6: cutting the newest entries off the trail shows, however the counter is lowered, and a
/// signed anchor kept outside the database catches the one rewrite the database cannot see on its own.
@Suite("Store: truncating the audit trail")
struct AuditTruncationTests {
  typealias Trail = AuditStoreTests

  /// Opens the file with the guards dropped, as someone with the server's disk would.
  static func tamper(_ path: String, _ sql: String) throws {
    try Trail.behindTheStoresBack(path, "DROP TRIGGER audit_entry_no_delete; " + sql)
  }

  static func keyPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-key-\(UUID().uuidString)").path
  }

  @Test func theHeadFollowsEveryAppend() async throws {
    let (store, _) = try Trail.fileStore()
    #expect(try await store.writer.read { db in try SQLiteStore.auditHead(in: db) } == .empty)
    let entries = try await Trail.threeEntries(in: store)
    let head = try await store.writer.read { db in try SQLiteStore.auditHead(in: db) }
    #expect(head == AuditHead(sequence: 3, hash: entries[2].hash))
  }

  @Test func theHeadCannotGoBackOrBeDeletedThroughSQL() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await Trail.threeEntries(in: store)
    for sql in [
      "UPDATE audit_head SET seq = 2", "UPDATE audit_head SET hash = 'x'", "DELETE FROM audit_head",
    ] {
      await #expect(throws: DatabaseError.self, "\(sql)") {
        try await store.writer.write { db in try db.execute(sql: sql) }
      }
    }
    #expect(try await store.verifyAuditChain().isIntact)
  }

  @Test func deletingTheLastRowAndLoweringTheSequenceShows() async throws {
    let (store, path) = try Trail.fileStore()
    _ = try await Trail.threeEntries(in: store)
    try Self.tamper(
      path, "DELETE FROM audit_entry WHERE seq = 3; UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_entry';")
    let verification = try await store.verifyAuditChain()
    #expect(verification.broken == AuditBreak(sequence: 3, reason: .entriesMissing, through: 3))
    #expect(verification.entriesChecked == 2)
    #expect(verification.broken?.messageVi == "Thiếu mục #3: mục này đã bị xóa khỏi nhật ký.")
  }

  @Test func truncatingTheTableAndDeletingTheSequenceShows() async throws {
    let (store, path) = try Trail.fileStore()
    _ = try await Trail.threeEntries(in: store)
    try Self.tamper(path, "DELETE FROM audit_entry; DELETE FROM sqlite_sequence;")
    let verification = try await store.verifyAuditChain()
    #expect(verification.broken == AuditBreak(sequence: 1, reason: .entriesMissing, through: 3))
    #expect(verification.broken?.messageVi == "Thiếu các mục #1 đến #3: các mục này đã bị xóa khỏi nhật ký.")
  }

  @Test func deletingTheHeadRecordToo() async throws {
    let (store, path) = try Trail.fileStore()
    _ = try await Trail.threeEntries(in: store)
    try Self.tamper(
      path,
      """
      DROP TRIGGER audit_head_no_delete; DELETE FROM audit_entry WHERE seq = 3; DELETE FROM audit_head;
      UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_entry';
      """)
    let verification = try await store.verifyAuditChain()
    #expect(verification.broken == AuditBreak(sequence: 3, reason: .headMissing))
    #expect(verification.broken?.messageVi.contains("Bản ghi đầu chuỗi") == true)
  }

  @Test func aHeadThatNamesAnotherHashShows() async throws {
    let (store, path) = try Trail.fileStore()
    _ = try await Trail.threeEntries(in: store)
    try Trail.behindTheStoresBack(
      path, "DROP TRIGGER audit_head_only_forward; UPDATE audit_head SET hash = '\(AuditChain.genesisHash)';")
    let verification = try await store.verifyAuditChain()
    #expect(verification.broken == AuditBreak(sequence: 3, reason: .headMismatch))
    #expect(verification.broken?.messageVi.hasPrefix("Mục cuối #3 không khớp bản ghi đầu chuỗi") == true)
  }

  /// The attacker who also lowers the head leaves a trail that is consistent on its own; the anchor,
  /// signed before and kept elsewhere, is what shows it.
  @Test func aTruncationWithTheHeadRewrittenShowsAgainstASignedAnchor() async throws {
    let (store, path) = try Trail.fileStore()
    let entries = try await Trail.threeEntries(in: store)
    let key = try AuditAnchorKey.create(at: Self.keyPath())
    let verified = try await store.verifyAuditChain()
    let anchor = try key.sign(
      AuditHead(sequence: verified.lastSequence ?? 0, hash: verified.lastHash), at: .now)
    #expect(anchor.entries == 3 && anchor.lastHash == entries[2].hash)
    try Self.tamper(
      path,
      """
      DROP TRIGGER audit_head_only_forward; DELETE FROM audit_entry WHERE seq = 3;
      UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_entry';
      UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_entry WHERE seq = 2);
      """)
    let after = try await store.verifyAuditChain()
    #expect(after.isIntact, "consistent on its own")
    #expect(key.isValid(anchor))
    let finding = anchor.check(
      trailEntries: after.lastSequence ?? 0, hashAtAnchor: try await store.auditHash(at: anchor.entries))
    #expect(finding == .trailShorter(anchored: 3, found: 2))
    #expect(finding.messageVi(anchoredAt: anchor.time).contains("các mục #3 đến #3 đã bị xóa"))
  }

  @Test func anEditedAnchorOrAnotherKeyFailsTheSignature() throws {
    let path = Self.keyPath()
    let key = try AuditAnchorKey.create(at: path)
    let anchor = try key.sign(AuditHead(sequence: 9, hash: String(repeating: "a", count: 64)), at: .now)
    #expect(key.isValid(anchor))
    #expect(try AuditAnchorKey.load(from: path + ".pub").isValid(anchor), "the public half verifies")
    #expect(try AuditAnchorKey.load(from: path).isValid(anchor), "the key file reads back")
    var lowered = anchor
    lowered.entries = 2
    #expect(!key.isValid(lowered))
    let other = try AuditAnchorKey.create(at: Self.keyPath())
    #expect(!other.isValid(anchor))
    #expect(throws: DomainError.self) { try AuditAnchorKey.create(at: path) }
    #expect(throws: DomainError.self) { try AuditAnchorKey.load(from: path + ".pub").sign(.empty, at: .now) }
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func anAnchorFileReadsBackAsWritten() throws {
    let key = try AuditAnchorKey.create(at: Self.keyPath())
    let anchor = try key.sign(AuditHead(sequence: 4, hash: String(repeating: "b", count: 64)), at: .now)
    let file = Self.keyPath() + ".anchor.json"
    try anchor.write(to: file)
    #expect(try AuditAnchor.read(from: file) == anchor)
    #expect(throws: DomainError.self) { try anchor.write(to: file) }
  }
}
