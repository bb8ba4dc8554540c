import DangVuCore
import DangVuStore
import PostgresNIO

/// Cycles by term, quarter or ad hoc on PostgreSQL (SQLite's `SQLiteStore+CyclesByKind.swift`, decision 0035):
/// counted when reported, no rollup. Opening and grading take the grading lock of the year the period ends in, so
/// two servers opening one cycle at once get one cycle and one refusal.
extension PostgresStore: CycleEvaluationStore {
  @discardableResult
  public func openEvaluationCycle(scope code: String, _ cycle: CyclePeriod, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  {
    try await writeGrades(year: cycle.period.through.year) { transaction in
      let scope = try await Self.requireOrganisation(code: code, in: transaction)
      let regulation = try EvaluationRecords.checkByKind(cycle, evaluationDate: evaluationDate, scope: scope)
      if try await Self.cycle(scopeID: scope.id, cycle, in: transaction) != nil {
        throw EvaluationRecords.cycleExists(cycle, code: code)
      }
      let period = cycle.period
      let id: Int64 = try await transaction.rows(
        """
        INSERT INTO evaluation_cycle_by_kind(scope_id, kind, period_from, period_through, evaluation_date, regulation)
        VALUES (\(scope.id), \(cycle.kind.rawValue), \(period.from.daysSinceEpoch), \(period.through.daysSinceEpoch),
          \(evaluationDate.daysSinceEpoch), \(regulation.id)) RETURNING id
        """, columns: ["evaluation_cycle_by_kind.id"]
      )[0].value(0)
      let opened = EvaluationCycle(
        id: id, scopeCode: code, year: period.through.year, evaluationDate: evaluationDate, regulation: regulation.id,
        period: cycle)
      _ = try await Self.append(EvaluationRecords.openedByKind(opened, cycle, by: actor), in: transaction)
      return opened
    }
  }

  public func cycleCovering(code: String, _ cycle: CyclePeriod) async throws -> EvaluationCycle? {
    try await read { transaction in try await Self.cycleCovering(code: code, cycle, in: transaction) }
  }

  public func cyclesCovering(code: String) async throws -> [EvaluationCycle] {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      var above: [Day: Set<Int64>] = [:]
      var found: [EvaluationCycle] = []
      for row in try await transaction.rows(
        """
        SELECT c.id, o.code, c.kind, c.period_from, c.period_through, c.evaluation_date, c.regulation, c.scope_id
        FROM evaluation_cycle_by_kind c JOIN organisation o ON o.id = c.scope_id
        ORDER BY c.period_through DESC, c.period_from DESC, c.kind COLLATE "C"
        """,
        columns: [
          "evaluation_cycle_by_kind.id", "organisation.code", "evaluation_cycle_by_kind.kind",
          "evaluation_cycle_by_kind.period_from", "evaluation_cycle_by_kind.period_through",
          "evaluation_cycle_by_kind.evaluation_date", "evaluation_cycle_by_kind.regulation",
          "evaluation_cycle_by_kind.scope_id",
        ])
      {
        let through = try row.day(4)
        var chain = above[through]
        if chain == nil {
          chain = Set(try await Self.ancestry(of: unit.id, on: through, in: transaction).units.map(\.id))
        }
        above[through] = chain
        guard chain!.contains(try row.value(7, as: Int64.self)) else { continue }
        let kind: CycleKind = try StoredValue.decode(try row.value(2), column: "evaluation_cycle_by_kind.kind")
        let from = try row.day(3)
        let period =
          kind == .adHoc
          ? try CyclePeriod(kind: kind, period: .range(from: from, through: through))
          : try CyclePeriod(kind: kind, parsing: CyclePeriod.code(kind: kind, from: from, through: through))
        found.append(
          EvaluationCycle(
            id: try row.value(0), scopeCode: try row.value(1), year: through.year, evaluationDate: try row.day(5),
            regulation: try row.value(6), period: period))
      }
      return found
    }
  }

