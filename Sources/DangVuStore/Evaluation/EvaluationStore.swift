import DangVuCore

/// The evaluation records: cycles, leadership collectives, grades with their workflow, and the report.
///
/// Grades are counted into per-unit, per-year aggregates (rolled up to every ancestor as the tree stood
/// on the evaluation date) in the same transaction as the grade, so a report reads a few rows, never
/// the members.
public protocol EvaluationStore: Sendable {
  /// Opens the cycle of `year` for a subtree; the regulation is the one in force on the evaluation date.
  @discardableResult
  func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day) async throws -> EvaluationCycle
  /// The same with its audit entry (`evaluation.open`, under the subtree's unit) in the same transaction.
  @discardableResult
  func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day, by actor: AuditActor) async throws
    -> EvaluationCycle
  func evaluationCycle(scope code: String, year: Int) async throws -> EvaluationCycle?
  /// The year's cycle that covers the unit: its own or the nearest ancestor's.
  func cycleCovering(code: String, year: Int) async throws -> EvaluationCycle?

  @discardableResult
  func addLeadershipCollectives(_ batch: [NewLeadershipCollective]) async throws -> [LeadershipCollective]

  /// Records or replaces draft grades in one transaction, each checked by `EvaluationRules`; all or none, with an
  /// import's `audit` entry in the same transaction. Returns what was recorded (an automatic outcome says why it
  /// replaced the proposal).
  @discardableResult
  func recordGrades(_ entries: [GradeEntry], year: Int, audit: ImportAudit?) async throws -> [RecordedGrade]

  /// The same, for a page, the API or the command line: one audit entry (`grade.set`, under `unit`) in the same
  /// transaction. Without `unit`, under the unit the first grade is counted in (the command line grades one
  /// subject at a time: a member's cell on the evaluation date, a unit's parent, a collective's unit).
  @discardableResult
  func recordGrades(_ entries: [GradeEntry], year: Int, unit: String?, by actor: AuditActor) async throws
    -> [RecordedGrade]

  /// Moves every grade of the unit's subtree in the year's cycle to the next state of the workflow
  /// (`GradeWorkflowAction.moves`), keeps the step with its reason, and appends the audit entry in the same
  /// transaction. A send-back or a reopen without a reason is refused. Returns how many grades changed.
  @discardableResult
  func advanceGrades(of code: String, year: Int, to action: GradeWorkflowAction, by actor: AuditActor, reason: String)
    async throws -> Int

  /// The year's grading progress of a unit and of each unit directly below it (as the tree stood on the
  /// evaluation date): grades by state and the last workflow step. Without `unitsBelow`, the unit's own line only.
  func gradingProgress(of code: String, year: Int, unitsBelow: Bool) async throws -> GradingProgress

  func grades(of code: String, year: Int) async throws -> [RecordedGrade]

  /// The grades of these subjects (those graded) in the cycle covering the unit `code` that year.
  func grades(of subjects: [GradedSubject], year: Int, cycleOf code: String) async throws -> [RecordedGrade]

  /// The report for a unit's subtree; with no code, every province together.
  func evaluationReport(year: Int, scope code: String?) async throws -> EvaluationReport
}

extension EvaluationStore {
  public func gradingProgress(of code: String, year: Int) async throws -> GradingProgress {
    try await gradingProgress(of: code, year: year, unitsBelow: true)
  }
}

public struct EvaluationCycle: Hashable, Sendable, Codable {
  public var id: Int64
  public var scopeCode: String
  public var year: Int
  public var evaluationDate: Day
  public var regulation: String
  /// A cycle of another kind than the year (a term, a quarter, ad hoc) with its period; nil for the yearly
  /// cycle, which is keyed by `year` as it always was. `year` is then the year its period ends in.
  public var period: CyclePeriod? = nil

  /// "năm 2026", "quý I năm 2026", "nhiệm kỳ 2020–2025".
  public var nameVi: String { period?.nameVi ?? "năm \(year)" }

  public init(
    id: Int64, scopeCode: String, year: Int, evaluationDate: Day, regulation: String, period: CyclePeriod? = nil
  ) {
    self.id = id
    self.scopeCode = scopeCode
    self.year = year
    self.evaluationDate = evaluationDate
    self.regulation = regulation
    self.period = period
  }
}

public struct NewLeadershipCollective: Hashable, Sendable {
  public var organisationCode: String
  /// "Ban Thường vụ Huyện ủy Châu Thành"
  public var name: String
  /// "standingCommittee", "partyDelegation", "board", …
  public var kind: String
  public var formed: Day

  public init(organisationCode: String, name: String, kind: String, formed: Day) {
    self.organisationCode = organisationCode
    self.name = name
    self.kind = kind
    self.formed = formed
  }
}

public struct LeadershipCollective: Hashable, Sendable, Codable {
  public var id: Int64
  public var organisationID: Int64
  public var name: String
  public var kind: String
  public var formed: Day

  public init(id: Int64, organisationID: Int64, name: String, kind: String, formed: Day) {
    self.id = id
    self.organisationID = organisationID
    self.name = name
    self.kind = kind
    self.formed = formed
  }
}

/// Who is graded.
public enum GradedSubject: Hashable, Sendable, Codable {
  case member(Int64)
  case organisation(code: String)
  case leadershipCollective(Int64)
  /// A member graded in a leading post, besides the member grade.
  case leadershipCadre(memberID: Int64)

  /// The framework the subject is scored by when none is named (`SubjectGroup.usual`).
  public var usualFramework: SubjectGroup { .usual(for: reasonSubject) }

  /// How a reason not to grade is worded for this subject.
  public var reasonSubject: NotEvaluatedReason.Subject {
    switch self {
    case .member: .member
    case .organisation, .leadershipCollective: .organisation
    case .leadershipCadre: .cadre
    }
  }
}

/// A grade as a unit proposes it.
public struct GradeEntry: Hashable, Sendable {
  public var subject: GradedSubject
  public var outcome: GradeOutcome
  /// Under 366-QĐ/TW, the points per criterion group of the subject group's framework and the facts an excellent
  /// grade needs; the score is their total and the grade must be its band (`Regulation.outcome`).
  public var sheet: ScoreSheet?
  public var sickLeaveMonths: Int

  public init(subject: GradedSubject, outcome: GradeOutcome, sheet: ScoreSheet? = nil, sickLeaveMonths: Int = 0) {
    self.subject = subject
    self.outcome = outcome
    self.sheet = sheet
    self.sickLeaveMonths = sickLeaveMonths
  }
}

public struct RecordedGrade: Hashable, Sendable, Codable {
  public var subject: GradedSubject
  public var subjectName: String
  public var outcome: GradeOutcome
  public var score: Int?
  public var state: GradeState
  /// Why the rules replaced the proposed outcome, if they did.
  public var replacedBecause: String?
  /// The score sheet the score is the total of (366-QĐ/TW), when the grade was scored by criterion group.
  public var sheet: ScoreSheet? = nil

  public init(
    subject: GradedSubject, subjectName: String, outcome: GradeOutcome, score: Int?, state: GradeState,
    replacedBecause: String?, sheet: ScoreSheet? = nil
  ) {
    self.subject = subject
    self.subjectName = subjectName
    self.outcome = outcome
    self.score = score
    self.state = state
    self.replacedBecause = replacedBecause
    self.sheet = sheet
  }
}
