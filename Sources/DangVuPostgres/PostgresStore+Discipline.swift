import DangVuCore
import DangVuStore
import PostgresNIO

/// Discipline decisions on PostgreSQL (SQLite's `SQLiteStore+OversightDiscipline.swift`), with their effects on the
/// register and the tree in the same transaction: an expulsion is an event in the member's history (the register's
/// own `record`), a dissolution ends the unit and its subtree (the tree's own `end`), recorded in `discipline_effect`
/// so that annulling it re-opens exactly those units.
///
/// A write that may end or re-open units (a decision or appeal about a unit) holds the tree's lock alone, as a tree
/// change does; one about members holds it shared, as register writes do. A decision being appealed or corrected is
/// locked by its row, so two appeals (or corrections) of one decision read it as the other left it.
extension PostgresStore {
  /// Runs `body` holding the tree's lock alone when `changesTree`, shared otherwise.
  func writeDiscipline<Result: Sendable>(
    changesTree: Bool, _ body: @Sendable (PostgresTransaction) async throws -> Result
  ) async throws -> Result {
    changesTree ? try await writeTree(body) : try await writeRegister(body)
  }

  @discardableResult
  public func recordDiscipline(_ batch: [DisciplineDecision], audit: ImportAudit?) async throws -> [DisciplineDecision]
  {
    try await writeDiscipline(changesTree: batch.contains { !$0.subject.isMember }) { transaction in
      let result = try await Self.each(batch) { try await Self.insert($0, in: transaction) }
      try await Self.append(audit, in: transaction)
      return result
    }
  }

  public func recordDiscipline(_ decision: DisciplineDecision, by actor: AuditActor) async throws
    -> DisciplineDecision
  {
    try await writeDiscipline(changesTree: !decision.subject.isMember) { transaction in
      let saved = try await Self.insert(decision, in: transaction)
      _ = try await Self.append(.disciplineAdded(saved, by: actor), in: transaction)
      return saved
    }
  }

  /// `body` on each record of a batch in order; a refusal names the record's place in the batch (a refusal from
  /// inside, the register's for an expulsion, takes the decision's place).
  static func each<Record: Sendable, Result>(_ batch: [Record], _ body: (Record) async throws -> Result) async throws
    -> [Result]
  {
    var results: [Result] = []
    for (index, record) in batch.enumerated() {
      do {
        results.append(try await body(record))
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      } catch let error as BatchItemError {
        throw BatchItemError(index: index, error: error.error)
      }
    }
    return results
  }

  static func knownCategories(in transaction: PostgresTransaction) async throws -> Set<String> {
    Set(
      try await transaction.rows("SELECT code FROM violation_category", columns: ["violation_category.code"]).map {
        try $0.value(0, as: String.self)
      })
  }

  static func insert(_ decision: DisciplineDecision, in transaction: PostgresTransaction) async throws
    -> DisciplineDecision
  {
    var d = decision
    try OversightRules.checkCategories(d.categories, known: try await knownCategories(in: transaction))
    let body = try await requireOrganisation(code: d.decidingBody.unitCode, in: transaction)
    if let inspection = d.inspectionID,
      try await !exists("SELECT 1 FROM inspection WHERE id = \(inspection)", in: transaction)
    {
      throw OversightRules.unknownInspectionBehind(inspection)
    }
    let subject = try await resolve(d.subject, on: d.decided, in: transaction)
    let day = d.decided.daysSinceEpoch
    if subject.isMember {
      let holdsPost = try await exists(
        """
        SELECT 1 FROM member_post WHERE member_id = \(subject.id) AND valid_from <= \(day)
        AND (valid_until IS NULL OR valid_until > \(day))
        """, in: transaction)
      try OversightRules.check(
        d,
        member: .init(name: subject.name, inRegister: true, probationary: subject.probationary, holdsPost: holdsPost))
    } else {
      try OversightRules.check(d, unitName: subject.name)
    }
    d.id = try await transaction.rows(
      """
      INSERT INTO discipline_decision(is_member, subject_id, unit_id, form, form_now, body_organ, body_unit_id, number,
        decided, violated, inspection_id, self_corrected, note, categories)
      VALUES (\(subject.isMember), \(subject.id), \(subject.unitID), \(d.form.rawValue), \(d.form.rawValue),
        \(d.decidingBody.organ.rawValue), \(body.id), \(d.number), \(day), \(d.violated.daysSinceEpoch),
        \(d.inspectionID), \(d.selfCorrected), \(d.note), \(DisciplineCategories.encode(d.categories)))
      RETURNING id
      """, columns: ["discipline_decision.id"]
    )[0].value(0)
    try await writeViolations(of: d, in: transaction)
    try await applyEffect(of: d.form, decision: d, subject: subject, on: d.decided, in: transaction)
    return d
  }

