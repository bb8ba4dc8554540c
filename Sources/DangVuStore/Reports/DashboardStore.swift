import DangVuCore

/// What the report pickers and the leaders' dashboard need beyond the reports themselves: the units a
/// little way down a subtree, their evaluation counts read from the rollups, and the oversight cases
/// still open. Each answer is a handful of indexed reads, whatever the size of the subtree.
public protocol DashboardStore: Sendable {
  /// The units 1 to `levels` levels below the unit `code` on `day`, in code order, with their depth.
  func unitsBelow(_ code: String, levels: Int, on day: Day) async throws -> [UnitBelow]

  /// The grade counts of each unit 1 to `levels` levels below `code`, as the tree stood on the
  /// evaluation date of the year's cycle; empty when no cycle covers the unit that year.
  func evaluationCountsBelow(_ code: String, levels: Int, year: Int) async throws -> [UnitGradeCounts]

  /// Inspections and supervisions run by a body of the subtree that had not concluded on `day`, and
  /// complaints and denunciations about the subtree not resolved on `day`; the oldest `limit` listed.
  func pendingOversightCases(within code: String, on day: Day, limit: Int) async throws -> PendingOversightCases
}

/// A unit some levels below another, for a picker or a list.
public struct UnitBelow: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  /// 1 for a unit directly below.
  public var depth: Int

  public init(code: String, name: String, depth: Int) {
    self.code = code
    self.name = name
    self.depth = depth
  }
}

/// One unit's evaluation counts in a year: its members (counted in its cells) and the organisations
/// below it (an organisation is counted at its parent and every ancestor).
public struct UnitGradeCounts: Hashable, Sendable, Codable {
  public var unit: UnitBelow
  public var members: GradeCounts
  public var organisations: GradeCounts

  public init(unit: UnitBelow, members: GradeCounts, organisations: GradeCounts) {
    self.unit = unit
    self.members = members
    self.organisations = organisations
  }
}

/// The oversight work still open in a subtree on a day.
public struct PendingOversightCases: Hashable, Sendable, Codable {
  /// One open case, for the list of the oldest.
  public struct Case: Hashable, Sendable, Codable {
    /// "inspection", "supervision", "complaint" or "denunciation"
    public var kind: String
    /// "kiểm tra thường xuyên", "tố cáo", …
    public var kindVi: String
    /// The inspection's title or the complaint's summary (either may be blank).
    public var title: String
    /// Who a complaint or denunciation is about: "đảng viên Nguyễn Văn An", "tổ chức đảng"; nil for an inspection,
    /// whose subjects are many.
    public var subject: String?
    /// The conducting body's unit (an inspection) or the unit the complaint is counted in.
    public var unitCode: String
    public var unitName: String
    /// Started (an inspection) or received (a complaint).
    public var since: Day

    public init(
      kind: String, kindVi: String, title: String, subject: String? = nil, unitCode: String, unitName: String,
      since: Day
    ) {
      self.kind = kind
      self.kindVi = kindVi
      self.title = title
      self.subject = subject
      self.unitCode = unitCode
      self.unitName = unitName
      self.since = since
    }
  }

  public var inspections: Int
  public var supervisions: Int
  public var complaints: Int
  public var denunciations: Int
  /// The oldest open cases first.
  public var oldest: [Case]

  public init(inspections: Int, supervisions: Int, complaints: Int, denunciations: Int, oldest: [Case]) {
    self.inspections = inspections
    self.supervisions = supervisions
    self.complaints = complaints
    self.denunciations = denunciations
    self.oldest = oldest
  }

  public var total: Int { inspections + supervisions + complaints + denunciations }
}
