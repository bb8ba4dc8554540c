import DangVuCore
import DangVuStore
import PostgresNIO

/// The dashboard's reads on PostgreSQL (SQLite's `SQLiteStore+Dashboard`): the units below a unit, their grades from
/// the evaluation's rollups, the open oversight work; the rows are turned into the answer by the same shared code.
extension PostgresStore: DashboardStore {
  public func unitsBelow(_ code: String, levels: Int, on day: Day) async throws -> [UnitBelow] {
    try await read { transaction in
      let root = try await Self.requireOrganisation(code: code, in: transaction)
      return try await Self.unitsBelow(root.id, levels: levels, on: day, in: transaction).map(\.unit)
    }
  }

  public func evaluationCountsBelow(_ code: String, levels: Int, year: Int) async throws -> [UnitGradeCounts] {
    try await read { transaction in
      let root = try await Self.requireOrganisation(code: code, in: transaction)
      guard let cycle = try await Self.cycleCovering(unitID: root.id, year: year, in: transaction) else { return [] }
      // The tree of the evaluation date: the rollups counted each grade where the unit stood then.
      let units = try await Self.unitsBelow(root.id, levels: levels, on: cycle.evaluationDate, in: transaction)
      guard !units.isEmpty else { return [] }
      var members: [Int64: GradeCounts] = [:]
      var organisations: [Int64: GradeCounts] = [:]
      for row in try await transaction.rows(
        """
        SELECT unit_id, subject_key, outcome, count FROM grade_rollup
        WHERE year = \(year) AND unit_id = ANY(\(units.map(\.id))) AND count <> 0
          AND (subject_key = 'member' OR subject_key LIKE 'organisation.%')
        """,
        columns: ["grade_rollup.unit_id", "grade_rollup.subject_key", "grade_rollup.outcome", "grade_rollup.count"])
      {
        let outcome = try EvaluationRecords.outcome(try row.value(2), column: "grade_rollup.outcome")
        let unitID: Int64 = try row.value(0)
        let count = Int(try row.value(3, as: Int32.self))
        if try row.value(1, as: String.self) == "member" {
          members[unitID, default: GradeCounts()].add(outcome, count: count)
        } else {
          organisations[unitID, default: GradeCounts()].add(outcome, count: count)
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
    try await read { transaction in
      let scope = try await PostgresScope(code: code, day: day, in: transaction)
      let d = day.daysSinceEpoch
      let open = "started <= \(d) AND (concluded IS NULL OR concluded > \(d))"
      let unresolved = "received <= \(d) AND (resolved IS NULL OR resolved > \(d))"
      func byKind(_ sql: String) async throws -> [(kind: String, count: Int)] {
        try await transaction.rows(PostgresQuery(unsafeSQL: sql), columns: ["kind", "count"]).map {
          (kind: try $0.value(0), count: Int(try $0.value(1, as: Int64.self)))
        }
      }
      let inspections = try await byKind(
        "SELECT kind, count(*) FROM inspection WHERE \(scope.condition("body_unit_id")) AND \(open) GROUP BY kind")
      let complaints = try await byKind(
        "SELECT kind, count(*) FROM complaint WHERE \(scope.condition("unit_id")) AND \(unresolved) GROUP BY kind")
      let oldest = try await transaction.rows(
        PostgresQuery(
          unsafeSQL: """
            SELECT * FROM (
              SELECT i.kind AS kind, i.title AS title, o.code AS code, o.name AS name, i.started AS since,
                NULL::boolean AS is_member, NULL::text AS member_name
              FROM inspection i JOIN organisation o ON o.id = i.body_unit_id
              WHERE \(scope.condition("i.body_unit_id")) AND i.started <= \(d)
                AND (i.concluded IS NULL OR i.concluded > \(d))
              UNION ALL
              SELECT c.kind, c.summary, o.code, o.name, c.received, c.is_member, m.full_name
              FROM complaint c JOIN organisation o ON o.id = c.unit_id
              LEFT JOIN member m ON c.is_member AND m.id = c.subject_id
              WHERE \(scope.condition("c.unit_id")) AND c.received <= \(d)
                AND (c.resolved IS NULL OR c.resolved > \(d))) AS open_cases
            ORDER BY since, code COLLATE "C" LIMIT \(max(0, limit))
            """),
        columns: ["kind", "title", "organisation.code", "organisation.name", "since", "is_member", "member.full_name"]
      ).map { row in
        try PendingOversightCases.Case.stored(
          kind: try row.value(0), title: try row.value(1), unitCode: try row.value(2), unitName: try row.value(3),
          since: Day(daysSinceEpoch: Int(try row.value(4, as: Int32.self))), isMember: try row.optional(5),
          memberName: try row.optional(6))
      }
      return try PendingOversightCases(inspectionsByKind: inspections, complaintsByKind: complaints, oldest: oldest)
    }
  }

  /// The units 1 to `levels` below the unit `id` on `day`, with their ids, by code (byte order, as SQLite sorts).
  static func unitsBelow(_ id: Int64, levels: Int, on day: Day, in transaction: PostgresTransaction) async throws
    -> [(id: Int64, unit: UnitBelow)]
  {
    let d = day.daysSinceEpoch
    return try await transaction.rows(
      """
      WITH RECURSIVE below(id, depth) AS (
        SELECT \(id)::bigint, 0
        UNION ALL
        SELECT p.child_id, below.depth + 1 FROM organisation_parent p JOIN below ON p.parent_id = below.id
        WHERE below.depth < \(levels) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d)))
      SELECT o.id, o.code, o.name, below.depth FROM below JOIN organisation o ON o.id = below.id
      WHERE below.depth > 0 ORDER BY o.code COLLATE "C"
      """, columns: ["organisation.id", "organisation.code", "organisation.name", "depth"]
    ).map { row in
      (
        id: try row.value(0),
        unit: UnitBelow(code: try row.value(1), name: try row.value(2), depth: Int(try row.value(3, as: Int32.self)))
      )
    }
  }
}

extension PostgresStore: PartyStore {}
