import DangVuCore
import DangVuStore
import PostgresNIO

/// The yearly evaluation report on PostgreSQL: the rollups, the units directly below against the binding target and
/// the grassroots units over the excellent cap are read here; the report is put together by
/// `EvaluationReportAssembly`, as on SQLite.
extension PostgresStore {
  public func evaluationReport(year: Int, scope code: String?) async throws -> EvaluationReport {
    try await read { transaction in
      let scopes: [Organisation]
      if let code {
        scopes = [try await Self.requireOrganisation(code: code, in: transaction)]
      } else {
        scopes = try await Self.roots(on: Day.lastDay(ofYear: year), in: transaction)
      }
      guard let first = scopes.first,
        let cycle = try await Self.cycleCovering(unitID: first.id, year: year, in: transaction)
      else { throw EvaluationRecords.noCycle(year: year, code: code ?? "toàn bộ") }
      func rollups(_ year: Int) async throws -> [String: GradeCounts] {
        var sum: [String: GradeCounts] = [:]
        for unit in scopes {
          sum.merge(try await Self.rollup(year: year, unitID: unit.id, in: transaction), uniquingKeysWith: +)
        }
        return sum
      }
      let target = try await Self.evaluationTarget(scope: code == nil ? nil : first, year: year, in: transaction)
      var children: [Organisation] = []
      if target != nil {
        if code == nil {
          children = scopes
        } else {
          let d = cycle.evaluationDate.daysSinceEpoch
          children = try await transaction.rows(
            """
            SELECT \(unescaped: Self.organisationColumns) FROM organisation o
            JOIN organisation_parent p ON p.child_id = o.id
            WHERE p.parent_id = \(first.id) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
            ORDER BY o.code COLLATE "C"
            """, columns: Self.organisationColumnNames
          ).map(Self.organisation)
        }
      }
      var childCounts: [(unit: Organisation, counts: [String: GradeCounts])] = []
      for child in children {
        childCounts.append((child, try await Self.rollup(year: year, unitID: child.id, in: transaction)))
      }
      return EvaluationReportAssembly.report(
        year: year, scope: code == nil ? EvaluationReportAssembly.everyProvince(first: first) : first,
        regulation: cycle.regulation, kinds: try await Self.unitKinds(in: transaction),
        current: try await rollups(year), previous: EvaluationReportAssembly.previousYear(try await rollups(year - 1)),
        belowTarget: EvaluationReport.BelowTarget.listing(childCounts, target: target),
        excellentCapWarnings: try await Self.excellentCapWarnings(
          year: year, scope: code == nil ? nil : first, on: cycle.evaluationDate, in: transaction),
        target: target)
    }
  }

  static func rollup(year: Int, unitID: Int64, in transaction: PostgresTransaction) async throws
    -> [String: GradeCounts]
  {
    try EvaluationRecords.counts(
      try await transaction.rows(
        """
        SELECT subject_key, outcome, count FROM grade_rollup
        WHERE year = \(year) AND unit_id = \(unitID) AND count <> 0
        """, columns: ["grade_rollup.subject_key", "grade_rollup.outcome", "grade_rollup.count"]
      ).map { (try $0.value(0), try $0.value(1), try $0.value(2)) }, column: "grade_rollup.outcome")
  }

  /// Grassroots organisations in the scope (with no scope, all) over the cap, by the rows kept on write.
  static func excellentCapWarnings(year: Int, scope: Organisation?, on day: Day, in transaction: PostgresTransaction)
    async throws -> [String]
  {
    var everyone = true
    if let scope { everyone = try await holdsEveryone(scope.id, in: transaction) }
    let select = """
      SELECT o.name, c.excellent, c.good_or_above - c.excellent
      FROM excellent_cap c JOIN organisation o ON o.id = c.unit_id
      WHERE c.year = \(year) AND c.over \(everyone ? "" : "AND c.unit_id IN (SELECT id FROM sub)")
      ORDER BY o.code COLLATE "C"
      """
    let rows = try await transaction.rows(
      everyone ? PostgresQuery(unsafeSQL: select) : inSubtree(of: scope?.code ?? "", on: day, select),
      columns: ["organisation.name", "excellent_cap.excellent", "excellent_cap.good_or_above"])
    return EvaluationReportAssembly.capWarnings(
      try rows.map { (try $0.value(0), try $0.value(1), try $0.value(2)) })
  }

  /// The good-or-above target binding the scope (nil: every province together) in the year, by the tree at the
  /// year's end, from the targets `TargetStore` keeps.
  static func evaluationTarget(scope: Organisation?, year: Int, in transaction: PostgresTransaction) async throws
    -> ReportTarget?
  {
    try await bindingTarget(.goodOrAbovePercent, scope: scope, year: year, in: transaction)
  }
}
