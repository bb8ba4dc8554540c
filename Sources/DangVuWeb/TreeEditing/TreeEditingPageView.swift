import DangVuCore
import DangVuStore

/// What the tree-changing page shows: the unit, a form per change, and after a form was sent either what the
/// change will do (with the button that confirms it) or why it was refused, beside the fields, keeping what was
/// typed.
struct TreeEditingPageModel: Sendable {
  var unit: Organisation
  var kindName: String
  var parent: Organisation?
  /// The kinds of unit that may be founded under this one today: (code, Vietnamese name).
  var childKinds: [(String, String)]
  var csrf: HTML
  /// The form that was sent, what was typed in it, and its preview or its problems.
  var act: TreeChangeAct?
  var fields = TreeChangeFields()
  var preview: TreeChangePreview?
  var errors = FieldProblems()
}

enum TreeEditingPageView {
  static func render(_ model: TreeEditingPageModel) -> HTML {
    let unit = model.unit
    let parent: HTML =
      model.parent.map { "<a href=\"\(Links.unit($0.code))\">\($0.name)</a> (\($0.code))" }
      ?? "cấp cao nhất (không trực thuộc tổ chức nào)"
    let ended: HTML = unit.ended.map { "<dt>Ngày kết thúc</dt><dd>\($0.vietnamese)</dd>" } ?? .empty
    return Layout.page(
      title: "Thay đổi tổ chức: \(unit.name)",
      body: """
        <style>\(MemberFormView.style)\(style)</style>
        <nav class="crumbs"><a href="\(Links.home())">Cây tổ chức</a> › <a href="\(Links.unit(unit.code))">\(unit.name)</a></nav>
        <h1>Thay đổi tổ chức: \(unit.name)</h1>
        <dl class="facts"><dt>Mã</dt><dd>\(unit.code)</dd><dt>Loại hình</dt><dd>\(model.kindName)</dd>
        <dt>Trực thuộc</dt><dd>\(parent)</dd><dt>Ngày thành lập</dt><dd>\(unit.founded.vietnamese)</dd>\(ended)</dl>
        <p class="muted">Mỗi thay đổi được xem trước; chỉ khi bấm “Xác nhận” mới được ghi, kèm nhật ký.</p>
        \(TreeChangeAct.allCases.map { form($0, model) })
        """)
  }

  private static func preview(_ model: TreeEditingPageModel) -> HTML {
    guard let change = model.preview, let act = model.act else { return .empty }
    let hidden = model.fields.carried(for: act).map { name, value -> HTML in
      "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }
    return """
      <div class="preview" id="xem-truoc" aria-live="polite"><h3>Xem trước: \(act.titleVi)</h3>
      <p class="summary">\(change.summary)</p>
      <form method="post" action="\(Links.treeChange(model.unit.code, act))">\(model.csrf)\(hidden)\
      <input type="hidden" name="confirm" value="1">
      <button type="submit">Xác nhận</button> <a href="\(Links.treeChanges(model.unit.code))">Hủy</a></form>
      </div>
      """
  }

  private static func form(_ act: TreeChangeAct, _ model: TreeEditingPageModel) -> HTML {
    let sent = model.act == act
    let fields = sent ? model.fields : TreeChangeFields()
    let errors = sent && model.preview == nil ? model.errors : FieldProblems()
    let general: HTML =
      errors.general.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" } ?? .empty
    let inputs: [HTML]
    switch act {
    case .found:
      inputs = [
        field(act, "code", "Mã tổ chức mới", fields.code, errors),
        field(act, "name", "Tên tổ chức mới", fields.name, errors),
        kindSelect(act, fields.kind, model.childKinds, errors),
      ]
    case .rename: inputs = [field(act, "name", "Tên mới", fields.name, errors)]
    case .move: inputs = [field(act, "parent", "Mã tổ chức cấp trên mới", fields.parent, errors)]
    case .merge: inputs = [field(act, "into", "Mã tổ chức được sáp nhập vào", fields.into, errors)]
    case .dissolve: inputs = []
    }
    if act == .found && model.childKinds.isEmpty && !sent {
      return """
        <section id="\(act.rawValue)"><h2>\(act.titleVi)</h2>
        <p class="muted">Không loại tổ chức nào được trực thuộc \(model.kindName) vào hôm nay.</p></section>
        """
    }
    let date = field(act, "date", act.dateLabel + " (31/12/2025 hoặc 2025-12-31)", fields.date, errors)
    // The fragment brings the answer into view on a phone: the form sent, with its messages, not the page's top.
    return """
      <section id="\(act.rawValue)"><h2>\(act.titleVi)</h2>\(general)\(sent ? preview(model) : .empty)
      <form class="record" method="post" action="\(Links.treeChange(model.unit.code, act))#\(act.rawValue)">\(model.csrf)
      \(inputs)\(date)
      <button type="submit">Xem trước</button></form></section>
      """
  }

  private static func kindSelect(
    _ act: TreeChangeAct, _ typed: String?, _ kinds: [(String, String)], _ errors: FieldProblems
  ) -> HTML {
    let id = "\(act.rawValue)-kind"
    let options: [HTML] = kinds.map { code, name in
      "<option value=\"\(code)\"\(typed == code ? HTML(" selected") : .empty)>\(name)</option>"
    }
    return """
      <div class="field"><label for="\(id)">Loại tổ chức</label><select id="\(id)" name="kind">\(options)</select>\
      \(message(id, "kind", errors))</div>
      """
  }

  private static func field(
    _ act: TreeChangeAct, _ name: String, _ label: String, _ value: String?, _ errors: FieldProblems
  ) -> HTML {
    let id = "\(act.rawValue)-\(name)"
    let invalid: HTML = errors[name] != nil ? " aria-invalid=\"true\" aria-describedby=\"e-\(id)\"" : .empty
    return """
      <div class="field"><label for="\(id)">\(label)</label>\
      <input id="\(id)" name="\(name)" value="\(value ?? "")"\(invalid)>\(message(id, name, errors))</div>
      """
  }

  private static func message(_ id: String, _ name: String, _ errors: FieldProblems) -> HTML {
    errors[name].map { HTML("<span class=\"error\" id=\"e-\(id)\">\($0)</span>") } ?? .empty
  }

  static let style: HTML = """
    section{margin:0 0 1.2rem}
    .preview{border:1px solid #c9b458;background:#fffbe6;border-radius:4px;padding:.5rem 1rem}
    .preview .summary{font-weight:600}
    input{max-width:100%;box-sizing:border-box}
    """
}
