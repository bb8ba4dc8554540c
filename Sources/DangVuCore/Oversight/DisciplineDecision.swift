/// A discipline decision (quyết định kỷ luật) about a member or a unit.
public struct DisciplineDecision: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  public var subject: OversightSubject
  public var form: DisciplineForm
  /// Codes of `ViolationCategory`; at least one. A decision with several counts in each.
  public var categories: [String]
  public var decidingBody: ConductingBody
  /// "12-QĐ/UBKT"
  public var number: String
  public var decided: Day
  /// The day of the violation, from which the limitation period runs.
  public var violated: Day
  /// The inspection whose conclusion led to it, if any.
  public var inspectionID: Int64?
  /// The unit found and fixed the violation itself: the member may still be graded complete.
  public var selfCorrected: Bool
  public var note: String

  public init(
    id: Int64 = 0, subject: OversightSubject, form: DisciplineForm, categories: [String], decidingBody: ConductingBody,
    number: String, decided: Day, violated: Day, inspectionID: Int64? = nil, selfCorrected: Bool = false,
    note: String = ""
  ) {
    self.id = id
    self.subject = subject
    self.form = form
    self.categories = categories
    self.decidingBody = decidingBody
    self.number = number
    self.decided = decided
    self.violated = violated
    self.inspectionID = inspectionID
    self.selfCorrected = selfCorrected
    self.note = note
  }
}

/// A decision as the record stands today: its appeals, and the form in force after them.
public struct DisciplineHistory: Hashable, Sendable, Codable {
  public var decision: DisciplineDecision
  public var appeals: [Appeal]

  public init(decision: DisciplineDecision, appeals: [Appeal]) {
    self.decision = decision
    self.appeals = appeals
  }

  /// The form in force on `day` after the appeals decided by then; nil once annulled.
  public func form(on day: Day) -> DisciplineForm? {
    var form: DisciplineForm? = decision.form
    for appeal in appeals.sorted(by: { $0.decided < $1.decided }) where appeal.decided <= day {
      switch appeal.outcome {
      case .upheld: break
      case .changed(let new): form = new
      case .annulled: form = nil
      }
    }
    return form
  }
}
