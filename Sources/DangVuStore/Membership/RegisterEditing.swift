import DangVuCore

/// Edits a person makes from a page or a client makes through the API: each carries the version of the
/// record it was made from, and the store refuses it (`StaleVersion`) when the record changed since. The
/// check and the write are one transaction, so of two edits made from the same version exactly one wins.
///
/// A member's version counts every change to the member: identity fields, posts and events
/// (docs/decisions/0011-edit-versions.md). A cell's grading sheet, versioned the same way, is `CellGrading`.
public protocol RegisterEditing: Sendable {
  /// The member and the version an edit of it must carry.
  func memberWithVersion(id: Int64) async throws -> VersionedMember?

  /// Everything a member's page shows, read in one transaction: the member with its version, the dated
  /// history, the units it names, the admission and the sponsors' names. nil when there is no such member,
  /// or, with `rootCode`, when the member's current cell (the last, for one who left) is outside that
  /// unit's subtree: the page's subtree check, in the same read.
  func memberRecord(id: Int64, within rootCode: String?, on today: Day) async throws -> MemberRecord?

  /// Adds one member with the events of its history (checked like `addMembers`); a new member is version 1. The
  /// audit entry (`member.add`) is written in the same transaction.
  func createMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember

  /// Replaces the identity fields and posts (not the history) if the stored version is still
  /// `expectedVersion`; otherwise throws `StaleVersion<VersionedMember>` with the stored member. The audit entry
  /// (`member.update`, before and after) is written in the same transaction.
  @discardableResult
  func updateMember(_ member: Member, expectedVersion: Int, by actor: AuditActor) async throws -> VersionedMember

}

/// An edit made from an older version than the stored one; `current` is the record as stored now.
public struct StaleVersion<Current: Sendable>: Error {
  public var current: Current

  public init(current: Current) { self.current = current }
}

public struct VersionedMember: Hashable, Sendable, Codable {
  public var member: Member
  public var version: Int

  public init(member: Member, version: Int) {
    self.member = member
    self.version = version
  }
}

/// One member's grade as the cell's grading page sends it.
public struct CellGradeInput: Hashable, Sendable {
  public var memberID: Int64
  public var outcome: GradeOutcome
  /// Under 366-QĐ/TW, the points per criterion group and the facts an excellent grade needs.
  public var sheet: ScoreSheet?
  public var sickLeaveMonths: Int

  public init(memberID: Int64, outcome: GradeOutcome, sheet: ScoreSheet? = nil, sickLeaveMonths: Int = 0) {
    self.memberID = memberID
    self.outcome = outcome
    self.sheet = sheet
    self.sickLeaveMonths = sickLeaveMonths
  }
}

/// The grading of a cell was refused for some rows: the reason for each, by member id. Nothing was written.
public struct CellGradingRefused: Error, Hashable, Sendable {
  public var reasons: [Int64: String]

  public init(reasons: [Int64: String]) { self.reasons = reasons }
}

/// A cell's members on the evaluation date of a year's cycle, as the grading page shows them.
public struct CellGradeSheet: Hashable, Sendable, Codable {
  public var cellCode: String
  public var cellName: String
  public var year: Int
  public var evaluationDate: Day
  public var regulation: String
  /// Graded by a score out of 100 (366-QĐ/TW) rather than directly.
  public var scored: Bool
  public var version: Int
  /// The evaluation population: members of the cell on the evaluation date, not exempt.
  public var rows: [CellGradeRow]
  /// Members of the cell exempt from activity on the evaluation date: outside the population, not graded.
  public var exempt: [CellMemberRef]

  public init(
    cellCode: String, cellName: String, year: Int, evaluationDate: Day, regulation: String, scored: Bool,
    version: Int, rows: [CellGradeRow], exempt: [CellMemberRef]
  ) {
    self.cellCode = cellCode
    self.cellName = cellName
    self.year = year
    self.evaluationDate = evaluationDate
    self.regulation = regulation
    self.scored = scored
    self.version = version
    self.rows = rows
    self.exempt = exempt
  }
}

public struct CellMemberRef: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var fullName: String
  public var partyCardNumber: String?
}

public struct SavedGrade: Hashable, Sendable, Codable {
  public var outcome: GradeOutcome
  public var score: Int?
  public var sickLeaveMonths: Int
  public var state: GradeState
  /// The sheet the score totals (366-QĐ/TW); nil for a direct grade or one scored before sheets were kept.
  public var sheet: ScoreSheet? = nil
}

public struct CellGradeRow: Hashable, Sendable, Codable {
  public var member: CellMemberRef
  public var standing: Standing
  public var saved: SavedGrade?
  /// The outcome the rules record whatever is proposed (too new, a pending case), with why.
  public var automatic: GradeOutcome?
  public var automaticReason: String?
  /// The grades the rules allow before sick leave is known (discipline in the year caps them).
  public var allowed: [Grade]
  /// Why the grades missing from `allowed` are not allowed.
  public var limitReason: String?
  /// Why the rules could not be applied to this member at all (e.g. no cycle covers the cell then).
  public var problem: String?
}

/// A member's whole record as one consistent read (`memberRecord(id:)`).
public struct MemberRecord: Sendable {
  public var versioned: VersionedMember
  public var timeline: MemberTimeline
  /// The cells and units the history names, by id.
  public var units: [Int64: Organisation]
  public var admission: Admission?
  /// The sponsors' names by member id.
  public var sponsorNames: [Int64: String]
  /// The stored events with their ids (which a correction names), in the order they were recorded.
  public var recordedEvents: [RecordedEvent] = []
  /// Corrections of the history, newest first: the history of changes.
  public var corrections: [EventCorrection] = []
  /// The letter of a transfer sent and not yet received, while the member is in transit.
  public var pendingLetter: TransferLetter?
  /// The posts the member holds and held, in the same read (a read of its own cost the page a transaction).
  public var posts: [PostRecord] = []

  public init(
    versioned: VersionedMember, timeline: MemberTimeline, units: [Int64: Organisation], admission: Admission?,
    sponsorNames: [Int64: String], recordedEvents: [RecordedEvent] = [], corrections: [EventCorrection] = [],
    pendingLetter: TransferLetter? = nil, posts: [PostRecord] = []
  ) {
    self.versioned = versioned
    self.timeline = timeline
    self.units = units
    self.admission = admission
    self.sponsorNames = sponsorNames
    self.recordedEvents = recordedEvents
    self.corrections = corrections
    self.pendingLetter = pendingLetter
    self.posts = posts
  }
}
