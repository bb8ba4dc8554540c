/// A correction of an inspection or supervision entered wrongly: its kind, the organ of the body that ran it, its
/// title, the days it began and was concluded, and who it was about, with the reason. The body's unit is not
/// corrected: it fixes whose record the inspection is (the subtree that may see and correct it). A subject kept keeps
/// its finding; a subject added has none until the inspection is concluded.
public struct InspectionCorrection: Hashable, Sendable, Codable {
  public var inspectionID: Int64
  public var kind: OversightKind
  public var organ: ConductingBody.Organ
  public var title: String
  public var started: Day
  public var concluded: Day?
  public var subjects: [OversightSubject]
  public var reason: String

  public init(
    inspectionID: Int64, kind: OversightKind, organ: ConductingBody.Organ, title: String, started: Day,
    concluded: Day?, subjects: [OversightSubject], reason: String
  ) {
    self.inspectionID = inspectionID
    self.kind = kind
    self.organ = organ
    self.title = title
    self.started = started
    self.concluded = concluded
    self.subjects = subjects
    self.reason = reason
  }

  /// The inspection as corrected.
  public func applied(to i: Inspection) -> Inspection {
    var corrected = i
    corrected.kind = kind
    corrected.body = ConductingBody(organ, of: i.body.unitCode)
    corrected.title = title
    corrected.started = started
    corrected.concluded = concluded
    corrected.subjects = subjects.map { subject in
      i.subjects.first { $0.subject == subject } ?? InspectionSubject(subject)
    }
    return corrected
  }
}

extension OversightRules {
  /// Checks a correction: a reason, a change, and the corrected inspection passes the checks every inspection passes
  /// (a title, at least one subject and none twice, not concluded before it began).
  public static func check(_ c: InspectionCorrection, of i: Inspection) throws(DomainError) {
    let corrected = c.applied(to: i)
    try checkCorrection(reason: c.reason, changed: corrected != i, of: "cuộc \(i.kind.nameVi)")
    try check(corrected)
  }

}
