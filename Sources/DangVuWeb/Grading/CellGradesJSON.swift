import DangVuCore
import DangVuStore

/// A cell's grading sheet in the JSON API. Outcomes are their codes ("good", "notEvaluated.tooNew"), with the
/// Vietnamese name beside them.
struct CellGradesJSON: Encodable, Sendable {
  struct Saved: Encodable, Sendable {
    var outcome: String
    var outcomeLabel: String
    /// Under 366-QĐ/TW, the total of `criteria`.
    var score: Int?
    var framework: SubjectGroup?
    var criteria: [String: Int]?
    var allTasksOnTime: Bool?
    var beyondRequirementPercent: Int?
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
            framework: $0.sheet?.framework, criteria: $0.sheet?.criteria, allTasksOnTime: $0.sheet?.allTasksOnTime,
            beyondRequirementPercent: $0.sheet?.beyondRequirementPercent, sickLeaveMonths: $0.sickLeaveMonths,
            state: $0.state)
        }, automatic: row.automatic?.code, automaticReason: row.automaticReason, allowed: row.allowed.map(\.rawValue),
        limitReason: row.limitReason, problem: row.problem)
    }
  }
}

/// The body of `PUT /api/units/{code}/grades/{year}`.
struct CellGradesUpdate: Decodable, Sendable {
  struct Entry: Decodable, Sendable {
    var memberID: Int64
    /// An outcome code: excellent, good, complete, notComplete, or notEvaluated.<reason>. Under 366-QĐ/TW it may be
    /// left out when `criteria` are given: the grade is then the band of their total.
    var outcome: String?
    /// Under 366-QĐ/TW: the framework (default `memberWithoutPost`), the points per criterion group, the excellent
    /// facts. The score is their total, never sent.
    var framework: SubjectGroup?
    var criteria: [String: Int]?
    var allTasksOnTime: Bool?
    var beyondRequirementPercent: Int?
    var sickLeaveMonths: Int?

    var sheet: ScoreSheet? {
      criteria.map {
        ScoreSheet(
          framework: framework ?? .memberWithoutPost, criteria: $0, allTasksOnTime: allTasksOnTime,
          beyondRequirementPercent: beyondRequirementPercent)
      }
    }
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
