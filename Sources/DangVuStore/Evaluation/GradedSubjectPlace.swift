import DangVuCore

/// Where a graded subject stands, decided the same way on both engines from what each reads: which of a member's
/// spans finds the cycle and which places them on the evaluation date, and the refusals when none does.
extension GradedSubjectFacts {
  /// The span whose cell finds the member's yearly cycle: the one held on the year's last day, or the last begun by
  /// then.
  public static func probe(_ spans: [MemberSpan], name: String, year: Int) throws -> MemberSpan {
    let yearEnd = Day.lastDay(ofYear: year)
    guard let probe = spans.first(where: { $0.holds(on: yearEnd) }) ?? spans.last(where: { $0.from <= yearEnd }) else {
      throw DomainError("evaluation.notInRegister", "\(name) không có trong danh sách đảng viên năm \(year).")
    }
    return probe
  }

  /// The span that places the member on the cycle's evaluation date.
  public static func span(_ spans: [MemberSpan], name: String, in cycle: EvaluationCycle) throws -> MemberSpan {
    guard let span = spans.first(where: { $0.holds(on: cycle.evaluationDate) }) else {
      throw DomainError(
        "evaluation.notInRegister",
        "\(name) không có trong danh sách đảng viên vào ngày đánh giá \(cycle.evaluationDate.vietnamese).")
    }
    return span
  }

  /// A member, or a member graded as a cadre (`postSince`: the earliest post held on the evaluation date, nil when
  /// none is: refused). The facts come without the oversight records, which the engine adds.
  public static func member(
    _ subject: GradedSubject, id: Int64, name: String, spans: [MemberSpan], span: MemberSpan, postSince: Day?,
    in cycle: EvaluationCycle
  ) throws -> GradedSubjectFacts {
    var since = spans[0].from
    var subjectClass = SubjectClass.member
    if case .leadershipCadre = subject {
      guard let postSince else {
        throw DomainError(
          "evaluation.noPost",
          "\(name) không giữ chức vụ lãnh đạo, quản lý nào vào ngày \(cycle.evaluationDate.vietnamese).")
      }
      since = postSince
      subjectClass = .leadershipCadre
    }
    let code = subjectClass == .member ? "member" : "leadershipCadre"
    return GradedSubjectFacts(
      subjectClass: subjectClass, classCode: code, id: id, key: code, unitID: span.cellID,
      facts: SubjectCircumstances(since: since, exemptFromActivity: span.exempt), name: name)
  }

  /// A unit, counted in its parent on the evaluation date (`ancestors`: itself first); a unit not existing then or
  /// with nothing above it is refused.
  public static func organisation(_ unit: Organisation, ancestors: [Int64], in cycle: EvaluationCycle) throws
    -> GradedSubjectFacts
  {
    guard unit.exists(on: cycle.evaluationDate) else {
      throw DomainError(
        "evaluation.unitNotExisting", "\(unit.name) không tồn tại vào ngày đánh giá \(cycle.evaluationDate.vietnamese)."
      )
    }
    // A unit is counted in the figures of the units above it, not in its own.
    guard let parent = ancestors.dropFirst().first else {
      throw DomainError(
        "evaluation.rootNotGraded", "\(unit.name) là cấp cao nhất trong phạm vi: không xếp loại tại đây.")
    }
    return GradedSubjectFacts(
      subjectClass: .organisation(unit.kind), classCode: "organisation", id: unit.id,
      key: "organisation.\(unit.kind.code)", unitID: parent, facts: SubjectCircumstances(since: unit.founded),
      name: unit.name)
  }

  /// A leadership collective, counted in its unit.
  public static func collective(id: Int64, unitID: Int64, name: String, formed: Day, memberWarnedOrWorse: Bool)
    -> GradedSubjectFacts
  {
    var facts = SubjectCircumstances(since: formed)
    facts.memberWarnedOrWorse = memberWarnedOrWorse
    return GradedSubjectFacts(
      subjectClass: .leadershipCollective, classCode: "leadershipCollective", id: id, key: "leadershipCollective",
      unitID: unitID, facts: facts, name: name)
  }
}
