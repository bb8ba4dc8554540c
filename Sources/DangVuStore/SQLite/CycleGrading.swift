import DangVuCore
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
    let regulation = try ScoredGradeDecision.regulation(of: cycle)
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
      throw ScoredGradeDecision.outsideCycle(resolved, unit: unitCode, cycle: cycle)
    }
    let decision = try ScoredGradeDecision(entry, of: resolved, in: cycle, under: regulation)
    let (outcome, score) = (decision.outcome, decision.score)
    try context.refuseUnmetExcellent(outcome, of: resolved, sheet: entry.sheet, under: regulation, cycle: cycle)
    let criteria = try StoredScoreSheet.criteria(entry.sheet)
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
      cycle.id, resolved.classCode, resolved.id, resolved.key, resolved.unitID, outcome.code, entry.framework.rawValue,
      criteria,
      score, entry.allTasksOnTime, entry.beyondRequirementPercent,
    ])
    return decision.recorded(entry, subjectName: resolved.name)
  }
}
