import DangVuCore

/// What both engines decide the same way around their SQL when they open cycles, read grades back and audit the
/// evaluation's writes (issue 23, part 1): the refusals, the stored codes, and the audit entries' shape.
public enum EvaluationRecords {
  /// A yearly cycle's evaluation date falls in its year or early in the next.
  public static func checkYearly(evaluationDate: Day, year: Int) throws {
    guard evaluationDate.year == year || evaluationDate.year == year + 1 else {
      throw DomainError(
        "evaluation.badDate",
        "Ngày đánh giá \(evaluationDate.vietnamese) không thuộc năm \(year) hoặc đầu năm \(year + 1).")
    }
  }

  public static func cycleExists(year: Int, code: String) -> DomainError {
    DomainError("evaluation.cycleExists", "Đợt đánh giá năm \(year) của \(code) đã được mở.")
  }

  /// A cycle by kind: evaluated from its start to three months after its end, under a regulation that allows the
  /// kind. Returns the regulation in force on the evaluation date.
  public static func checkByKind(_ cycle: CyclePeriod, evaluationDate: Day, scope: Organisation) throws -> Regulation {
    let period = cycle.period
    guard period.from <= evaluationDate, evaluationDate <= period.through.adding(months: 3) else {
      throw DomainError(
        "evaluation.badDate",
        "Ngày đánh giá \(evaluationDate.vietnamese) phải từ đầu kỳ \(cycle.nameVi) "
          + "đến ba tháng sau khi kỳ kết thúc (\(period.through.adding(months: 3).vietnamese)).")
    }
    let regulation = Regulation.inForce(on: evaluationDate)
    try regulation.allow(cycle.kind, naming: cycle.nameVi, scope: "\(scope.name) (\(scope.code))")
    return regulation
  }

  public static func cycleExists(_ cycle: CyclePeriod, code: String) -> DomainError {
    DomainError("evaluation.cycleExists", "Đợt đánh giá \(cycle.nameVi) của \(code) đã được mở.")
  }

  public static func noCycle(year: Int, code: String) -> DomainError {
    DomainError(
      "evaluation.noCycle", "Chưa mở đợt đánh giá, xếp loại năm \(year) cho \(code) hoặc cấp trên của \(code).")
  }

  public static func noCycle(_ cycle: CyclePeriod, code: String) -> DomainError {
    DomainError(
      "evaluation.noCycle", "Chưa mở đợt đánh giá, xếp loại \(cycle.nameVi) cho \(code) hoặc cấp trên của \(code).")
  }

  public static func unknownCollective(_ id: Int64) -> DomainError {
    DomainError("collective.unknown", "Không tìm thấy tập thể lãnh đạo có mã số \(id).")
  }

  /// The day whose tree finds a unit's yearly cycle: the year's end, or the unit's last day when it ends before
  /// then (a cell graded on 15 December and merged away on the 17th is still covered by its province's cycle).
  public static func coveringDay(year: Int, unitEnded ended: Day?) -> Day {
    let end = Day.lastDay(ofYear: year)
    guard let ended else { return end }
    return min(end, ended.adding(days: -1))
  }

