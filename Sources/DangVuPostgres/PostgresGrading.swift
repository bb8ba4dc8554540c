import DangVuCore
import DangVuStore
import PostgresNIO

/// Records grades inside one write transaction on PostgreSQL, as SQLite's `GradingContext` does: finds each
/// subject's cycle, unit and circumstances with SQL, lets the shared rules decide (`GradedSubjectFacts`,
/// `GradeDecision`, `ExcellentCheck`), writes the grade and keeps `grade_rollup`, `excellent_cap` and the cell
/// sheets' versions current. The write that uses it holds the year's grading lock (`PostgresStore.lockGrading`).
final class PostgresGrading {
  let transaction: PostgresTransaction
  private let year: Int
  private var ancestorsCache: [Int64: [Int64]] = [:]
  private var cycleCache: [Int64: EvaluationCycle] = [:]
  /// A cycle by kind: every subject is resolved in it, the facts are those of its period. Nil for the yearly cycles.
  private let fixedCycle: EvaluationCycle?

  init(year: Int, in transaction: PostgresTransaction, cycle: EvaluationCycle? = nil) {
    self.transaction = transaction
    self.year = year
    self.fixedCycle = cycle
  }

  /// The days whose discipline counts: the cycle's period, or the year.
  var factDays: (from: Day, through: Day) {
    fixedCycle?.period.map { ($0.period.from, $0.period.through) }
      ?? (Day.firstDay(ofYear: year), Day.lastDay(ofYear: year))
  }

  func record(_ entry: GradeEntry) async throws -> RecordedGrade {
    let (resolved, cycle) = try await resolve(entry)
    let decision = try GradeDecision(entry, of: resolved, in: cycle)
    try await refuseUnmetExcellent(
      decision.outcome, of: resolved, sheet: entry.sheet, under: decision.regulation, cycle: cycle)
    let sheet = decision.sheet
    let criteria = try StoredScoreSheet.criteria(sheet)
    let outcome = decision.outcome.code
    // The old grade's row is locked before it is read: its count is taken off the rollups it was added to.
    let old = try await transaction.rows(
      """
      SELECT outcome, state, unit_id FROM grade
      WHERE cycle_id = \(cycle.id) AND subject_class = \(resolved.classCode) AND subject_id = \(resolved.id) FOR UPDATE
      """, columns: ["grade.outcome", "grade.state", "grade.unit_id"]
    ).first
    if let old {
      guard try old.value(1, as: String.self) == GradeState.draft.rawValue else {
        throw try EvaluationRecords.locked(resolved.name, state: try old.value(1))
      }
      let oldUnit: Int64 = try old.value(2)
      try await count(key: resolved.key, outcome: try old.value(0), unitID: oldUnit, cycle: cycle, by: -1)
      try await transaction.query(
        """
        UPDATE grade SET outcome = \(outcome), sick_leave_months = \(entry.sickLeaveMonths), unit_id = \(resolved.unitID),
          score = \(decision.score), framework = \(sheet?.framework.rawValue), criteria = \(criteria),
          all_tasks_on_time = \(sheet?.allTasksOnTime), beyond_percent = \(sheet?.beyondRequirementPercent)
        WHERE cycle_id = \(cycle.id) AND subject_class = \(resolved.classCode) AND subject_id = \(resolved.id)
        """)
    } else {
      try await transaction.query(
        """
        INSERT INTO grade(cycle_id, subject_class, subject_id, subject_key, unit_id, outcome, sick_leave_months, score,
          framework, criteria, all_tasks_on_time, beyond_percent)
        VALUES (\(cycle.id), \(resolved.classCode), \(resolved.id), \(resolved.key), \(resolved.unitID), \(outcome),
          \(entry.sickLeaveMonths), \(decision.score), \(sheet?.framework.rawValue), \(criteria),
          \(sheet?.allTasksOnTime), \(sheet?.beyondRequirementPercent))
        """)
    }
    try await count(key: resolved.key, outcome: outcome, unitID: resolved.unitID, cycle: cycle, by: 1)
    return decision.recorded(entry, subjectName: resolved.name)
  }

