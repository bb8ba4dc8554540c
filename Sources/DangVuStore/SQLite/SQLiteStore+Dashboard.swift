import DangVuCore
import GRDB

extension SQLiteStore {
  public func unitsBelow(_ code: String, levels: Int, on day: Day) async throws -> [UnitBelow] {
    try await writer.read { db in
      let root = try Self.requireOrganisation(code: code, in: db)
      return try Self.unitsBelow(root.id, levels: levels, on: day, in: db).map(\.unit)
    }
  }

  public func evaluationCountsBelow(_ code: String, levels: Int, year: Int) async throws -> [UnitGradeCounts] {
    try await writer.read { db in
      let root = try Self.requireOrganisation(code: code, in: db)
      guard let cycle = try Self.cycleCovering(unitID: root.id, year: year, in: db) else { return [] }
      // The tree of the evaluation date: the rollups counted each grade where the unit stood then.
      let units = try Self.unitsBelow(root.id, levels: levels, on: cycle.evaluationDate, in: db)
      guard !units.isEmpty else { return [] }
      var members: [Int64: GradeCounts] = [:]
      var organisations: [Int64: GradeCounts] = [:]
      // One read of the rollup's primary key (year, unit_id, …) for all the units together.
      let ids = units.map { String($0.id) }.joined(separator: ",")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT unit_id, subject_key, outcome, count FROM grade_rollup
          WHERE year = ? AND unit_id IN (\(ids)) AND count <> 0 AND (subject_key = 'member' OR subject_key LIKE 'organisation.%')
          """, arguments: [year])
      {
        let outcome = try StoredValue.decode(row[2], column: "grade_rollup.outcome", GradeOutcome.init(code:))
        let unitID: Int64 = row[0]
        let key: String = row[1]
        if key == "member" {
          members[unitID, default: GradeCounts()].add(outcome, count: row[3])
        } else {
          organisations[unitID, default: GradeCounts()].add(outcome, count: row[3])
        }
      }
      return units.map {
        UnitGradeCounts(
          unit: $0.unit, members: members[$0.id] ?? GradeCounts(), organisations: organisations[$0.id] ?? GradeCounts())
      }
    }
  }

  public func pendingOversightCases(within code: String, on day: Day, limit: Int) async throws
    -> PendingOversightCases
  {
    try await writer.read { db in
      let scope = try ScopeFilter(code: code, day: day, in: db)
      let open = "started <= :day AND (concluded IS NULL OR concluded > :day)"
      let unresolved = "received <= :day AND (resolved IS NULL OR resolved > :day)"
      let inspections = try Row.fetchAll(
        db,
        sql: "SELECT kind, COUNT(*) FROM inspection WHERE \(scope.condition("body_unit_id")) AND \(open) GROUP BY kind",
        arguments: scope.arguments
      ).map { (kind: $0[0] as String, count: $0[1] as Int) }
      let complaints = try Row.fetchAll(
        db,
        sql: "SELECT kind, COUNT(*) FROM complaint WHERE \(scope.condition("unit_id")) AND \(unresolved) GROUP BY kind",
        arguments: scope.arguments
      ).map { (kind: $0[0] as String, count: $0[1] as Int) }
      let oldest = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM (
            SELECT i.kind AS kind, i.title AS title, o.code AS code, o.name AS name, i.started AS since,
              NULL AS is_member, NULL AS member_name
            FROM inspection i JOIN organisation o ON o.id = i.body_unit_id
            WHERE \(scope.condition("i.body_unit_id")) AND i.started <= :day AND (i.concluded IS NULL OR i.concluded > :day)
            UNION ALL
            SELECT c.kind, c.summary, o.code, o.name, c.received, c.is_member, m.full_name
            FROM complaint c JOIN organisation o ON o.id = c.unit_id
            LEFT JOIN member m ON c.is_member = 1 AND m.id = c.subject_id
            WHERE \(scope.condition("c.unit_id")) AND c.received <= :day AND (c.resolved IS NULL OR c.resolved > :day))
          ORDER BY since, code LIMIT \(max(0, limit))
          """, arguments: scope.arguments
      ).map { row in
        try PendingOversightCases.Case.stored(
          kind: row[0], title: row[1], unitCode: row[2], unitName: row[3], since: Day(daysSinceEpoch: row[4]),
          isMember: row[5], memberName: row[6])
      }
      return try PendingOversightCases(inspectionsByKind: inspections, complaintsByKind: complaints, oldest: oldest)
    }
  }

  /// The units 1 to `levels` below the unit `id` on `day`, with their ids.
  static func unitsBelow(_ id: Int64, levels: Int, on day: Day, in db: Database) throws -> [(
    id: Int64, unit: UnitBelow
  )] {
    try Row.fetchAll(
      db,
      sql: """
        WITH RECURSIVE below(id, depth) AS (
          SELECT :root, 0
          UNION ALL
          SELECT p.child_id, below.depth + 1 FROM organisation_parent p JOIN below ON p.parent_id = below.id
          WHERE below.depth < :levels AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day))
        SELECT o.id, o.code, o.name, below.depth FROM below JOIN organisation o ON o.id = below.id
        WHERE below.depth > 0 ORDER BY o.code
        """, arguments: ["root": id, "levels": levels, "day": day.daysSinceEpoch]
    ).map { row in (id: row[0], unit: UnitBelow(code: row[1], name: row[2], depth: row[3])) }
  }
}
