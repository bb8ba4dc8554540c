import DangVuCore
import DangVuTestFixtures
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// The audit trail: entries numbered and chained, listed newest first with filters, refused changes,
/// and every kind of tampering done behind DangVu's back named by the first entry it breaks. One contract,
/// run on SQLite in memory, SQLite on file and PostgreSQL (`StoreEngine`), the subtree filter included.
@Suite("Store: the audit trail")
struct AuditStoreTests {
  static func entry(
    _ action: String, _ subject: String, actor: String = "admin", scope: String = "KG", before: String? = nil,
    after: String? = nil
  ) -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor, actorRole: Role.administrator.rawValue, action: action, subject: subject,
      scopeCode: scope, before: before, after: after)
  }

  /// A SQLite store in a file of its own, so a test can open the file behind the store's back.
  static func fileStore() throws -> (store: SQLiteStore, path: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-audit-\(UUID().uuidString).sqlite")
      .path
    return (try SQLiteStore(path: path), path)
  }

  /// Runs SQL on a SQLite database file directly, as someone with access to the server's disk could.
  static func behindTheStoresBack(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
  }

  /// Three entries: a member added, then changed by someone else, then a sign-in.
  static func threeEntries(in store: any AuditStore) async throws -> [AuditEntry] {
    [
      try await store.appendAudit(entry("member.add", "member:1", after: #"{"fullName":"Nguyễn Văn An"}"#)),
      try await store.appendAudit(
        entry(
          "member.update", "member:1", actor: "canbo", before: #"{"fullName":"Nguyễn Văn An"}"#,
          after: #"{"fullName":"Nguyễn Văn Ân"}"#)),
      try await store.appendAudit(entry("session.signIn", "account:admin")),
    ]
  }

  @Test(arguments: StoreEngine.allCases)
  func entriesAreNumberedFromOneAndEachNamesTheHashBeforeIt(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let entries = try await Self.threeEntries(in: t.store)
      #expect(entries.map(\.sequence) == [1, 2, 3])
      #expect(entries[0].previousHash == AuditChain.genesisHash)
      #expect(entries[1].previousHash == entries[0].hash)
      #expect(entries[2].previousHash == entries[1].hash)
      #expect(entries.allSatisfy { $0.hash == AuditChain.hash(of: $0) && $0.hash.count == 64 })
      #expect(Set(entries.map(\.hash)).count == 3)
      // What comes back is what was stored, to the millisecond and the nil.
      let listed = try await t.store.auditEntries(AuditFilter())
      #expect(listed == entries.reversed())
      #expect(listed.last?.before == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theStoreStampsItsOwnClockToTheMillisecond(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let before = AuditTime.now.millisecondsSince1970
      let entry = try await t.store.appendAudit(Self.entry("session.signIn", "account:admin"))
      let after = AuditTime.now.millisecondsSince1970
      // PostgreSQL stamps with the database server's clock, here the same machine's.
      #expect((before - 1000...after + 1000).contains(entry.time.millisecondsSince1970))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anIncompleteEntryIsRefused(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      await #expect(throws: DomainError.self) { try await t.store.appendAudit(Self.entry("", "member:1")) }
      await #expect(throws: DomainError.self) { try await t.store.appendAudit(Self.entry("x.y", "m", actor: " ")) }
      let written = try await t.store.auditEntries(AuditFilter())
      #expect(written.isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func filtersByActorActionFamilyAndSubject(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      _ = try await Self.threeEntries(in: store)
      #expect(try await store.auditEntries(AuditFilter(actor: "canbo")).map(\.sequence) == [2])
      #expect(try await store.auditEntries(AuditFilter(action: "member")).map(\.sequence) == [2, 1])
      #expect(try await store.auditEntries(AuditFilter(action: "member.add")).map(\.sequence) == [1])
      // A family is a whole first word: "mem" is not "member".
      #expect(try await store.auditEntries(AuditFilter(action: "mem")).isEmpty)
      #expect(try await store.auditEntries(AuditFilter(subject: "member:1")).map(\.sequence) == [2, 1])
      #expect(try await store.auditEntries(AuditFilter(actor: "admin", action: "session")).map(\.sequence) == [3])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func pagesGoBackFromTheLastNumberShown(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      for n in 1...7 { try await store.appendAudit(Self.entry("member.update", "member:\(n)")) }
      let first = try await store.auditEntries(AuditFilter(limit: 3))
      #expect(first.map(\.sequence) == [7, 6, 5])
      let second = try await store.auditEntries(AuditFilter(before: first.last!.sequence, limit: 3))
      #expect(second.map(\.sequence) == [4, 3, 2])
      let third = try await store.auditEntries(AuditFilter(before: second.last!.sequence, limit: 3))
      #expect(third.map(\.sequence) == [1])
      #expect(try await store.auditEntries(AuditFilter(limit: 0)).count == 1, "at least one")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func datesAreWholeDaysInVietnam(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      // 31/12/2023 23:30 in Vietnam is 16:30 UTC; 1/1/2024 00:30 in Vietnam is 17:30 UTC on 31/12.
      let lateOn31 = AuditTime(iso: "2023-12-31T16:30:00.000Z")!
      let earlyOn1 = AuditTime(iso: "2023-12-31T17:30:00.000Z")!
      try await t.append([
        (Self.entry("grade.set", "member:1"), lateOn31), (Self.entry("grade.set", "member:2"), earlyOn1),
      ])
      #expect(lateOn31.day == day("2023-12-31"))
      #expect(earlyOn1.day == day("2024-01-01"))
      #expect(try await store.auditEntries(AuditFilter(to: day("2023-12-31"))).map(\.sequence) == [1])
      #expect(try await store.auditEntries(AuditFilter(from: day("2024-01-01"))).map(\.sequence) == [2])
      #expect(
        try await store.auditEntries(AuditFilter(from: day("2023-12-31"), to: day("2024-01-01"))).map(\.sequence) == [
          2, 1,
        ])
      #expect(try await store.auditEntries(AuditFilter(from: day("2024-01-02"))).isEmpty)
    }
  }

  /// A district's administrator reads the entries of units that were in the district on the entry's day:
  /// the school cell moves from Tân Hiệp to Hà Tiên on 1/1/2024.
  @Test(arguments: StoreEngine.allCases)
  func withinASubtreeFollowsTheTreeOfTheEntrysDay(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      _ = try await SmallProvince.load(into: store)
      try await store.addOrganisations(
        [
          NewOrganisation(
            code: "KG.03", name: "Đảng bộ thành phố Hà Tiên", kind: .districtCommittee, parentCode: "KG",
            founded: day("2024-01-01"))
        ], audit: nil)
      try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.03", on: day("2024-01-01"))
      let times = ["2023-06-01T03:00:00.000Z", "2024-06-01T03:00:00.000Z", "2024-06-01T04:00:00.000Z"]
      let scopes = ["KG.02.001", "KG.02.001", "KG.01.001.01"]
      try await t.append(
        zip(times, scopes).map { time, scope in
          (Self.entry("member.update", "member:1", scope: scope), AuditTime(iso: time)!)
        })
      func within(_ code: String) async throws -> [Int64] {
        try await store.auditEntries(AuditFilter(within: code)).map(\.sequence)
      }
      #expect(try await within("KG") == [3, 2, 1])
      #expect(try await within("KG.02") == [1])
      #expect(try await within("KG.03") == [2])
      #expect(try await within("KG.01") == [3])
      #expect(try await within("KG.02.001") == [2, 1], "a unit's own entries, wherever it stood")
      #expect(try await within("KG.99").isEmpty)
      #expect(try await store.auditEntries(AuditFilter(actor: "admin", within: "KG.03")).map(\.sequence) == [2])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func entriesOfADissolvedUnitStayWithTheSubtreeThatHeldIt(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      _ = try await SmallProvince.load(into: store)
      try await store.endOrganisation(code: "KG.01.001.02", on: day("2024-01-01"))
      try await t.append([
        (
          Self.entry("organisation.end", "organisation:KG.01.001.02", scope: "KG.01.001.02"),
          AuditTime(iso: "2024-03-01T03:00:00.000Z")!
        )
      ])
      #expect(try await store.auditEntries(AuditFilter(within: "KG.01")).count == 1)
      #expect(try await store.auditEntries(AuditFilter(within: "KG.02")).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anIntactChainVerifiesAndNamesItsLastHash(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let empty = try await t.store.verifyAuditChain()
      #expect(empty.isIntact && empty.entriesChecked == 0 && empty.lastSequence == nil)
      #expect(empty.lastHash == AuditChain.genesisHash)
      let entries = try await Self.threeEntries(in: t.store)
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.isIntact)
      #expect(verification.entriesChecked == 3)
      #expect(verification.lastSequence == 3)
      #expect(verification.lastHash == entries[2].hash)
      // What an anchor is checked against: each entry's hash by number, none past the last.
      #expect(try await t.store.auditHash(at: 2) == entries[1].hash)
      #expect(try await t.store.auditHash(at: 4) == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func updateAndDeleteAreRefusedByTheDatabase(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      var statements = [
        "UPDATE audit_entry SET subject = 'member:2' WHERE seq = 2",
        "DELETE FROM audit_entry WHERE seq = 3",
        "DELETE FROM audit_entry",
        // A new row must take the next number and follow the last hash.
        """
        INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, previous_hash, hash)
        VALUES (9, 0, 'x', 'x', 'x', 'x', 'KG', '\(AuditChain.genesisHash)', 'x')
        """,
        "UPDATE audit_head SET seq = 1 WHERE id = 1",
        "DELETE FROM audit_head",
      ]
      switch engine {
      case .sqliteInMemory, .sqliteFile:
        // Replacing a row would delete it without the delete trigger; the insert trigger stops it first.
        statements.append(
          """
          INSERT OR REPLACE INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code,
            previous_hash, hash) SELECT seq, at_ms, 'x', actor_role, action, subject, scope_code, previous_hash, hash
          FROM audit_entry WHERE seq = 2
          """)
      case .postgres:
        // PostgreSQL's upsert and its TRUNCATE, which fires no delete trigger.
        statements += [
          """
          INSERT INTO audit_entry(seq, at_ms, actor_login, actor_role, action, subject, scope_code, previous_hash,
            hash) SELECT seq, at_ms, 'x', actor_role, action, subject, scope_code, previous_hash, hash
          FROM audit_entry WHERE seq = 2 ON CONFLICT (seq) DO UPDATE SET actor_login = 'x'
          """,
          "TRUNCATE audit_entry", "TRUNCATE audit_head",
        ]
      }
      for statement in statements {
        do {
          try await t.behindTheStoresBack(statement)
          Issue.record("not refused: \(statement)")
        } catch let refusal as RefusedByDatabase {
          // The trail's own guard said no, not a mistake in the statement.
          #expect(refusal.message.contains("audit_entry is append-only") || refusal.message.contains("audit_head"))
        }
      }
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.isIntact && verification.entriesChecked == 3)
      #expect(try await t.store.auditEntries(AuditFilter(subject: "member:2")).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aFieldChangedBehindTheStoresBackIsNamedByItsNumber(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      try await t.behindTheStoresBack(
        engine.dropTrigger("audit_entry_no_update"),
        #"UPDATE audit_entry SET after_json = '{"fullName":"Người khác"}' WHERE seq = 2"#)
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.broken == AuditBreak(sequence: 2, reason: .contentChanged))
      #expect(verification.entriesChecked == 1)
      #expect(verification.broken?.messageVi.contains("Mục #2 đã bị sửa") == true)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aChangedEntryWithItsHashRecomputedBreaksTheLinkOfTheNext(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let entries = try await Self.threeEntries(in: t.store)
      var forged = entries[1]
      forged.actorLogin = "nguoikhac"
      try await t.behindTheStoresBack(
        engine.dropTrigger("audit_entry_no_update"),
        "UPDATE audit_entry SET actor_login = 'nguoikhac', hash = '\(AuditChain.hash(of: forged))' WHERE seq = 2")
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.broken == AuditBreak(sequence: 3, reason: .linkBroken))
      #expect(verification.entriesChecked == 2)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRemovedRowShowsAsAGap(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      try await t.behindTheStoresBack(
        engine.dropTrigger("audit_entry_no_delete"), "DELETE FROM audit_entry WHERE seq = 2")
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.broken == AuditBreak(sequence: 2, reason: .entriesMissing, through: 2))
      #expect(verification.broken?.messageVi == "Thiếu mục #2: mục này đã bị xóa khỏi nhật ký.")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func removedNewestRowsShowAgainstTheHead(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      try await t.behindTheStoresBack(
        engine.dropTrigger("audit_entry_no_delete"), "DELETE FROM audit_entry WHERE seq >= 2")
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.broken == AuditBreak(sequence: 2, reason: .entriesMissing, through: 3))
      #expect(verification.entriesChecked == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aDeletedHeadIsTampering(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      try await t.behindTheStoresBack(engine.dropTrigger("audit_head_no_delete"), "DELETE FROM audit_head")
      #expect(try await t.store.verifyAuditChain().broken == AuditBreak(sequence: 4, reason: .headMissing))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func renumberedRowsAreReportedWhereTheOrderChanges(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      // Swap entries 2 and 3 by their numbers: each row is internally the same, only the order differs.
      try await t.behindTheStoresBack(
        engine.dropTrigger("audit_entry_no_update"),
        "UPDATE audit_entry SET seq = 100 WHERE seq = 2",
        "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
        "UPDATE audit_entry SET seq = 3 WHERE seq = 100")
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.broken == AuditBreak(sequence: 2, reason: .contentChanged))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aValueOfTheWrongTypeIsTamperingNotACrash(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      _ = try await Self.threeEntries(in: t.store)
      switch engine {
      case .sqliteInMemory, .sqliteFile:
        try await t.behindTheStoresBack(
          engine.dropTrigger("audit_entry_no_update"), "UPDATE audit_entry SET at_ms = 'hôm qua' WHERE seq = 3")
      case .postgres:
        // PostgreSQL keeps a column's type, so the column itself is changed first.
        try await t.behindTheStoresBack(
          engine.dropTrigger("audit_entry_no_update"), "ALTER TABLE audit_entry ALTER COLUMN at_ms TYPE text",
          "UPDATE audit_entry SET at_ms = 'hôm qua' WHERE seq = 3")
      }
      #expect(try await t.store.verifyAuditChain().broken == AuditBreak(sequence: 3, reason: .contentChanged))
      let listed = try await t.store.auditEntries(AuditFilter())
      #expect(listed.map(\.sequence) == [3, 2, 1], "still listed, not hidden")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func concurrentAppendsMakeOneChain(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      let store = t.store
      try await withThrowingTaskGroup(of: Void.self) { group in
        for n in 1...40 {
          group.addTask { _ = try await store.appendAudit(Self.entry("grade.set", "member:\(n)")) }
        }
        try await group.waitForAll()
      }
      let verification = try await store.verifyAuditChain()
      #expect(verification.isIntact)
      #expect(verification.entriesChecked == 40)
      #expect(Set(try await store.auditEntries(AuditFilter(limit: 100)).map(\.subject)).count == 40)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anEntryWrittenInAWritesTransactionIsUndoneWithIt(engine: StoreEngine) async throws {
    try await engine.withStore { t in
      await #expect(throws: WriteRefused.self) {
        try await t.append([(Self.entry("member.update", "member:1"), nil)], thenFail: true)
      }
      #expect(try await t.store.auditEntries(AuditFilter()).isEmpty)
      let next = try await t.store.appendAudit(Self.entry("member.update", "member:1"))
      #expect(next.sequence == 1)
      #expect(try await t.store.verifyAuditChain().isIntact)
      // Several entries in one write follow each other.
      try await t.append([(Self.entry("grade.set", "member:1"), nil), (Self.entry("grade.set", "member:2"), nil)])
      #expect(try await t.store.auditEntries(AuditFilter()).map(\.sequence) == [3, 2, 1])
      #expect(try await t.store.verifyAuditChain().entriesChecked == 3)
    }
  }

  /// Engines hash alike: a trail written by one and copied row by row into another verifies there, head
  /// included, and breaks there where it would break at home.
  @Test(arguments: [(StoreEngine.sqliteFile, StoreEngine.postgres), (.postgres, .sqliteFile)])
  func aChainCopiedToTheOtherEngineVerifiesThere(from: StoreEngine, to: StoreEngine) async throws {
    var written: [AuditEntry] = []
    try await from.withStore { t in
      written = try await Self.threeEntries(in: t.store)
      written.append(
        try await t.store.appendAudit(Self.entry("member.update", "member:1", before: "", after: "ký tự 'đ' và \\")))
    }
    try await to.withStore { t in
      try await t.copyIn(written)
      let verification = try await t.store.verifyAuditChain()
      #expect(verification.isIntact && verification.entriesChecked == 4)
      #expect(verification.lastHash == written.last?.hash)
      #expect(try await t.store.auditEntries(AuditFilter()) == written.reversed())
      // The next entry follows the copied ones.
      #expect(
        try await t.store.appendAudit(Self.entry("session.signOut", "account:admin")).previousHash == written[3].hash)
    }
  }

  @Test func recordsAreKeptAsJSONWithSortedKeys() throws {
    struct Record: Encodable {
      var name: String
      var cell: String
      var id: Int
    }
    #expect(
      try NewAuditEntry.json(Record(name: "An", cell: "KG.01/1", id: 3)) == #"{"cell":"KG.01/1","id":3,"name":"An"}"#)
  }
}