  /// Who the subject is, where its grade is counted and what the rules will look at; writes nothing.
  func resolve(_ entry: GradeEntry) async throws -> (GradedSubjectFacts, EvaluationCycle) {
    switch entry.subject {
    case .member(let id), .leadershipCadre(let id):
      let rows = try await transaction.rows(
        """
        SELECT m.full_name, s.cell_id, s.valid_from, s.valid_until, s.exempt FROM member m
        LEFT JOIN member_span s ON s.member_id = m.id WHERE m.id = \(id) ORDER BY s.valid_from
        """,
        columns: [
          "member.full_name", "member_span.cell_id", "member_span.valid_from", "member_span.valid_until",
          "member_span.exempt",
        ])
      guard let name: String = try rows.first?.value(0) else { throw MemberRules.unknownMember(id) }
      let spans = try rows.compactMap { row -> MemberSpan? in
        guard let cell: Int64 = try row.optional(1) else { return nil }
        return MemberSpan(
          memberID: id, cellID: cell, from: try row.day(2), until: try row.optionalDay(3), standing: .official,
          exempt: try row.value(4))
      }
      // The cell on the last day of the year finds the cycle; the evaluation date then places the member.
      let cycle = try await cycleFor(unitID: try GradedSubjectFacts.probe(spans, name: name, year: year).cellID)
      let span = try GradedSubjectFacts.span(spans, name: name, in: cycle)
      var postSince: Day?
      if case .leadershipCadre = entry.subject {
        let day = cycle.evaluationDate.daysSinceEpoch
        postSince = try await transaction.rows(
          """
          SELECT min(valid_from) FROM member_post
          WHERE member_id = \(id) AND valid_from <= \(day) AND (valid_until IS NULL OR valid_until > \(day))
          """, columns: ["member_post.valid_from"]
        ).first?.optionalDay(0)
      }
      var resolved = try GradedSubjectFacts.member(
        entry.subject, id: id, name: name, spans: spans, span: span, postSince: postSince, in: cycle)
      try await addOversightFacts(to: &resolved.facts, isMember: true, id: id, evaluatedOn: cycle.evaluationDate)
      return (resolved, cycle)
    case .organisation(let code):
      let unit = try await PostgresStore.requireOrganisation(code: code, in: transaction)
      let cycle = try await cycleFor(unitID: unit.id)
      var resolved = try GradedSubjectFacts.organisation(
        unit, ancestors: try await ancestors(of: unit.id, on: cycle.evaluationDate), in: cycle)
      try await addOversightFacts(
        to: &resolved.facts, isMember: false, id: unit.id, evaluatedOn: cycle.evaluationDate)
      return (resolved, cycle)
    case .leadershipCollective(let id):
      guard
        let row = try await transaction.rows(
          "SELECT organisation_id, name, formed FROM leadership_collective WHERE id = \(id)",
          columns: [
            "leadership_collective.organisation_id", "leadership_collective.name", "leadership_collective.formed",
          ]
        ).first
      else { throw EvaluationRecords.unknownCollective(id) }
      let unitID: Int64 = try row.value(0)
      let cycle = try await cycleFor(unitID: unitID)
      let warned = try await collectiveMemberWarnedOrWorse(collectiveID: id, unitID: unitID)
      return (
        GradedSubjectFacts.collective(
          id: id, unitID: unitID, name: try row.value(1), formed: try row.day(2), memberWarnedOrWorse: warned),
        cycle
      )
    }
  }

  private func cycleFor(unitID: Int64) async throws -> EvaluationCycle {
    if let fixedCycle { return fixedCycle }
    if let cached = cycleCache[unitID] { return cached }
    guard let cycle = try await PostgresStore.cycleCovering(unitID: unitID, year: year, in: transaction) else {
      let code = try await PostgresStore.organisation(id: unitID, in: transaction)?.code ?? String(unitID)
      throw EvaluationRecords.noCycle(year: year, code: code)
    }
    cycleCache[unitID] = cycle
    return cycle
  }

