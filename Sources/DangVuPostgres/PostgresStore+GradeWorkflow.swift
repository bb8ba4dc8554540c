import DangVuCore
import DangVuStore
import PostgresNIO

/// The grading workflow by level on PostgreSQL (SQLite's `SQLiteStore+GradeWorkflow.swift`): a step counts the
/// subtree's grades by state, refuses as `GradeWorkflow` says, moves them, keeps the step in `grade_workflow_log` and
/// is audited in the same transaction, under the year's grading lock: a step and a grade written at once on two
/// servers happen one after the other, so no grade is changed after the step that locked it.
extension PostgresStore {
  @discardableResult
  public func advanceGrades(
    of code: String, year: Int, to action: GradeWorkflowAction, by actor: AuditActor, reason: String
  ) async throws -> Int {
    let reason = try EvaluationRecords.checkedReason(action, reason)
    return try await writeGrades(year: year) { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      guard let cycle = try await Self.cycleCovering(unitID: unit.id, year: year, in: transaction) else {
        throw EvaluationRecords.noCycle(year: year, code: code)
      }
      let counts = try await Self.gradeCounts(of: code, cycle: cycle, in: transaction)
      try EvaluationRecords.checkAdvance(action, counts: counts, unitName: unit.name)
      let (from, to) = action.moves
      let states = from.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
      let changed = try await Self.count(
        Self.inSubtree(
          of: code, on: cycle.evaluationDate,
          """
          , moved AS (UPDATE grade SET state = '\(to.rawValue)'
            WHERE cycle_id = \(cycle.id) AND unit_id IN (SELECT id FROM sub) AND state IN (\(states)) RETURNING 1)
          SELECT count(*) FROM moved
          """), in: transaction)
      try await transaction.query(
        """
        INSERT INTO grade_workflow_log(cycle_id, unit_id, action, actor, note, grades)
        VALUES (\(cycle.id), \(unit.id), \(action.rawValue), \(actor.login), \(reason), \(changed))
        """)
      _ = try await Self.append(
        EvaluationRecords.advanced(unit: code, year: year, action, reason: reason, grades: changed, by: actor),
        in: transaction)
      return changed
    }
  }

  public func gradingProgress(of code: String, year: Int, unitsBelow: Bool) async throws -> GradingProgress {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      guard let cycle = try await Self.cycleCovering(unitID: unit.id, year: year, in: transaction) else {
        throw EvaluationRecords.noCycle(year: year, code: code)
      }
      let d = cycle.evaluationDate.daysSinceEpoch
      let children =
        !unitsBelow
        ? []
        : try await transaction.rows(
          """
          SELECT \(unescaped: Self.organisationColumns) FROM organisation o
          JOIN organisation_parent p ON p.child_id = o.id
          WHERE p.parent_id = \(unit.id) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
            AND o.founded <= \(d) AND (o.ended IS NULL OR o.ended > \(d))
          ORDER BY o.code COLLATE "C"
          """, columns: Self.organisationColumnNames
        ).map(Self.organisation)
      func row(_ unit: Organisation) async throws -> GradingProgressRow {
        let last = try await transaction.rows(
          """
          SELECT action, note, actor FROM grade_workflow_log WHERE cycle_id = \(cycle.id) AND unit_id = \(unit.id)
          ORDER BY id DESC LIMIT 1
          """,
          columns: ["grade_workflow_log.action", "grade_workflow_log.note", "grade_workflow_log.actor"]
        ).first
        let note: String = try last?.value(1) ?? ""
        return GradingProgressRow(
          code: unit.code, name: unit.name,
          counts: try await Self.gradeCounts(of: unit.code, cycle: cycle, in: transaction),
          lastAction: try last.flatMap { GradeWorkflowAction(rawValue: try $0.value(0)) },
          lastReason: note.isEmpty ? nil : note, lastActor: try last?.value(2))
      }
      var below: [GradingProgressRow] = []
      for child in children { below.append(try await row(child)) }
      return GradingProgress(
        year: year, evaluationDate: cycle.evaluationDate, unit: try await row(unit), below: below)
    }
  }

  /// The cycle's grades counted in the unit's subtree, by state.
  static func gradeCounts(of code: String, cycle: EvaluationCycle, in transaction: PostgresTransaction) async throws
    -> [GradeState: Int]
  {
    var counts: [GradeState: Int] = [:]
    for row in try await transaction.rows(
      inSubtree(
        of: code, on: cycle.evaluationDate,
        """
        SELECT state, count(*) FROM grade WHERE cycle_id = \(cycle.id) AND unit_id IN (SELECT id FROM sub)
        GROUP BY state
        """), columns: ["grade.state", "count"])
    {
      counts[try EvaluationRecords.state(try row.value(0))] = try row.value(1)
    }
    return counts
  }
}
