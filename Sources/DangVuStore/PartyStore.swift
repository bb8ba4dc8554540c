import DangVuCore

/// Everything DangVu keeps, behind one protocol: SQLite is the embedded default, PostgreSQL the
/// engine for central deployments; both pass the same contract tests.
///
/// Every method is one transaction: it writes all it was given, or nothing. Methods are async so
/// that a network database fits the same shape.
public protocol PartyStore: EvaluationStore, CycleEvaluationStore, MembershipStore, OversightStore, AccountStore,
  DashboardStore,
  AuditStore, RegisterEditing, LifecycleRecording, TargetStore, LeadershipRecording, TreeStore,
  TreeEditing, TreeSuccession
{
  // MARK: Scope

  /// Which of `references` lie outside the subtree of `rootCode` (or do not exist): a unit by the tree on a day
  /// it existed (today, or its last day); a member, a collective or a decision by the unit it belongs to.
  func referencesOutside(_ references: ScopeReferences, within rootCode: String) async throws -> ScopeReferences

  // MARK: The member register

  /// Adds members, each with the events of its history so far; every history is checked; all or none (a refused
  /// member is a `BatchItemError` naming its place in the batch). Returns the members with their new ids. An
  /// import's `audit` entry is appended in the same transaction. (SQLite's faster ways of loading many are
  /// `BulkLoading`'s, decision 0039.)
  @discardableResult
  func addMembers(_ batch: [NewMember], audit: ImportAudit?) async throws -> [Member]

  /// Appends events to existing members' histories (each checked with the member's whole history); all or none.
  func recordEvents(_ events: [MembershipEvent], audit: ImportAudit?) async throws

  /// Replaces a member's identity fields (not the history).
  func updateMember(_ member: Member) async throws

  func member(id: Int64) async throws -> Member?
  func member(cardNumber: String) async throws -> Member?
  func member(nationalID: String) async throws -> Member?
  /// Of the given card numbers, those already in the register.
  func existingCardNumbers(_ numbers: [String]) async throws -> Set<String>
  /// The ids of the members holding these card numbers (unknown numbers are left out).
  func memberIDs(cardNumbers: [String]) async throws -> [String: Int64]
  /// Of the given national ID numbers, those already in the register.
  func existingNationalIDs(_ numbers: [String]) async throws -> Set<String>
  /// How many members have each folded name and birth date (only those with any are listed): probable duplicates.
  func namesakeCounts(_ people: Set<NameAndBirth>) async throws -> [NameAndBirth: Int]
  /// Every national ID in the register with its holder's birth date, for finding the ones a typing slip away
  /// from a new one.
  func nationalIDsWithBirthDates() async throws -> [(id: String, birth: Day)]
  /// For each cell with members in the register today, how complete their records are.
  func registerCompletenessByCell() async throws -> [Int64: RegisterCompleteness]
  func timeline(ofMember id: Int64) async throws -> MemberTimeline

  /// Members in the register on `day` in the unit or below it (as the tree stood that day).
  func register(of code: String, on day: Day) async throws -> [RegisterEntry]

  /// Diacritic-insensitive search by name (đ matches d), current members of `code`'s subtree when given.
  func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws -> [MemberHit]

  /// Streams every member with its events, in id order, `batchSize` at a time, for export.
  func forEachMemberBatch(
    batchSize: Int, _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void
  ) async throws

  /// How many members are in the register on `day` in each cell (only cells that have any).
  func memberCountsByCell(on day: Day) async throws -> [Int64: Int]

  /// Counts of what the store holds, for status lines and tests.
  func statistics() async throws -> StoreStatistics
}

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
}

public struct StoreStatistics: Hashable, Sendable, Codable {
  public var organisations: Int
  public var members: Int
  public var events: Int
  public var schemaVersion: String
}
