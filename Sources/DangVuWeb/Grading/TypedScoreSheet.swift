import DangVuCore
import DangVuStore
import Foundation

/// A score sheet (366-QĐ/TW) as a grading form types it, kept as text so a refused save shows what was typed: the
/// framework, the points of each criterion group, the tasks on time and the share beyond the requirement. The cell
/// page and the leadership page both use it; each names the fields its own way (`name`), one input per criterion
/// group of the regulation's framework, so a framework changed in the data changes the form.
struct TypedScoreSheet: Sendable, Hashable {
  var framework = ""
  /// Criterion group id → points as typed.
  var points: [String: String] = [:]
  var onTime = false
  var beyond = ""

  init() {}

  /// What the form starts with: the saved sheet, if any.
  init(_ sheet: ScoreSheet?) {
    guard let sheet else { return }
    framework = sheet.framework.rawValue
    points = sheet.criteria.mapValues(String.init)
    onTime = sheet.allTasksOnTime == true
    beyond = sheet.beyondRequirementPercent.map(String.init) ?? ""
  }

  /// The part of a field's name that is the sheet's: "framework", "onTime", "beyond" or a criterion group id.
  static let parts: Set<String> = ["framework", "onTime", "beyond"]

  /// Takes one submitted field whose sheet part is `part`.
  mutating func take(_ part: String, _ value: String) {
    switch part {
    case "framework": framework = value
    case "onTime": onTime = value == "on"
    case "beyond": beyond = value
    default: points[part] = value
    }
  }

  /// The fields of one row, named by `name(part)`.
  init(fields: [String: String], name: (String) -> String, regulation: Regulation?) {
    for part in Self.parts.union(Self.groupIDs(regulation)) {
      if let value = fields[name(part)] { take(part, value) }
    }
  }

  var isEmpty: Bool {
    points.values.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
      && beyond.trimmingCharacters(in: .whitespaces).isEmpty && !onTime
  }

  /// What a row proposes: the grade chosen, or with points and no grade the band of their total; and the sheet.
  /// nil when nothing was typed. The rule is Core's (`Regulation.outcome`); a refusal is a `DomainError` naming the
  /// subject, shown beside its row. The store applies the same rule again when it saves.
  static func proposal(
    grade gradeText: String, sheet typed: TypedScoreSheet, regulation: Regulation?, subject: SubjectClass,
    usual: SubjectGroup, name: String
  ) throws(DomainError) -> (outcome: GradeOutcome, sheet: ScoreSheet?)? {
    let gradeText = gradeText.trimmingCharacters(in: .whitespaces)
    let sheet = try typed.sheet(usual: usual, name: name)
    if gradeText.isEmpty && sheet == nil { return nil }
    var proposed: GradeOutcome?
    if !gradeText.isEmpty {
      guard let outcome = GradeOutcome(code: gradeText) else {
        throw DomainError("evaluation.badGrade", "Hãy chọn một mức xếp loại cho \(name).")
      }
      proposed = outcome
    }
    guard let regulation else {
      guard let proposed else { throw DomainError("evaluation.badGrade", "Hãy chọn một mức xếp loại cho \(name).") }
      return (proposed, sheet)
    }
    let (outcome, _) = try regulation.outcome(proposed, sheet: sheet, for: subject, of: name)
    return (outcome, sheet)
  }

