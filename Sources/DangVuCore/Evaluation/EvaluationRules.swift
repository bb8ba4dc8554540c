/// What is graded: a member, a unit of a kind, a leadership collective, or a member in a leading post.
public enum SubjectClass: Hashable, Sendable, Codable {
  case member
  case organisation(UnitKind)
  case leadershipCollective
  case leadershipCadre
}

/// The facts about a subject that the rules look at, gathered from the records for the cycle's year.
public struct SubjectCircumstances: Hashable, Sendable {
  /// Founding, admission or formation date.
  public var since: Day
  public var exemptFromActivity = false
  /// Violations disciplined in the year; `true` where the unit found and fixed it itself. One per violation.
  public var disciplinedViolations: [Bool] = []
  public var sickLeaveMonths = 0
  /// An open inspection, complaint or discipline case.
  public var pendingCase: NotEvaluatedReason?
  /// For a leadership collective: one of its members was warned or worse in the year.
  public var memberWarnedOrWorse = false

  public init(
    since: Day, exemptFromActivity: Bool = false, disciplinedViolations: [Bool] = [], sickLeaveMonths: Int = 0,
    pendingCase: NotEvaluatedReason? = nil, memberWarnedOrWorse: Bool = false
  ) {
    self.since = since
    self.exemptFromActivity = exemptFromActivity
    self.disciplinedViolations = disciplinedViolations
    self.sickLeaveMonths = sickLeaveMonths
    self.pendingCase = pendingCase
    self.memberWarnedOrWorse = memberWarnedOrWorse
  }
}

/// The rules of DESIGN.md applied to one proposed outcome. Automatic outcomes (too new, a pending case)
/// replace what was proposed; a grade the rules forbid is refused, naming the rule and why, in Vietnamese.
public enum EvaluationRules {
  public enum Decision: Hashable, Sendable {
    /// Record this outcome (it may differ from the proposal: `replaced` says why).
    case record(GradeOutcome, replaced: String?)
    /// The subject is outside the evaluation population (exempt from activity).
    case outsidePopulation
  }

  public static func decide(
    _ proposed: GradeOutcome, for subject: SubjectClass, _ facts: SubjectCircumstances, evaluatedOn date: Day,
    during: String = "trong năm", policy: EvaluationPolicy = .standard
  ) throws(DomainError) -> Decision {
    if facts.exemptFromActivity && (subject == .member || subject == .leadershipCadre) {
      return .outsidePopulation
    }
    if date.adding(months: -policy.minimumMonthsBeforeEvaluation) < facts.since {
      let outcome = GradeOutcome.notEvaluated(.tooNew)
      return .record(
        outcome,
        replaced: proposed == outcome
          ? nil
          : "Chưa đủ \(policy.minimumMonthsBeforeEvaluation) tháng tính đến ngày đánh giá \(date.vietnamese) "
            + "(từ \(facts.since.vietnamese)): không xếp loại.")
    }
    if let pending = facts.pendingCase {
      let outcome = GradeOutcome.notEvaluated(pending)
      return .record(
        outcome,
        replaced: proposed == outcome ? nil : "Chưa đánh giá, xếp loại: \(pending.nameVi(for: .init(subject))).")
    }
    guard case .graded(let grade) = proposed else { return .record(proposed, replaced: nil) }
    let unfixed = facts.disciplinedViolations.contains(false)
    if unfixed && grade != .notComplete {
      throw refusal(
        "evaluation.disciplined",
        "bị kỷ luật \(during) do vi phạm mà tổ chức không tự phát hiện, khắc phục: chỉ được xếp loại không hoàn thành nhiệm vụ."
      )
    }
    if !facts.disciplinedViolations.isEmpty && grade.isGoodOrAbove {
      throw refusal(
        "evaluation.disciplined",
        "bị kỷ luật \(during) (vi phạm đã tự phát hiện, khắc phục): cao nhất là hoàn thành nhiệm vụ.")
    }
    if facts.sickLeaveMonths >= policy.sickLeaveMonthsRulingOutGood && grade.isGoodOrAbove {
      throw refusal(
        "evaluation.sickLeave",
        "nghỉ ốm \(facts.sickLeaveMonths) tháng \(during) (từ \(policy.sickLeaveMonthsRulingOutGood) tháng trở lên): "
          + "không xếp loại hoàn thành tốt nhiệm vụ trở lên.")
    }
    if subject == .leadershipCollective && facts.memberWarnedOrWorse && grade != .notComplete {
      throw refusal(
        "evaluation.collectiveMemberDisciplined",
        "tập thể có thành viên bị kỷ luật từ cảnh cáo trở lên \(during): xếp loại không hoàn thành nhiệm vụ.")
    }
    return .record(proposed, replaced: nil)
  }

  /// Excellent above the cap of good-or-above within one grassroots organisation: a warning, never a refusal
  /// (the published 2023 figures exceed it for some unit kinds, and they must stay reproducible).
  public static func excellentCapWarning(_ counts: GradeCounts, unitName: String, policy: EvaluationPolicy = .standard)
    -> String?
  {
    guard counts.goodOrAbove > 0, counts.excellent * 100 > counts.goodOrAbove * policy.excellentCapPercentOfGoodOrAbove
    else { return nil }
    let share = Percent(counts.excellent, of: counts.goodOrAbove)!
    return "\(unitName): \(counts.excellent)/\(counts.goodOrAbove) hoàn thành xuất sắc (\(share.vietnamese)%), "
      + "vượt tỷ lệ \(policy.excellentCapPercentOfGoodOrAbove)% số hoàn thành tốt nhiệm vụ trở lên."
  }

  static func refusal(_ code: String, _ why: String) -> DomainError {
    DomainError(code, "Không thể xếp loại: \(why)")
  }
}
