import DangVuCore
import Foundation
import GRDB

/// Cycles by term, quarter or ad hoc (docs/decisions/0035-cycles-and-frameworks-under-366.md): their own tables,
/// counted when reported (a cycle of a quarter has a few thousand grades, not the year's millions, so no rollup).
extension SQLiteStore {
  @discardableResult
  public func openEvaluationCycle(scope code: String, _ cycle: CyclePeriod, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  {
    try await writer.write { db in
      let scope = try Self.requireOrganisation(code: code, in: db)
      let period = cycle.period
      let regulation = try EvaluationRecords.checkByKind(cycle, evaluationDate: evaluationDate, scope: scope)
      if try Self.cycle(scopeID: scope.id, cycle, in: db) != nil {
        throw EvaluationRecords.cycleExists(cycle, code: code)
      }
      try db.execute(
        sql: """
          INSERT INTO evaluation_cycle_by_kind(scope_id, kind, period_from, period_through, evaluation_date, regulation)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          scope.id, cycle.kind.rawValue, period.from.daysSinceEpoch, period.through.daysSinceEpoch,
          evaluationDate.daysSinceEpoch, regulation.id,
        ])
      let opened = EvaluationCycle(
        id: db.lastInsertedRowID, scopeCode: code, year: period.through.year, evaluationDate: evaluationDate,
        regulation: regulation.id, period: cycle)
      _ = try Self.append(EvaluationRecords.openedByKind(opened, cycle, by: actor), in: db)
      return opened
    }
  }

  public func cycleCovering(code: String, _ cycle: CyclePeriod) async throws -> EvaluationCycle? {
    try await writer.read { db in try Self.cycleCovering(code: code, cycle, in: db) }
  }

  @discardableResult
  public func recordScoredGrades(
    _ entries: [ScoredGradeEntry], in cycle: CyclePeriod, scope code: String, by actor: AuditActor
  ) async throws -> [RecordedGrade] {
    try await writer.write { db in
      guard let found = try Self.cycleCovering(code: code, cycle, in: db) else {
        throw Self.noCycle(cycle, code: code)
      }
      let grading = try CycleGrading(cycle: found, unit: code, db: db)
      let recorded = try entries.enumerated().map { index, entry in
        do {
          return try grading.record(entry)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      _ = try Self.append(EvaluationRecords.scoredGradesSet(unit: code, cycle, by: actor, recorded), in: db)
      return recorded
    }
  }

  public func grades(of code: String, in cycle: CyclePeriod) async throws -> [RecordedGrade] {
    try await writer.read { db in
      guard let found = try Self.cycleCovering(code: code, cycle, in: db) else {
        throw Self.noCycle(cycle, code: code)
      }
      let rows = try Row.fetchAll(
        db,
        sql: Self.subtreeCTE + """
           SELECT g.subject_class, g.subject_id, g.outcome, g.score,
           COALESCE(m.full_name, o.name, c.name, ''), o.code FROM cycle_grade g
           LEFT JOIN member m ON m.id = g.subject_id AND g.subject_class IN ('member', 'leadershipCadre')
           LEFT JOIN organisation o ON o.id = g.subject_id AND g.subject_class = 'organisation'
           LEFT JOIN leadership_collective c ON c.id = g.subject_id AND g.subject_class = 'leadershipCollective'
           WHERE g.cycle_id = :cycle AND g.unit_id IN (SELECT id FROM sub) ORDER BY g.subject_class, 5
          """, arguments: ["code": code, "day": found.evaluationDate.daysSinceEpoch, "cycle": found.id])
      return try rows.map { row in
        let id: Int64 = row[1]
        let subject = try EvaluationRecords.gradedSubject(class: row[0], id: id, column: "cycle_grade.subject_class") {
          row[5] ?? ""
        }
        // A cycle by kind has no workflow yet: its grades stay drafts (decision 0035).
        return RecordedGrade(
          subject: subject, subjectName: row[4],
          outcome: try EvaluationRecords.outcome(row[2], column: "cycle_grade.outcome"),
          score: row[3], state: .draft, replacedBecause: nil)
      }
    }
  }

  static func cycle(scopeID: Int64, _ cycle: CyclePeriod, in db: Database) throws -> EvaluationCycle? {
    try db.cachedRow(
      sql: """
        SELECT c.id, o.code, c.evaluation_date, c.regulation FROM evaluation_cycle_by_kind c
        JOIN organisation o ON o.id = c.scope_id
        WHERE c.scope_id = ? AND c.kind = ? AND c.period_from = ? AND c.period_through = ?
        """,
      arguments: [
        scopeID, cycle.kind.rawValue, cycle.period.from.daysSinceEpoch, cycle.period.through.daysSinceEpoch,
      ]
    ).map {
      EvaluationCycle(
        id: $0[0], scopeCode: $0[1], year: cycle.period.through.year, evaluationDate: Day(daysSinceEpoch: $0[2]),
        regulation: $0[3], period: cycle)
    }
  }

  public func cyclesCovering(code: String) async throws -> [EvaluationCycle] {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      var above: [Day: Set<Int64>] = [:]
      return try Row.fetchAll(
        db,
        sql: """
          SELECT c.id, o.code, c.kind, c.period_from, c.period_through, c.evaluation_date, c.regulation, c.scope_id
          FROM evaluation_cycle_by_kind c JOIN organisation o ON o.id = c.scope_id
          ORDER BY c.period_through DESC, c.period_from DESC, c.kind
          """
      ).compactMap { row -> EvaluationCycle? in
        let through = Day(daysSinceEpoch: row[4])
        let chain = try above[through] ?? Set(Self.ancestry(of: unit.id, on: through, in: db).units.map(\.id))
        above[through] = chain
        guard chain.contains(row[7]) else { return nil }
        let kind: CycleKind = try StoredValue.decode(row[2], column: "evaluation_cycle_by_kind.kind")
        let from = Day(daysSinceEpoch: row[3])
        let period =
          kind == .adHoc
          ? try CyclePeriod(kind: kind, period: .range(from: from, through: through))
          : try CyclePeriod(kind: kind, parsing: CyclePeriod.code(kind: kind, from: from, through: through))
        return EvaluationCycle(
          id: row[0], scopeCode: row[1], year: through.year, evaluationDate: Day(daysSinceEpoch: row[5]),
          regulation: row[6], period: period)
      }
    }
  }

  /// The unit's own cycle of that kind and period, or its nearest ancestor's (the tree on the period's last day).
  static func cycleCovering(code: String, _ cycle: CyclePeriod, in db: Database) throws -> EvaluationCycle? {
    let unit = try requireOrganisation(code: code, in: db)
    for unit in try ancestry(of: unit.id, on: cycle.period.through, in: db).units {
      if let found = try Self.cycle(scopeID: unit.id, cycle, in: db) { return found }
    }
    return nil
  }

  static func noCycle(_ cycle: CyclePeriod, code: String) -> DomainError {
    EvaluationRecords.noCycle(cycle, code: code)
  }
}
