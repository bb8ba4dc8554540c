import DangVuCore
import DangVuStore
import PostgresNIO

/// Targets and plans as people keep them (`TargetStore`), as SQLite keeps them (`SQLiteStore+Targets.swift`): each
/// write with its audit entry (`NewAuditEntry.targetAdded` and the rest, shared) in one transaction. Where SQLite's
/// single writer made a read-then-write safe, a lock does here: the target's row for a removal, the unit and year for
/// a plan, so two servers never both record the same "before".
extension PostgresStore: TargetStore {
  public func reportTargets() async throws -> [ReportTarget] {
    try await read { transaction in try await Self.reportTargets(in: transaction) }
  }

  public func reportTargets(relatedTo code: String, on day: Day) async throws -> [ReportTarget] {
    try await read { transaction in
      let root = try await Self.requireOrganisation(code: code, in: transaction)
      let above = Set(try await Self.ancestry(of: root.id, on: day, in: transaction).units.map(\.code))
      var related: [ReportTarget] = []
      for target in try await Self.reportTargets(in: transaction) {
        guard let unit = target.scopeCode, !above.contains(unit) else {
          related.append(target)
          continue
        }
        if let id = try await Self.organisation(code: unit, in: transaction)?.id,
          try await self.unitIsWithin(id: id, rootCode: code, on: day)
        {
          related.append(target)
        }
      }
      return related
    }
  }

  public func addReportTarget(_ target: ReportTarget, by actor: AuditActor) async throws -> ReportTarget {
    try await write { transaction in
      let unit = try await target.scopeCode.asyncMap { try await Self.requireOrganisation(code: $0, in: transaction) }
      var saved = target
      saved.id = try await transaction.rows(
        """
        INSERT INTO report_target(measure, organisation_id, from_year, until_year, low, high, source)
        VALUES (\(target.measure.rawValue), \(unit?.id), \(target.years.lowerBound), \(target.years.upperBound),
          \(target.low), \(target.high), \(target.source))
        RETURNING id
        """, columns: ["report_target.id"]
      ).first?.value(0)
      let scope = try await Self.scopeCode(of: unit, in: transaction)
      _ = try await Self.append(.targetAdded(saved, scopeCode: scope, by: actor), in: transaction)
      return saved
    }
  }

  @discardableResult
  public func removeReportTarget(id: Int64, by actor: AuditActor) async throws -> ReportTarget {
    try await write { transaction in
      // The row's lock: a second removal of the same target waits, then finds it gone.
      guard try await Self.exists("SELECT 1 FROM report_target WHERE id = \(id) FOR UPDATE", in: transaction),
        let target = try await Self.reportTargets(in: transaction).first(where: { $0.id == id })
      else { throw ReportTarget.notFound(id) }
      try await transaction.query("DELETE FROM report_target WHERE id = \(id)")
      let unit = try await target.scopeCode.asyncMap { try await Self.requireOrganisation(code: $0, in: transaction) }
      let scope = try await Self.scopeCode(of: unit, in: transaction)
      _ = try await Self.append(.targetRemoved(target, scopeCode: scope, by: actor), in: transaction)
      return target
    }
  }

  /// Where a target's entry is filed: under its unit, or the top of the tree for a central one.
  private static func scopeCode(of unit: Organisation?, in transaction: PostgresTransaction) async throws -> String {
    if let unit { return unit.code }
    return try await topUnitCode(in: transaction)
  }

  /// Taken for a unit's plan of a year while it is read and replaced. ("DVplan" in ASCII, with the unit and year.)
  static let planLock: Int32 = 0x4456_706C

  public func setAdmissionPlan(_ plan: AdmissionPlanEntry, by actor: AuditActor) async throws {
    try await write { transaction in
      let unit = try await Self.requireOrganisation(code: plan.organisationCode, in: transaction)
      try await transaction.query(
        "SELECT pg_advisory_xact_lock(\(Self.planLock), \(Int32(truncatingIfNeeded: unit.id &* 4096 &+ Int64(plan.year))))"
      )
      let before: Int? = try await transaction.rows(
        "SELECT planned FROM admission_plan WHERE organisation_id = \(unit.id) AND year = \(plan.year)",
        columns: ["admission_plan.planned"]
      ).first?.value(0)
      do {
        try await Self.setAdmissionPlans([plan], in: transaction)
      } catch let error as BatchItemError {
        throw error.error
      }
      _ = try await Self.append(.planSet(plan, unitCode: unit.code, before: before, by: actor), in: transaction)
    }
  }