  /// A leadership collective to add, checked (`addLeadershipCollectives`): a name, and its unit existing then.
  public static func check(_ new: NewLeadershipCollective, unit: Organisation) throws {
    guard !new.name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw DomainError("collective.nameMissing", "Tên tập thể lãnh đạo không được để trống.")
    }
    guard unit.exists(on: new.formed) else {
      throw DomainError(
        "collective.unitNotExisting", "\(unit.code) không tồn tại vào ngày thành lập tập thể \(new.formed.vietnamese).")
    }
  }

  // MARK: Stored codes

  /// The subject a grade row names by its class and id; a class this build does not know is an error.
  public static func gradedSubject(class code: String, id: Int64, column: String, organisationCode: () throws -> String)
    throws -> GradedSubject
  {
    switch code {
    case "member": return .member(id)
    case "leadershipCollective": return .leadershipCollective(id)
    case "leadershipCadre": return .leadershipCadre(memberID: id)
    case "organisation": return .organisation(code: try organisationCode())
    default: throw StoredValue.unknown(code, column: column)
    }
  }

  /// A subject's class and id as a grade row keys them (nil id: an organisation, looked up by its code).
  public static func key(_ subject: GradedSubject) -> (classCode: String, id: Int64?) {
    switch subject {
    case .member(let id): ("member", id)
    case .leadershipCadre(let id): ("leadershipCadre", id)
    case .leadershipCollective(let id): ("leadershipCollective", id)
    case .organisation: ("organisation", nil)
    }
  }

  public static func outcome(_ code: String, column: String) throws -> GradeOutcome {
    try StoredValue.decode(code, column: column, GradeOutcome.init(code:))
  }

  /// A grade's state; one this build does not know is an error, never a default.
  public static func state(_ raw: String) throws -> GradeState {
    guard let state = GradeState(rawValue: raw) else {
      throw DomainError("evaluation.unknownState", "Trạng thái xếp loại không rõ: \(raw).")
    }
    return state
  }

  /// Counts by subject key from rows of (subject key, outcome code, count).
  public static func counts(_ rows: [(key: String, outcome: String, count: Int)], column: String) throws
    -> [String: GradeCounts]
  {
    var counts: [String: GradeCounts] = [:]
    for row in rows {
      counts[row.key, default: GradeCounts()].add(try outcome(row.outcome, column: column), count: row.count)
    }
    return counts
  }

  // MARK: The audit entries

  /// What the audit trail keeps of one workflow step.
  struct GradeWorkflowStep: Encodable {
    var unit: String
    var year: Int
    var action: GradeWorkflowAction
    var reason: String
    var grades: Int
  }

  public static func openedYearly(_ cycle: EvaluationCycle, by actor: AuditActor) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "evaluation.open",
      subject: "cycle:\(cycle.scopeCode):\(cycle.year)", scopeCode: cycle.scopeCode,
      after: try NewAuditEntry.json(cycle))
  }

  public static func openedByKind(_ cycle: EvaluationCycle, _ period: CyclePeriod, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "evaluation.open",
      subject: "cycle:\(cycle.scopeCode):\(period.kind.rawValue):\(period.code)", scopeCode: cycle.scopeCode,
      after: try NewAuditEntry.json(cycle))
  }

  /// `grade.set` of a year's grades under a unit: the grades recorded, or a cell sheet before and after.
  public static func gradesSet(
    unit: String, year: Int, by actor: AuditActor, before: (any Encodable)? = nil, after: some Encodable
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "grade.set", subject: "grades:\(unit):\(year)",
      scopeCode: unit, before: try before.map { try NewAuditEntry.json($0) }, after: try NewAuditEntry.json(after))
  }

  public static func scoredGradesSet(
    unit: String, _ cycle: CyclePeriod, by actor: AuditActor, _ recorded: [RecordedGrade]
  )
    throws -> NewAuditEntry
  {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "grade.set",
      subject: "grades:\(unit):\(cycle.kind.rawValue):\(cycle.code)", scopeCode: unit,
      after: try NewAuditEntry.json(recorded))
  }

  public static func advanced(
    unit: String, year: Int, _ action: GradeWorkflowAction, reason: String, grades: Int, by actor: AuditActor
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "grade.advance", subject: "grades:\(unit):\(year)",
      scopeCode: unit,
      after: try NewAuditEntry.json(
        GradeWorkflowStep(unit: unit, year: year, action: action, reason: reason, grades: grades)))
  }

  /// A workflow step's reason as kept, after the refusal of a send-back or reopen without one.
  public static func checkedReason(_ action: GradeWorkflowAction, _ reason: String) throws -> String {
    if let refusal = GradeWorkflow.reasonRefusal(action, reason: reason) {
      throw DomainError("evaluation.reasonMissing", refusal)
    }
    return reason.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public static func checkAdvance(_ action: GradeWorkflowAction, counts: [GradeState: Int], unitName: String) throws {
    if let refusal = GradeWorkflow.stateRefusal(action, counts: counts, unitName: unitName) {
      throw DomainError("evaluation.nothingToAdvance", refusal)
    }
  }

  /// A grade that is no longer a draft is not changed; the message says which step unlocks it.
  public static func locked(_ subjectName: String, state: String) throws -> DomainError {
    DomainError(
      "evaluation.locked",
      GradeWorkflow.lockedMessage(
        subjectName: subjectName, state: try StoredValue.decode(state, column: "grade.state")))
  }
}