  /// The decision's categories, one row each (what grading and the lists read).
  static func writeViolations(of d: DisciplineDecision, in transaction: PostgresTransaction) async throws {
    try await transaction.query(
      """
      INSERT INTO discipline_violation(decision_id, category)
      SELECT \(d.id), c FROM unnest(\(Set(d.categories).sorted())::text[]) AS u(c)
      """)
  }

  /// Expulsion ends the membership on its date; dissolution ends the unit and everything under it.
  static func applyEffect(
    of form: DisciplineForm, decision d: DisciplineDecision, subject: ResolvedOversightSubject, on day: Day,
    in transaction: PostgresTransaction
  ) async throws {
    switch form {
    case .expulsion:
      do {
        try await record(
          [MembershipEvent(memberID: subject.id, kind: .expelled, date: day, note: d.expulsionNote)], in: transaction)
      } catch let error as BatchItemError {
        throw OversightRules.expulsionRefused(subject.name, by: d, reason: error.error.message)
      }
    case .dissolution:
      let unit = try await organisation(id: subject.id, in: transaction)!
      let ended = try await transaction.rows(
        inSubtree(
          of: unit.code, on: day, "SELECT sub.id FROM sub JOIN organisation o ON o.id = sub.id WHERE o.ended IS NULL"),
        columns: ["organisation.id"]
      ).map { try $0.value(0, as: Int64.self) }
      do {
        try await end(unit, on: day, in: transaction)
      } catch let error as DomainError {
        throw OversightRules.dissolutionRefused(unit, by: d, reason: error.message)
      }
      try await transaction.query(
        """
        INSERT INTO discipline_effect(decision_id, organisation_id) SELECT \(d.id), o FROM unnest(\(ended)::bigint[]) AS u(o)
        """)
    case .reprimand, .warning, .dismissal:
      break
    }
  }

  /// Undoes what `applyEffect` did: the expulsion event goes and the member's history is checked and its spans
  /// written again; the units a dissolution ended are re-opened with their parent links.
  static func undoEffect(
    of form: DisciplineForm, decision d: DisciplineDecision, subjectID: Int64, in transaction: PostgresTransaction
  ) async throws {
    switch form {
    case .expulsion:
      try await transaction.query(
        """
        DELETE FROM membership_event
        WHERE member_id = \(subjectID) AND kind = \(MembershipEventKind.expelled.rawValue) AND note = \(d.expulsionNote)
        """)
      try await rebuildSpans(ofMember: subjectID, in: transaction)
    case .dissolution:
      let ids = try await transaction.rows(
        "SELECT organisation_id FROM discipline_effect WHERE decision_id = \(d.id)",
        columns: ["discipline_effect.organisation_id"]
      ).map { try $0.value(0, as: Int64.self) }
      try await reopen(ids, endedOn: d.decided, in: transaction)
      try await transaction.query("DELETE FROM discipline_effect WHERE decision_id = \(d.id)")
    case .reprimand, .warning, .dismissal:
      break
    }
  }
}
