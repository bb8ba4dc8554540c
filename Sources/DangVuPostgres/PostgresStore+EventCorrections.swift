import DangVuCore
import DangVuStore
import PostgresNIO

/// Corrections of a member's history (SQLite's `correctEvent`): the event row is replaced in place (it keeps its id,
/// which letters and corrections name) or removed, the whole history checked again, and the old event kept with the
/// reason in `membership_event_correction`.
extension PostgresStore {
  @discardableResult
  public func correctEvent(
    memberID: Int64, eventID: Int64, replacement: MembershipEvent?, reason: String, expectedVersion: Int?,
    by actor: AuditActor
  ) async throws -> VersionedMember {
    let reason = try LifecycleWrites.correctionReason(reason)
    return try await writeRegister { transaction in
      _ = try await Self.checkedVersion(of: memberID, expected: expectedVersion, in: transaction)
      guard
        let old = try await transaction.rows(
          """
          SELECT \(unescaped: Self.eventColumns) FROM membership_event e
          WHERE e.id = \(eventID) AND e.member_id = \(memberID)
          """, columns: Self.eventColumnNames
        ).first.map(Self.event)
      else { throw LifecycleWrites.unknownEvent }
      try LifecycleWrites.checkCorrectable(old, replacement: replacement)
      if let new = replacement {
        try await transaction.query(
          """
          UPDATE membership_event SET kind = \(new.kind.rawValue), date = \(new.date.daysSinceEpoch),
            cell_id = \(new.cellID), note = \(new.note)
          WHERE id = \(eventID)
          """)
      } else {
        // Letters point at their events: a removed sending takes its letter (kept in the history of changes).
        try await transaction.query("DELETE FROM transfer_letter WHERE sent_event_id = \(eventID)")
        try await transaction.query("DELETE FROM membership_event WHERE id = \(eventID)")
      }
      let history = try await Self.events(of: memberID, in: transaction)
      try LifecycleWrites.checkEntryRemains(history)
      // Checks the corrected history whole, as recording does; a refusal rolls everything back.
      let rebuilt = try await Self.rebuildSpans(ofMember: memberID, history, in: transaction)
      try await Self.keepAdmissionInStep(of: rebuilt.member, rebuilt.timeline, in: transaction)
      try await Self.keepLettersInStep(ofMember: memberID, in: transaction)
      try await transaction.query("UPDATE member SET version = version + 1 WHERE id = \(memberID)")
      let entry = try await Self.append(
        LifecycleWrites.correction(
          old, replacement: replacement, reason: reason, by: actor,
          scope: try await Self.scope(ofMember: memberID, in: transaction)), in: transaction)
      // The correction's time is its entry's: the database's clock, as every entry's (the store reads none).
      try await transaction.query(
        """
        INSERT INTO membership_event_correction(member_id, event_id, old_kind, old_date, old_cell_id, old_note,
          new_kind, new_date, new_cell_id, new_note, reason, actor_login, at_ms)
        VALUES (\(memberID), \(eventID), \(old.kind.rawValue), \(old.date.daysSinceEpoch), \(old.cellID),
          \(old.note), \(replacement?.kind.rawValue), \(replacement?.date.daysSinceEpoch), \(replacement?.cellID),
          \(replacement?.note), \(reason), \(actor.login), \(entry.time.millisecondsSince1970))
        """)
      return try await Self.versionedMember(id: memberID, in: transaction)!
    }
  }

  public func eventCorrections(ofMember id: Int64) async throws -> [EventCorrection] {
    try await read { transaction in try await Self.eventCorrections(ofMember: id, in: transaction) }
  }