  public func admissionProgress(within code: String, on day: Day) async throws -> [AdmissionProgress] {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      let d = day.daysSinceEpoch
      let children = try await transaction.rows(
        """
        SELECT \(unescaped: Self.organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
        WHERE p.parent_id = \(unit.id) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
        ORDER BY o.code
        """, columns: Self.organisationColumnNames
      ).map(Self.organisation)
      let admitted = try await Self.admittedByUnitBelow(
        unit.id, from: Day.lastDay(ofYear: day.year - 1).adding(days: 1), through: day, in: transaction)
      let plans = try await Self.admissionPlans(year: day.year, in: transaction)
      let total = admitted.values.reduce(0, +)
      return [AdmissionProgress(code: unit.code, name: unit.name, planned: plans[unit.id], admitted: total, on: day)]
        + children.map {
          AdmissionProgress(
            code: $0.code, name: $0.name, planned: plans[$0.id], admitted: admitted[$0.id] ?? 0, on: day)
        }
    }
  }

  /// Admissions from `from` to `through` in the subtree of `unit`, by the unit directly below it that holds each
  /// admission's cell (the tree of `through`); admissions into `unit` itself under its own id.
  static func admittedByUnitBelow(_ unit: Int64, from: Day, through: Day, in transaction: PostgresTransaction)
    async throws -> [Int64: Int]
  {
    let d = through.daysSinceEpoch
    var counts: [Int64: Int] = [:]
    for row in try await transaction.rows(
      """
      WITH RECURSIVE sub(id, top) AS (
        SELECT \(unit)::bigint, \(unit)::bigint
        UNION ALL
        SELECT p.child_id, CASE WHEN sub.id = \(unit) THEN p.child_id ELSE sub.top END
        FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
        WHERE p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d)))
      SELECT sub.top, count(*) FROM sub JOIN membership_event e ON e.cell_id = sub.id
      WHERE e.kind = 'admitted' AND e.date BETWEEN \(from.daysSinceEpoch) AND \(d)
      GROUP BY sub.top
      """, columns: ["organisation.id", "count"])
    {
      counts[try row.value(0)] = Int(try row.value(1, as: Int64.self))
    }
    return counts
  }

  static func reportTargets(in transaction: PostgresTransaction) async throws -> [ReportTarget] {
    try await transaction.rows(
      """
      SELECT t.id, t.measure, o.code, t.from_year, t.until_year, t.low, t.high, t.source
      FROM report_target t LEFT JOIN organisation o ON o.id = t.organisation_id ORDER BY t.id
      """,
      columns: [
        "report_target.id", "report_target.measure", "organisation.code", "report_target.from_year",
        "report_target.until_year", "report_target.low", "report_target.high", "report_target.source",
      ]
    ).map { row in
      try ReportTarget.stored(
        id: try row.value(0), measure: try row.value(1), scopeCode: try row.optional(2), fromYear: try row.value(3),
        untilYear: try row.value(4), low: try row.value(5), high: try row.optional(6), source: try row.value(7))
    }
  }

  /// The target of `measure` binding the unit `scope` (nil: every province together) in `year`, by the tree at the
  /// end of that year (Core's `ReportTargets.binding`).
  static func bindingTarget(
    _ measure: ReportTarget.Measure, scope: Organisation?, year: Int, in transaction: PostgresTransaction
  ) async throws -> ReportTarget? {
    let targets = try await reportTargets(in: transaction)
    guard !targets.isEmpty else { return nil }
    guard let scope else { return ReportTargets.binding(measure, in: targets, scope: "", above: [], year: year) }
    let above = try await ancestry(of: scope.id, on: Day.lastDay(ofYear: year), in: transaction).units.dropFirst()
      .map(\.code)
    return ReportTargets.binding(measure, in: targets, scope: scope.code, above: Array(above), year: year)
  }
}

extension Optional {
  fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let self else { return nil }
    return try await transform(self)
  }
}
