extension Regulation {
  /// The outcome a proposed grade with an optional score comes to under this regulation, or the refusal naming
  /// `subjectName`: a regulation that grades directly takes no score; one that scores needs a score for a graded
  /// outcome, within 0–100, and the grade must be the score's band. An outcome that is not a grade (not evaluated)
  /// passes as it is. The rule every engine applies before `EvaluationRules.decide` (issue 23 part 1).
  public func outcome(_ proposed: GradeOutcome, score: Int?, of subjectName: String) throws(DomainError)
    -> GradeOutcome
  {
    switch (grading, score, proposed) {
    case (.direct, .some, _):
      throw DomainError(
        "evaluation.scoreNotUsed", "Quy định \(id) xếp loại trực tiếp, không chấm điểm: hãy bỏ điểm số.")
    case (.scored, nil, .graded):
      throw DomainError(
        "evaluation.scoreMissing", "Quy định \(id) xếp loại theo điểm (thang 100): hãy nhập điểm của \(subjectName).")
    case (.scored, .some(let score), .graded(let grade)):
      let byScore = try self.grade(forScore: score, of: subjectName)
      if byScore != grade {
        throw DomainError(
          "evaluation.scoreMismatch",
          "\(subjectName): \(score) điểm ứng với mức \"\(byScore.nameVi)\", không phải \"\(grade.nameVi)\".")
      }
      return .graded(byScore)
    default:
      return proposed
    }
  }

  /// The grade a score falls in, or the refusal naming `subjectName` for a score outside 0–100 (or a regulation that
  /// does not score): the check the yearly grades and the cycles by kind share.
  public func grade(forScore score: Int, of subjectName: String) throws(DomainError) -> Grade {
    guard let grade = grade(forScore: score) else {
      throw DomainError("evaluation.badScore", "Điểm \(score) của \(subjectName) phải từ 0 đến 100.")
    }
    return grade
  }
}
