import DangVuCore
import GRDB

extension SQLiteStore {
  public func evaluationReport(year: Int, scope code: String?) async throws -> EvaluationReport {
    try await writer.read { db in
      // One unit's subtree, or with no code every province together (a national demo has no single root).
      let scopes: [Organisation]
      if let code {
        scopes = [try Self.requireOrganisation(code: code, in: db)]
      } else {
        scopes = try Self.roots(on: Day.lastDay(ofYear: year), in: db)
      }
      guard let first = scopes.first, let cycle = try Self.cycleCovering(unitID: first.id, year: year, in: db) else {
        throw Self.noCycle(year: year, code: code ?? "toàn bộ")
      }
      let scope = code == nil ? EvaluationReportAssembly.everyProvince(first: first) : first
      func rollups(_ year: Int) throws -> [String: GradeCounts] {
        try scopes.reduce(into: [:]) { sum, unit in
          sum.merge(try Self.rollup(year: year, unitID: unit.id, in: db), uniquingKeysWith: +)
        }
      }
      // Units directly below the scope, on the evaluation date, against the target binding the scope that year
      // (none binding: no unit is listed).
      let target = try Self.bindingTarget(.goodOrAbovePercent, scope: code == nil ? nil : first, year: year, in: db)
      let children =
        target == nil
        ? []
        : code == nil
          ? scopes
          : try Row.fetchAll(
            db,
            sql: """
              SELECT \(Self.organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
              WHERE p.parent_id = :id AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
              ORDER BY o.code
              """, arguments: ["id": first.id, "day": cycle.evaluationDate.daysSinceEpoch]
          ).map(Self.organisation)
      let below = EvaluationReport.BelowTarget.listing(
        try children.map { ($0, try Self.rollup(year: year, unitID: $0.id, in: db)) }, target: target)
      return EvaluationReportAssembly.report(
        year: year, scope: scope, regulation: cycle.regulation, kinds: try Self.unitKinds(in: db),
        current: try rollups(year), previous: EvaluationReportAssembly.previousYear(try rollups(year - 1)),
        belowTarget: below,
        excellentCapWarnings: try Self.excellentCapWarnings(
          year: year, scope: code == nil ? nil : first, on: cycle.evaluationDate, in: db), target: target)
    }
  }

  static func rollup(year: Int, unitID: Int64, in db: Database) throws -> [String: GradeCounts] {
    try EvaluationRecords.counts(
      Row.fetchAll(
        db, sql: "SELECT subject_key, outcome, count FROM grade_rollup WHERE year = ? AND unit_id = ? AND count <> 0",
        arguments: [year, unitID]
      ).map { ($0[0], $0[1], $0[2]) }, column: "grade_rollup.outcome")
  }

  /// Grassroots organisations in the scope whose members' excellent grades pass the cap of good-or-above.
  /// With no scope, every grassroots organisation of the year.
  static func excellentCapWarnings(year: Int, scope: Organisation?, on day: Day, in db: Database) throws -> [String] {
    let everyone = try scope.map { try Self.holdsEveryone($0.id, in: db) } ?? true
    // Only the units over the cap, by the index kept on write (ExcellentCap).
    let rows = try Row.fetchAll(
      db,
      sql: (everyone ? "" : subtreeCTE) + """
         SELECT o.name, c.excellent, c.good_or_above - c.excellent
         FROM excellent_cap c JOIN organisation o ON o.id = c.unit_id
         WHERE c.year = :year AND c.over = 1 \(everyone ? "" : "AND c.unit_id IN (SELECT id FROM sub)")
         ORDER BY o.code
        """, arguments: ["year": year, "code": scope?.code ?? "", "day": day.daysSinceEpoch])
    return EvaluationReportAssembly.capWarnings(rows.map { ($0[0], $0[1], $0[2]) })
  }
}
