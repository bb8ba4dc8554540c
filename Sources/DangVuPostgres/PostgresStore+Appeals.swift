import DangVuCore
import DangVuStore
import PostgresNIO

/// Appeals and corrections of discipline decisions on PostgreSQL (SQLite's `insert(_ appeal:)`, `recordAppeal`,
/// `correctDiscipline`). The decisions are locked by their rows, in id order, before they are read: two servers
/// settling appeals of one decision at once settle them one after the other, each undoing and applying effects from
/// the form the other left, and each correction's entry keeps as `before` what the previous one wrote.
extension PostgresStore {
  /// Whether any of the decisions is about a unit (a dissolution may be undone or applied): fixed when the decision
  /// is written, so it is read before any lock to choose the tree's lock.
  func aboutUnits(_ ids: [Int64]) async throws -> Bool {
    try await !statement(
      "SELECT 1 FROM discipline_decision WHERE id = ANY(\(ids)) AND NOT is_member LIMIT 1", columns: ["exists"]
    ).isEmpty
  }

  static func lockDecisions(_ ids: [Int64], in transaction: PostgresTransaction) async throws {
    try await transaction.query(
      "SELECT id FROM discipline_decision WHERE id = ANY(\(Array(Set(ids)).sorted())) ORDER BY id FOR UPDATE")
  }

  @discardableResult
  public func recordAppeals(_ batch: [Appeal], audit: ImportAudit?) async throws -> [Appeal] {
    let ids = batch.map(\.decisionID)
    return try await writeDiscipline(changesTree: try await aboutUnits(ids)) { transaction in
      try await Self.lockDecisions(ids, in: transaction)
      let result = try await Self.each(batch) { try await Self.insert($0, in: transaction) }
      try await Self.append(audit, in: transaction)
      return result
    }
  }

  @discardableResult
  public func recordAppeal(_ appeal: Appeal, by actor: AuditActor) async throws -> Appeal {
    try await writeDiscipline(changesTree: try await aboutUnits([appeal.decisionID])) { transaction in
      try await Self.lockDecisions([appeal.decisionID], in: transaction)
      guard let before = try await Self.disciplineHistory(decisionID: appeal.decisionID, in: transaction) else {
        throw OversightRules.unknownAppealedDecision(appeal.decisionID)
      }
      let saved = try await Self.insert(appeal, in: transaction)
      _ = try await Self.append(.disciplineAppealed(before: before, saved: saved, by: actor), in: transaction)
      return saved
    }
  }

  static func insert(_ appeal: Appeal, in transaction: PostgresTransaction) async throws -> Appeal {
    var appeal = appeal
    guard let history = try await disciplineHistory(decisionID: appeal.decisionID, in: transaction) else {
      throw OversightRules.unknownAppealedDecision(appeal.decisionID)
    }
    try OversightRules.check(appeal, against: history, isMember: history.decision.subject.isMember)
    appeal.id = try await transaction.rows(
      """
      INSERT INTO discipline_appeal(decision_id, lodged, decided, outcome, new_form, note)
      VALUES (\(appeal.decisionID), \(appeal.lodged.daysSinceEpoch), \(appeal.decided.daysSinceEpoch),
        \(appeal.outcome.code), \(appeal.outcome.newForm?.rawValue), \(appeal.note))
      RETURNING id
      """, columns: ["discipline_appeal.id"]
    )[0].value(0)
    let effects = history.effects(of: appeal)
    let subjectID: Int64 = try await transaction.rows(
      "SELECT subject_id FROM discipline_decision WHERE id = \(appeal.decisionID)",
      columns: ["discipline_decision.subject_id"]
    )[0].value(0)
    if let undo = effects.undo {
      try await undoEffect(of: undo, decision: history.decision, subjectID: subjectID, in: transaction)
    }
    if let apply = effects.apply {
      let subject = try await resolve(history.decision.subject, on: appeal.decided, in: transaction)
      try await applyEffect(
        of: apply, decision: history.decision, subject: subject, on: appeal.decided, in: transaction)
    }
    let day = appeal.decided.daysSinceEpoch
    try await transaction.query(
      """
      UPDATE discipline_decision SET form_now = \(effects.inForce?.rawValue),
        first_appeal = LEAST(COALESCE(first_appeal, \(day)), \(day))
      WHERE id = \(appeal.decisionID)
      """)
    return appeal
  }

  public func correctDiscipline(_ correction: DisciplineCorrection, by actor: AuditActor) async throws
    -> DisciplineDecision
  {
    try await writeRegister { transaction in
      try await Self.lockDecisions([correction.decisionID], in: transaction)
      guard let before = try await Self.disciplineHistory(decisionID: correction.decisionID, in: transaction)?.decision
      else { throw OversightRules.unknownDecision(correction.decisionID) }
      try OversightRules.check(correction, of: before)
      try OversightRules.checkCategories(correction.categories, known: try await Self.knownCategories(in: transaction))
      let after = correction.applied(to: before)
      try await transaction.query(
        """
        UPDATE discipline_decision SET number = \(after.number), violated = \(after.violated.daysSinceEpoch),
          categories = \(DisciplineCategories.encode(after.categories)), self_corrected = \(after.selfCorrected),
          note = \(after.note)
        WHERE id = \(after.id)
        """)
      try await transaction.query("DELETE FROM discipline_violation WHERE decision_id = \(after.id)")
      try await Self.writeViolations(of: after, in: transaction)
      // An expulsion's event cites the decision by its number: it cites the corrected one, so the member's history
      // reads right and an appeal that annuls the decision later still finds its event.
      if before.number != after.number, case .member(let memberID) = after.subject {
        try await transaction.query(
          """
          UPDATE membership_event SET note = \(after.expulsionNote)
          WHERE member_id = \(memberID) AND kind = \(MembershipEventKind.expelled.rawValue)
            AND note = \(before.expulsionNote)
          """)
      }
      _ = try await Self.append(
        .disciplineCorrected(before: before, after: after, reason: correction.reason, by: actor), in: transaction)
      return after
    }
  }
}
