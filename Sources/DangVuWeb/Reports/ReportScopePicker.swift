import DangVuCore
import DangVuStore
import Hummingbird

/// The subtree picker of the report pages and the dashboard: the principal's root and the units two levels
/// below it in a select, and a code box for anything deeper. A plain GET form, so it needs no script.
struct ReportScopePicker: Sendable {
  var rootCode: String
  var rootName: String
  var options: [UnitBelow]
  var selectedCode: String
  var selectedName: String
  /// Said above the picker when the root did not exist on the report's day but took over committees that did.
  var note: String? = nil

  /// Two levels of a province are some hundreds of units; a national root's are thousands, so a large
  /// scope offers one level and the code box for the rest.
  static let optionLimit = 300

  /// The unit the request names (the code box `ma` first, then the select), checked against the
  /// principal's subtree on `day`: outside it answers 404 as a missing unit does.
  static func requestedScope(_ request: Request, name: String, access: Access, on day: Day) async throws -> String {
    let typed = request.queryValue("ma")?.trimmingCharacters(in: .whitespaces)
    let chosen = typed.flatMap { $0.isEmpty ? nil : $0 } ?? request.queryValue(name)
    return try await access.reportScope(chosen, on: day)
  }

  static func load(
    access: Access, store: any DashboardStore, selected: String, selectedName: String, on day: Day
  ) async throws -> ReportScopePicker {
    let root = try await access.store.organisation(code: access.scopeCode)
    var options = try await store.unitsBelow(access.scopeCode, levels: 2, on: day)
    // The committees the root took over, on a day they still existed, with what was below them then: their
    // history is the principal's to read (decision 0040).
    for succession in try await access.store.predecessors(ofCode: access.scopeCode)
    where succession.predecessor.exists(on: day) {
      let unit = succession.predecessor
      options.append(UnitBelow(code: unit.code, name: unit.name, depth: 0))
      options += try await store.unitsBelow(unit.code, levels: 2, on: day)
    }
    if options.count > optionLimit { options = options.filter { $0.depth <= 1 } }
    var note: String?
    if let root, !root.exists(on: day), options.contains(where: { $0.depth == 0 }) {
      note =
        "\(root.name) thành lập ngày \(root.founded.vietnamese); số liệu trước ngày đó thuộc các tổ chức tiền thân, "
        + "chọn trong ô Phạm vi."
    }
    return ReportScopePicker(
      rootCode: access.scopeCode, rootName: root?.name ?? access.scopeCode, options: options, selectedCode: selected,
      selectedName: selectedName, note: note)
  }

  /// The select and the code box, to put inside a report's GET form.
  var fields: HTML {
    var choices: [HTML] = []
    let listed = selectedCode == rootCode || options.contains { $0.code == selectedCode }
    if !listed {
      choices.append("<option value=\"\(selectedCode)\" selected>\(selectedName) (\(selectedCode))</option>")
    }
    choices.append(option(code: rootCode, name: rootName, depth: 0))
    choices += options.map { option(code: $0.code, name: $0.name, depth: $0.depth) }
    let said: HTML = note.map { "<p class=\"muted\">\($0)</p>" } ?? ""
    return """
      \(said)<label>Phạm vi <select name="to-chuc">\(choices)</select></label>
      <label>hoặc mã tổ chức <input name="ma" size="12" placeholder="KG.01.001" value=""></label>
      """
  }

  private func option(code: String, name: String, depth: Int) -> HTML {
    // Indented by depth with non-breaking spaces: a select cannot nest deeper than one optgroup.
    let indent = String(repeating: "\u{00A0}\u{00A0}", count: depth)
    return
      "<option value=\"\(code)\"\(HTML(stringLiteral: code == selectedCode ? " selected" : ""))>\(indent)\(name)</option>"
  }
}
