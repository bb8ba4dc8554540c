import DangVuCore

/// Evaluation cycles of a kind other than the year (366-QĐ/TW: per term, per quarter, ad hoc), graded by score
/// per criterion group and reported by cycle. The yearly cycle stays in `EvaluationStore`, keyed by its year.
public protocol CycleEvaluationStore: Sendable {
  /// Opens a cycle of a kind and period for a subtree, under the regulation in force on the evaluation date, which
  /// must allow the kind; the audit entry (`evaluation.open`) is written in the same transaction.
  @discardableResult
  func openEvaluationCycle(scope code: String, _ cycle: CyclePeriod, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  /// The cycle of that kind and period covering the unit: its own or the nearest ancestor's.
  func cycleCovering(code: String, _ cycle: CyclePeriod) async throws -> EvaluationCycle?

  /// Every cycle by kind that covers the unit (opened for it or a unit above it, by the tree of the cycle's last
  /// day), latest first: what its report page offers to open.
  func cyclesCovering(code: String) async throws -> [EvaluationCycle]

  /// Records or replaces scored grades in the cycle covering `scope`, of subjects in its subtree, all or none, each scored by its framework
  /// and checked by `EvaluationRules` and the regulation's excellent conditions, with one `grade.set` audit entry.
  @discardableResult
  func recordScoredGrades(
    _ entries: [ScoredGradeEntry], in cycle: CyclePeriod, scope code: String, by actor: AuditActor
  )
    async throws -> [RecordedGrade]

  /// The grades of the unit's subtree in the cycle covering it.
  func grades(of code: String, in cycle: CyclePeriod) async throws -> [RecordedGrade]

  /// The evaluation report of the unit's subtree for the cycle, naming it, compared with the same cycle a year
  /// (or a term) earlier when one was held.
  func evaluationReport(_ cycle: CyclePeriod, scope code: String) async throws -> EvaluationReport
}

/// A grade under a scoring regulation, as a unit proposes it: the points of each criterion group of the subject
/// group's framework, and the facts an excellent grade needs. The grade follows from the score.
public struct ScoredGradeEntry: Hashable, Sendable {
  public var subject: GradedSubject
  public var framework: SubjectGroup
  /// Criterion group id ("general", "tasks") → points.
  public var criteria: [String: Int]
  public var allTasksOnTime: Bool?
  public var beyondRequirementPercent: Int?
  public var sickLeaveMonths: Int

  public init(
    subject: GradedSubject, framework: SubjectGroup, criteria: [String: Int], allTasksOnTime: Bool? = nil,
    beyondRequirementPercent: Int? = nil, sickLeaveMonths: Int = 0
  ) {
    self.subject = subject
    self.framework = framework
    self.criteria = criteria
    self.allTasksOnTime = allTasksOnTime
    self.beyondRequirementPercent = beyondRequirementPercent
    self.sickLeaveMonths = sickLeaveMonths
  }

  /// The entry's points and facts as the sheet the regulation scores.
  public var sheet: ScoreSheet {
    ScoreSheet(
      framework: framework, criteria: criteria, allTasksOnTime: allTasksOnTime,
      beyondRequirementPercent: beyondRequirementPercent)
  }
}
