import DangVuCore
import DangVuStore
import Foundation

/// One discipline decision with its appeals and the form in force today; for the inspection staff, the form
/// recording an appeal's outcome (after a refusal: what was typed, each message beside its field).
struct DisciplineDecisionPageModel: Sendable {
  var history: DisciplineHistory
  /// The day the page is shown: the decision's form "now" is read on it.
  var today: Day
  var subjectName: String
  var canEdit: Bool
  var csrf: HTML
  var categories: [ViolationCategory] = []
  var corrections: [DisciplineCorrectionLine] = []
  var fields = AppealFields()
  var problems = FieldProblems()
  /// After a refused correction: what was typed and why.
  var correction: (fields: DisciplineCorrectionFields, problems: FieldProblems)?
}

enum DisciplineDecisionPageView {
  static func render(_ model: DisciplineDecisionPageModel) -> HTML {
    let d = model.history.decision
    let now = model.history.form(on: model.today)
    return Layout.page(
      title: "Quyết định kỷ luật \(d.number)",
      body: """
        <style>\(MemberFormView.style)</style>
        <h1>Quyết định kỷ luật \(d.number)</h1>
        <p><a href="\(Links.oversight(unit: d.decidingBody.unitCode, period: String(d.decided.year)))">\
        Kiểm tra, giám sát, kỷ luật</a></p>
        <dl>
        <dt>Đối tượng</dt><dd>\(model.subjectName)</dd>
        <dt>Hình thức</dt><dd>\(d.form.nameVi)</dd>
        <dt>Cơ quan quyết định</dt><dd>\(d.decidingBody.organ.nameVi) \(d.decidingBody.unitCode)</dd>
        <dt>Ngày quyết định</dt><dd>\(d.decided.vietnamese)</dd>
        <dt>Ngày vi phạm</dt><dd>\(d.violated.vietnamese)</dd>
        <dt>Hình thức hiện tại</dt><dd>\(now?.nameVi ?? "đã xóa bỏ")</dd>
        </dl>
        <h2>Khiếu nại (\(model.history.appeals.count))</h2>
        \(appeals(model.history))
        \(model.canEdit && now != nil ? form(model) : .empty)
        <h2>Sửa quyết định (\(model.corrections.count))</h2>
        \(corrections(model.corrections))
        \(model.canEdit ? correctionForm(model) : .empty)
        """)
  }

