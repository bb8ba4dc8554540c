import DangVuCore
import DangVuStore
import PostgresNIO

/// The yearly evaluation on PostgreSQL: SQLite's tables and queries (`SQLiteStore+Evaluation.swift`), the rules
/// shared (`GradeDecision`, `EvaluationRecords`), so both engines refuse the same grades and audit them alike.
///
/// SQLite grades with one writer at a time: a grade's old outcome is taken off the rollups it was added to, the
/// excellent cap is recomputed from the rollups, a cell's sheet is compared with its version, a workflow step
/// moves the grades it counted. Here every write of a year's grades takes that year's grading lock
/// (`lockGrading`) for its transaction, so two servers grading at once do it one after the other, each reading
/// what the previous one committed.
extension PostgresStore: EvaluationStore {
  /// The class of the grading locks, whose second key is the year ("DVgr" in ASCII).
  static let gradingLockClass: Int32 = 0x4456_6772

  /// Taken by every write of a year's grades, cycles and workflow steps, on every server, before the tree's lock
  /// (shared: the grades are placed by the tree of the evaluation date, which no change may move meanwhile) and
  /// the trail's.
  static func lockGrading(year: Int, in transaction: PostgresTransaction) async throws {
    try await transaction.query("SELECT pg_advisory_xact_lock(\(gradingLockClass), \(Int32(clamping: year)))")
    try await transaction.query("SELECT pg_advisory_xact_lock_shared(\(treeLock))")
  }

  func writeGrades<Result: Sendable>(year: Int, _ body: @Sendable (PostgresTransaction) async throws -> Result)
    async throws -> Result
  {
    try await write { transaction in
      try await Self.lockGrading(year: year, in: transaction)
      return try await body(transaction)
    }
  }

