/// A correction of a discipline decision entered wrongly: what the decision says (its number, the day of the
/// violation, the categories, whether the unit found and fixed it itself, the note), with the reason. The subject,
/// form, deciding body and day are not corrected: they carry the decision's effects, which only an appeal changes.
public struct DisciplineCorrection: Hashable, Sendable, Codable {
  public var decisionID: Int64
  public var number: String
  public var violated: Day
  public var categories: [String]
  public var selfCorrected: Bool
  public var note: String
  public var reason: String

  public init(
    decisionID: Int64, number: String, violated: Day, categories: [String], selfCorrected: Bool, note: String,
    reason: String
  ) {
    self.decisionID = decisionID
    self.number = number
    self.violated = violated
    self.categories = categories
    self.selfCorrected = selfCorrected
    self.note = note
    self.reason = reason
  }

  /// The decision as corrected.
  public func applied(to d: DisciplineDecision) -> DisciplineDecision {
    var corrected = d
    corrected.number = number
    corrected.violated = violated
    corrected.categories = categories
    corrected.selfCorrected = selfCorrected
    corrected.note = note
    return corrected
  }
}

extension OversightRules {
  /// Checks a correction: a reason, a change, and the corrected decision passes the checks every decision passes
  /// (a number, a category, the violation before the decision and within the limitation period of its form).
  public static func check(_ c: DisciplineCorrection, of d: DisciplineDecision) throws(DomainError) {
    let corrected = c.applied(to: d)
    var same = corrected
    same.categories = d.categories
    let changed = same != d || Set(corrected.categories) != Set(d.categories)
    try checkCorrection(reason: c.reason, changed: changed, of: "quyết định \(d.number)")
    try checkCommon(corrected)
  }
}
