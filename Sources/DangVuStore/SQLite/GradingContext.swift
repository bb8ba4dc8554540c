import DangVuCore
import GRDB

/// Records grades inside one write transaction: finds each subject's cycle, unit and circumstances,
/// applies `EvaluationRules`, writes the grade and keeps `grade_rollup` current.
final class GradingContext {
  let db: Database
  private let year: Int
  private var ancestorsCache: [Int64: [Int64]] = [:]
  private var cycleCache: [Int64: EvaluationCycle] = [:]
  /// A cycle of a kind other than the year (366-QĐ/TW): every subject is resolved in it, and the oversight facts
  /// are those of its period. Nil for the yearly cycles, found per subject as before.
  private let fixedCycle: EvaluationCycle?

  init(year: Int, db: Database, cycle: EvaluationCycle? = nil) throws {
    self.db = db
    self.year = year
    self.fixedCycle = cycle
  }

  /// The days whose discipline counts: the cycle's period, or the year.
  var factDays: (from: Day, through: Day) {
    fixedCycle?.period.map { ($0.period.from, $0.period.through) }
      ?? (Day.firstDay(ofYear: year), Day.lastDay(ofYear: year))
  }

  /// What the rules need about one subject, and where its grade is counted (shared with PostgreSQL).
  typealias Resolved = GradedSubjectFacts

  func record(_ entry: GradeEntry) throws -> RecordedGrade {
    let (resolved, cycle) = try resolve(entry)
    let decision = try GradeDecision(entry, of: resolved, in: cycle)
    let outcome = decision.outcome
    try refuseUnmetExcellent(outcome, of: resolved, sheet: entry.sheet, under: decision.regulation, cycle: cycle)
    let sheet = decision.sheet
    let scoreColumns: [(any DatabaseValueConvertible)?] = [
      decision.score, sheet?.framework.rawValue, try StoredScoreSheet.criteria(sheet), sheet?.allTasksOnTime,
      sheet?.beyondRequirementPercent,
    ]
    // Most grades are new: try the insert first and look at the old grade only when there is one.
    try db.cachedStatement(
      sql: """
        INSERT INTO grade(cycle_id, subject_class, subject_id, subject_key, unit_id, outcome, sick_leave_months, score,
          framework, criteria, all_tasks_on_time, beyond_percent)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cycle_id, subject_class, subject_id) DO NOTHING
        """
    ).execute(
      arguments: StatementArguments(
        [cycle.id, resolved.classCode, resolved.id, resolved.key, resolved.unitID, outcome.code, entry.sickLeaveMonths]
          + scoreColumns))
    if db.changesCount == 0 {
      let old = try db.cachedRow(
        sql: "SELECT outcome, state, unit_id FROM grade WHERE cycle_id = ? AND subject_class = ? AND subject_id = ?",
        arguments: [cycle.id, resolved.classCode, resolved.id])!
      guard old[1] as String == GradeState.draft.rawValue else {
        throw try EvaluationRecords.locked(resolved.name, state: old[1])
      }
      try count(key: resolved.key, outcome: old[0], unitID: old[2], cycle: cycle, by: -1)
      try db.execute(
        sql: """
          UPDATE grade SET outcome = ?, sick_leave_months = ?, unit_id = ?, score = ?, framework = ?, criteria = ?,
            all_tasks_on_time = ?, beyond_percent = ?
          WHERE cycle_id = ? AND subject_class = ? AND subject_id = ?
          """,
        arguments: StatementArguments(
          [outcome.code, entry.sickLeaveMonths, resolved.unitID] + scoreColumns
            + [cycle.id, resolved.classCode, resolved.id]))
    }
    try count(key: resolved.key, outcome: outcome.code, unitID: resolved.unitID, cycle: cycle, by: 1)
    return decision.recorded(entry, subjectName: resolved.name)
  }

