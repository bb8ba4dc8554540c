import DangVuCore

/// A graded subject as the store found it: who it is, where its grade is counted and what the rules look at. Each
/// engine reads these facts with its own SQL; what is decided from them is here, once (issue 23, part 1).
public struct GradedSubjectFacts: Sendable {
  public var subjectClass: SubjectClass
  /// The class as stored in `grade.subject_class`.
  public var classCode: String
  public var id: Int64
  /// The rollup's subject key ("member", "organisation.grassrootsCell", …).
  public var key: String
  /// Where the grade is counted: a member's cell, a unit's parent, a collective's unit.
  public var unitID: Int64
  public var facts: SubjectCircumstances
  public var name: String

  public init(
    subjectClass: SubjectClass, classCode: String, id: Int64, key: String, unitID: Int64, facts: SubjectCircumstances,
    name: String
  ) {
    self.subjectClass = subjectClass
    self.classCode = classCode
    self.id = id
    self.key = key
    self.unitID = unitID
    self.facts = facts
    self.name = name
  }

  /// The rules applied to a proposed outcome (`EvaluationRules.decide`), a refusal naming the subject; a subject
  /// exempt from activity is refused, being outside the population graded. The yearly and the other cycles share it.
  /// `during` names the period in a refusal ("trong năm", "trong quý I năm 2026").
  public func decide(
    _ proposed: GradeOutcome, sickLeaveMonths: Int, evaluatedOn date: Day, during: String = "trong năm"
  ) throws -> (outcome: GradeOutcome, replacedBecause: String?) {
    var facts = facts
    facts.sickLeaveMonths = sickLeaveMonths
    let decision: EvaluationRules.Decision
    do {
      decision = try EvaluationRules.decide(proposed, for: subjectClass, facts, evaluatedOn: date, during: during)
    } catch {
      throw DomainError(error.code, "\(name): \(error.message)")
    }
    guard case .record(let outcome, let why) = decision else {
      throw DomainError(
        "evaluation.outsidePopulation",
        "\(name) đang được miễn công tác và sinh hoạt đảng: không thuộc diện đánh giá, xếp loại.")
    }
    return (outcome, why)
  }

  /// Where the discipline counted for an excellent collective is looked for: a unit's own subtree, a leadership
  /// collective's unit; nil for a person.
  public var disciplineUnitID: Int64? {
    switch subjectClass {
    case .organisation: id
    case .leadershipCollective: unitID
    default: nil
    }
  }
}

/// What a yearly grade comes to: the regulation's score band, `EvaluationRules`, and what is kept with it. The
/// excellent conditions that need the discipline below are checked after (`ExcellentCheck`).
public struct GradeDecision: Sendable {
  public var outcome: GradeOutcome
  public var replacedBecause: String?
  /// The sheet kept with the grade and its total: only when the sheet scored the grade recorded.
  public var sheet: ScoreSheet?
  public var score: Int?
  public var regulation: Regulation

  public init(_ entry: GradeEntry, of subject: GradedSubjectFacts, in cycle: EvaluationCycle) throws {
    regulation = try Self.regulation(of: cycle)
    let (proposed, proposedScore) = try regulation.outcome(
      entry.outcome, sheet: entry.sheet, for: subject.subjectClass, of: subject.name)
    (outcome, replacedBecause) = try subject.decide(
      proposed, sickLeaveMonths: entry.sickLeaveMonths, evaluatedOn: cycle.evaluationDate)
    // The sheet is kept with a grade it scored; an outcome the rules put in its place (too new, a pending case)
    // was not scored.
    sheet = proposedScore != nil && outcome == proposed ? entry.sheet : nil
    score = sheet == nil ? nil : proposedScore
  }

  /// The regulation a cycle names; one this build does not know is refused.
  public static func regulation(of cycle: EvaluationCycle) throws -> Regulation {
    guard let regulation = Regulation.withID(cycle.regulation) else {
      throw DomainError("evaluation.unknownRegulation", "Không rõ quy định \(cycle.regulation) của đợt đánh giá.")
    }
    return regulation
  }

  /// The grade as recorded and returned.
  public func recorded(_ entry: GradeEntry, subjectName: String) -> RecordedGrade {
    RecordedGrade(
      subject: entry.subject, subjectName: subjectName, outcome: outcome, score: score, state: .draft,
      replacedBecause: replacedBecause, sheet: sheet)
  }
}

/// A cycle by kind's grade: no grade is proposed, the score's band is the grade (the yearly sheet's rule), then
/// `EvaluationRules` for the cycle's period.
public struct ScoredGradeDecision: Sendable {
  public var outcome: GradeOutcome
  public var replacedBecause: String?
  public var score: Int?

  public init(
    _ entry: ScoredGradeEntry, of subject: GradedSubjectFacts, in cycle: EvaluationCycle, under regulation: Regulation
  )
    throws
  {
    let (graded, score) = try regulation.outcome(
      nil, sheet: entry.sheet, for: subject.subjectClass, of: subject.name)
    (outcome, replacedBecause) = try subject.decide(
      graded, sickLeaveMonths: entry.sickLeaveMonths, evaluatedOn: cycle.evaluationDate,
      during: "trong \(cycle.nameVi)")
    self.score = score
  }

  /// The regulation of a cycle by kind, which must score by framework.
  public static func regulation(of cycle: EvaluationCycle) throws -> Regulation {
    guard let regulation = Regulation.withID(cycle.regulation), !regulation.frameworks.isEmpty else {
      throw DomainError(
        "evaluation.notScored", "Quy định \(cycle.regulation) của đợt \(cycle.nameVi) không chấm điểm theo khung.")
    }
    return regulation
  }

  public static func outsideCycle(_ subject: GradedSubjectFacts, unit code: String, cycle: EvaluationCycle)
    -> DomainError
  {
    DomainError(
      "evaluation.outsideCycle", "\(subject.name) không thuộc \(code) trong đợt đánh giá \(cycle.nameVi).")
  }

  public func recorded(_ entry: ScoredGradeEntry, subjectName: String) -> RecordedGrade {
    RecordedGrade(
      subject: entry.subject, subjectName: subjectName, outcome: outcome, score: score, state: .draft,
      replacedBecause: replacedBecause, sheet: entry.sheet)
  }
}

/// The excellent conditions of a regulation (366-QĐ/TW) as the yearly grades and the cycles by kind both check them:
/// the rule is Core's (`Regulation.excellentRefusal`); an engine only counts the discipline it looks at.
public enum ExcellentCheck {
  /// Whether an outcome has conditions to check under the regulation.
  public static func applies(_ outcome: GradeOutcome, under regulation: Regulation) -> Bool {
    outcome == .graded(.excellent) && !regulation.excellentRequires.isEmpty
  }

  /// Whether the engine must count the discipline below the subject (units below, members) before `refuse`.
  public static func needsDisciplineBelow(_ subject: GradedSubjectFacts, under regulation: Regulation) -> Bool {
    regulation.excellentLooksBelow(subject.subjectClass) && subject.disciplineUnitID != nil
  }

  public static func refuse(
    _ outcome: GradeOutcome, of subject: GradedSubjectFacts, sheet: ScoreSheet?, under regulation: Regulation,
    below: (units: Int, members: Int)
  ) throws {
    let facts = ExcellentFacts(sheet, disciplinedUnitsBelow: below.units, disciplinedMembers: below.members)
    if let refusal = regulation.excellentRefusal(
      .excellent, for: subject.subjectClass, facts, subjectName: subject.name)
    {
      throw refusal
    }
  }
}
