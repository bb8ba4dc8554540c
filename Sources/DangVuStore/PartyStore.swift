import DangVuCore

/// Everything DangVu keeps, behind one protocol: SQLite is the embedded default, PostgreSQL the
/// engine for central deployments; both pass the same contract tests.
///
/// Every method is one transaction: it writes all it was given, or nothing. Methods are async so
/// that a network database fits the same shape.
public protocol PartyStore: EvaluationStore, CycleEvaluationStore, MembershipStore, OversightStore, AccountStore,
  DashboardStore,
  AuditStore, RegisterStore, RegisterEditing, CellGrading, LifecycleRecording, TargetStore, LeadershipRecording,
  TreeStore,
  TreeEditing, TreeSuccession, ScopeChecking
{}

/// A unit to add: the parent by code, because files and people name units by code.
public struct NewOrganisation: Hashable, Sendable {
  public var code: String
  public var name: String
  public var kind: UnitKind
  public var parentCode: String?
  public var founded: Day

  public init(code: String, name: String, kind: UnitKind, parentCode: String?, founded: Day) {
    self.code = code
    self.name = name
    self.kind = kind
    self.parentCode = parentCode
    self.founded = founded
  }
}

/// A member to add, with the events of their history (member ids in the events are filled in by the store).
public struct NewMember: Hashable, Sendable {
  public var member: Member
  public var events: [MembershipEvent]
  /// The admission decision and its sponsors, recorded with the member when known.
  public var admission: AdmissionDecision?

  public init(member: Member, events: [MembershipEvent], admission: AdmissionDecision? = nil) {
    self.member = member
    self.events = events
    self.admission = admission
  }
}

/// The decision number and the two sponsors of an admission, before the member has an id.
public struct AdmissionDecision: Hashable, Sendable {
  public var decisionNumber: String
  public var sponsorIDs: [Int64]

  public init(decisionNumber: String, sponsorIDs: [Int64]) {
    self.decisionNumber = decisionNumber
    self.sponsorIDs = sponsorIDs
  }
}

/// One line of the register on a day.
public struct RegisterEntry: Hashable, Sendable, Codable {
  public var member: Member
  public var cellID: Int64
  public var standing: Standing
  public var exempt: Bool
  /// Sent by the cell, not yet received by the next.
  public var inTransit: Bool

  public init(member: Member, cellID: Int64, standing: Standing, exempt: Bool, inTransit: Bool) {
    self.member = member
    self.cellID = cellID
    self.standing = standing
    self.exempt = exempt
    self.inTransit = inTransit
  }
}

/// A search result: enough to show a line and link to the member.
public struct MemberHit: Hashable, Sendable, Codable {
  public var id: Int64
  public var fullName: String
  public var birthDate: Day
  public var partyCardNumber: String?
  /// The cell the member is in now; nil once the member has left the register.
  public var cellCode: String?
  public var cellName: String?

  public init(
    id: Int64, fullName: String, birthDate: Day, partyCardNumber: String?, cellCode: String?, cellName: String?
  ) {
    self.id = id
    self.fullName = fullName
    self.birthDate = birthDate
    self.partyCardNumber = partyCardNumber
    self.cellCode = cellCode
    self.cellName = cellName
  }
}

public struct StoreStatistics: Hashable, Sendable, Codable {
  public var organisations: Int
  public var members: Int
  public var events: Int
  public var schemaVersion: String

  public init(organisations: Int, members: Int, events: Int, schemaVersion: String) {
    self.organisations = organisations
    self.members = members
    self.events = events
    self.schemaVersion = schemaVersion
  }
}
