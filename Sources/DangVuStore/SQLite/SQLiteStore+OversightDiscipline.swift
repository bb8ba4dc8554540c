import DangVuCore
import GRDB

/// Discipline decisions and appeals, with their effects on the register and the tree in the same transaction.
extension SQLiteStore {
  @discardableResult
  public func recordDiscipline(_ batch: [DisciplineDecision], audit: ImportAudit?) async throws -> [DisciplineDecision]
  {
    try await writer.write { db in
      var result: [DisciplineDecision] = []
      for (index, decision) in batch.enumerated() {
        do {
          result.append(try Self.insert(decision, in: db))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        } catch let error as BatchItemError {
          throw BatchItemError(index: index, error: error.error)
        }
      }
      try Self.append(audit, in: db)
      return result
    }
  }

  static func insert(_ decision: DisciplineDecision, in db: Database) throws -> DisciplineDecision {
    var d = decision
    try OversightRules.checkCategories(
      d.categories, known: Set(try db.cachedRows(sql: "SELECT code FROM violation_category").map { $0[0] as String }))
    let body = try requireOrganisation(code: d.decidingBody.unitCode, in: db)
    if let inspection = d.inspectionID,
      try db.cachedValue(Bool.self, sql: "SELECT 1 FROM inspection WHERE id = ?", arguments: [inspection]) == nil
    {
      throw OversightRules.unknownInspectionBehind(inspection)
    }
    let subject = try resolve(d.subject, on: d.decided, in: db)
    if subject.isMember {
      let holdsPost =
        try db.cachedValue(
          Bool.self,
          sql: """
            SELECT 1 FROM member_post WHERE member_id = :id AND valid_from <= :day
            AND (valid_until IS NULL OR valid_until > :day)
            """, arguments: ["id": subject.id, "day": d.decided.daysSinceEpoch]) != nil
      try OversightRules.check(
        d,
        member: .init(name: subject.name, inRegister: true, probationary: subject.probationary, holdsPost: holdsPost))
    } else {
      try OversightRules.check(d, unitName: subject.name)
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO discipline_decision(is_member, subject_id, unit_id, form, form_now, body_organ, body_unit_id, number,
          decided, violated, inspection_id, self_corrected, note, categories)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      subject.isMember, subject.id, subject.unitID, d.form.rawValue, d.form.rawValue, d.decidingBody.organ.rawValue,
      body.id, d.number, d.decided.daysSinceEpoch, d.violated.daysSinceEpoch, d.inspectionID, d.selfCorrected, d.note,
      DisciplineCategories.encode(d.categories),
    ])
    d.id = db.lastInsertedRowID
    let category = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO discipline_violation(decision_id, category) VALUES (?, ?)")
    for code in d.categories { try category.execute(arguments: [d.id, code]) }
    try applyEffect(of: d.form, decision: d, subject: subject, on: d.decided, in: db)
    return d
  }

  /// Expulsion ends the membership on its date; dissolution ends the unit and everything under it.
  static func applyEffect(
    of form: DisciplineForm, decision d: DisciplineDecision, subject: ResolvedSubject, on day: Day, in db: Database
  ) throws {
    switch form {
    case .expulsion:
      do {
        try record(
          [MembershipEvent(memberID: subject.id, kind: .expelled, date: day, note: d.expulsionNote)], in: db)
      } catch let error as BatchItemError {
        throw OversightRules.expulsionRefused(subject.name, by: d, reason: error.error.message)
      }
    case .dissolution:
      let unit = try organisation(id: subject.id, in: db)!
      let ended = try Int64.fetchAll(
        db, sql: subtreeCTE + " SELECT sub.id FROM sub JOIN organisation o ON o.id = sub.id WHERE o.ended IS NULL",
        arguments: ["code": unit.code, "day": day.daysSinceEpoch])
      do {
        try end(unit, on: day, in: db)
      } catch let error as DomainError {
        throw OversightRules.dissolutionRefused(unit, by: d, reason: error.message)
      }
      let effect = try db.cachedStatement(
        sql: "INSERT INTO discipline_effect(decision_id, organisation_id) VALUES (?, ?)")
      for id in ended { try effect.execute(arguments: [d.id, id]) }
    case .reprimand, .warning, .dismissal:
      break
    }
  }

  /// Undoes what `applyEffect` did: the expulsion event goes and the member's spans are rebuilt from the
  /// remaining events; the units a dissolution ended are re-opened with their parent links.
  static func undoEffect(of form: DisciplineForm, decision d: DisciplineDecision, subjectID: Int64, in db: Database)
    throws
  {
    switch form {
    case .expulsion:
      try db.execute(
        sql: "DELETE FROM membership_event WHERE member_id = ? AND kind = ? AND note = ?",
        arguments: [subjectID, MembershipEventKind.expelled.rawValue, d.expulsionNote])
      try rebuildSpans(ofMember: subjectID, in: db)
    case .dissolution:
      let ids = try Int64.fetchAll(
        db, sql: "SELECT organisation_id FROM discipline_effect WHERE decision_id = ?", arguments: [d.id])
      let day = d.decided.daysSinceEpoch
      for id in ids {
        try db.execute(sql: "UPDATE organisation SET ended = NULL WHERE id = ? AND ended = ?", arguments: [id, day])
        try db.execute(
          sql: "UPDATE organisation_parent SET valid_until = NULL WHERE child_id = ? AND valid_until = ?",
          arguments: [id, day])
        // Which province a cell sits under over time feeds the register's monthly sums.
        try MemberStockRollup.markStale(db)
      }
      try db.execute(sql: "DELETE FROM discipline_effect WHERE decision_id = ?", arguments: [d.id])
    case .reprimand, .warning, .dismissal:
      break
    }
  }

  /// Checks the member's remaining history again and rewrites the derived spans and current cell.
  static func rebuildSpans(ofMember id: Int64, in db: Database) throws {
    guard
      let member = try Row.fetchOne(db, sql: "SELECT \(memberColumns) FROM member m WHERE m.id = ?", arguments: [id])
        .map(Self.member)
    else { throw MemberRules.unknownMember(id) }
    var list = [member]
    try attachPosts(to: &list, in: db)
    let timeline = try MemberTimeline(
      member: list[0], events: try events(of: id, in: db), cell: try CellLookup(db: db).check)
    try MemberStockRollup.apply(member: id, sign: -1, in: db)
    try db.execute(sql: "DELETE FROM member_span WHERE member_id = ?", arguments: [id])
    try insertSpans(of: id, timeline, in: db)
    try MemberStockRollup.apply(member: id, sign: 1, in: db)
    try db.execute(sql: "UPDATE member SET current_cell_id = ? WHERE id = ?", arguments: [timeline.currentCellID, id])
  }

  @discardableResult
  public func recordAppeals(_ batch: [Appeal], audit: ImportAudit?) async throws -> [Appeal] {
    try await writer.write { db in
      var result: [Appeal] = []
      for (index, appeal) in batch.enumerated() {
        do {
          result.append(try Self.insert(appeal, in: db))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        } catch let error as BatchItemError {
          throw BatchItemError(index: index, error: error.error)
        }
      }
      try Self.append(audit, in: db)
      return result
    }
  }

  static func insert(_ appeal: Appeal, in db: Database) throws -> Appeal {
    var appeal = appeal
    guard let history = try disciplineHistory(decisionID: appeal.decisionID, in: db) else {
      throw OversightRules.unknownAppealedDecision(appeal.decisionID)
    }
    try OversightRules.check(appeal, against: history, isMember: history.decision.subject.isMember)
    try db.execute(
      sql:
        "INSERT INTO discipline_appeal(decision_id, lodged, decided, outcome, new_form, note) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [
        appeal.decisionID, appeal.lodged.daysSinceEpoch, appeal.decided.daysSinceEpoch, appeal.outcome.code,
        appeal.outcome.newForm?.rawValue, appeal.note,
      ])
    appeal.id = db.lastInsertedRowID
    let effects = history.effects(of: appeal)
    let subjectID = try db.cachedValue(
      Int64.self, sql: "SELECT subject_id FROM discipline_decision WHERE id = ?", arguments: [appeal.decisionID])!
    if let undo = effects.undo {
      try undoEffect(of: undo, decision: history.decision, subjectID: subjectID, in: db)
    }
    if let apply = effects.apply {
      let subject = try resolve(history.decision.subject, on: appeal.decided, in: db)
      try applyEffect(of: apply, decision: history.decision, subject: subject, on: appeal.decided, in: db)
    }
    try db.execute(
      sql: """
        UPDATE discipline_decision SET form_now = :form, first_appeal = MIN(COALESCE(first_appeal, :day), :day)
        WHERE id = :id
        """,
      arguments: ["form": effects.inForce?.rawValue, "day": appeal.decided.daysSinceEpoch, "id": appeal.decisionID])
    return appeal
  }

  public func disciplinedMembers(year: Int) async throws -> [Int64: Bool] {
    try await writer.read { db in
      var members: [Int64: Bool] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT subject_id, MIN(self_corrected) FROM discipline_decision
          WHERE is_member = 1 AND decided BETWEEN ? AND ? AND form_now IS NOT NULL GROUP BY subject_id
          """,
        arguments: [
          Day.firstDay(ofYear: year).daysSinceEpoch, Day.lastDay(ofYear: year).daysSinceEpoch,
        ])
      {
        members[row[0]] = row[1]
      }
      return members
    }
  }

  public func disciplineDecisionIDs(numbers: [String]) async throws -> [String: [Int64]] {
    try await writer.read { db in
      var ids: [String: [Int64]] = [:]
      let statement = try db.cachedStatement(sql: "SELECT id FROM discipline_decision WHERE number = ? ORDER BY id")
      for number in numbers { ids[number] = try Int64.fetchAll(statement, arguments: [number]) }
      return ids
    }
  }

  public func disciplineHistory(of subject: OversightSubject) async throws -> [DisciplineHistory] {
    try await writer.read { db in
      let key: (Bool, Int64)
      switch subject {
      case .member(let id): key = (true, id)
      case .unit(let code): key = (false, try Self.requireOrganisation(code: code, in: db).id)
      }
      return try Int64.fetchAll(
        db, sql: "SELECT id FROM discipline_decision WHERE is_member = ? AND subject_id = ? ORDER BY decided, id",
        arguments: [key.0, key.1]
      ).compactMap { try Self.disciplineHistory(decisionID: $0, in: db) }
    }
  }

  static func disciplineHistory(decisionID: Int64, in db: Database) throws -> DisciplineHistory? {
    guard
      let row = try db.cachedRow(
        sql: """
          SELECT d.is_member, d.subject_id, d.form, d.body_organ, o.code, d.number, d.decided, d.violated,
            d.inspection_id, d.self_corrected, d.note
          FROM discipline_decision d JOIN organisation o ON o.id = d.body_unit_id WHERE d.id = ?
          """, arguments: [decisionID])
    else { return nil }
    let categories = try db.cachedRows(
      sql: """
        SELECT v.category FROM discipline_violation v JOIN violation_category c ON c.code = v.category
        WHERE v.decision_id = ? ORDER BY c.rank
        """, arguments: [decisionID]
    ).map { $0[0] as String }
    let decision = DisciplineDecision(
      id: decisionID, subject: try subject(isMember: row[0], id: row[1], in: db),
      form: try StoredValue.decode(row[2], column: "discipline_decision.form"),
      categories: categories,
      decidingBody: ConductingBody(try StoredValue.decode(row[3], column: "discipline_decision.organ"), of: row[4]),
      number: row[5], decided: Day(daysSinceEpoch: row[6]), violated: Day(daysSinceEpoch: row[7]),
      inspectionID: row[8], selfCorrected: row[9], note: row[10])
    let appeals = try db.cachedRows(
      sql:
        "SELECT id, lodged, decided, outcome, new_form, note FROM discipline_appeal WHERE decision_id = ? ORDER BY decided, id",
      arguments: [decisionID]
    ).map { r in
      Appeal(
        id: r[0], decisionID: decisionID, lodged: Day(daysSinceEpoch: r[1]), decided: Day(daysSinceEpoch: r[2]),
        outcome: try Appeal.Outcome.stored(r[3], newForm: r[4]), note: r[5])
    }
    return DisciplineHistory(decision: decision, appeals: appeals)
  }
}
