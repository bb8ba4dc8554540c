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
      let scope =
        code == nil
        ? Organisation(id: 0, code: "*", name: "Đảng", kind: .provincialCommittee, founded: first.founded) : first
      let kinds = try Self.unitKinds(in: db)
      func rollups(_ year: Int) throws -> [String: GradeCounts] {
        try scopes.reduce(into: [:]) { sum, unit in
          sum.merge(try Self.rollup(year: year, unitID: unit.id, in: db), uniquingKeysWith: +)
        }
      }
      let current = try rollups(year)
      let previous = try rollups(year - 1)
      let hasPrevious = !previous.isEmpty
      func line(_ key: String, _ label: String) -> EvaluationReport.Line {
        EvaluationReport.Line(
          subject: key, label: label, counts: current[key] ?? GradeCounts(),
          previous: hasPrevious ? previous[key] ?? GradeCounts() : nil)
      }
      let organisationKinds = kinds.kinds.filter { kind in
        let key = "organisation.\(kind.kind.code)"
        return current[key] != nil || previous[key] != nil
      }.map { line("organisation.\($0.kind.code)", $0.nameVi) }

      // Units directly below the scope, on the evaluation date, against the target binding the scope that year
      // (none binding: no unit is listed).
      let policy = EvaluationPolicy.standard
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
      return EvaluationReport(
        year: year, scopeCode: scope.code, scopeName: scope.name, regulation: cycle.regulation, policy: policy,
        organisationKinds: organisationKinds, members: line("member", "đảng viên"),
        leadershipCollectives: line("leadershipCollective", "tập thể lãnh đạo, quản lý các cấp"),
        leadershipCadres: line("leadershipCadre", "cán bộ lãnh đạo, quản lý các cấp"), belowTarget: below,
        excellentCapWarnings: try Self.excellentCapWarnings(
          year: year, scope: code == nil ? nil : first, on: cycle.evaluationDate, in: db), target: target)
    }
  }

  static func rollup(year: Int, unitID: Int64, in db: Database) throws -> [String: GradeCounts] {
    var counts: [String: GradeCounts] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT subject_key, outcome, count FROM grade_rollup WHERE year = ? AND unit_id = ? AND count <> 0",
      arguments: [year, unitID])
    {
      let outcome = try StoredValue.decode(row[1], column: "grade_rollup.outcome", GradeOutcome.init(code:))
      counts[row[0], default: GradeCounts()].add(outcome, count: row[2])
    }
    return counts
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
    return rows.compactMap { row in
      EvaluationRules.excellentCapWarning(
        GradeCounts(excellent: row[1], good: row[2], complete: 0, notComplete: 0), unitName: row[0])
    }
  }
}
