import DangVuCore

/// The membership lifecycle beyond the register itself: admission decisions with their sponsors, yearly
/// admission plans, probations owed a decision, transfers in transit, and the membership report.
///
/// Events themselves (admitted, transfer sent and received, struck off…) go through
/// `PartyStore.recordEvents`, so every change to a history is checked whole in one place.
public protocol MembershipStore: Sendable {
  /// Sets yearly admission plans by unit code (replacing the same unit and year); all or none.
  func setAdmissionPlans(_ plans: [AdmissionPlanEntry]) async throws

  /// Brings the sums the membership report reads up to date after a bulk load or a change of the tree,
  /// so that the first report does not pay for it.
  func prepareMembershipReports() async throws

  /// The plan the unit is held to in a year: its own, else the sum of the plans below it; nil when none.
  func admissionPlan(of code: String, year: Int) async throws -> Int?

  /// Records the decision and sponsors of a member's admission (the `admitted` event must be recorded);
  /// the sponsors must be official members on the admission day.
  func recordAdmission(_ admission: Admission) async throws

  func admission(ofMember id: Int64) async throws -> Admission?

  /// Probationary members in the subtree on `day` whose 12 months ended with no decision recorded.
  func overdueProbations(within code: String?, on day: Day) async throws -> [ProbationEntry]

  /// Members sent by a cell in the subtree and not yet received, on `day`.
  func membersInTransit(within code: String?, on day: Day) async throws -> [TransitEntry]

  /// The flows of the period and the register on its last day, for a subtree as the tree stood on that
  /// day; with no code, every province together.
  func membershipCounts(scope code: String?, period: ReportPeriod) async throws -> MembershipCounts

  /// The report: this period and the same period a year earlier, the plan and the population.
  func membershipReport(scope code: String?, period: ReportPeriod) async throws -> MembershipReport

  /// The day of the latest membership event on or before `day`, nil for none: where the membership report page
  /// opens (`ReportPeriod.opening`).
  func lastMembershipRecord(onOrBefore day: Day) async throws -> Day?
}

public struct AdmissionPlanEntry: Hashable, Sendable, Codable {
  public var organisationCode: String
  public var year: Int
  public var planned: Int

  public init(organisationCode: String, year: Int, planned: Int) {
    self.organisationCode = organisationCode
    self.year = year
    self.planned = planned
  }
}

/// A probation owed a decision.
public struct ProbationEntry: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var fullName: String
  public var cellCode: String
  public var admitted: Day
  public var probationEnded: Day

  public init(memberID: Int64, fullName: String, cellCode: String, admitted: Day, probationEnded: Day) {
    self.memberID = memberID
    self.fullName = fullName
    self.cellCode = cellCode
    self.admitted = admitted
    self.probationEnded = probationEnded
  }
}

/// A member between the sending and the receiving cell.
public struct TransitEntry: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var fullName: String
  public var fromCellCode: String
  public var toCellCode: String
  public var sent: Day
  /// The letter must be presented within 30 days of being sent (Hướng dẫn của Ban Tổ chức Trung ương).
  public var overdue: Bool

  public init(memberID: Int64, fullName: String, fromCellCode: String, toCellCode: String, sent: Day, overdue: Bool) {
    self.memberID = memberID
    self.fullName = fullName
    self.fromCellCode = fromCellCode
    self.toCellCode = toCellCode
    self.sent = sent
    self.overdue = overdue
  }

  public static let daysToPresentLetter = 30
}

extension ProbationEntry {
  /// The probation of a member admitted on `admitted`, if its 12 months ended by `day` with no decision recorded (the
  /// caller reads the probationary spans of `day`); nil while it runs. The rule every engine applies.
  public static func overdue(
    memberID: Int64, fullName: String, cellCode: String, admitted: Day, on day: Day
  ) -> ProbationEntry? {
    let ends = admitted.adding(months: MemberTimeline.probationMonths)
    guard ends <= day else { return nil }
    return ProbationEntry(
      memberID: memberID, fullName: fullName, cellCode: cellCode, admitted: admitted, probationEnded: ends)
  }
}

extension TransitEntry {
  /// A member sent on `sent` and not received by `day`: overdue once the letter's 30 days are past.
  public init(memberID: Int64, fullName: String, fromCellCode: String, toCellCode: String, sent: Day, on day: Day) {
    self.init(
      memberID: memberID, fullName: fullName, fromCellCode: fromCellCode, toCellCode: toCellCode, sent: sent,
      overdue: sent.adding(days: Self.daysToPresentLetter) < day)
  }
}
