/// The JSON shape of a report line: counts, shares (number and as printed), and changes against the year before.
extension EvaluationReport.Line {
  enum Keys: String, CodingKey {
    case subject, label, total, evaluated, notEvaluated, notEvaluatedReasons, goodOrAbove, excellent, good, complete
    case notComplete, shares, sharesVi, changes, previous
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(subject, forKey: .subject)
    try c.encode(label, forKey: .label)
    try c.encode(counts.total, forKey: .total)
    try c.encode(counts.evaluated, forKey: .evaluated)
    try c.encode(counts.notEvaluatedTotal, forKey: .notEvaluated)
    try c.encode(counts.notEvaluated, forKey: .notEvaluatedReasons)
    try c.encode(counts.goodOrAbove, forKey: .goodOrAbove)
    try c.encode(counts.excellent, forKey: .excellent)
    try c.encode(counts.good, forKey: .good)
    try c.encode(counts.complete, forKey: .complete)
    try c.encode(counts.notComplete, forKey: .notComplete)
    let s = shares
    let named: [(String, Percent?)] = [
      ("evaluated", s.evaluated), ("notEvaluated", s.notEvaluated), ("goodOrAbove", s.goodOrAbove),
      ("excellent", s.excellent), ("good", s.good), ("complete", s.complete), ("notComplete", s.notComplete),
    ]
    try c.encode(
      Dictionary(uniqueKeysWithValues: named.compactMap { k, v in v.map { (k, $0.description) } }), forKey: .shares)
    try c.encode(
      Dictionary(uniqueKeysWithValues: named.compactMap { k, v in v.map { (k, $0.vietnamese) } }), forKey: .sharesVi)
    if previous != nil {
      try c.encode(changes.compactMapValues(\.difference), forKey: .changes)
      try c.encode(previous, forKey: .previous)
    }
  }
}

extension EvaluationReport {
  enum Keys: String, CodingKey {
    case year, scopeCode, scopeName, regulation, policy, target, organisations, organisationKinds, members
    case leadershipCollectives, leadershipCadres, belowTarget, excellentCapWarnings, cycle, cycleName
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(year, forKey: .year)
    try c.encode(scopeCode, forKey: .scopeCode)
    try c.encode(scopeName, forKey: .scopeName)
    try c.encode(regulation, forKey: .regulation)
    // Only a cycle other than the year names itself: the yearly JSON stays as it was.
    try c.encodeIfPresent(cycle, forKey: .cycle)
    try c.encodeIfPresent(cycleName, forKey: .cycleName)
    try c.encode(policy, forKey: .policy)
    try c.encodeIfPresent(target, forKey: .target)
    try c.encode(organisations, forKey: .organisations)
    try c.encode(organisationKinds, forKey: .organisationKinds)
    try c.encode(members, forKey: .members)
    try c.encode(leadershipCollectives, forKey: .leadershipCollectives)
    try c.encode(leadershipCadres, forKey: .leadershipCadres)
    try c.encode(belowTarget, forKey: .belowTarget)
    try c.encode(excellentCapWarnings, forKey: .excellentCapWarnings)
  }
}