  /// The unit and its ancestors on the evaluation date (cached: a cell's members share one walk).
  func ancestors(of unitID: Int64, on day: Day) async throws -> [Int64] {
    if let cached = ancestorsCache[unitID] { return cached }
    let chain = try await PostgresStore.ancestry(of: unitID, on: day, in: transaction).units.map(\.id)
    ancestorsCache[unitID] = chain
    return chain
  }

  // MARK: Rollups

  private var changes = GradeRollupChanges()

  /// Adds `delta` to the grade's count at its unit and every unit above it, as the tree stood that day; gathered in
  /// memory and written once by `flush()`.
  private func count(key: String, outcome: String, unitID: Int64, cycle: EvaluationCycle, by delta: Int) async throws {
    let chain = try await ancestors(of: unitID, on: cycle.evaluationDate)
    changes.count(subject: key, outcome: outcome, unit: unitID, chain: chain, by: delta)
  }

  /// Writes the gathered counts, the excellent caps they touch and the versions; call once before the transaction
  /// ends. The rows are written in key order, so two writes that touch the same rows lock them in the same order.
  func flush() async throws {
    let (rows, capUnits) = changes.rows
    for (key, delta) in rows {
      try await transaction.query(
        """
        INSERT INTO grade_rollup(year, unit_id, subject_key, outcome, count)
        VALUES (\(year), \(key.unit), \(key.subject), \(key.outcome), \(delta))
        ON CONFLICT (year, unit_id, subject_key, outcome) DO UPDATE SET count = grade_rollup.count + excluded.count
        """)
    }
    try await refreshCaps(units: capUnits)
    for unit in changes.touchedUnits.sorted() {
      try await transaction.query(
        """
        INSERT INTO grade_version(unit_id, year, version) VALUES (\(unit), \(year), 2)
        ON CONFLICT (unit_id, year) DO UPDATE SET version = grade_version.version + 1
        """)
    }
    changes = GradeRollupChanges()
  }

  /// Recomputes the `excellent_cap` row of each grassroots unit among `units` from its rollups (SQLite's
  /// `ExcellentCap.refresh`).
  private func refreshCaps(units: Set<Int64>) async throws {
    guard !units.isEmpty else { return }
    let rows = try await transaction.rows(
      """
      SELECT o.id, o.kind,
        coalesce((SELECT count FROM grade_rollup r WHERE r.year = \(year) AND r.unit_id = o.id
          AND r.subject_key = 'member' AND r.outcome = 'excellent'), 0),
        coalesce((SELECT count FROM grade_rollup r WHERE r.year = \(year) AND r.unit_id = o.id
          AND r.subject_key = 'member' AND r.outcome = 'good'), 0)
      FROM organisation o WHERE o.id = ANY(\(Array(units).sorted())) ORDER BY o.id
      """, columns: ["organisation.id", "organisation.kind", "grade_rollup.count", "grade_rollup.count"])
    for row in rows where ExcellentCapRule.grassrootsKinds.contains(try row.value(1, as: String.self)) {
      let unit: Int64 = try row.value(0)
      let excellent: Int = try row.value(2)
      let goodOrAbove = excellent + (try row.value(3, as: Int.self))
      let over = ExcellentCapRule.over(excellent: excellent, goodOrAbove: goodOrAbove)
      try await transaction.query(
        """
        INSERT INTO excellent_cap(year, unit_id, excellent, good_or_above, over)
        VALUES (\(year), \(unit), \(excellent), \(goodOrAbove), \(over))
        ON CONFLICT (year, unit_id) DO UPDATE SET
          excellent = excluded.excellent, good_or_above = excluded.good_or_above, over = excluded.over
        """)
    }
  }
}
