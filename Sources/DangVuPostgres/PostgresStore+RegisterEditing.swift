import DangVuCore
import DangVuStore
import PostgresNIO

/// Version-checked edits on PostgreSQL (SQLite's `SQLiteStore+RegisterEditing.swift`). SQLite's single writer makes
/// its compare-then-write safe; here the compare runs under the member's row lock (`lockedVersion`), so of two edits
/// made from the same version on two servers the second waits for the first, then reads its version and is refused.
extension PostgresStore: RegisterEditing {
  public func memberWithVersion(id: Int64) async throws -> VersionedMember? {
    try await read { transaction in try await Self.versionedMember(id: id, in: transaction) }
  }

  // One snapshot for the whole page, the subtree check included.
  public func memberRecord(id: Int64, within rootCode: String?, on today: Day) async throws -> MemberRecord? {
    try await read { transaction in
      guard let versioned = try await Self.versionedMember(id: id, in: transaction) else { return nil }
      // Showing a stored history, not recording one: every event was checked against the tree when it was
      // written, so its cells are not looked up again. The timeline still orders the events and yields the spans.
      let recorded = try await Self.recordedEvents(of: id, in: transaction)
      let timeline = try MemberTimeline(
        member: versioned.member, events: recorded.map(\.event), cell: { _, _ in .holdsMembers })
      if let rootCode {
        guard let last = timeline.spans.last,
          try await Self.exists(
            Self.reachable(id: last.cellID, rootCode: rootCode, on: last.until.map { $0.adding(days: -1) } ?? today),
            in: transaction)
        else { return nil }
      }
      let corrections = try await Self.eventCorrections(ofMember: id, in: transaction)
      var units: [Int64: Organisation] = [:]
      for unit in try await transaction.rows(
        """
        SELECT \(unescaped: Self.organisationColumns) FROM organisation o
        WHERE o.id = ANY(\(Array(LifecycleWrites.unitIDs(timeline, corrections: corrections))))
        """, columns: Self.organisationColumnNames
      ).map(Self.organisation) {
        units[unit.id] = unit
      }
      let admission = try await Self.admission(ofMember: id, in: transaction)
      var sponsorNames: [Int64: String] = [:]
      for row in try await transaction.rows(
        "SELECT id, full_name FROM member WHERE id = ANY(\(admission?.sponsorIDs ?? []))",
        columns: ["member.id", "member.full_name"])
      {
        sponsorNames[try row.value(0)] = try row.value(1)
      }
      var pendingLetter: TransferLetter?
      if let sent = LifecycleWrites.pendingSending(timeline, recorded: recorded) {
        pendingLetter = try await Self.transferLetter(id: sent, in: transaction)
      }
      return MemberRecord(
        versioned: versioned, timeline: timeline, units: units, admission: admission, sponsorNames: sponsorNames,
        recordedEvents: recorded, corrections: corrections, pendingLetter: pendingLetter,
        posts: try await Self.posts(where: "p.member_id = \(id)", in: transaction))
    }
  }

  public func createMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await writeRegister { transaction in
      let saved = try await Self.addOne(new, in: transaction)
      try await Self.appendMemberEntry(
        actor, "member.add", member: saved.member.id, before: nil as VersionedMember?, after: saved, in: transaction)
      return saved
    }
  }

  public func updateMember(_ member: Member, expectedVersion: Int, by actor: AuditActor) async throws
    -> VersionedMember
  {
    try await writeRegister { transaction in
      guard try await Self.lockedVersion(of: member.id, in: transaction) != nil,
        let stored = try await Self.versionedMember(id: member.id, in: transaction)
      else { throw MemberRules.unknownMember(member.id) }
      guard stored.version == expectedVersion else { throw StaleVersion(current: stored) }
      try await Self.update(member, in: transaction)
      let saved = try await Self.versionedMember(id: member.id, in: transaction)!
      try await Self.appendMemberEntry(
        actor, "member.update", member: member.id, before: stored, after: saved, in: transaction)
      return saved
    }
  }

  /// A member's events with their ids, in the order they were recorded.
  static func recordedEvents(of memberID: Int64, in transaction: PostgresTransaction) async throws
    -> [RecordedEvent]
  {
    try await transaction.rows(
      """
      SELECT \(unescaped: eventColumns), e.id FROM membership_event e WHERE e.member_id = \(memberID) ORDER BY e.id
      """, columns: eventColumnNames + ["membership_event.id"]
    ).map { RecordedEvent(id: try $0.value(5), event: try event($0)) }
  }

  /// Unit `id` is `rootCode` or below it on `day`, by the tree of that day alone (SQLite's `unitIsWithin`): where
  /// a member belonged, for posts and seats. The access check also reaches the units `rootCode` took over
  /// (`reachable`).
  static func unitIsWithin(id: Int64, rootCode: String, on day: Day, in transaction: PostgresTransaction)
    async throws -> Bool
  {
    try await exists(
      """
      WITH RECURSIVE up(id) AS (
        SELECT \(id)::bigint
        UNION
        SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
        WHERE p.valid_from <= \(day.daysSinceEpoch)
          AND (p.valid_until IS NULL OR p.valid_until > \(day.daysSinceEpoch)))
      SELECT 1 FROM up JOIN organisation o ON o.id = up.id WHERE o.code = \(rootCode) LIMIT 1
      """, in: transaction)
  }
}
