import DangVuCore
import GRDB

/// The grading workflow by level: a step moves a subtree's grades together, is kept with its reason in
/// `grade_workflow_log`, and is audited in the same transaction. Which steps are allowed is `GradeWorkflow`'s.
extension SQLiteStore {
  @discardableResult
  public func advanceGrades(
    of code: String, year: Int, to action: GradeWorkflowAction, by actor: AuditActor, reason: String
  ) async throws -> Int {
    let reason = try EvaluationRecords.checkedReason(action, reason)
    return try await writer.write { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      guard let cycle = try Self.cycleCovering(unitID: unit.id, year: year, in: db) else {
        throw Self.noCycle(year: year, code: code)
      }
      let counts = try Self.gradeCounts(of: code, cycle: cycle, in: db)
      try EvaluationRecords.checkAdvance(action, counts: counts, unitName: unit.name)
      let (from, to) = action.moves
      let states = from.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
      try db.execute(
        sql: Self.subtreeCTE + """
           UPDATE grade SET state = :to
           WHERE cycle_id = :cycle AND unit_id IN (SELECT id FROM sub) AND state IN (\(states))
          """,
        arguments: ["code": code, "day": cycle.evaluationDate.daysSinceEpoch, "to": to.rawValue, "cycle": cycle.id])
      let changed = db.changesCount
      try db.execute(
        sql: "INSERT INTO grade_workflow_log(cycle_id, unit_id, action, actor, note, grades) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [cycle.id, unit.id, action.rawValue, actor.login, reason, changed])
      _ = try Self.append(
        EvaluationRecords.advanced(unit: code, year: year, action, reason: reason, grades: changed, by: actor), in: db)
      return changed
    }
  }

  public func gradingProgress(of code: String, year: Int, unitsBelow: Bool) async throws -> GradingProgress {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      guard let cycle = try Self.cycleCovering(unitID: unit.id, year: year, in: db) else {
        throw Self.noCycle(year: year, code: code)
      }
      let children = try !unitsBelow ? [] : Self.children(of: unit.id, on: cycle.evaluationDate, in: db)
      func row(_ code: String, _ name: String, _ id: Int64) throws -> GradingProgressRow {
        let last = try Row.fetchOne(
          db,
          sql: """
            SELECT action, note, actor FROM grade_workflow_log WHERE cycle_id = ? AND unit_id = ?
            ORDER BY id DESC LIMIT 1
            """, arguments: [cycle.id, id])
        let note = last.map { $0[1] as String } ?? ""
        return GradingProgressRow(
          code: code, name: name, counts: try Self.gradeCounts(of: code, cycle: cycle, in: db),
          lastAction: last.flatMap { GradeWorkflowAction(rawValue: $0[0]) }, lastReason: note.isEmpty ? nil : note,
          lastActor: last.map { $0[2] })
      }
      return GradingProgress(
        year: year, evaluationDate: cycle.evaluationDate, unit: try row(unit.code, unit.name, unit.id),
        below: try children.map { try row($0.code, $0.name, $0.id) })
    }
  }

  /// The cycle's grades counted in the unit's subtree, by state.
  static func gradeCounts(of code: String, cycle: EvaluationCycle, in db: Database) throws -> [GradeState: Int] {
    var counts: [GradeState: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: Self.subtreeCTE + """
         SELECT state, COUNT(*) FROM grade WHERE cycle_id = :cycle AND unit_id IN (SELECT id FROM sub) GROUP BY state
        """, arguments: ["code": code, "day": cycle.evaluationDate.daysSinceEpoch, "cycle": cycle.id])
    {
      // A state this build does not know is an error, never a default.
      counts[try EvaluationRecords.state(row[0])] = row[1]
    }
    return counts
  }
}