  private static func appeals(_ history: DisciplineHistory) -> HTML {
    guard !history.appeals.isEmpty else { return "<p class=\"muted\">Chưa có khiếu nại nào được giải quyết.</p>" }
    let rows = history.appeals.map { appeal -> HTML in
      """
      <tr><td>\(appeal.lodged.vietnamese)</td><td>\(appeal.decided.vietnamese)</td>\
      <td>\(appeal.outcome.nameVi)</td><td>\(appeal.note)</td></tr>
      """
    }
    return """
      <div class="table"><table><thead><tr><th>Ngày nhận</th><th>Ngày giải quyết</th><th>Kết quả</th>\
      <th>Quyết định giải quyết</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  private static func form(_ model: DisciplineDecisionPageModel) -> HTML {
    let f = model.fields
    let e = model.problems
    let outcomes: [(String, String)] = [
      ("upheld", "Giữ nguyên quyết định"), ("changed", "Thay đổi hình thức kỷ luật"), ("annulled", "Xóa bỏ quyết định"),
    ]
    let outcomeOptions = outcomes.map { code, name -> HTML in
      "<option value=\"\(code)\"\(selected(f.outcome == code))>\(name)</option>"
    }
    let allowed = model.history.decision.subject.isMember ? DisciplineForm.forMembers : DisciplineForm.forUnits
    let formOptions = allowed.map { form -> HTML in
      "<option value=\"\(form.rawValue)\"\(selected(f.newForm == form.rawValue))>\(form.nameVi)</option>"
    }
    let notice: HTML =
      e.isEmpty ? .empty : "<p class=\"notice\" role=\"alert\">Chưa lưu: hãy sửa các ô có ghi chú màu đỏ.</p>"
    return """
      <h3>Ghi kết quả giải quyết khiếu nại</h3>
      \(notice)
      <form class="record" method="post" action="\(Links.appeal(model.history.decision.id))" id="khieu-nai">\(model.csrf)
      \(FormField.wrap("outcome", "Kết quả", "<select id=\"f-outcome\" name=\"outcome\"\(FormField.described("outcome", error: e["outcome"]))><option value=\"\">— chọn —</option>\(outcomeOptions)</select>", error: e["outcome"]))
      \(FormField.wrap("newForm", "Hình thức mới (khi thay đổi)", "<select id=\"f-newForm\" name=\"newForm\"\(FormField.described("newForm", error: e["newForm"]))><option value=\"\">—</option>\(formOptions)</select>", error: e["newForm"]))
      \(FormField.input("lodged", "Ngày nhận đơn khiếu nại (31/12/2023)", value: f.lodged, error: e["lodged"]))
      \(FormField.input("decided", "Ngày giải quyết", value: f.decided, error: e["decided"]))
      \(FormField.input("settledBy", "Cơ quan giải quyết", value: f.settledBy, error: e["settledBy"], placeholder: "Ủy ban Kiểm tra Tỉnh ủy"))
      \(FormField.input("settledNumber", "Số quyết định giải quyết", value: f.settledNumber, error: e["settledNumber"], placeholder: "15-QĐ/UBKTTU"))
      <button type="submit">Lưu kết quả</button></form>
      """
  }

  private static func corrections(_ lines: [DisciplineCorrectionLine]) -> HTML {
    DisciplineCorrectionLine.table(lines, none: "Quyết định chưa được sửa.") {
      "số \($0.number), vi phạm ngày \($0.violated.vietnamese), nội dung \($0.categories.joined(separator: ", "))"
    }
  }

  private static func correctionForm(_ model: DisciplineDecisionPageModel) -> HTML {
    let f = model.correction?.fields ?? DisciplineCorrectionFields(model.history.decision)
    let e = model.correction?.problems ?? FieldProblems()
    let chosen = Set(f.categories ?? [])
    let boxes = model.categories.map { c -> HTML in
      """
      <label class="check"><input type="checkbox" name="categories[]" value="\(c.code)"\
      \(chosen.contains(c.code) ? HTML(" checked") : .empty)> \(c.nameVi)</label>
      """
    }
    let categoryError: HTML = e["categories"].map { "<span class=\"error\" id=\"e-categories\">\($0)</span>" } ?? .empty
    let notice: HTML =
      e.isEmpty ? .empty : "<p class=\"notice\" role=\"alert\">Chưa sửa: hãy sửa các ô có ghi chú màu đỏ.</p>"
    return """
      <h3>Sửa quyết định ghi sai</h3>
      \(notice)
      <form class="record" method="post" action="\(Links.correctDiscipline(model.history.decision.id))" id="sua">\(model.csrf)
      \(FormField.input("number", "Số quyết định", value: f.number, error: e["number"]))
      \(FormField.input("violated", "Ngày vi phạm", value: f.violated, error: e["violated"]))
      <fieldset><legend>Nội dung vi phạm</legend>\(boxes)</fieldset>\(categoryError)
      <label class="check"><input type="checkbox" name="selfCorrected" value="on"\
      \(f.selfCorrected != nil ? HTML(" checked") : .empty)> Tổ chức đảng tự phát hiện và khắc phục</label>
      \(FormField.textarea("note", "Ghi chú", value: f.note, error: e["note"]))
      \(FormField.textarea("reason", "Lý do sửa", value: f.reason, error: e["reason"]))
      <button type="submit">Lưu bản sửa</button></form>
      """
  }

  private static func selected(_ yes: Bool) -> HTML { yes ? " selected" : .empty }
}
