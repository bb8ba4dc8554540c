/// One subject's score sheet under a regulation that scores by framework (366-QĐ/TW): the points of each criterion
/// group of the subject group's framework, and the two facts an excellent grade needs that the unit enters. The total
/// is never entered: it is derived (`Regulation.score(_:for:of:)`), so a sheet cannot disagree with its score.
public struct ScoreSheet: Hashable, Sendable, Codable {
  public var framework: SubjectGroup
  /// Criterion group id ("general", "tasks") → points.
  public var criteria: [String: Int]
  /// Every task done on time (an excellent grade needs it).
  public var allTasksOnTime: Bool?
  /// The share of tasks done beyond the requirement, in whole per cent (an excellent grade needs 30 % or more).
  public var beyondRequirementPercent: Int?

  public init(
    framework: SubjectGroup, criteria: [String: Int], allTasksOnTime: Bool? = nil,
    beyondRequirementPercent: Int? = nil
  ) {
    self.framework = framework
    self.criteria = criteria
    self.allTasksOnTime = allTasksOnTime
    self.beyondRequirementPercent = beyondRequirementPercent
  }
}

extension Regulation {
  /// The score a sheet comes to and the grade of its band: the sheet's framework must be one of this regulation's
  /// and fit the subject; every criterion group given, within its maximum (`ScoreFramework.score`).
  public func score(_ sheet: ScoreSheet, for subject: SubjectClass, of subjectName: String) throws(DomainError)
    -> (score: Int, grade: Grade)
  {
    guard let framework = frameworks.first(where: { $0.group == sheet.framework }) else {
      throw DomainError(
        "evaluation.notScored", "\(subjectName): Quy định \(id) không chấm điểm theo \(sheet.framework.nameVi).")
    }
    guard framework.group.fits(subject) else {
      throw DomainError(
        "evaluation.frameworkNotForSubject",
        "\(subjectName): khung tiêu chí \(sheet.framework.nameVi) không dùng cho đối tượng này.")
    }
    let score = try framework.score(sheet.criteria, of: subjectName)
    return (score, try grade(forScore: score, of: subjectName))
  }

  /// The outcome a proposal comes to under this regulation, with the score it was given, or the refusal naming
  /// `subjectName`. A regulation that grades directly takes no sheet. One that scores needs a sheet for a graded
  /// outcome; the grade must be its total's band, and with no grade proposed (`nil`: a cycle by kind, a page row
  /// with points and no grade chosen) the band is the grade. An outcome that is not a grade passes as it is, without
  /// a score. The rule every path applies before `EvaluationRules.decide`, yearly or by kind.
  public func outcome(
    _ proposed: GradeOutcome?, sheet: ScoreSheet?, for subject: SubjectClass, of subjectName: String
  ) throws(DomainError) -> (outcome: GradeOutcome, score: Int?) {
    switch (grading, sheet, proposed) {
    case (.direct, .some, _):
      throw DomainError(
        "evaluation.scoreNotUsed",
        "Quy định \(id) xếp loại trực tiếp, không chấm điểm: hãy bỏ điểm các nhóm tiêu chí của \(subjectName).")
    case (.direct, nil, let proposed?):
      return (proposed, nil)
    case (_, _, .notEvaluated(let reason)):
      return (.notEvaluated(reason), nil)
    case (.scored, let sheet?, let proposed):
      let (score, byScore) = try self.score(sheet, for: subject, of: subjectName)
      if case .graded(let grade) = proposed, grade != byScore {
        throw DomainError(
          "evaluation.scoreMismatch",
          "\(subjectName): \(score) điểm ứng với mức \"\(byScore.nameVi)\", không phải \"\(grade.nameVi)\".")
      }
      return (.graded(byScore), score)
    case (.scored, nil, _):
      throw DomainError(
        "evaluation.scoreMissing",
        "Quy định \(id) xếp loại theo điểm (thang 100): hãy nhập điểm từng nhóm tiêu chí của \(subjectName).")
    case (.direct, nil, nil):
      throw DomainError("evaluation.gradeMissing", "Hãy chọn mức xếp loại của \(subjectName).")
    }
  }
}

extension ExcellentFacts {
  /// The facts of a sheet, with what the store counted from the discipline records of the period.
  public init(_ sheet: ScoreSheet?, disciplinedUnitsBelow: Int = 0, disciplinedMembers: Int = 0) {
    self.init(
      allTasksOnTime: sheet?.allTasksOnTime, beyondRequirementPercent: sheet?.beyondRequirementPercent,
      disciplinedUnitsBelow: disciplinedUnitsBelow, disciplinedMembers: disciplinedMembers)
  }
}

extension SubjectGroup {
  /// The framework a subject is usually scored by, where the form or file names none: a member without a post, a
  /// leader or manager, a collective. The two others (cadres the Centre manages, members outside the political
  /// system) are chosen explicitly.
  public static func usual(for subject: NotEvaluatedReason.Subject) -> SubjectGroup {
    switch subject {
    case .member: .memberWithoutPost
    case .cadre: .leaderOrManager
    case .organisation: .collective
    }
  }

  /// The frameworks that may score a kind of subject, the usual one first: what a form offers.
  public static func fitting(_ subject: SubjectClass) -> [SubjectGroup] {
    let usual = usual(for: .init(subject))
    return [usual] + allCases.filter { $0 != usual && $0.fits(subject) }
  }

  /// A framework as staff write it: its code name ("memberWithoutPost") or the words of its group, with or without
  /// marks ("tập thể", "cán bộ Trung ương quản lý", "lãnh đạo, quản lý", "ngoài hệ thống chính trị",
  /// "không giữ chức vụ").
  public init?(parsing text: String) {
    let words = SearchFolding.words(text).joined(separator: " ")
    if let named = SubjectGroup.allCases.first(where: { SearchFolding.fold($0.rawValue) == words }) {
      self = named
    } else if words.contains("tap the") {
      self = .collective
    } else if words.contains("trung uong") {
      self = .centrallyManagedCadre
    } else if words.contains("ngoai he thong") {
      self = .memberOutsidePoliticalSystem
    } else if words.contains("khong giu chuc vu") {
      self = .memberWithoutPost
    } else if words.contains("lanh dao") || words.contains("quan ly") {
      self = .leaderOrManager
    } else {
      return nil
    }
  }
}