  /// Who the subject is, where its grade is counted and what the rules will look at; writes nothing
  /// (the cell's grading page shows this before anything is proposed).
  func resolve(_ entry: GradeEntry) throws -> (Resolved, EvaluationCycle) {
    switch entry.subject {
    case .member(let id), .leadershipCadre(let id):
      // The derived spans say where the member stood; the first span starts at admission.
      let rows = try db.cachedRows(
        sql: """
          SELECT m.full_name, s.cell_id, s.valid_from, s.valid_until, s.exempt FROM member m
          LEFT JOIN member_span s ON s.member_id = m.id WHERE m.id = ? ORDER BY s.valid_from
          """, arguments: [id])
      guard let name: String = rows.first?[0] else {
        throw MemberRules.unknownMember(id)
      }
      let spans = rows.compactMap { row -> MemberSpan? in
        guard let cell: Int64 = row[1] else { return nil }
        return MemberSpan(
          memberID: id, cellID: cell, from: Day(daysSinceEpoch: row[2]),
          until: (row[3] as Int?).map(Day.init(daysSinceEpoch:)), standing: .official, exempt: row[4])
      }
      // The cell on the last day of the year finds the cycle; the evaluation date then places the member.
      let cycle = try cycleFor(unitID: try Resolved.probe(spans, name: name, year: year).cellID)
      let span = try Resolved.span(spans, name: name, in: cycle)
      var postSince: Day?
      if case .leadershipCadre = entry.subject {
        let day = cycle.evaluationDate.daysSinceEpoch
        postSince = try db.cachedValue(
          Int.self,
          sql: """
            SELECT MIN(valid_from) FROM member_post
            WHERE member_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
            """, arguments: [id, day, day]
        ).map(Day.init(daysSinceEpoch:))
      }
      var resolved = try Resolved.member(
        entry.subject, id: id, name: name, spans: spans, span: span, postSince: postSince, in: cycle)
      try SQLiteStore.addOversightFacts(
        to: &resolved.facts, isMember: true, id: id, from: factDays.from, through: factDays.through,
        evaluatedOn: cycle.evaluationDate, in: db)
      return (resolved, cycle)
    case .organisation(let code):
      let unit = try SQLiteStore.requireOrganisation(code: code, in: db)
      let cycle = try cycleFor(unitID: unit.id)
      var resolved = try Resolved.organisation(
        unit, ancestors: try ancestors(of: unit.id, on: cycle.evaluationDate), in: cycle)
      try SQLiteStore.addOversightFacts(
        to: &resolved.facts, isMember: false, id: unit.id, from: factDays.from, through: factDays.through,
        evaluatedOn: cycle.evaluationDate, in: db)
      return (resolved, cycle)
    case .leadershipCollective(let id):
      guard
        let row = try db.cachedRow(
          sql: "SELECT organisation_id, name, formed FROM leadership_collective WHERE id = ?", arguments: [id])
      else { throw EvaluationRecords.unknownCollective(id) }
      let cycle = try cycleFor(unitID: row[0])
      let warned = try SQLiteStore.collectiveMemberWarnedOrWorse(
        collectiveID: id, unitID: row[0], from: factDays.from, through: factDays.through, in: db)
      return (
        Resolved.collective(
          id: id, unitID: row[0], name: row[1], formed: Day(daysSinceEpoch: row[2]), memberWarnedOrWorse: warned),
        cycle
      )
    }
  }

  private func cycleFor(unitID: Int64) throws -> EvaluationCycle {
    if let fixedCycle { return fixedCycle }
    if let cached = cycleCache[unitID] { return cached }
    guard let cycle = try SQLiteStore.cycleCovering(unitID: unitID, year: year, in: db) else {
      let code = try SQLiteStore.organisation(id: unitID, in: db)?.code ?? String(unitID)
      throw EvaluationRecords.noCycle(year: year, code: code)
    }
    cycleCache[unitID] = cycle
    return cycle
  }

  /// The unit and its ancestors on the evaluation date (cached: a cell's 30 members share one walk).
  private func ancestors(of unitID: Int64, on day: Day) throws -> [Int64] {
    if let cached = ancestorsCache[unitID] { return cached }
    let chain = try SQLiteStore.ancestry(of: unitID, on: day, in: db).units.map(\.id)
    ancestorsCache[unitID] = chain
    return chain
  }

  private var changes = GradeRollupChanges()

  /// Adds `delta` to the grade's count at its unit and at every unit above it, as the tree stood that day, gathered
  /// in memory (`GradeRollupChanges`) and written once by `flush()`.
  private func count(key: String, outcome: String, unitID: Int64, cycle: EvaluationCycle, by delta: Int) throws {
    let chain = try ancestors(of: unitID, on: cycle.evaluationDate)
    changes.count(subject: key, outcome: outcome, unit: unitID, chain: chain, by: delta)
  }

  /// Writes the gathered counts; call once before the transaction ends.
  func flush() throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO grade_rollup(year, unit_id, subject_key, outcome, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (year, unit_id, subject_key, outcome) DO UPDATE SET count = count + excluded.count
        """)
    let (rows, capUnits) = changes.rows
    for (key, delta) in rows { try statement.execute(arguments: [year, key.unit, key.subject, key.outcome, delta]) }
    try ExcellentCap.refresh(units: capUnits, year: year, in: db)
    try SQLiteStore.bumpGradeVersion(units: changes.touchedUnits, year: year, in: db)
    changes = GradeRollupChanges()
  }
}
