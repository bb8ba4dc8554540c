import DangVuCore
import DangVuStore

/// One row of the grading page as typed: kept as text so a refused save shows exactly what was typed.
struct TypedGrade: Sendable, Hashable {
  var grade = ""
  /// Under 366-QĐ/TW: the score sheet.
  var sheet = TypedScoreSheet()
  var sickLeave = ""

  init(grade: String = "", sheet: TypedScoreSheet = .init(), sickLeave: String = "") {
    self.grade = grade
    self.sheet = sheet
    self.sickLeave = sickLeave
  }

  /// What the page starts with: the saved grade, if any.
  init(_ saved: SavedGrade?) {
    guard let saved else { return }
    grade = saved.outcome.code
    sheet = TypedScoreSheet(saved.sheet)
    sickLeave = saved.sickLeaveMonths == 0 ? "" : String(saved.sickLeaveMonths)
  }
}

/// The grading form's fields: `grade-ID`, `sick-ID` and under 366-QĐ/TW the sheet's (`framework-ID`, `general-ID`,
/// `tasks-ID`, `onTime-ID`, `beyond-ID`) for each member id, besides the year, the version and the session token.
/// Flat names: the form decoder reads `grade[12]` as an array index.
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
      case "sick": out[id, default: .init()].sickLeave = value
      default: out[id, default: .init()].sheet.take(String(parts[0]), value)
      }
    }
    return out
  }

  static func field(_ name: String, _ id: Int64) -> String { "\(name)-\(id)" }
}

enum CellGradingEntries {
  static let maxSickLeaveMonths = 12

  /// The grades to save from what was typed, or the reason beside each row that cannot be read. A row with
  /// nothing typed is left ungraded. Under a scored regulation the points alone give the grade of their total's band
  /// (`TypedScoreSheet.proposal`); `names` name the members in the reasons.
  static func inputs(from typed: [Int64: TypedGrade], regulation: String, names: [Int64: String]) -> (
    inputs: [CellGradeInput], errors: [Int64: String]
  ) {
    let rules = Regulation.withID(regulation)
    var inputs: [CellGradeInput] = []
    var errors: [Int64: String] = [:]
    for (id, row) in typed.sorted(by: { $0.key < $1.key }) {
      let sickText = row.sickLeave.trimmingCharacters(in: .whitespaces)
      var sick = 0
      if !sickText.isEmpty {
        guard let value = Int(sickText), (0...maxSickLeaveMonths).contains(value) else {
          errors[id] = "Số tháng nghỉ ốm “\(sickText)” không hợp lệ: hãy nhập số từ 0 đến \(maxSickLeaveMonths)."
          continue
        }
        sick = value
      }
      do {
        guard
          let (outcome, sheet) = try TypedScoreSheet.proposal(
            grade: row.grade, sheet: row.sheet, regulation: rules, subject: .member, usual: .memberWithoutPost,
            name: names[id] ?? "Đảng viên mã số \(id)")
        else {
          if !sickText.isEmpty { errors[id] = "Hãy chọn một mức xếp loại." }
          continue
        }
        inputs.append(CellGradeInput(memberID: id, outcome: outcome, sheet: sheet, sickLeaveMonths: sick))
      } catch {
        errors[id] = error.message
      }
    }
    return (inputs, errors)
  }
}