  static func eventCorrections(ofMember id: Int64, in transaction: PostgresTransaction) async throws
    -> [EventCorrection]
  {
    let table = "membership_event_correction."
    return try await transaction.rows(
      """
      SELECT id, event_id, old_kind, old_date, old_cell_id, old_note, new_kind, new_date, new_cell_id, new_note,
        reason, actor_login, at_ms
      FROM membership_event_correction WHERE member_id = \(id) ORDER BY id DESC
      """,
      columns: [
        "id", "event_id", "old_kind", "old_date", "old_cell_id", "old_note", "new_kind", "new_date", "new_cell_id",
        "new_note", "reason", "actor_login", "at_ms",
      ].map { table + $0 }
    ).map { row in
      let old = MembershipEvent(
        memberID: id, kind: try StoredValue.decode(try row.value(2, as: String.self), column: row.columns[2]),
        date: try row.day(3), cellID: try row.optional(4), note: try row.value(5))
      let new = try row.optional(6, as: String.self).map { kind in
        MembershipEvent(
          memberID: id, kind: try StoredValue.decode(kind, column: row.columns[6]), date: try row.day(7),
          cellID: try row.optional(8), note: try row.value(9))
      }
      return EventCorrection(
        id: try row.value(0), eventID: try row.value(1), old: old, new: new, reason: try row.value(10),
        actorLogin: try row.value(11), at: AuditTime(millisecondsSince1970: try row.value(12)))
    }
  }

  /// The member's spans rebuilt from `history` after an event changed in place or went, the history checked whole
  /// by `MemberTimeline` as `record` checks an extended one.
  static func rebuildSpans(ofMember id: Int64, _ history: [MembershipEvent], in transaction: PostgresTransaction)
    async throws -> (member: Member, timeline: MemberTimeline)
  {
    guard let member = try await members(where: "m.id = \(id)", in: transaction).first else {
      throw MemberRules.unknownMember(id)
    }
    let cells = try await CellsRead.of(history, in: transaction)
    let timeline = try MemberTimeline(member: member, events: history, cell: cells.check)
    // The register's monthly sums move with the spans, as `record` moves them.
    let keepingSums = try await memberStockKept(in: transaction)
    let before = keepingSums ? try await storedSpans(of: id, in: transaction) : []
    try await transaction.query("DELETE FROM member_span WHERE member_id = \(id)")
    try await spanRows.insert(timeline.spans.map { (id, $0) }, in: transaction)
    try await transaction.query("UPDATE member SET current_cell_id = \(timeline.currentCellID) WHERE id = \(id)")
    if keepingSums {
      try await addToMemberStock(removing: [(member, before)], adding: [(member, timeline.spans)], in: transaction)
    }
    return (member, timeline)
  }

  /// A corrected admission date must still find both sponsors official; with no admission left, the decision goes
  /// with it (the audit entry keeps the history as it was).
  static func keepAdmissionInStep(of member: Member, _ timeline: MemberTimeline, in transaction: PostgresTransaction)
    async throws
  {
    let id = member.id
    guard let admission = try await admission(ofMember: id, in: transaction) else { return }
    guard let admitted = timeline.admissionDate else {
      try await transaction.query("DELETE FROM admission WHERE member_id = \(id)")
      return
    }
    let d = admitted.daysSinceEpoch
    var standings: [Int64: Standing] = [:]
    for row in try await transaction.rows(
      """
      SELECT member_id, standing FROM member_span
      WHERE member_id = ANY(\(admission.sponsorIDs)) AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
      """, columns: ["member_span.member_id", "member_span.standing"])
    {
      standings[try row.value(0)] = try standing(row, 1)
    }
    try AdmissionRules.check(admission, memberName: member.fullName, admittedOn: admitted) { standings[$0] }
  }

  static func admission(ofMember id: Int64, in transaction: PostgresTransaction) async throws -> Admission? {
    try await transaction.rows(
      "SELECT member_id, decision_number, sponsor_1, sponsor_2 FROM admission WHERE member_id = \(id)",
      columns: ["admission.member_id", "admission.decision_number", "admission.sponsor_1", "admission.sponsor_2"]
    ).first.map {
      Admission(
        memberID: try $0.value(0), decisionNumber: try $0.value(1), sponsorIDs: [try $0.value(2), try $0.value(3)])
    }
  }
}
