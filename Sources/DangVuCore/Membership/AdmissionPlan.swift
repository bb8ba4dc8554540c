/// How many a unit plans to admit in a year (chỉ tiêu kết nạp đảng viên).
///
/// A unit's plan is its own figure when it set one, else the sum of the plans below it: a province
/// that sets 1,600 is held to 1,600, whatever its districts planned.
public struct AdmissionPlan: Hashable, Sendable, Codable {
  public var organisationID: Int64
  public var year: Int
  public var planned: Int

  public init(organisationID: Int64, year: Int, planned: Int) {
    self.organisationID = organisationID
    self.year = year
    self.planned = planned
  }
}

/// Where a probation stands on a day.
public enum ProbationStatus: Hashable, Sendable, Codable {
  case running(ends: Day)
  /// The 12 months are over and no decision is recorded: the cell owes one.
  case overdue(since: Day)
  case recognised(on: Day)
  case refused(on: Day)

  public static func of(_ timeline: MemberTimeline, on day: Day) -> ProbationStatus? {
    guard let ends = timeline.probationEnds else { return nil }
    if let official = timeline.officialDate, official <= day { return .recognised(on: official) }
    if let exit = timeline.exit, exit.kind == .notRecognised, exit.date <= day { return .refused(on: exit.date) }
    if timeline.exit.map({ $0.date <= day }) ?? false { return nil }
    return day < ends ? .running(ends: ends) : .overdue(since: ends)
  }
}

extension AdmissionPlan {
  /// The plan for the scopes' subtrees in a year, from every unit's own plan (unit id → planned) and the tree of the
  /// year's last day (`parent`): each plan counts in the first scope reached going up from its unit, unless a unit
  /// with a plan of its own comes first (a province that sets 1,600 is held to 1,600, whatever its districts planned).
  /// Nil when no plan counts. The rule every engine applies to the plans it stores (issue 23 part 1).
  public static func total(
    of plans: [Int64: Int], scopes: Set<Int64>, parent: (Int64) throws -> Int64?
  ) rethrows -> Int? {
    var total: Int?
    for (unit, planned) in plans {
      var current: Int64? = unit
      while let id = current {
        if id != unit && plans[id] != nil { break }
        if scopes.contains(id) {
          total = (total ?? 0) + planned
          break
        }
        current = try parent(id)
      }
    }
    return total
  }
}