  @discardableResult
  public func recordScoredGrades(
    _ entries: [ScoredGradeEntry], in cycle: CyclePeriod, scope code: String, by actor: AuditActor
  ) async throws -> [RecordedGrade] {
    try await writeGrades(year: cycle.period.through.year) { transaction in
      guard let found = try await Self.cycleCovering(code: code, cycle, in: transaction) else {
        throw EvaluationRecords.noCycle(cycle, code: code)
      }
      let regulation = try ScoredGradeDecision.regulation(of: found)
      let scopeID = try await Self.requireOrganisation(code: code, in: transaction).id
      let grading = PostgresGrading(year: found.year, in: transaction, cycle: found)
      var recorded: [RecordedGrade] = []
      for (index, entry) in entries.enumerated() {
        do {
          // The outcome here only places the subject; the score decides the grade.
          let (resolved, _) = try await grading.resolve(
            GradeEntry(subject: entry.subject, outcome: .graded(.complete)))
          guard try await grading.ancestors(of: resolved.unitID, on: found.evaluationDate).contains(scopeID) else {
            throw ScoredGradeDecision.outsideCycle(resolved, unit: code, cycle: found)
          }
          let decision = try ScoredGradeDecision(entry, of: resolved, in: found, under: regulation)
          try await grading.refuseUnmetExcellent(
            decision.outcome, of: resolved, sheet: entry.sheet, under: regulation, cycle: found)
          try await transaction.query(
            """
            INSERT INTO cycle_grade(cycle_id, subject_class, subject_id, subject_key, unit_id, outcome, framework,
              criteria, score, all_tasks_on_time, beyond_percent)
            VALUES (\(found.id), \(resolved.classCode), \(resolved.id), \(resolved.key), \(resolved.unitID),
              \(decision.outcome.code), \(entry.framework.rawValue), \(try StoredScoreSheet.criteria(entry.sheet)),
              \(decision.score), \(entry.allTasksOnTime), \(entry.beyondRequirementPercent))
            ON CONFLICT (cycle_id, subject_class, subject_id) DO UPDATE SET subject_key = excluded.subject_key,
              unit_id = excluded.unit_id, outcome = excluded.outcome, framework = excluded.framework,
              criteria = excluded.criteria, score = excluded.score, all_tasks_on_time = excluded.all_tasks_on_time,
              beyond_percent = excluded.beyond_percent
            """)
          recorded.append(decision.recorded(entry, subjectName: resolved.name))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      _ = try await Self.append(
        EvaluationRecords.scoredGradesSet(unit: code, cycle, by: actor, recorded), in: transaction)
      return recorded
    }
  }

  public func grades(of code: String, in cycle: CyclePeriod) async throws -> [RecordedGrade] {
    try await read { transaction in
      guard let found = try await Self.cycleCovering(code: code, cycle, in: transaction) else {
        throw EvaluationRecords.noCycle(cycle, code: code)
      }
      return try await transaction.rows(
        Self.inSubtree(
          of: code, on: found.evaluationDate,
          """
          SELECT g.subject_class, g.subject_id, g.outcome, g.score,
            COALESCE(m.full_name, o.name, c.name, ''), o.code FROM cycle_grade g
          LEFT JOIN member m ON m.id = g.subject_id AND g.subject_class IN ('member', 'leadershipCadre')
          LEFT JOIN organisation o ON o.id = g.subject_id AND g.subject_class = 'organisation'
          LEFT JOIN leadership_collective c ON c.id = g.subject_id AND g.subject_class = 'leadershipCollective'
          WHERE g.cycle_id = \(found.id) AND g.unit_id IN (SELECT id FROM sub)
          ORDER BY g.subject_class COLLATE "C", COALESCE(m.full_name, o.name, c.name, '') COLLATE "C"
          """),
        columns: [
          "cycle_grade.subject_class", "cycle_grade.subject_id", "cycle_grade.outcome", "cycle_grade.score",
          "cycle_grade.subject_name", "organisation.code",
        ]
      ).map { row in
        // A cycle by kind has no workflow yet: its grades stay drafts (decision 0035).
        RecordedGrade(
          subject: try EvaluationRecords.gradedSubject(
            class: try row.value(0), id: try row.value(1), column: "cycle_grade.subject_class"
          ) { try row.optional(5) ?? "" },
          subjectName: try row.value(4),
          outcome: try EvaluationRecords.outcome(try row.value(2), column: "cycle_grade.outcome"),
          score: try row.optional(3), state: .draft, replacedBecause: nil)
      }
    }
  }

  /// The evaluation report of a cycle by kind, counted from its grades (SQLite's `SQLiteStore+CycleReport.swift`).
  public func evaluationReport(_ cycle: CyclePeriod, scope code: String) async throws -> EvaluationReport {
    try await read { transaction in
      let scope = try await Self.requireOrganisation(code: code, in: transaction)
      guard let found = try await Self.cycleCovering(code: code, cycle, in: transaction) else {
        throw EvaluationRecords.noCycle(cycle, code: code)
      }
      let current = try await Self.cycleCounts(found, scope: code, in: transaction)
      let earlier = try CyclePeriod(kind: cycle.kind, period: cycle.period.sameTimeLastYear)
      var previous: [String: GradeCounts]?
      if let held = try await Self.cycleCovering(code: code, earlier, in: transaction) {
        previous = try await Self.cycleCounts(held, scope: code, in: transaction)
      }
      return EvaluationReportAssembly.report(
        year: found.year, scope: scope, regulation: found.regulation, kinds: try await Self.unitKinds(in: transaction),
        current: current, previous: previous, cycle: cycle)
    }
  }

  private static func cycleCounts(_ cycle: EvaluationCycle, scope code: String, in transaction: PostgresTransaction)
    async throws -> [String: GradeCounts]
  {
    try EvaluationRecords.counts(
      try await transaction.rows(
        inSubtree(
          of: code, on: cycle.evaluationDate,
          """
          SELECT subject_key, outcome, count(*) FROM cycle_grade
          WHERE cycle_id = \(cycle.id) AND unit_id IN (SELECT id FROM sub) GROUP BY subject_key, outcome
          """), columns: ["cycle_grade.subject_key", "cycle_grade.outcome", "count"]
      ).map { (try $0.value(0), try $0.value(1), try $0.value(2)) }, column: "cycle_grade.outcome")
  }

  static func cycle(scopeID: Int64, _ cycle: CyclePeriod, in transaction: PostgresTransaction) async throws
    -> EvaluationCycle?
  {
    try await transaction.rows(
      """
      SELECT c.id, o.code, c.evaluation_date, c.regulation FROM evaluation_cycle_by_kind c
      JOIN organisation o ON o.id = c.scope_id
      WHERE c.scope_id = \(scopeID) AND c.kind = \(cycle.kind.rawValue)
        AND c.period_from = \(cycle.period.from.daysSinceEpoch) AND c.period_through = \(cycle.period.through.daysSinceEpoch)
      """,
      columns: [
        "evaluation_cycle_by_kind.id", "organisation.code", "evaluation_cycle_by_kind.evaluation_date",
        "evaluation_cycle_by_kind.regulation",
      ]
    ).first.map {
      EvaluationCycle(
        id: try $0.value(0), scopeCode: try $0.value(1), year: cycle.period.through.year,
        evaluationDate: try $0.day(2), regulation: try $0.value(3), period: cycle)
    }
  }

  /// The unit's own cycle of that kind and period, or its nearest ancestor's (the tree on the period's last day).
  static func cycleCovering(code: String, _ cycle: CyclePeriod, in transaction: PostgresTransaction) async throws
    -> EvaluationCycle?
  {
    let unit = try await requireOrganisation(code: code, in: transaction)
    for unit in try await ancestry(of: unit.id, on: cycle.period.through, in: transaction).units {
      if let found = try await Self.cycle(scopeID: unit.id, cycle, in: transaction) { return found }
    }
    return nil
  }
}
