/// A condition an excellent grade needs under a regulation, beside the rules of `EvaluationRules` that every
/// regulation shares. Each regulation lists its own (`Regulation.excellentRequires`); 366-QĐ/TW has all four.
public enum ExcellentRequirement: Hashable, Sendable, Codable {
  /// Every task done on time.
  case allTasksOnTime
  /// At least `percent` % of the tasks done beyond what was required.
  case beyondRequirement(percent: Int)
  /// For a collective: no unit below it disciplined in the cycle's period.
  case collectiveNoUnitBelowDisciplined
  /// For a collective: none of its members disciplined in the cycle's period.
  case collectiveNoMemberDisciplined
}

/// The facts the excellent conditions look at: the first two are entered with the grade, the last two the
/// store counts from the discipline records of the cycle's period.
public struct ExcellentFacts: Hashable, Sendable, Codable {
  public var allTasksOnTime: Bool?
  /// The share of tasks done beyond the requirement, in whole per cent.
  public var beyondRequirementPercent: Int?
  public var disciplinedUnitsBelow = 0
  public var disciplinedMembers = 0

  public init(
    allTasksOnTime: Bool? = nil, beyondRequirementPercent: Int? = nil, disciplinedUnitsBelow: Int = 0,
    disciplinedMembers: Int = 0
  ) {
    self.allTasksOnTime = allTasksOnTime
    self.beyondRequirementPercent = beyondRequirementPercent
    self.disciplinedUnitsBelow = disciplinedUnitsBelow
    self.disciplinedMembers = disciplinedMembers
  }
}

extension Regulation {
  /// Why an excellent grade cannot stand under this regulation, or nil when it can (or the grade is not
  /// excellent). Facts not entered count as not met: an excellent grade must show them.
  public func excellentRefusal(
    _ grade: Grade, for subject: SubjectClass, _ facts: ExcellentFacts, subjectName: String
  ) -> DomainError? {
    guard grade == .excellent else { return nil }
    let collective: Bool =
      switch subject {
      case .organisation, .leadershipCollective: true
      default: false
      }
    for requirement in excellentRequires {
      let refusal: (String, String)? =
        switch requirement {
        case .allTasksOnTime where facts.allTasksOnTime != true:
          ("evaluation.excellentTasksLate", "chưa hoàn thành đúng hạn tất cả nhiệm vụ")
        case .beyondRequirement(let percent) where (facts.beyondRequirementPercent ?? 0) < percent:
          (
            "evaluation.excellentBeyondRequirement",
            "số nhiệm vụ vượt yêu cầu \(facts.beyondRequirementPercent.map { "là \($0)%" } ?? "chưa nhập"), "
              + "cần từ \(percent)% trở lên"
          )
        case .collectiveNoUnitBelowDisciplined where collective && facts.disciplinedUnitsBelow > 0:
          (
            "evaluation.excellentUnitBelowDisciplined",
            "có \(facts.disciplinedUnitsBelow) tổ chức trực thuộc bị kỷ luật trong kỳ đánh giá"
          )
        case .collectiveNoMemberDisciplined where collective && facts.disciplinedMembers > 0:
          (
            "evaluation.excellentMemberDisciplined",
            "có \(facts.disciplinedMembers) đảng viên của tập thể bị kỷ luật trong kỳ đánh giá"
          )
        default: nil
        }
      if let (code, why) = refusal {
        return DomainError(
          code, "Không thể xếp loại \(subjectName) hoàn thành xuất sắc nhiệm vụ theo \(id): \(why).")
      }
    }
    return nil
  }
}
