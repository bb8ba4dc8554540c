import DangVuCore
import GRDB

extension SQLiteStore {
  @discardableResult
  public func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day) async throws -> EvaluationCycle {
    try await writer.write { db in try Self.openCycle(scope: code, year: year, evaluationDate: evaluationDate, in: db) }
  }

  @discardableResult
  public func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  {
    try await writer.write { db in
      let cycle = try Self.openCycle(scope: code, year: year, evaluationDate: evaluationDate, in: db)
      _ = try Self.append(EvaluationRecords.openedYearly(cycle, by: actor), in: db)
      return cycle
    }
  }

  static func openCycle(scope code: String, year: Int, evaluationDate: Day, in db: Database) throws
    -> EvaluationCycle
  {
    let scope = try Self.requireOrganisation(code: code, in: db)
    try EvaluationRecords.checkYearly(evaluationDate: evaluationDate, year: year)
    if try Self.cycle(scopeID: scope.id, year: year, in: db) != nil {
      throw EvaluationRecords.cycleExists(year: year, code: code)
    }
    let regulation = Regulation.inForce(on: evaluationDate)
    try db.execute(
      sql: "INSERT INTO evaluation_cycle(scope_id, year, evaluation_date, regulation) VALUES (?, ?, ?, ?)",
      arguments: [scope.id, year, evaluationDate.daysSinceEpoch, regulation.id])
    return EvaluationCycle(
      id: db.lastInsertedRowID, scopeCode: code, year: year, evaluationDate: evaluationDate, regulation: regulation.id
    )
  }

  public func evaluationCycle(scope code: String, year: Int) async throws -> EvaluationCycle? {
    try await writer.read { db in
      guard let scope = try Self.organisation(code: code, in: db) else { throw Self.unknownOrganisation(code) }
      return try Self.cycle(scopeID: scope.id, year: year, in: db)
    }
  }

  public func cycleCovering(code: String, year: Int) async throws -> EvaluationCycle? {
    try await writer.read { db in
      try Self.cycleCovering(unitID: Self.requireOrganisation(code: code, in: db).id, year: year, in: db)
    }
  }

  @discardableResult
  public func addLeadershipCollectives(_ batch: [NewLeadershipCollective]) async throws -> [LeadershipCollective] {
    try await writer.write { db in
      try batch.enumerated().map { index, new in
        do {
          let unit = try Self.requireOrganisation(code: new.organisationCode, in: db)
          try EvaluationRecords.check(new, unit: unit)
          try db.execute(
            sql: "INSERT INTO leadership_collective(organisation_id, name, kind, formed) VALUES (?, ?, ?, ?)",
            arguments: [unit.id, new.name, new.kind, new.formed.daysSinceEpoch])
          return LeadershipCollective(
            id: db.lastInsertedRowID, organisationID: unit.id, name: new.name, kind: new.kind, formed: new.formed)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
    }
  }

  @discardableResult
  public func recordGrades(_ entries: [GradeEntry], year: Int, audit: ImportAudit?) async throws -> [RecordedGrade] {
    try await writer.write { db in
      let recorded = try Self.recordGrades(entries, year: year, in: db)
      try Self.append(audit, in: db)
      return recorded
    }
  }

  @discardableResult
  public func recordGrades(_ entries: [GradeEntry], year: Int, unit: String?, by actor: AuditActor) async throws
    -> [RecordedGrade]
  {
    try await writer.write { db in
      let recorded = try Self.recordGrades(entries, year: year, in: db)
      let unit = try unit ?? Self.unitCounting(entries.first, year: year, in: db)
      _ = try Self.append(EvaluationRecords.gradesSet(unit: unit, year: year, by: actor, after: recorded), in: db)
      return recorded
    }
  }

  /// The unit a grade is counted in (where a person looks for it); the top of the tree when there is no grade.
  private static func unitCounting(_ entry: GradeEntry?, year: Int, in db: Database) throws -> String {
    guard let entry else { return try topUnitCode(in: db) }
    let unitID = try GradingContext(year: year, db: db).resolve(entry).0.unitID
    guard let unit = try organisation(id: unitID, in: db) else { throw unknownOrganisation(String(unitID)) }
    return unit.code
  }

  static func recordGrades(_ entries: [GradeEntry], year: Int, in db: Database) throws -> [RecordedGrade] {
    let context = try GradingContext(year: year, db: db)
    let recorded = try entries.enumerated().map { index, entry in
      do {
        return try context.record(entry)
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    try context.flush()
    return recorded
  }

  public func grades(of code: String, year: Int) async throws -> [RecordedGrade] {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      guard let cycle = try Self.cycleCovering(unitID: unit.id, year: year, in: db) else {
        throw Self.noCycle(year: year, code: code)
      }
      let rows = try Row.fetchAll(
        db,
        sql: Self.subtreeCTE + """
           SELECT \(Self.gradeColumns) WHERE g.cycle_id = :cycle AND g.unit_id IN (SELECT id FROM sub)
           ORDER BY g.subject_class, 6
          """, arguments: ["code": code, "day": cycle.evaluationDate.daysSinceEpoch, "cycle": cycle.id])
      return try rows.map { row in
        let id: Int64 = row[1]
        let subject = try EvaluationRecords.gradedSubject(class: row[0], id: id, column: "grade.subject_class") {
          try Self.organisation(id: id, in: db)?.code ?? ""
        }
        return try Self.recordedGrade(subject, row)
      }
    }
  }

  public func grades(of subjects: [GradedSubject], year: Int, cycleOf code: String) async throws -> [RecordedGrade] {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      guard let cycle = try Self.cycleCovering(unitID: unit.id, year: year, in: db) else {
        throw Self.noCycle(year: year, code: code)
      }
      // One seek of the grade's unique key a subject: a page of a province's cadres, collectives and units below
      // reads a few dozen rows, not the province's every grade.
      return try subjects.compactMap { subject in
        let key = EvaluationRecords.key(subject)
        var id = key.id
        if case .organisation(let code) = subject { id = try Self.organisation(code: code, in: db)?.id }
        guard let id else { return nil }
        return try db.cachedRow(
          sql: "SELECT \(Self.gradeColumns) WHERE g.cycle_id = ? AND g.subject_class = ? AND g.subject_id = ?",
          arguments: [cycle.id, key.classCode, id]
        ).map { try Self.recordedGrade(subject, $0) }
      }
    }
  }

  /// A grade's class, subject id, outcome, score, state, the subject's name and the score sheet's four columns, in
  /// that order.
  private static let gradeColumns = """
    g.subject_class, g.subject_id, g.outcome, g.score, g.state, COALESCE(m.full_name, o.name, c.name, ''),
    g.framework, g.criteria, g.all_tasks_on_time, g.beyond_percent FROM grade g
    LEFT JOIN member m ON m.id = g.subject_id AND g.subject_class IN ('member', 'leadershipCadre')
    LEFT JOIN organisation o ON o.id = g.subject_id AND g.subject_class = 'organisation'
    LEFT JOIN leadership_collective c ON c.id = g.subject_id AND g.subject_class = 'leadershipCollective'
    """

  private static func recordedGrade(_ subject: GradedSubject, _ row: Row) throws -> RecordedGrade {
    RecordedGrade(
      subject: subject, subjectName: row[5],
      outcome: try EvaluationRecords.outcome(row[2], column: "grade.outcome"),
      score: row[3], state: try StoredValue.decode(row[4], column: "grade.state"), replacedBecause: nil,
      sheet: try StoredScoreSheet.sheet(
        framework: row[6], criteria: row[7], onTime: row[8], beyond: row[9], table: "grade"))
  }

  static func cycle(scopeID: Int64, year: Int, in db: Database) throws -> EvaluationCycle? {
    try db.cachedRow(
      sql: """
        SELECT c.id, o.code, c.year, c.evaluation_date, c.regulation FROM evaluation_cycle c
        JOIN organisation o ON o.id = c.scope_id WHERE c.scope_id = ? AND c.year = ?
        """, arguments: [scopeID, year]
    ).map {
      EvaluationCycle(
        id: $0[0], scopeCode: $0[1], year: $0[2], evaluationDate: Day(daysSinceEpoch: $0[3]), regulation: $0[4])
    }
  }

  /// The year's cycle whose scope holds the unit: the nearest ancestor (or the unit itself) with a cycle.
  static func cycleCovering(unitID: Int64, year: Int, in db: Database) throws -> EvaluationCycle? {
    // The tree at the year's end, or on the unit's last day when it ends before then: a cell graded at the
    // evaluation on 15 December and merged away on the 17th is still covered by its province's cycle.
    let ended = try Int.fetchOne(db, sql: "SELECT ended FROM organisation WHERE id = ?", arguments: [unitID])
    let day = EvaluationRecords.coveringDay(year: year, unitEnded: ended.map(Day.init(daysSinceEpoch:)))
    for unit in try ancestry(of: unitID, on: day, in: db).units {
      if let cycle = try cycle(scopeID: unit.id, year: year, in: db) { return cycle }
    }
    return nil
  }

  static func noCycle(year: Int, code: String) -> DomainError { EvaluationRecords.noCycle(year: year, code: code) }
}
