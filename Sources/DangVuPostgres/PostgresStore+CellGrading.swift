import DangVuCore
import DangVuStore
import PostgresNIO

/// A cell's grading sheet on PostgreSQL (SQLite's `SQLiteStore+CellGrading.swift`), put together by
/// `CellGradeSheetAssembly`. A save compares the sheet's version and writes under the year's grading lock, so of two
/// saves from one version on two servers exactly one passes the compare; the other meets the newer sheet.
extension PostgresStore: CellGrading {
  public func cellGrades(code: String, year: Int) async throws -> CellGradeSheet {
    try await read { transaction in try await Self.cellGradeSheet(code: code, year: year, in: transaction) }
  }

  @discardableResult
  public func gradeCell(
    code: String, year: Int, entries: [CellGradeInput], expectedVersion: Int, by actor: AuditActor
  ) async throws -> CellGradeSheet {
    try await writeGrades(year: year) { transaction in
      let sheet = try await Self.cellGradeSheet(code: code, year: year, in: transaction)
      guard sheet.version == expectedVersion else { throw StaleVersion(current: sheet) }
      let population = Set(sheet.rows.map(\.member.memberID))
      let grading = PostgresGrading(year: year, in: transaction)
      var reasons: [Int64: String] = [:]
      // Every row is tried so the page can say what is wrong with each; any refusal rolls the whole transaction back.
      for entry in entries {
        guard population.contains(entry.memberID) else {
          reasons[entry.memberID] = CellGradeSheetAssembly.outsidePopulation(sheet)
          continue
        }
        do {
          _ = try await grading.record(entry.gradeEntry)
        } catch let error as DomainError {
          reasons[entry.memberID] = error.message
        }
      }
      guard reasons.isEmpty else { throw CellGradingRefused(reasons: reasons) }
      try await grading.flush()
      let saved = try await Self.cellGradeSheet(code: code, year: year, in: transaction)
      _ = try await Self.append(
        EvaluationRecords.gradesSet(unit: code, year: year, by: actor, before: sheet, after: saved), in: transaction)
      return saved
    }
  }

  static func cellGradeSheet(code: String, year: Int, in transaction: PostgresTransaction) async throws
    -> CellGradeSheet
  {
    let unit = try await requireOrganisation(code: code, in: transaction)
    try CellGradeSheetAssembly.checkCell(unit, kinds: try await unitKinds(in: transaction))
    guard let cycle = try await cycleCovering(unitID: unit.id, year: year, in: transaction) else {
      throw EvaluationRecords.noCycle(year: year, code: code)
    }
    let day = cycle.evaluationDate.daysSinceEpoch
    let members = try await transaction.rows(
      """
      SELECT m.id, m.full_name, m.party_card_number, s.standing, s.exempt FROM member_span s
      JOIN member m ON m.id = s.member_id
      WHERE s.cell_id = \(unit.id) AND s.valid_from <= \(day) AND (s.valid_until IS NULL OR s.valid_until > \(day))
      ORDER BY m.search_name COLLATE "C", m.id
      """,
      columns: [
        "member.id", "member.full_name", "member.party_card_number", "member_span.standing", "member_span.exempt",
      ]
    ).map { row in
      CellGradeSheetAssembly.Member(
        id: try row.value(0), fullName: try row.value(1), partyCardNumber: try row.optional(2),
        standing: try StoredValue.decode(try row.value(3), column: "member_span.standing"), exempt: try row.value(4))
    }
    var saved: [Int64: SavedGrade] = [:]
    for row in try await transaction.rows(
      """
      SELECT subject_id, outcome, score, sick_leave_months, state, framework, criteria, all_tasks_on_time,
        beyond_percent FROM grade
      WHERE cycle_id = \(cycle.id) AND unit_id = \(unit.id) AND subject_class = 'member'
      """,
      columns: [
        "grade.subject_id", "grade.outcome", "grade.score", "grade.sick_leave_months", "grade.state", "grade.framework",
        "grade.criteria", "grade.all_tasks_on_time", "grade.beyond_percent",
      ])
    {
      saved[try row.value(0)] = try CellGradeSheetAssembly.savedGrade(
        outcome: try row.value(1), score: try row.optional(2), sickLeaveMonths: try row.value(3),
        state: try row.value(4),
        sheet: try StoredScoreSheet.sheet(
          framework: try row.optional(5), criteria: try row.optional(6), onTime: try row.optional(7),
          beyond: try row.optional(8), table: "grade"))
    }
    let version: Int =
      try await transaction.rows(
        "SELECT version FROM grade_version WHERE unit_id = \(unit.id) AND year = \(year)",
        columns: ["grade_version.version"]
      ).first?.value(0) ?? 1
    let grading = PostgresGrading(year: year, in: transaction)
    var resolved: [Int64: Result<(SubjectCircumstances, Day), DomainError>] = [:]
    for m in members where !m.exempt {
      do {
        let (subject, subjectCycle) = try await grading.resolve(
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
