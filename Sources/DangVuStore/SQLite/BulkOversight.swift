import DangVuCore

/// Inspections, supervisions and programmes written in bulk (`BulkLoading.addOversightInBulk`): the demo's
/// years of oversight, by unit and member id, already drawn, so the store only writes them.
public struct BulkOversight: Sendable {
  public var inspections: [BulkInspection]
  public var programmes: [BulkProgramme]

  public init(inspections: [BulkInspection], programmes: [BulkProgramme]) {
    self.inspections = inspections
    self.programmes = programmes
  }
}

/// One inspection or supervision with its lượt, its body a unit id (the committee or its commission).
public struct BulkInspection: Sendable {
  /// One lượt: a member (with the cell they were in) or a unit, and whether a violation was found.
  public struct Subject: Sendable {
    public var isMember: Bool
    /// The member's id, or the unit's.
    public var subjectID: Int64
    public var unitID: Int64
    public var violationFound: Bool

    public init(isMember: Bool, subjectID: Int64, unitID: Int64, violationFound: Bool) {
      self.isMember = isMember
      self.subjectID = subjectID
      self.unitID = unitID
      self.violationFound = violationFound
    }
  }

  public var kind: OversightKind
  public var organ: ConductingBody.Organ
  public var bodyUnitID: Int64
  public var title: String
  public var started: Day
  public var concluded: Day
  public var subjects: [Subject]

  public init(
    kind: OversightKind, organ: ConductingBody.Organ, bodyUnitID: Int64, title: String, started: Day, concluded: Day,
    subjects: [Subject]
  ) {
    self.kind = kind
    self.organ = organ
    self.bodyUnitID = bodyUnitID
    self.title = title
    self.started = started
    self.concluded = concluded
    self.subjects = subjects
  }
}

/// How many of one kind of work a body plans in a year.
public struct BulkProgramme: Sendable {
  public var organ: ConductingBody.Organ
  public var bodyUnitID: Int64
  public var year: Int
  public var kind: OversightKind
  public var planned: Int

  public init(organ: ConductingBody.Organ, bodyUnitID: Int64, year: Int, kind: OversightKind, planned: Int) {
    self.organ = organ
    self.bodyUnitID = bodyUnitID
    self.year = year
    self.kind = kind
    self.planned = planned
  }
}