  @discardableResult
  public func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day) async throws -> EvaluationCycle {
    try await writeGrades(year: year) { transaction in
      try await Self.openCycle(scope: code, year: year, evaluationDate: evaluationDate, in: transaction)
    }
  }

  @discardableResult
  public func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  {
    try await writeGrades(year: year) { transaction in
      let cycle = try await Self.openCycle(scope: code, year: year, evaluationDate: evaluationDate, in: transaction)
      _ = try await Self.append(EvaluationRecords.openedYearly(cycle, by: actor), in: transaction)
      return cycle
    }
  }

  static func openCycle(scope code: String, year: Int, evaluationDate: Day, in transaction: PostgresTransaction)
    async throws -> EvaluationCycle
  {
    let scope = try await requireOrganisation(code: code, in: transaction)
    try EvaluationRecords.checkYearly(evaluationDate: evaluationDate, year: year)
    if try await cycle(scopeID: scope.id, year: year, in: transaction) != nil {
      throw EvaluationRecords.cycleExists(year: year, code: code)
    }
    let regulation = Regulation.inForce(on: evaluationDate)
    let id: Int64 = try await transaction.rows(
      """
      INSERT INTO evaluation_cycle(scope_id, year, evaluation_date, regulation)
      VALUES (\(scope.id), \(year), \(evaluationDate.daysSinceEpoch), \(regulation.id)) RETURNING id
      """, columns: ["evaluation_cycle.id"]
    )[0].value(0)
    return EvaluationCycle(
      id: id, scopeCode: code, year: year, evaluationDate: evaluationDate, regulation: regulation.id)
  }

  public func evaluationCycle(scope code: String, year: Int) async throws -> EvaluationCycle? {
    try await read { transaction in
      let scope = try await Self.requireOrganisation(code: code, in: transaction)
      return try await Self.cycle(scopeID: scope.id, year: year, in: transaction)
    }
  }

  public func cycleCovering(code: String, year: Int) async throws -> EvaluationCycle? {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      return try await Self.cycleCovering(unitID: unit.id, year: year, in: transaction)
    }
  }

  @discardableResult
  public func addLeadershipCollectives(_ batch: [NewLeadershipCollective]) async throws -> [LeadershipCollective] {
    try await write { transaction in
      var added: [LeadershipCollective] = []
      for (index, new) in batch.enumerated() {
        do {
          let unit = try await Self.requireOrganisation(code: new.organisationCode, in: transaction)
          try EvaluationRecords.check(new, unit: unit)
          let id: Int64 = try await transaction.rows(
            """
            INSERT INTO leadership_collective(organisation_id, name, kind, formed)
            VALUES (\(unit.id), \(new.name), \(new.kind), \(new.formed.daysSinceEpoch)) RETURNING id
            """, columns: ["leadership_collective.id"]
          )[0].value(0)
          added.append(
            LeadershipCollective(id: id, organisationID: unit.id, name: new.name, kind: new.kind, formed: new.formed))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      return added
    }
  }

  @discardableResult
  public func recordGrades(_ entries: [GradeEntry], year: Int, audit: ImportAudit?) async throws -> [RecordedGrade] {
    try await writeGrades(year: year) { transaction in
      let recorded = try await Self.recordGrades(entries, year: year, in: transaction)
      try await Self.append(audit, in: transaction)
      return recorded
    }
  }

  @discardableResult
  public func recordGrades(_ entries: [GradeEntry], year: Int, unit: String?, by actor: AuditActor) async throws
    -> [RecordedGrade]
  {
    try await writeGrades(year: year) { transaction in
      let recorded = try await Self.recordGrades(entries, year: year, in: transaction)
      var counted = unit
      if counted == nil { counted = try await Self.unitCounting(entries.first, year: year, in: transaction) }
      let unit = counted!
      _ = try await Self.append(
        EvaluationRecords.gradesSet(unit: unit, year: year, by: actor, after: recorded), in: transaction)
      return recorded
    }
  }

  /// The unit a grade is counted in; the top of the tree when there is no grade.
  private static func unitCounting(_ entry: GradeEntry?, year: Int, in transaction: PostgresTransaction)
    async throws -> String
  {
    guard let entry else { return try await topUnitCode(in: transaction) }
    let unitID = try await PostgresGrading(year: year, in: transaction).resolve(entry).0.unitID
    guard let unit = try await organisation(id: unitID, in: transaction) else {
      throw TreeRules.unknownUnit(String(unitID))
    }
    return unit.code
  }

  static func recordGrades(_ entries: [GradeEntry], year: Int, in transaction: PostgresTransaction) async throws
    -> [RecordedGrade]
  {
    let grading = PostgresGrading(year: year, in: transaction)
    var recorded: [RecordedGrade] = []
    for (index, entry) in entries.enumerated() {
      do {
        recorded.append(try await grading.record(entry))
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    try await grading.flush()
    return recorded
  }

  public func grades(of code: String, year: Int) async throws -> [RecordedGrade] {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      guard let cycle = try await Self.cycleCovering(unitID: unit.id, year: year, in: transaction) else {
        throw EvaluationRecords.noCycle(year: year, code: code)
      }
      let rows = try await transaction.rows(
        PostgresStore.inSubtree(
          of: code, on: cycle.evaluationDate,
          """
          SELECT \(Self.gradeColumns) WHERE g.cycle_id = \(cycle.id) AND g.unit_id IN (SELECT id FROM sub)
          ORDER BY g.subject_class COLLATE "C", COALESCE(m.full_name, o.name, c.name, '') COLLATE "C"
          """), columns: Self.gradeColumnNames)
      return try rows.map { row in try Self.recordedGrade(row) }
    }
  }

  public func grades(of subjects: [GradedSubject], year: Int, cycleOf code: String) async throws -> [RecordedGrade] {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      guard let cycle = try await Self.cycleCovering(unitID: unit.id, year: year, in: transaction) else {
        throw EvaluationRecords.noCycle(year: year, code: code)
      }
      var found: [RecordedGrade] = []
      for subject in subjects {
        let key = EvaluationRecords.key(subject)
        var id = key.id
        if case .organisation(let code) = subject { id = try await Self.organisation(code: code, in: transaction)?.id }
        guard let id else { continue }
        if let row = try await transaction.rows(
          PostgresQuery(
            unsafeSQL:
              "SELECT \(Self.gradeColumns) WHERE g.cycle_id = $1 AND g.subject_class = $2 AND g.subject_id = $3",
            binds: Self.bindings(cycle.id, key.classCode, id)), columns: Self.gradeColumnNames
        ).first {
          found.append(try Self.recordedGrade(row))
        }
      }
      return found
    }
  }

  static func bindings(_ cycle: Int64, _ classCode: String, _ id: Int64) -> PostgresBindings {
    var binds = PostgresBindings()
    binds.append(cycle)
    binds.append(classCode)
    binds.append(id)
    return binds
  }

  /// A grade's class, subject id, outcome, score, state, the subject's name, the score sheet's four columns and an
  /// organisation's code, in that order.
  static let gradeColumns = """
    g.subject_class, g.subject_id, g.outcome, g.score, g.state, COALESCE(m.full_name, o.name, c.name, ''),
    g.framework, g.criteria, g.all_tasks_on_time, g.beyond_percent, o.code FROM grade g
    LEFT JOIN member m ON m.id = g.subject_id AND g.subject_class IN ('member', 'leadershipCadre')
    LEFT JOIN organisation o ON o.id = g.subject_id AND g.subject_class = 'organisation'
    LEFT JOIN leadership_collective c ON c.id = g.subject_id AND g.subject_class = 'leadershipCollective'
    """
  static let gradeColumnNames = [
    "grade.subject_class", "grade.subject_id", "grade.outcome", "grade.score", "grade.state", "grade.subject_name",
    "grade.framework", "grade.criteria", "grade.all_tasks_on_time", "grade.beyond_percent", "organisation.code",
  ]

  private static func recordedGrade(_ row: StoredRow) throws -> RecordedGrade {
    RecordedGrade(
      subject: try EvaluationRecords.gradedSubject(
        class: try row.value(0), id: try row.value(1), column: "grade.subject_class"
      ) { try row.optional(10) ?? "" },
      subjectName: try row.value(5),
      outcome: try EvaluationRecords.outcome(try row.value(2), column: "grade.outcome"), score: try row.optional(3),
      state: try StoredValue.decode(try row.value(4), column: "grade.state"), replacedBecause: nil,
      sheet: try StoredScoreSheet.sheet(
        framework: try row.optional(6), criteria: try row.optional(7), onTime: try row.optional(8),
        beyond: try row.optional(9), table: "grade"))
  }

  static func cycle(scopeID: Int64, year: Int, in transaction: PostgresTransaction) async throws -> EvaluationCycle? {
    try await transaction.rows(
      """
      SELECT c.id, o.code, c.year, c.evaluation_date, c.regulation FROM evaluation_cycle c
      JOIN organisation o ON o.id = c.scope_id WHERE c.scope_id = \(scopeID) AND c.year = \(year)
      """,
      columns: [
        "evaluation_cycle.id", "organisation.code", "evaluation_cycle.year", "evaluation_cycle.evaluation_date",
        "evaluation_cycle.regulation",
      ]
    ).first.map {
      EvaluationCycle(
        id: try $0.value(0), scopeCode: try $0.value(1), year: try $0.value(2), evaluationDate: try $0.day(3),
        regulation: try $0.value(4))
    }
  }

  /// The year's cycle whose scope holds the unit: the nearest ancestor (or the unit itself) with a cycle.
  static func cycleCovering(unitID: Int64, year: Int, in transaction: PostgresTransaction) async throws
    -> EvaluationCycle?
  {
    let ended = try await organisation(id: unitID, in: transaction)?.ended
    let day = EvaluationRecords.coveringDay(year: year, unitEnded: ended)
    for unit in try await ancestry(of: unitID, on: day, in: transaction).units {
      if let cycle = try await cycle(scopeID: unit.id, year: year, in: transaction) { return cycle }
    }
    return nil
  }
}
