import DangVuCore
import DangVuStore

/// A cell's grading sheet in the JSON API. Outcomes are their codes ("good", "notEvaluated.tooNew"), with the
/// Vietnamese name beside them.
struct CellGradesJSON: Encodable, Sendable {
  struct Saved: Encodable, Sendable {
    var outcome: String
    var outcomeLabel: String
    var score: Int?
    var sickLeaveMonths: Int
    var state: GradeState
  }

  struct Row: Encodable, Sendable {
    var memberID: Int64
    var fullName: String
    var partyCardNumber: String?
    var standing: Standing
    var saved: Saved?
    var automatic: String?
    var automaticReason: String?
    var allowed: [String]
    var limitReason: String?
    var problem: String?
  }

  var cellCode: String
  var cellName: String
  var year: Int
  var evaluationDate: Day
  var regulation: String
  var scored: Bool
  var version: Int
  var rows: [Row]
  var exempt: [CellMemberRef]

  init(_ sheet: CellGradeSheet) {
    cellCode = sheet.cellCode
    cellName = sheet.cellName
    year = sheet.year
    evaluationDate = sheet.evaluationDate
    regulation = sheet.regulation
    scored = sheet.scored
    version = sheet.version
    exempt = sheet.exempt
    rows = sheet.rows.map { row in
      Row(
        memberID: row.member.memberID, fullName: row.member.fullName, partyCardNumber: row.member.partyCardNumber,
        standing: row.standing,
        saved: row.saved.map {
          Saved(
            outcome: $0.outcome.code, outcomeLabel: $0.outcome.nameVi(for: .member), score: $0.score,
            sickLeaveMonths: $0.sickLeaveMonths, state: $0.state)
        }, automatic: row.automatic?.code, automaticReason: row.automaticReason, allowed: row.allowed.map(\.rawValue),
        limitReason: row.limitReason, problem: row.problem)
    }
  }
}

/// The body of `PUT /api/units/{code}/grades/{year}`.
struct CellGradesUpdate: Decodable, Sendable {
  struct Entry: Decodable, Sendable {
    var memberID: Int64
    /// An outcome code: excellent, good, complete, notComplete, or notEvaluated.<reason>.
    var outcome: String?
    var score: Int?
    var sickLeaveMonths: Int?
  }

  var version: Int?
  var grades: [Entry]
}

/// The body of a 422 for a cell's grades: the reason for each refused row, by member id.
struct RowErrorsJSON: Encodable, Sendable {
  var rows: [String: String]

  init(_ reasons: [Int64: String]) {
    rows = Dictionary(uniqueKeysWithValues: reasons.map { (String($0.key), $0.value) })
  }
}
