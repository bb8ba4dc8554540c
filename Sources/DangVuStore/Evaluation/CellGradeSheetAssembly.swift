import DangVuCore

/// A cell's grading sheet put together from what an engine reads (issue 23, part 1): the cell must hold members,
/// the sheet says whether the regulation scores, each row says what the rules already decide.
public enum CellGradeSheetAssembly {
  /// A member of the cell on the evaluation date, as read.
  public struct Member: Sendable {
    public var ref: CellMemberRef
    public var standing: Standing
    public var exempt: Bool

    public init(id: Int64, fullName: String, partyCardNumber: String?, standing: Standing, exempt: Bool) {
      ref = CellMemberRef(memberID: id, fullName: fullName, partyCardNumber: partyCardNumber)
      self.standing = standing
      self.exempt = exempt
    }
  }

  public static func checkCell(_ unit: Organisation, kinds: UnitKindTable) throws {
    guard kinds.holdsMembers(unit.kind) else {
      throw DomainError(
        "evaluation.notACell",
        "\(unit.name) không phải chi bộ: đảng viên được xếp loại theo từng chi bộ, hãy mở trang của chi bộ.")
    }
  }

  public static func savedGrade(
    outcome: String, score: Int?, sickLeaveMonths: Int, state: String, sheet: ScoreSheet?
  ) throws -> SavedGrade {
    SavedGrade(
      outcome: try EvaluationRecords.outcome(outcome, column: "grade.outcome"), score: score,
      sickLeaveMonths: sickLeaveMonths, state: try StoredValue.decode(state, column: "grade.state"), sheet: sheet)
  }

  /// `resolved`: for each member not exempt, the facts the rules look at and the evaluation date of the cycle that
  /// grades them, or why the rules cannot be applied to them.
  public static func sheet(
    cell: Organisation, year: Int, cycle: EvaluationCycle, version: Int, members: [Member],
    saved: [Int64: SavedGrade], resolved: [Int64: Result<(SubjectCircumstances, Day), DomainError>]
  ) -> CellGradeSheet {
    let scored: Bool
    if case .scored = Regulation.withID(cycle.regulation)?.grading { scored = true } else { scored = false }
    var rows: [CellGradeRow] = []
    for m in members where !m.exempt {
      var row = CellGradeRow(
        member: m.ref, standing: m.standing, saved: saved[m.ref.memberID], automatic: nil, automaticReason: nil,
        allowed: [], limitReason: nil, problem: nil)
      switch resolved[m.ref.memberID] {
      case .success(let (facts, date)): preview(&row, facts: facts, on: date)
      case .failure(let error): row.problem = error.message
      case nil: break
      }
      rows.append(row)
    }
    return CellGradeSheet(
      cellCode: cell.code, cellName: cell.name, year: year, evaluationDate: cycle.evaluationDate,
      regulation: cycle.regulation, scored: scored, version: version, rows: rows,
      exempt: members.filter(\.exempt).map(\.ref))
  }

  /// Why a row of a save is refused before the rules: the member is not in the sheet's population.
  public static func outsidePopulation(_ sheet: CellGradeSheet) -> String {
    "Không thuộc diện xếp loại của \(sheet.cellName) vào ngày đánh giá \(sheet.evaluationDate.vietnamese)."
  }

  /// Asks the rules about each grade before anything is proposed: an automatic outcome (too new, a pending
  /// case) replaces every grade; discipline in the year refuses some. Sick leave is typed on the page, so its
  /// limit shows only when the row is saved.
  private static func preview(_ row: inout CellGradeRow, facts: SubjectCircumstances, on date: Day) {
    for grade in Grade.allCases {
      do {
        let decision = try EvaluationRules.decide(.graded(grade), for: .member, facts, evaluatedOn: date)
        switch decision {
        case .record(let outcome, let why) where outcome != .graded(grade):
          row.automatic = outcome
          row.automaticReason = why
          row.allowed = []
          row.limitReason = nil
          return
        case .record:
          row.allowed.append(grade)
        case .outsidePopulation:
          row.problem = "Đang được miễn công tác và sinh hoạt đảng: không thuộc diện đánh giá, xếp loại."
          return
        }
      } catch {
        row.limitReason = row.limitReason ?? error.message
      }
    }
  }
}

extension CellGradeInput {
  /// The row as a grade of the member.
  public var gradeEntry: GradeEntry {
    GradeEntry(subject: .member(memberID), outcome: outcome, sheet: sheet, sickLeaveMonths: sickLeaveMonths)
  }
}