  /// The sheet typed, nil when no points, or the refusal for a value that is not a number.
  func sheet(usual: SubjectGroup, name: String) throws(DomainError) -> ScoreSheet? {
    var criteria: [String: Int] = [:]
    for (id, text) in points {
      let text = text.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      guard let value = Int(text) else {
        throw DomainError("evaluation.badPoints", "\(name): điểm “\(text)” không hợp lệ, hãy nhập số nguyên.")
      }
      criteria[id] = value
    }
    let beyondText = beyond.trimmingCharacters(in: .whitespaces)
    var beyondPercent: Int?
    if !beyondText.isEmpty {
      guard let value = Int(beyondText), (0...100).contains(value) else {
        throw DomainError(
          "evaluation.badBeyond",
          "\(name): tỷ lệ nhiệm vụ vượt yêu cầu “\(beyondText)” không hợp lệ, hãy nhập số từ 0 đến 100.")
      }
      beyondPercent = value
    }
    if criteria.isEmpty && beyondPercent == nil && !onTime { return nil }
    return ScoreSheet(
      framework: SubjectGroup(rawValue: framework) ?? usual, criteria: criteria, allTasksOnTime: onTime,
      beyondRequirementPercent: beyondPercent)
  }

  /// The criterion group ids of the regulation's frameworks (the same two in every framework of 366-QĐ/TW).
  static func groupIDs(_ regulation: Regulation?) -> Set<String> {
    Set(regulation?.frameworks.flatMap { $0.criteria.map(\.id) } ?? [])
  }

  /// The inputs of one row: the framework (a choice when more than one fits the subject), a number per criterion
  /// group with its maximum, the on-time box and the share beyond. `label` names the subject for screen readers.
  func inputs(regulation: Regulation, subject: SubjectClass, label: String, name: (String) -> String) -> HTML {
    let fitting = SubjectGroup.fitting(subject)
    let chosen = SubjectGroup(rawValue: framework) ?? fitting[0]
    let frameworkInput: HTML
    if fitting.count == 1 {
      frameworkInput = "<input type=\"hidden\" name=\"\(name("framework"))\" value=\"\(chosen.rawValue)\">"
    } else {
      let options = fitting.map { group -> HTML in
        "<option value=\"\(group.rawValue)\"\(group == chosen ? " selected" as HTML : .empty)>\(group.nameVi)</option>"
      }
      frameworkInput =
        "<select name=\"\(name("framework"))\" aria-label=\"Khung tiêu chí \(label)\">\(options)</select>"
    }
    let groups = regulation.frameworks.first { $0.group == chosen }?.criteria ?? []
    let numbers = groups.map { group -> HTML in
      """
      <label class="points">\(Self.shortName(group.id)) \
      <input name="\(name(group.id))" value="\(points[group.id] ?? "")" inputmode="numeric" size="3" \
      aria-label="\(group.nameVi) (tối đa \(group.maximum)) \(label)"> /\(group.maximum)</label>
      """
    }
    return """
      <span class="sheet">\(frameworkInput)\(numbers)\
      <label class="points"><input type="checkbox" name="\(name("onTime"))"\(onTime ? " checked" as HTML : .empty) \
      aria-label="Hoàn thành đúng hạn tất cả nhiệm vụ \(label)"> đúng hạn</label>\
      <label class="points">Vượt <input name="\(name("beyond"))" value="\(beyond)" inputmode="numeric" size="3" \
      aria-label="Tỷ lệ nhiệm vụ vượt yêu cầu (%) \(label)">%</label></span>
      """
  }

  /// The sheet's inputs on one wrapping line, each label with its input kept together.
  static let style: HTML = """
    .sheet{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:center}
    .sheet label.points{white-space:nowrap}
    .sheet input[type=checkbox]{width:auto}
    """

  /// A saved sheet as text: "chung 28 + nhiệm vụ 65 = 93 điểm".
  static func summary(_ sheet: ScoreSheet?, score: Int?) -> String {
    guard let score else { return "" }
    guard let sheet else { return "\(score) điểm" }
    let parts = sheet.criteria.sorted { $0.key < $1.key }.map { "\(shortName($0.key)) \($0.value)" }
    return parts.joined(separator: " + ") + " = \(score) điểm"
  }

  /// A criterion group's short name in a table cell ("chung", "nhiệm vụ"); its full name is in the input's label.
  static func shortName(_ id: String) -> String {
    switch id {
    case "general": "chung"
    case "tasks": "nhiệm vụ"
    default: id
    }
  }
}
