/// The JSON shape of the membership report: the counts of both periods, then every derived figure as a
/// number and as printed, so an API client never recomputes a share.
extension MembershipReport {
  enum Keys: String, CodingKey {
    case scopeCode, scopeName, period, periodName, previousPeriod, counts, previous, totals, admissionPlan
    case admissionsShareOfPlan, admissionsChange, population, shareOfPopulation, admissionsWithinTarget,
      admissionsTarget
    case changes, averageAge, sharesVi, comparison
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(scopeCode, forKey: .scopeCode)
    try c.encode(scopeName, forKey: .scopeName)
    try c.encode(period, forKey: .period)
    try c.encode(period.nameVi, forKey: .periodName)
    try c.encode(previousPeriod, forKey: .previousPeriod)
    try c.encode(comparison, forKey: .comparison)
    try c.encode(counts, forKey: .counts)
    // Without a comparison the earlier counts are not figures anyone recorded: they are left out.
    if comparison.available { try c.encode(previous, forKey: .previous) }
    try c.encode(
      [
        "members": counts.members, "unqualifiedRemoved": counts.unqualifiedRemoved,
        "transfersIn": counts.transfersIn, "transfersOut": counts.transfersOut,
      ], forKey: .totals)
    try c.encodeIfPresent(admissionPlan, forKey: .admissionPlan)
    try c.encodeIfPresent(admissionsShareOfPlan, forKey: .admissionsShareOfPlan)
    try c.encodeIfPresent(admissionsChange, forKey: .admissionsChange)
    try c.encodeIfPresent(population, forKey: .population)
    try c.encodeIfPresent(shareOfPopulation, forKey: .shareOfPopulation)
    try c.encodeIfPresent(admissionsWithinTarget, forKey: .admissionsWithinTarget)
    try c.encodeIfPresent(admissionsTarget, forKey: .admissionsTarget)
    try c.encode(changes.compactMapValues(\.difference), forKey: .changes)
    try c.encodeIfPresent(averageAge, forKey: .averageAge)
    let printed: [(String, Percent?)] = [
      ("admissionsShareOfPlan", admissionsShareOfPlan), ("admissionsChange", admissionsChange?.percent),
      ("shareOfPopulation", shareOfPopulation), ("averageAge", averageAge),
    ]
    try c.encode(
      Dictionary(uniqueKeysWithValues: printed.compactMap { k, v in v.map { (k, $0.vietnamese) } }), forKey: .sharesVi)
  }
}
