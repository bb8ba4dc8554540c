import DangVuCore
import GRDB

/// Version-checked edits: the compare and the write run in one write transaction, and SQLite has one
/// writer at a time, so two edits made from the same version cannot both pass the compare.
extension SQLiteStore {
  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func memberWithVersion(id: Int64) async throws -> VersionedMember? {
    try readOnCallingThread { db in try Self.versionedMember(id: id, in: db) }
  }

  // One read for the whole page: at 100 connections each extra hop to a reader connection shows.
  public func memberRecord(id: Int64, within rootCode: String?, on today: Day) async throws -> MemberRecord? {
    try readOnCallingThread { db in
      guard let versioned = try Self.versionedMember(id: id, in: db) else { return nil }
      // Showing a stored history, not recording one: every event was checked against the tree when it was
      // written, so its cells are not looked up again (that, with the unit kinds read for it, was a fifth
      // of the member page). The timeline still orders the events and yields the spans.
      let recorded = try Self.recordedEvents(of: id, in: db)
      let timeline = try MemberTimeline(
        member: versioned.member, events: recorded.map(\.event), cell: { _, _ in .holdsMembers })
      if let rootCode {
        guard let last = timeline.spans.last,
          try Self.unitIsReachable(
            id: last.cellID, rootCode: rootCode, on: last.until.map { $0.adding(days: -1) } ?? today, in: db)
        else { return nil }
      }
      let corrections = try Self.eventCorrections(ofMember: id, in: db)
      var units: [Int64: Organisation] = [:]
      for unitID in LifecycleWrites.unitIDs(timeline, corrections: corrections) {
        units[unitID] = try Self.organisation(id: unitID, in: db)
      }
      let admission = try Self.admission(ofMember: id, in: db)
      var sponsorNames: [Int64: String] = [:]
      for sponsor in admission?.sponsorIDs ?? [] {
        sponsorNames[sponsor] = try db.cachedValue(
          String.self, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [sponsor])
      }
      let pendingLetter = try LifecycleWrites.pendingSending(timeline, recorded: recorded).flatMap {
        try Self.transferLetter(id: $0, in: db)
      }
      return MemberRecord(
        versioned: versioned, timeline: timeline, units: units, admission: admission, sponsorNames: sponsorNames,
        recordedEvents: recorded, corrections: corrections,
        pendingLetter: pendingLetter, posts: try Self.posts(where: "p.member_id = ?", [id], in: db))
    }
  }

  public func createMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await writer.write { db in
      let saved = try Self.addOne(new, in: db)
      try Self.audit(
        actor, "member.add", member: saved.member.id, before: nil as VersionedMember?, after: saved, in: db)
      return saved
    }
  }

  public func updateMember(_ member: Member, expectedVersion: Int, by actor: AuditActor) async throws
    -> VersionedMember
  {
    try await writer.write { db in
      guard let stored = try Self.versionedMember(id: member.id, in: db) else {
        throw MemberRules.unknownMember(member.id)
      }
      guard stored.version == expectedVersion else { throw StaleVersion(current: stored) }
      try Self.update(member, in: db)
      let saved = try Self.versionedMember(id: member.id, in: db)!
      try Self.audit(actor, "member.update", member: member.id, before: stored, after: saved, in: db)
      return saved
    }
  }

  // MARK: Versions

  static func versionedMember(id: Int64, in db: Database) throws -> VersionedMember? {
    guard
      let row = try db.cachedRow(
        sql: "SELECT \(memberColumns), m.version FROM member m WHERE m.id = ?", arguments: [id])
    else { return nil }
    var list = [try member(row)]
    try attachPosts(to: &list, in: db)
    return VersionedMember(member: list[0], version: row[12])
  }

  /// Every write to a member moves its version on: an edit made from the page as it was is then stale.
  static func bumpVersion(ofMember id: Int64, in db: Database) throws {
    try db.cachedStatement(sql: "UPDATE member SET version = version + 1 WHERE id = ?").execute(arguments: [id])
  }
}
