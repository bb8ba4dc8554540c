import DangVuCore
import GRDB

/// One lifecycle act at a time, each in one write transaction with its audit entry (`LifecycleRecording`).
extension SQLiteStore {
  public func admitMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await writer.write { db in
      let saved = try Self.addOne(new, in: db)
      _ = try Self.append(
        LifecycleWrites.admission(
          new, saved: saved, by: actor, scope: try Self.scope(ofMember: saved.member.id, in: db)),
        in: db)
      return saved
    }
  }

  @discardableResult
  public func recordEvent(_ event: MembershipEvent, expectedVersion: Int?, by actor: AuditActor) async throws
    -> VersionedMember
  {
    guard event.kind != .transferSent else { throw LifecycleWrites.letterRequired }
    return try await writer.write { db in
      let before = try Self.checkedVersion(of: event.memberID, expected: expectedVersion, in: db)
      try Self.recordOne(event, in: db)
      try Self.audit(actor, "member.event", member: event.memberID, before: before, after: event, in: db)
      return try Self.versionedMember(id: event.memberID, in: db)!
    }
  }

  @discardableResult
  public func correctEvent(
    memberID: Int64, eventID: Int64, replacement: MembershipEvent?, reason: String, expectedVersion: Int?,
    by actor: AuditActor
  ) async throws -> VersionedMember {
    let reason = try LifecycleWrites.correctionReason(reason)
    return try await writer.write { db in
      _ = try Self.checkedVersion(of: memberID, expected: expectedVersion, in: db)
      guard
        let old = try db.cachedRow(
          sql: "SELECT member_id, kind, date, cell_id, note FROM membership_event WHERE id = ? AND member_id = ?",
          arguments: [eventID, memberID]
        ).map(Self.event)
      else { throw LifecycleWrites.unknownEvent }
      try LifecycleWrites.checkCorrectable(old, replacement: replacement)
      // Letters point at their events: a removed event takes its letter (kept in the history of changes).
      try db.execute(
        sql: "UPDATE transfer_letter SET received = NULL, received_event_id = NULL WHERE received_event_id = ?",
        arguments: [eventID])
      if let new = replacement {
        try db.execute(
          sql: "UPDATE membership_event SET kind = ?, date = ?, cell_id = ?, note = ? WHERE id = ?",
          arguments: [new.kind.rawValue, new.date.daysSinceEpoch, new.cellID, new.note, eventID])
      } else {
        try db.execute(sql: "DELETE FROM transfer_letter WHERE sent_event_id = ?", arguments: [eventID])
        try db.execute(sql: "DELETE FROM membership_event WHERE id = ?", arguments: [eventID])
      }
      try LifecycleWrites.checkEntryRemains(try Self.events(of: memberID, in: db))
      // Checks the corrected history whole, as recording does; a refusal rolls everything back.
      try Self.rebuildSpans(ofMember: memberID, in: db)
      try Self.keepAdmissionInStep(ofMember: memberID, in: db)
      try Self.keepLettersInStep(ofMember: memberID, in: db)
      try Self.bumpVersion(ofMember: memberID, in: db)
      // The correction is dated by its audit entry, as on PostgreSQL.
      let entry = try Self.append(
        LifecycleWrites.correction(
          old, replacement: replacement, reason: reason, by: actor, scope: try Self.scope(ofMember: memberID, in: db)),
        in: db)
      try db.execute(
        sql: """
          INSERT INTO membership_event_correction(member_id, event_id, old_kind, old_date, old_cell_id, old_note,
            new_kind, new_date, new_cell_id, new_note, reason, actor_login, at_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          memberID, eventID, old.kind.rawValue, old.date.daysSinceEpoch, old.cellID, old.note,
          replacement?.kind.rawValue, replacement?.date.daysSinceEpoch, replacement?.cellID, replacement?.note,
          reason, actor.login, entry.time.millisecondsSince1970,
        ])
      return try Self.versionedMember(id: memberID, in: db)!
    }
  }

  public func eventCorrections(ofMember id: Int64) async throws -> [EventCorrection] {
    try await writer.read { db in try Self.eventCorrections(ofMember: id, in: db) }
  }

  static func eventCorrections(ofMember id: Int64, in db: Database) throws -> [EventCorrection] {
    try db.cachedRows(
      sql: """
        SELECT id, event_id, old_kind, old_date, old_cell_id, old_note, new_kind, new_date, new_cell_id, new_note,
          reason, actor_login, at_ms
        FROM membership_event_correction WHERE member_id = ? ORDER BY id DESC
        """, arguments: [id]
    ).map { row in
      let old = MembershipEvent(
        memberID: id, kind: try StoredValue.decode(row[2], column: "membership_event_correction.old_kind"),
        date: Day(daysSinceEpoch: row[3]),
        cellID: row[4], note: row[5])
      let new = try (row[6] as String?).map { kind in
        MembershipEvent(
          memberID: id, kind: try StoredValue.decode(kind, column: "membership_event_correction.new_kind"),
          date: Day(daysSinceEpoch: row[7] as Int? ?? 0), cellID: row[8], note: row[9] as String? ?? "")
      }
      return EventCorrection(
        id: row[0], eventID: row[1], old: old, new: new, reason: row[10], actorLogin: row[11],
        at: AuditTime(millisecondsSince1970: row[12]))
    }
  }

  /// A member's events with their ids, in the order they were recorded.
  static func recordedEvents(of memberID: Int64, in db: Database) throws -> [RecordedEvent] {
    try db.cachedRows(
      sql: "SELECT id, member_id, kind, date, cell_id, note FROM membership_event WHERE member_id = ? ORDER BY id",
      arguments: [memberID]
    ).map { row in
      RecordedEvent(
        id: row[0],
        event: MembershipEvent(
          memberID: row[1], kind: try StoredValue.decode(row[2], column: "membership_event.kind"),
          date: Day(daysSinceEpoch: row[3]), cellID: row[4], note: row[5]))
    }
  }

  // MARK: Shared steps

  /// The member's history before the write, after checking the version the write was made from.
  static func checkedVersion(of memberID: Int64, expected: Int?, in db: Database) throws -> [MembershipEvent] {
    guard let stored = try versionedMember(id: memberID, in: db) else {
      throw MemberRules.unknownMember(memberID)
    }
    if let expected, stored.version != expected { throw StaleVersion(current: stored) }
    return try events(of: memberID, in: db)
  }

  /// Records one event through the same check as every other path (`record`), its reason unwrapped.
  static func recordOne(_ event: MembershipEvent, in db: Database) throws {
    do {
      try record([event], in: db)
    } catch let error as BatchItemError {
      throw error.error
    }
  }

  /// A corrected admission date must still find both sponsors official; with no admission left, the
  /// decision goes with it (the audit entry keeps the history as it was).
  static func keepAdmissionInStep(ofMember id: Int64, in db: Database) throws {
    guard let admission = try admission(ofMember: id, in: db) else { return }
    let timeline = try timeline(ofMember: id, in: db)
    guard let admitted = timeline.admissionDate else {
      try db.execute(sql: "DELETE FROM admission WHERE member_id = ?", arguments: [id])
      return
    }
    let standing = try standings(of: admission.sponsorIDs, on: admitted, in: db)
    let name = try String.fetchOne(db, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [id]) ?? ""
    try AdmissionRules.check(admission, memberName: name, admittedOn: admitted) { standing[$0] }
  }

  /// One member with its history, checked whole, indexed for search, in the write transaction `db`.
  static func addOne(_ new: NewMember, in db: Database) throws -> VersionedMember {
    if try RegisterIndexes.isDeferred(in: db) {
      throw DomainError(
        "register.loading", "Danh sách đảng viên đang được nạp hàng loạt; hãy ghi đảng viên sau khi nạp xong.")
    }
    let added: [Member]
    do {
      added = try Self.add([new], checked: nil, bulk: false, in: db).members
    } catch let error as BatchItemError {
      // One member: the batch position says nothing, the reason is what a person needs.
      throw error.error
    }
    try Self.indexForSearch(added, in: db)
    return try Self.versionedMember(id: added[0].id, in: db)!
  }

  static func audit<Before: Encodable, After: Encodable>(
    _ actor: AuditActor, _ action: String, member id: Int64, before: Before?, after: After?, in db: Database
  ) throws {
    _ = try append(
      LifecycleWrites.entry(
        actor, action, member: id, scope: try scope(ofMember: id, in: db), before: before, after: after),
      in: db)
  }

  /// The unit of the member's last span: where the member's entries are filed.
  static func scope(ofMember id: Int64, in db: Database) throws -> String? {
    try db.cachedValue(
      String.self,
      sql: """
        SELECT o.code FROM member_span s JOIN organisation o ON o.id = s.cell_id
        WHERE s.member_id = ? ORDER BY s.valid_from DESC LIMIT 1
        """, arguments: [id])
  }
}
