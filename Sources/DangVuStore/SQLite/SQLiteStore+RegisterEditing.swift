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

  public func cellGrades(code: String, year: Int) async throws -> CellGradeSheet {
    try await writer.read { db in try Self.cellGradeSheet(code: code, year: year, in: db) }
  }

  @discardableResult
  public func gradeCell(
    code: String, year: Int, entries: [CellGradeInput], expectedVersion: Int, by actor: AuditActor
  ) async throws -> CellGradeSheet {
    try await writer.write { db in
      let sheet = try Self.cellGradeSheet(code: code, year: year, in: db)
      guard sheet.version == expectedVersion else { throw StaleVersion(current: sheet) }
      let population = Set(sheet.rows.map(\.member.memberID))
      let context = try GradingContext(year: year, db: db)
      var reasons: [Int64: String] = [:]
      // Every row is tried so the page can say what is wrong with each; a refused row writes nothing
      // (GradingContext checks before it writes), and any refusal rolls the whole transaction back.
      for entry in entries {
        guard population.contains(entry.memberID) else {
          reasons[entry.memberID] =
            "Không thuộc diện xếp loại của \(sheet.cellName) vào ngày đánh giá \(sheet.evaluationDate.vietnamese)."
          continue
        }
        do {
          _ = try context.record(
            GradeEntry(
              subject: .member(entry.memberID), outcome: entry.outcome, sheet: entry.sheet,
              sickLeaveMonths: entry.sickLeaveMonths))
        } catch let error as DomainError {
          reasons[entry.memberID] = error.message
        }
      }
      guard reasons.isEmpty else { throw CellGradingRefused(reasons: reasons) }
      try context.flush()
      let saved = try Self.cellGradeSheet(code: code, year: year, in: db)
      _ = try Self.append(
        NewAuditEntry(
          actorLogin: actor.login, actorRole: actor.role, action: "grade.set", subject: "grades:\(code):\(year)",
          scopeCode: code, before: try NewAuditEntry.json(sheet), after: try NewAuditEntry.json(saved)), in: db)
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

  static func bumpGradeVersion(units: Set<Int64>, year: Int, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO grade_version(unit_id, year, version) VALUES (?, ?, 2)
        ON CONFLICT (unit_id, year) DO UPDATE SET version = version + 1
        """)
    for unit in units { try statement.execute(arguments: [unit, year]) }
  }

  // MARK: A cell's grading sheet

  static func cellGradeSheet(code: String, year: Int, in db: Database) throws -> CellGradeSheet {
    let unit = try requireOrganisation(code: code, in: db)
    guard try unitKinds(in: db).holdsMembers(unit.kind) else {
      throw DomainError(
        "evaluation.notACell",
        "\(unit.name) không phải chi bộ: đảng viên được xếp loại theo từng chi bộ, hãy mở trang của chi bộ.")
    }
    guard let cycle = try cycleCovering(unitID: unit.id, year: year, in: db) else {
      throw noCycle(year: year, code: code)
    }
    let scored: Bool
    if case .scored = Regulation.all.first(where: { $0.id == cycle.regulation })?.grading {
      scored = true
    } else {
      scored = false
    }
    let day = cycle.evaluationDate.daysSinceEpoch
    let members = try Row.fetchAll(
      db,
      sql: """
        SELECT m.id, m.full_name, m.party_card_number, s.standing, s.exempt FROM member_span s
        JOIN member m ON m.id = s.member_id
        WHERE s.cell_id = ? AND s.valid_from <= ? AND (s.valid_until IS NULL OR s.valid_until > ?)
        ORDER BY m.search_name, m.id
        """, arguments: [unit.id, day, day]
    ).map { row in
      (
        ref: CellMemberRef(memberID: row[0], fullName: row[1], partyCardNumber: row[2]),
        standing: try StoredValue.decode(row[3], column: "member_span.standing") as Standing, exempt: row[4] as Bool
      )
    }
    var saved: [Int64: SavedGrade] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT subject_id, outcome, score, sick_leave_months, state, framework, criteria, all_tasks_on_time,
          beyond_percent FROM grade
        WHERE cycle_id = ? AND unit_id = ? AND subject_class = 'member'
        """, arguments: [cycle.id, unit.id])
    {
      saved[row[0]] = SavedGrade(
        outcome: try StoredValue.decode(row[1], column: "grade.outcome", GradeOutcome.init(code:)), score: row[2],
        sickLeaveMonths: row[3], state: try StoredValue.decode(row[4], column: "grade.state"),
        sheet: try StoredScoreSheet.sheet(
          framework: row[5], criteria: row[6], onTime: row[7], beyond: row[8], table: "grade"))
    }
    let version =
      try db.cachedValue(
        Int.self, sql: "SELECT version FROM grade_version WHERE unit_id = ? AND year = ?", arguments: [unit.id, year])
      ?? 1
    let context = try GradingContext(year: year, db: db)
    var rows: [CellGradeRow] = []
    for m in members where !m.exempt {
      var row = CellGradeRow(
        member: m.ref, standing: m.standing, saved: saved[m.ref.memberID], automatic: nil, automaticReason: nil,
        allowed: [], limitReason: nil, problem: nil)
      do {
        let (resolved, subjectCycle) = try context.resolve(
          GradeEntry(subject: .member(m.ref.memberID), outcome: .graded(.complete)))
        preview(&row, facts: resolved.facts, on: subjectCycle.evaluationDate)
      } catch let error as DomainError {
        row.problem = error.message
      }
      rows.append(row)
    }
    return CellGradeSheet(
      cellCode: unit.code, cellName: unit.name, year: year, evaluationDate: cycle.evaluationDate,
      regulation: cycle.regulation, scored: scored, version: version, rows: rows,
      exempt: members.filter(\.exempt).map(\.ref))
  }

  /// Asks the rules about each grade before anything is proposed: an automatic outcome (too new, a pending
  /// case) replaces every grade; discipline in the year refuses some. Sick leave is typed on the page, so its
  /// limit shows only when the row is saved.
  private static func preview(_ row: inout CellGradeRow, facts: SubjectCircumstances, on date: Day) {
    for grade in Grade.allCases {
      do {
        let decision = try EvaluationRules.decide(.graded(grade), for: .member, facts, evaluatedOn: date)
        switch decision {
        case .record(let outcome, let why) where outcome != .graded(grade):
          row.automatic = outcome
          row.automaticReason = why
          row.allowed = []
          row.limitReason = nil
          return
        case .record:
          row.allowed.append(grade)
        case .outsidePopulation:
          row.problem = "Đang được miễn công tác và sinh hoạt đảng: không thuộc diện đánh giá, xếp loại."
          return
        }
      } catch {
        row.limitReason = row.limitReason ?? error.message
      }
    }
  }
}
