import DangVuCore
import GRDB

/// A cell's grading sheet (`CellGrading`): the version's compare and the write run in one write transaction, and
/// SQLite has one writer at a time, so two saves made from the same version cannot both pass the compare. The sheet
/// is put together by `CellGradeSheetAssembly`, as on PostgreSQL.
extension SQLiteStore {
  public func cellGrades(code: String, year: Int) async throws -> CellGradeSheet {
    try await writer.read { db in try Self.cellGradeSheet(code: code, year: year, in: db) }
  }

  @discardableResult
  public func gradeCell(
    code: String, year: Int, entries: [CellGradeInput], expectedVersion: Int, by actor: AuditActor
  ) async throws -> CellGradeSheet {
    try await writer.write { db in
      let sheet = try Self.cellGradeSheet(code: code, year: year, in: db)
      guard sheet.version == expectedVersion else { throw StaleVersion(current: sheet) }
      let population = Set(sheet.rows.map(\.member.memberID))
      let context = try GradingContext(year: year, db: db)
      var reasons: [Int64: String] = [:]
      // Every row is tried so the page can say what is wrong with each; a refused row writes nothing
      // (GradingContext checks before it writes), and any refusal rolls the whole transaction back.
      for entry in entries {
        guard population.contains(entry.memberID) else {
          reasons[entry.memberID] = CellGradeSheetAssembly.outsidePopulation(sheet)
          continue
        }
        do {
          _ = try context.record(entry.gradeEntry)
        } catch let error as DomainError {
          reasons[entry.memberID] = error.message
        }
      }
      guard reasons.isEmpty else { throw CellGradingRefused(reasons: reasons) }
      try context.flush()
      let saved = try Self.cellGradeSheet(code: code, year: year, in: db)
      _ = try Self.append(
        EvaluationRecords.gradesSet(unit: code, year: year, by: actor, before: sheet, after: saved), in: db)
      return saved
    }
  }

  static func bumpGradeVersion(units: Set<Int64>, year: Int, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO grade_version(unit_id, year, version) VALUES (?, ?, 2)
        ON CONFLICT (unit_id, year) DO UPDATE SET version = version + 1
        """)
    for unit in units { try statement.execute(arguments: [unit, year]) }
  }

  static func cellGradeSheet(code: String, year: Int, in db: Database) throws -> CellGradeSheet {
    let unit = try requireOrganisation(code: code, in: db)
    try CellGradeSheetAssembly.checkCell(unit, kinds: try unitKinds(in: db))
    guard let cycle = try cycleCovering(unitID: unit.id, year: year, in: db) else {
      throw noCycle(year: year, code: code)
    }
    let day = cycle.evaluationDate.daysSinceEpoch
    let members = try Row.fetchAll(
      db,
      sql: """
        SELECT m.id, m.full_name, m.party_card_number, s.standing, s.exempt FROM member_span s
        JOIN member m ON m.id = s.member_id
        WHERE s.cell_id = ? AND s.valid_from <= ? AND (s.valid_until IS NULL OR s.valid_until > ?)
        ORDER BY m.search_name, m.id
        """, arguments: [unit.id, day, day]
    ).map { row in
      CellGradeSheetAssembly.Member(
        id: row[0], fullName: row[1], partyCardNumber: row[2],
        standing: try StoredValue.decode(row[3], column: "member_span.standing"), exempt: row[4])
    }
    var saved: [Int64: SavedGrade] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT subject_id, outcome, score, sick_leave_months, state, framework, criteria, all_tasks_on_time,
          beyond_percent FROM grade
        WHERE cycle_id = ? AND unit_id = ? AND subject_class = 'member'
        """, arguments: [cycle.id, unit.id])
    {
      saved[row[0]] = try CellGradeSheetAssembly.savedGrade(
        outcome: row[1], score: row[2], sickLeaveMonths: row[3], state: row[4],
        sheet: try StoredScoreSheet.sheet(
          framework: row[5], criteria: row[6], onTime: row[7], beyond: row[8], table: "grade"))
    }
    let version =
      try db.cachedValue(
        Int.self, sql: "SELECT version FROM grade_version WHERE unit_id = ? AND year = ?", arguments: [unit.id, year])
      ?? 1
    let context = try GradingContext(year: year, db: db)
    var resolved: [Int64: Result<(SubjectCircumstances, Day), DomainError>] = [:]
    for m in members where !m.exempt {
      do {
        let (subject, subjectCycle) = try context.resolve(
          GradeEntry(subject: .member(m.ref.memberID), outcome: .graded(.complete)))
        resolved[m.ref.memberID] = .success((subject.facts, subjectCycle.evaluationDate))
      } catch let error as DomainError {
        resolved[m.ref.memberID] = .failure(error)
      }
    }
    return CellGradeSheetAssembly.sheet(
      cell: unit, year: year, cycle: cycle, version: version, members: members, saved: saved, resolved: resolved)
  }
}
