import DangVuCore
import DangVuStore

/// One row of the grading page as typed: kept as text so a refused save shows exactly what was typed.
struct TypedGrade: Sendable, Hashable {
  var grade = ""
  var score = ""
  var sickLeave = ""

  init(grade: String = "", score: String = "", sickLeave: String = "") {
    self.grade = grade
    self.score = score
    self.sickLeave = sickLeave
  }

  /// What the page starts with: the saved grade, if any.
  init(_ saved: SavedGrade?) {
    guard let saved else { return }
    grade = saved.outcome.code
    score = saved.score.map(String.init) ?? ""
    sickLeave = saved.sickLeaveMonths == 0 ? "" : String(saved.sickLeaveMonths)
  }
}

/// The grading form's fields: `grade-ID`, `score-ID`, `sick-ID` for each member id, besides the year, the
/// version and the session token. Flat names: the form decoder reads `grade[12]` as an array index.
struct CellGradingForm: Sendable {
  var fields: [String: String]

  var nam: String? { fields["nam"] }

  /// What was typed, by member id.
  var typed: [Int64: TypedGrade] {
    var out: [Int64: TypedGrade] = [:]
    for (key, value) in fields {
      let parts = key.split(separator: "-", maxSplits: 1)
      guard parts.count == 2, let id = Int64(parts[1]) else { continue }
      switch parts[0] {
      case "grade": out[id, default: .init()].grade = value
      case "score": out[id, default: .init()].score = value
      case "sick": out[id, default: .init()].sickLeave = value
      default: continue
      }
    }
    return out
  }

  static func field(_ name: String, _ id: Int64) -> String { "\(name)-\(id)" }
}

enum CellGradingEntries {
  static let maxSickLeaveMonths = 12

  /// The grades to save from what was typed, or the reason beside each row that cannot be read. A row with
  /// nothing typed is left ungraded. Under a scored regulation a score alone gives the grade
  /// of its band.
  static func inputs(from typed: [Int64: TypedGrade], regulation: String) -> (
    inputs: [CellGradeInput], errors: [Int64: String]
  ) {
    let rules = Regulation.all.first { $0.id == regulation }
    var inputs: [CellGradeInput] = []
    var errors: [Int64: String] = [:]
    for (id, row) in typed.sorted(by: { $0.key < $1.key }) {
      let gradeText = row.grade.trimmingCharacters(in: .whitespaces)
      let scoreText = row.score.trimmingCharacters(in: .whitespaces)
      let sickText = row.sickLeave.trimmingCharacters(in: .whitespaces)
      if gradeText.isEmpty && scoreText.isEmpty && sickText.isEmpty { continue }
      var score: Int?
      if !scoreText.isEmpty {
        guard let value = Int(scoreText), (0...100).contains(value) else {
          errors[id] = "Điểm “\(scoreText)” không hợp lệ: hãy nhập số nguyên từ 0 đến 100."
          continue
        }
        score = value
      }
      var sick = 0
      if !sickText.isEmpty {
        guard let value = Int(sickText), (0...maxSickLeaveMonths).contains(value) else {
          errors[id] = "Số tháng nghỉ ốm “\(sickText)” không hợp lệ: hãy nhập số từ 0 đến \(maxSickLeaveMonths)."
          continue
        }
        sick = value
      }
      let outcome: GradeOutcome
      if gradeText.isEmpty, let score, let byScore = rules?.grade(forScore: score) {
        outcome = .graded(byScore)
      } else if let parsed = GradeOutcome(code: gradeText) {
        outcome = parsed
      } else {
        errors[id] = "Hãy chọn một mức xếp loại."
        continue
      }
      inputs.append(CellGradeInput(memberID: id, outcome: outcome, score: score, sickLeaveMonths: sick))
    }
    return (inputs, errors)
  }
}
