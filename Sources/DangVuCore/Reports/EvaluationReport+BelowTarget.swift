extension EvaluationReport.BelowTarget {
  /// The units below a scope whose good-or-above share misses the target, organisations then members for each unit,
  /// in the order given: each unit with its grade counts by subject key ("member", "organisation.<kind>"). No target,
  /// no list; a subject with no one evaluated is not listed. The rule of the report's "units below target", applied
  /// by every engine to the counts it keeps (issue 23 part 1).
  public static func listing(_ units: [(unit: Organisation, counts: [String: GradeCounts])], target: ReportTarget?)
    -> [Self]
  {
    guard let target else { return [] }
    var below: [Self] = []
    for (unit, counts) in units {
      let organisations = counts.filter { $0.key.hasPrefix("organisation.") }.values.reduce(GradeCounts(), +)
      for (subject, c) in [("organisation", organisations), ("member", counts["member"] ?? GradeCounts())]
      where c.evaluated > 0 && !target.isMet(goodOrAbove: c.goodOrAbove, of: c.evaluated) {
        below.append(
          Self(code: unit.code, name: unit.name, subject: subject, goodOrAbove: c.goodOrAbove, evaluated: c.evaluated))
      }
    }
    return below
  }
}
