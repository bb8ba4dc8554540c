extension Regulation {
  /// The grade a score falls in, or the refusal naming `subjectName` for a score outside 0–100 (or a regulation that
  /// does not score): the check the yearly grades and the cycles by kind share.
  public func grade(forScore score: Int, of subjectName: String) throws(DomainError) -> Grade {
    guard let grade = grade(forScore: score) else {
      throw DomainError("evaluation.badScore", "Điểm \(score) của \(subjectName) phải từ 0 đến 100.")
    }
    return grade
  }

  /// Whether an excellent grade under this regulation depends on facts of the collective's period the store must
  /// count (discipline of units below and of its members): only then is it worth reading them.
  public func excellentLooksBelow(_ subject: SubjectClass) -> Bool {
    switch subject {
    case .organisation, .leadershipCollective:
      excellentRequires.contains(.collectiveNoUnitBelowDisciplined)
        || excellentRequires.contains(.collectiveNoMemberDisciplined)
    case .member, .leadershipCadre: false
    }
  }
}
