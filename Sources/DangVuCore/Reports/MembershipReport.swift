/// The membership report for one subtree and period: admissions against plan, the register at the
/// period's end and its share of the population, removals, transfers and the structure of the
/// membership, each flow compared with the same period a year earlier.
public struct MembershipReport: Sendable, Codable {
  public var scopeCode: String
  public var scopeName: String
  public var period: ReportPeriod
  public var previousPeriod: ReportPeriod
  /// Whether the figures are compared with `previousPeriod` at all: without it, no change is given.
  public var comparison: ReportComparison
  public var counts: MembershipCounts
  public var previous: MembershipCounts
  /// The admission plan of the period's years (nil when no unit in the scope set one).
  public var admissionPlan: Int?
  /// People living in the scope's area in the year the period ends.
  public var population: Int?
  /// The admissions band binding the scope's own total in the period's year (nil: none binds it, as for a
  /// district under a provincial band, or a period not within one year).
  public var admissionsTarget: ReportTarget?

  public init(
    scopeCode: String, scopeName: String, period: ReportPeriod, counts: MembershipCounts, previous: MembershipCounts,
    admissionPlan: Int?, population: Int?, admissionsTarget: ReportTarget? = nil,
    comparison: ReportComparison = .made
  ) {
    self.scopeCode = scopeCode
    self.scopeName = scopeName
    self.period = period
    self.previousPeriod = period.sameTimeLastYear
    self.comparison = comparison
    self.counts = counts
    self.previous = previous
    self.admissionPlan = admissionPlan
    self.population = population
    self.admissionsTarget = admissionsTarget
  }

  /// Admissions as a share of the plan, to one decimal as published ("đạt 90,7% kế hoạch").
  public var admissionsShareOfPlan: Percent? { admissionPlan.flatMap { Percent(counts.admitted, of: $0, decimals: 1) } }

  /// Admissions against the same period a year earlier, in whole percent ("tăng 8%").
  public var admissionsChange: RelativeChange? {
    comparison.available ? RelativeChange(current: counts.admitted, previous: previous.admitted) : nil
  }

  /// The members on the last day as a share of the population ("chiếm 3,57% dân số").
  public var shareOfPopulation: Percent? { population.flatMap { Percent(counts.members, of: $0) } }

  /// Whether a year's admissions fall inside the band binding the scope; nil for periods shorter than a year
  /// and where no band binds.
  public var admissionsWithinTarget: Bool? {
    guard period.kind == .year, let target = admissionsTarget else { return nil }
    return target.isMet(admitted: counts.admitted)
  }

  /// Every flow and stock with its change against the same period a year earlier; none without a comparison.
  public var changes: [String: Change] {
    guard comparison.available else { return [:] }
    let c = counts
    let p = previous
    let pairs: [(String, Int, Int)] = [
      ("admitted", c.admitted, p.admitted), ("madeOfficial", c.madeOfficial, p.madeOfficial),
      ("notRecognised", c.notRecognised, p.notRecognised), ("struckOff", c.struckOff, p.struckOff),
      ("askedToLeave", c.askedToLeave, p.askedToLeave),
      ("unqualifiedRemoved", c.unqualifiedRemoved, p.unqualifiedRemoved),
      ("expelled", c.expelled, p.expelled), ("died", c.died, p.died), ("transfersIn", c.transfersIn, p.transfersIn),
      ("transfersOut", c.transfersOut, p.transfersOut), ("members", c.members, p.members),
      ("probationary", c.probationary, p.probationary), ("official", c.official, p.official),
      ("exempt", c.exempt, p.exempt), ("exempted", c.exempted, p.exempted), ("restored", c.restored, p.restored),
    ]
    return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Change(current: $0.1, previous: $0.2)) })
  }

  /// The average age in years, to one decimal.
  public var averageAge: Percent? {
    // A Percent of (total / members / 100) keeps the exact half-up rounding of the other figures.
    counts.members > 0 ? Percent(counts.structure.ageTotal, of: counts.members * 100, decimals: 1) : nil
  }

  public func share(_ part: Int) -> Percent? { Percent(part, of: counts.members) }
}

/// A count against the same period a year earlier, as a share of the earlier count: "tăng 8%".
public struct RelativeChange: Hashable, Sendable, Codable {
  public var current: Int
  public var previous: Int
  /// The size of the change, whole percent, half up.
  public var percent: Percent

  /// Whole percent as published ("tăng 8%"); a change too small to show in whole percent gets one decimal
  /// ("tăng 0,2%") rather than reading as no change.
  public init?(current: Int, previous: Int) {
    guard var percent = Percent(abs(current - previous), of: previous, decimals: 0) else { return nil }
    if percent.scaled == 0 && current != previous {
      percent = Percent(abs(current - previous), of: previous, decimals: 1)!
    }
    self.current = current
    self.previous = previous
    self.percent = percent
  }

  /// "tăng 8%", "giảm 3%", "bằng cùng kỳ".
  public var vietnamese: String {
    if percent.scaled == 0 { return "bằng cùng kỳ" }
    return (current > previous ? "tăng " : "giảm ") + percent.vietnamese + "%"
  }

  /// "tăng 8% so với cùng kỳ năm 2022", "bằng cùng kỳ năm 2022": the earlier period named once.
  public func clause(year: Int) -> String {
    clause(against: "cùng kỳ năm \(year)")
  }

  /// "tăng 8% so với nhiệm kỳ trước", "bằng cùng kỳ nhiệm kỳ trước": a term against the term before.
  public func clause(against earlier: String) -> String {
    percent.scaled == 0
      ? "bằng \(earlier)" : "\((current > previous ? "tăng " : "giảm ") + percent.vietnamese)% so với \(earlier)"
  }
}
