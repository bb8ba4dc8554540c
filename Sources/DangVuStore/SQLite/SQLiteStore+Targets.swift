import DangVuCore
import GRDB

/// Targets and plans as people keep them (`TargetStore`): each write with its audit entry in one transaction.
extension SQLiteStore {
  public func reportTargets() async throws -> [ReportTarget] {
    try await writer.read { db in try Self.reportTargets(in: db) }
  }

  public func reportTargets(relatedTo code: String, on day: Day) async throws -> [ReportTarget] {
    try await writer.read { db in
      let root = try Self.requireOrganisation(code: code, in: db)
      let above = Set(try Self.ancestry(of: root.id, on: day, in: db).units.map(\.code))
      return try Self.reportTargets(in: db).filter { target in
        guard let unit = target.scopeCode else { return true }
        if above.contains(unit) { return true }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM organisation WHERE code = ?", arguments: [unit])
        else { return false }
        return try Self.unitIsWithin(id: id, rootCode: code, on: day, in: db)
      }
    }
  }

  public func addReportTarget(_ target: ReportTarget, by actor: AuditActor) async throws -> ReportTarget {
    try await writer.write { db in
      let unit = try target.scopeCode.map { try Self.requireOrganisation(code: $0, in: db) }
      try db.execute(
        sql: """
          INSERT INTO report_target(measure, organisation_id, from_year, until_year, low, high, source)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          target.measure.rawValue, unit?.id, target.years.lowerBound, target.years.upperBound, target.low,
          target.high, target.source,
        ])
      var saved = target
      saved.id = db.lastInsertedRowID
      _ = try Self.append(
        .targetAdded(saved, scopeCode: try unit?.code ?? Self.topUnitCode(in: db), by: actor), in: db)
      return saved
    }
  }

  @discardableResult
  public func removeReportTarget(id: Int64, by actor: AuditActor) async throws -> ReportTarget {
    try await writer.write { db in
      guard let target = try Self.reportTargets(in: db).first(where: { $0.id == id }) else {
        throw ReportTarget.notFound(id)
      }
      try db.execute(sql: "DELETE FROM report_target WHERE id = ?", arguments: [id])
      let unit = try target.scopeCode.map { try Self.requireOrganisation(code: $0, in: db) }
      _ = try Self.append(
        .targetRemoved(target, scopeCode: try unit?.code ?? Self.topUnitCode(in: db), by: actor), in: db)
      return target
    }
  }

  public func setAdmissionPlan(_ plan: AdmissionPlanEntry, by actor: AuditActor) async throws {
    try await writer.write { db in
      let unit = try Self.requireOrganisation(code: plan.organisationCode, in: db)
      let before = try Int.fetchOne(
        db, sql: "SELECT planned FROM admission_plan WHERE organisation_id = ? AND year = ?",
        arguments: [unit.id, plan.year])
      do {
        try Self.setAdmissionPlans([plan], in: db)
      } catch let error as BatchItemError {
        throw error.error
      }
      _ = try Self.append(.planSet(plan, unitCode: unit.code, before: before, by: actor), in: db)
    }
  }

  public func admissionProgress(within code: String, on day: Day) async throws -> [AdmissionProgress] {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      let children = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
          WHERE p.parent_id = :id AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
          ORDER BY o.code
          """, arguments: ["id": unit.id, "day": day.daysSinceEpoch]
      ).map(Self.organisation)
      let admitted = try Self.admittedByUnitBelow(
        unit.id, from: Day.lastDay(ofYear: day.year - 1).adding(days: 1), through: day, in: db)
      var plans: [Int64: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT organisation_id, planned FROM admission_plan WHERE year = ?", arguments: [day.year])
      {
        plans[row[0]] = row[1]
      }
      let total = admitted.values.reduce(0, +)
      return [AdmissionProgress(code: unit.code, name: unit.name, planned: plans[unit.id], admitted: total, on: day)]
        + children.map {
          AdmissionProgress(
            code: $0.code, name: $0.name, planned: plans[$0.id], admitted: admitted[$0.id] ?? 0, on: day)
        }
    }
  }

  /// Admissions from `from` to `through` in the subtree of `unit`, by the unit directly below it that holds each
  /// admission's cell (the tree of `through`); admissions into `unit` itself, a cell, under its own id. One walk
  /// down the subtree and one pass over the period's admissions (index `membership_event_kind_date`): the whole
  /// membership count (with the register on the last day) is not needed for a plan's pace.
  static func admittedByUnitBelow(_ unit: Int64, from: Day, through: Day, in db: Database) throws -> [Int64: Int] {
    var counts: [Int64: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        WITH RECURSIVE sub(id, top) AS (
          SELECT :unit, :unit
          UNION ALL
          SELECT p.child_id, CASE WHEN sub.id = :unit THEN p.child_id ELSE sub.top END
          FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
          WHERE p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day))
        SELECT sub.top, COUNT(*) FROM sub JOIN membership_event e ON e.cell_id = sub.id
        WHERE e.kind = 'admitted' AND e.date BETWEEN :from AND :day
        GROUP BY sub.top
        """,
      arguments: ["unit": unit, "day": through.daysSinceEpoch, "from": from.daysSinceEpoch])
    {
      counts[row[0]] = row[1]
    }
    return counts
  }

  static func reportTargets(in db: Database) throws -> [ReportTarget] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT t.id, t.measure, o.code, t.from_year, t.until_year, t.low, t.high, t.source
        FROM report_target t LEFT JOIN organisation o ON o.id = t.organisation_id ORDER BY t.id
        """
    ).map { row in
      try ReportTarget.stored(
        id: row[0], measure: row[1], scopeCode: row[2], fromYear: row[3], untilYear: row[4], low: row[5],
        high: row[6], source: row[7])
    }
  }

  /// The target of `measure` binding the unit `scope` (nil: every province together) in `year`, by the tree
  /// at the end of that year.
  static func bindingTarget(
    _ measure: ReportTarget.Measure, scope: Organisation?, year: Int, in db: Database
  ) throws -> ReportTarget? {
    let targets = try reportTargets(in: db)
    guard !targets.isEmpty else { return nil }
    guard let scope else {
      // Every province together: only a central target binds the whole.
      return ReportTargets.binding(measure, in: targets, scope: "", above: [], year: year)
    }
    let above = try ancestry(of: scope.id, on: Day.lastDay(ofYear: year), in: db).units.dropFirst().map(\.code)
    return ReportTargets.binding(measure, in: targets, scope: scope.code, above: Array(above), year: year)
  }
}
