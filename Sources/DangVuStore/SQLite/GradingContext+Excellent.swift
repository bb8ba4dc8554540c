import DangVuCore
import GRDB

/// The excellent conditions of a regulation (366-QĐ/TW) as the yearly grades and the cycles by kind both check them:
/// the rule is shared (`ExcellentCheck`, on Core's `Regulation.excellentRefusal`); SQLite only counts the discipline.
extension GradingContext {
  /// Refuses an excellent outcome whose conditions the sheet and the discipline records of the period do not meet;
  /// nothing to read for another outcome or a regulation without conditions.
  func refuseUnmetExcellent(
    _ outcome: GradeOutcome, of subject: Resolved, sheet: ScoreSheet?, under regulation: Regulation,
    cycle: EvaluationCycle
  ) throws {
    guard ExcellentCheck.applies(outcome, under: regulation) else { return }
    let below: (units: Int, members: Int) =
      ExcellentCheck.needsDisciplineBelow(subject, under: regulation)
      ? try disciplineBelow(subject, cycle: cycle) : (0, 0)
    try ExcellentCheck.refuse(outcome, of: subject, sheet: sheet, under: regulation, below: below)
  }

  /// For a collective, the units below it and the members of it disciplined in the cycle's period (decisions not
  /// annulled): a unit's units and members are those of its subtree on the evaluation date; a leadership
  /// collective's units are those below its organisation, its members its seats (or, for a collective recorded
  /// before seats, the holders of a post in its organisation). (0, 0) for a person.
  private func disciplineBelow(_ subject: Resolved, cycle: EvaluationCycle) throws -> (units: Int, members: Int) {
    guard let unitID = subject.disciplineUnitID else { return (0, 0) }
    guard let unit = try SQLiteStore.organisation(id: unitID, in: db) else { return (0, 0) }
    let arguments: StatementArguments = [
      "code": unit.code, "day": cycle.evaluationDate.daysSinceEpoch, "unit": unitID,
      "from": factDays.from.daysSinceEpoch, "through": factDays.through.daysSinceEpoch, "collective": subject.id,
    ]
    let inPeriod = "d.decided BETWEEN :from AND :through AND d.form_now IS NOT NULL"
    let units =
      try Int.fetchOne(
        db,
        sql: SQLiteStore.subtreeCTE + """
           SELECT COUNT(DISTINCT d.subject_id) FROM discipline_decision d
           WHERE d.is_member = 0 AND d.unit_id <> :unit AND d.unit_id IN (SELECT id FROM sub) AND \(inPeriod)
          """, arguments: arguments) ?? 0
    let members: Int
    if case .leadershipCollective = subject.subjectClass {
      let seated =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM collective_seat WHERE collective_id = ?", arguments: [subject.id]) ?? 0
      members =
        try Int.fetchOne(
          db,
          sql: seated > 0
            ? """
            SELECT COUNT(DISTINCT d.subject_id) FROM collective_seat s
            JOIN discipline_decision d ON d.is_member = 1 AND d.subject_id = s.member_id
            WHERE s.collective_id = :collective AND s.valid_from <= :through
            AND (s.valid_until IS NULL OR s.valid_until > :from) AND \(inPeriod)
            """
            : """
            SELECT COUNT(DISTINCT d.subject_id) FROM organisation o JOIN member_post p ON p.organisation_code = o.code
            JOIN discipline_decision d ON d.is_member = 1 AND d.subject_id = p.member_id
            WHERE o.id = :unit AND p.valid_from <= :through AND (p.valid_until IS NULL OR p.valid_until > :from)
            AND \(inPeriod)
            """, arguments: arguments) ?? 0
    } else {
      members =
        try Int.fetchOne(
          db,
          sql: SQLiteStore.subtreeCTE + """
             SELECT COUNT(DISTINCT d.subject_id) FROM discipline_decision d
             WHERE d.is_member = 1 AND d.unit_id IN (SELECT id FROM sub) AND \(inPeriod)
            """, arguments: arguments) ?? 0
    }
    return (units, members)
  }
}
