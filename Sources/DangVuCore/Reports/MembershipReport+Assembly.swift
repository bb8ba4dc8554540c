/// The membership report made from what a store reads (issue 23 part 1): every engine reads the counts, the plans,
/// the population and the targets its own way, and the report is put together here, once.
extension MembershipReport {
  /// The years whose admission plans the period is held to.
  public static func planYears(of period: ReportPeriod) -> ClosedRange<Int> { period.from.year...period.through.year }

  /// Whether a band for a year's total can bind the period: only one within a single year.
  public static func readsATarget(_ period: ReportPeriod) -> Bool { period.from.year == period.through.year }

  /// The report of `scopes` (the unit asked for, or with no code every root), from the plan of each of
  /// `planYears` (nil: none counts) and each scope's population in the period's last year (nil: not recorded).
  public static func assembled(
    scope code: String?, scopes: [Organisation], period: ReportPeriod, counts: MembershipCounts,
    previous: MembershipCounts, comparison: ReportComparison, plans: [Int?], populations: [Int?],
    target: ReportTarget?
  ) -> MembershipReport {
    func sum(_ parts: [Int?]) -> Int? { parts.compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 } }
    return MembershipReport(
      scopeCode: code ?? "", scopeName: scopes.count == 1 ? scopes[0].name : "toàn quốc", period: period,
      counts: counts, previous: comparison.available ? previous : MembershipCounts(), admissionPlan: sum(plans),
      population: sum(populations), admissionsTarget: readsATarget(period) ? target : nil, comparison: comparison)
  }
}
