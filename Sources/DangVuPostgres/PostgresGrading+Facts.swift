import DangVuCore
import DangVuStore
import PostgresNIO

/// What the oversight records say about a graded subject (SQLite's `addOversightFacts`,
/// `collectiveMemberWarnedOrWorse` and the excellent conditions' counts), read from step 8's tables.
extension PostgresGrading {
  /// Discipline in the period (one row per decision, annulled ones not counted), and a pending inspection or
  /// complaint on the evaluation date.
  func addOversightFacts(to facts: inout SubjectCircumstances, isMember: Bool, id: Int64, evaluatedOn day: Day)
    async throws
  {
    let from = factDays.from.daysSinceEpoch
    let through = factDays.through.daysSinceEpoch
    facts.disciplinedViolations = try await transaction.rows(
      """
      SELECT self_corrected FROM discipline_decision
      WHERE is_member = \(isMember) AND subject_id = \(id) AND decided BETWEEN \(from) AND \(through)
        AND form_now IS NOT NULL ORDER BY id
      """, columns: ["discipline_decision.self_corrected"]
    ).map { try $0.value(0) }
    let d = day.daysSinceEpoch
    if try await PostgresStore.exists(
      """
      SELECT 1 FROM inspection_subject WHERE is_member = \(isMember) AND subject_id = \(id) AND started <= \(d)
        AND (concluded IS NULL OR concluded > \(d)) LIMIT 1
      """, in: transaction)
    {
      facts.pendingCase = .pendingInspection
    } else if try await PostgresStore.exists(
      """
      SELECT 1 FROM complaint WHERE is_member = \(isMember) AND subject_id = \(id) AND received <= \(d)
        AND (resolved IS NULL OR resolved > \(d)) LIMIT 1
      """, in: transaction)
    {
      facts.pendingCase = .pendingComplaint
    }
  }

  /// A member of the collective was warned, dismissed or expelled in the period: its seated members, or for a
  /// collective recorded before seats, the holders of a post in its unit.
  func collectiveMemberWarnedOrWorse(collectiveID: Int64, unitID: Int64) async throws -> Bool {
    let from = factDays.from.daysSinceEpoch
    let through = factDays.through.daysSinceEpoch
    let seated = try await PostgresStore.exists(
      "SELECT 1 FROM collective_seat WHERE collective_id = \(collectiveID) LIMIT 1", in: transaction)
    return try await PostgresStore.exists(
      seated
        ? """
        SELECT 1 FROM collective_seat s
        JOIN discipline_decision d ON d.is_member AND d.subject_id = s.member_id
        WHERE s.collective_id = \(collectiveID) AND s.valid_from <= \(through)
          AND (s.valid_until IS NULL OR s.valid_until > \(from))
          AND d.decided BETWEEN \(from) AND \(through) AND d.form_now IN ('warning', 'dismissal', 'expulsion') LIMIT 1
        """
        : """
        SELECT 1 FROM organisation o JOIN member_post p ON p.organisation_code = o.code
        JOIN discipline_decision d ON d.is_member AND d.subject_id = p.member_id
        WHERE o.id = \(unitID) AND p.valid_from <= \(through) AND (p.valid_until IS NULL OR p.valid_until > \(from))
          AND d.decided BETWEEN \(from) AND \(through) AND d.form_now IN ('warning', 'dismissal', 'expulsion') LIMIT 1
        """, in: transaction)
  }

  /// Refuses an excellent outcome whose conditions the sheet and the period's discipline do not meet
  /// (`ExcellentCheck`); nothing is read for another outcome.
  func refuseUnmetExcellent(
    _ outcome: GradeOutcome, of subject: GradedSubjectFacts, sheet: ScoreSheet?, under regulation: Regulation,
    cycle: EvaluationCycle
  ) async throws {
    guard ExcellentCheck.applies(outcome, under: regulation) else { return }
    let below: (units: Int, members: Int) =
      ExcellentCheck.needsDisciplineBelow(subject, under: regulation)
      ? try await disciplineBelow(subject, cycle: cycle) : (0, 0)
    try ExcellentCheck.refuse(outcome, of: subject, sheet: sheet, under: regulation, below: below)
  }

  /// The units below and the members disciplined in the period (decisions not annulled): a unit's subtree on the
  /// evaluation date; a leadership collective's units below its organisation and its seats (or post holders).
  private func disciplineBelow(_ subject: GradedSubjectFacts, cycle: EvaluationCycle) async throws
    -> (units: Int, members: Int)
  {
    guard let unitID = subject.disciplineUnitID,
      let unit = try await PostgresStore.organisation(id: unitID, in: transaction)
    else { return (0, 0) }
    let from = factDays.from.daysSinceEpoch
    let through = factDays.through.daysSinceEpoch
    let inPeriod = "d.decided BETWEEN \(from) AND \(through) AND d.form_now IS NOT NULL"
    let units = try await PostgresStore.count(
      PostgresStore.inSubtree(
        of: unit.code, on: cycle.evaluationDate,
        """
        SELECT count(DISTINCT d.subject_id) FROM discipline_decision d
        WHERE NOT d.is_member AND d.unit_id <> \(unitID) AND d.unit_id IN (SELECT id FROM sub) AND \(inPeriod)
        """), in: transaction)
    let members: Int
    if case .leadershipCollective = subject.subjectClass {
      let seated = try await PostgresStore.exists(
        "SELECT 1 FROM collective_seat WHERE collective_id = \(subject.id) LIMIT 1", in: transaction)
      members = try await PostgresStore.count(
        PostgresQuery(
          unsafeSQL: seated
            ? """
            SELECT count(DISTINCT d.subject_id) FROM collective_seat s
            JOIN discipline_decision d ON d.is_member AND d.subject_id = s.member_id
            WHERE s.collective_id = \(subject.id) AND s.valid_from <= \(through)
              AND (s.valid_until IS NULL OR s.valid_until > \(from)) AND \(inPeriod)
            """
            : """
            SELECT count(DISTINCT d.subject_id) FROM organisation o JOIN member_post p ON p.organisation_code = o.code
            JOIN discipline_decision d ON d.is_member AND d.subject_id = p.member_id
            WHERE o.id = \(unitID) AND p.valid_from <= \(through)
              AND (p.valid_until IS NULL OR p.valid_until > \(from)) AND \(inPeriod)
            """), in: transaction)
    } else {
      members = try await PostgresStore.count(
        PostgresStore.inSubtree(
          of: unit.code, on: cycle.evaluationDate,
          """
          SELECT count(DISTINCT d.subject_id) FROM discipline_decision d
          WHERE d.is_member AND d.unit_id IN (SELECT id FROM sub) AND \(inPeriod)
          """), in: transaction)
    }
    return (units, members)
  }
}
