import DangVuCore
import Foundation
import GRDB

/// Records scored grades of one cycle by kind inside a write transaction: resolves each subject as the yearly
/// grading does (`GradingContext`, held to the cycle), scores it by its framework, applies `EvaluationRules` and
/// the regulation's excellent conditions, and writes `cycle_grade`.
final class CycleGrading {
  private let cycle: EvaluationCycle
  private let db: Database
  private let context: GradingContext
  private let regulation: Regulation
  private let scopeID: Int64
  private let unitCode: String

  /// `unit`: the unit graded for, the cycle's scope or a unit below it; every subject must be in its subtree.
  init(cycle: EvaluationCycle, unit: String, db: Database) throws {
    guard let regulation = Regulation.withID(cycle.regulation), !regulation.frameworks.isEmpty else {
      throw DomainError(
        "evaluation.notScored", "Quy định \(cycle.regulation) của đợt \(cycle.nameVi) không chấm điểm theo khung.")
    }
    self.cycle = cycle
    self.db = db
    self.regulation = regulation
    self.context = try GradingContext(year: cycle.year, db: db, cycle: cycle)
    self.scopeID = try SQLiteStore.requireOrganisation(code: unit, in: db).id
    self.unitCode = unit
  }

  func record(_ entry: ScoredGradeEntry) throws -> RecordedGrade {
    // The outcome here only places the subject; the score decides the grade below.
    let (resolved, _) = try context.resolve(GradeEntry(subject: entry.subject, outcome: .graded(.complete)))
    let chain = try SQLiteStore.ancestry(of: resolved.unitID, on: cycle.evaluationDate, in: db).units.map(\.id)
    guard chain.contains(scopeID) else {
      throw DomainError(
        "evaluation.outsideCycle",
        "\(resolved.name) không thuộc \(unitCode) trong đợt đánh giá \(cycle.nameVi).")
    }
    guard let framework = regulation.frameworks.first(where: { $0.group == entry.framework }),
      framework.group.fits(resolved.subjectClass)
    else {
      throw DomainError(
        "evaluation.frameworkNotForSubject",
        "\(resolved.name): khung tiêu chí \(entry.framework.nameVi) không dùng cho đối tượng này.")
    }
    let score = try framework.score(entry.criteria, of: resolved.name)
    let grade = try regulation.grade(forScore: score, of: resolved.name)
    let (outcome, why) = try resolved.decide(
      .graded(grade), sickLeaveMonths: entry.sickLeaveMonths, evaluatedOn: cycle.evaluationDate,
      during: "trong \(cycle.nameVi)")
    if outcome == .graded(.excellent) {
      var excellent = ExcellentFacts(
        allTasksOnTime: entry.allTasksOnTime, beyondRequirementPercent: entry.beyondRequirementPercent)
      (excellent.disciplinedUnitsBelow, excellent.disciplinedMembers) = try disciplineBelow(resolved)
      if let refusal = regulation.excellentRefusal(
        .excellent, for: resolved.subjectClass, excellent, subjectName: resolved.name)
      {
        throw refusal
      }
    }
    let criteria = String(
      decoding: try JSONSerialization.data(withJSONObject: entry.criteria, options: [.sortedKeys]), as: UTF8.self)
    try db.cachedStatement(
      sql: """
        INSERT INTO cycle_grade(cycle_id, subject_class, subject_id, subject_key, unit_id, outcome, framework, criteria,
          score, all_tasks_on_time, beyond_percent)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (cycle_id, subject_class, subject_id) DO UPDATE SET subject_key = excluded.subject_key,
          unit_id = excluded.unit_id, outcome = excluded.outcome, framework = excluded.framework,
          criteria = excluded.criteria, score = excluded.score, all_tasks_on_time = excluded.all_tasks_on_time,
          beyond_percent = excluded.beyond_percent
        """
    ).execute(arguments: [
      cycle.id, resolved.classCode, resolved.id, resolved.key, resolved.unitID, outcome.code, framework.id, criteria,
      score, entry.allTasksOnTime, entry.beyondRequirementPercent,
    ])
    return RecordedGrade(
      subject: entry.subject, subjectName: resolved.name, outcome: outcome, score: score, state: .draft,
      replacedBecause: why)
  }

  /// For a collective, the units below it and the members of it disciplined in the cycle's period (decisions not
  /// annulled): a unit's units and members are those of its subtree on the evaluation date; a leadership
  /// collective's units are those below its organisation, its members its seats (or, for a collective recorded
  /// before seats, the holders of a post in its organisation). (0, 0) for a person.
  private func disciplineBelow(_ subject: GradingContext.Resolved) throws -> (units: Int, members: Int) {
    let unitID: Int64
    switch subject.subjectClass {
    case .organisation: unitID = subject.id
    case .leadershipCollective: unitID = subject.unitID
    default: return (0, 0)
    }
    guard let unit = try SQLiteStore.organisation(id: unitID, in: db) else { return (0, 0) }
    let arguments: StatementArguments = [
      "code": unit.code, "day": cycle.evaluationDate.daysSinceEpoch, "unit": unitID,
      "from": cycle.period?.period.from.daysSinceEpoch ?? 0,
      "through": cycle.period?.period.through.daysSinceEpoch ?? 0, "collective": subject.id,
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
