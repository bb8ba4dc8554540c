import DangVuCore
import DangVuStore

/// The forms of posts and collectives: what was typed stays in the fields and each refusal is beside the field
/// that causes it.
struct LeadershipFormModel: Sendable {
  enum Mode: Sendable {
    /// A post for the member (unit typed).
    case postForMember(id: Int64, name: String)
    /// A post in the unit (member typed).
    case postInUnit(code: String, name: String)
    /// The day a post ended.
    case endPost(PostRecord)
    case collective(code: String, name: String)
    case seat(CollectiveRecord)
  }

  var mode: Mode
  var action: String
  var fields: LeadershipFields
  var errors = FieldProblems()
  var postKinds: [PostKind] = []
  var csrf: HTML

  var back: (href: String, label: String) {
    switch mode {
    case .postForMember(let id, let name): (Links.member(id), name)
    case .postInUnit(let code, let name), .collective(let code, let name): (Links.unit(code), name)
    case .endPost(let post): (Links.member(post.post.memberID), post.memberName)
    case .seat(let record): (Links.unit(record.unitCode), record.unitName)
    }
  }
}

enum LeadershipFormView {
  static func render(_ model: LeadershipFormModel) -> HTML {
    let title: String
    var fields: [HTML] = []
    var intro: HTML = .empty
    switch model.mode {
    case .postForMember, .postInUnit:
      title = "Ghi chức vụ lãnh đạo, quản lý"
      intro = """
        <p class="muted">Đảng viên giữ chức vụ phải sinh hoạt trong tổ chức đó (hoặc một chi bộ trực thuộc) suốt thời \
        gian giữ. Người giữ chức vụ được xếp loại cả với tư cách cán bộ lãnh đạo, quản lý.</p>
        """
      if case .postInUnit = model.mode {
        fields.append(input("member", "Đảng viên (số thẻ, hoặc #mã số)", model, placeholder: "0123456"))
      }
      fields.append(postKindChoice(model))
      if case .postForMember = model.mode {
        fields.append(input("unit", "Tổ chức đảng (mã)", model, placeholder: "KG.01.001.01"))
      }
      fields.append(input("from", "Từ ngày", model, placeholder: "31/12/2024", numeric: true))
      fields.append(input("until", "Thôi giữ từ ngày (để trống nếu đang giữ)", model, placeholder: "", numeric: true))
      fields.append(textarea("note", "Quyết định, ghi chú", model))
    case .endPost(let post):
      title = "Ghi ngày thôi giữ chức vụ"
      intro = """
        <p>\(post.title) — \(post.unitName) (\(post.unitCode)), từ \(post.post.from.vietnamese).</p>
        """
      fields.append(input("until", "Thôi giữ từ ngày", model, placeholder: "31/12/2024", numeric: true))
    case .collective:
      title = "Ghi tập thể lãnh đạo, quản lý"
      fields.append(input("name", "Tên tập thể", model, placeholder: "Ban Thường vụ Đảng ủy, nhiệm kỳ 2025-2030"))
      fields.append(collectiveKindChoice(model))
      fields.append(input("from", "Nhiệm kỳ từ ngày", model, placeholder: "31/12/2024", numeric: true))
      fields.append(
        input("until", "Hết nhiệm kỳ từ ngày (để trống nếu chưa hết)", model, placeholder: "", numeric: true))
    case .seat(let record):
      title = "Ghi thành viên của \(record.collective.name)"
      fields.append(input("member", "Đảng viên (số thẻ, hoặc #mã số)", model, placeholder: "0123456"))
      fields.append(input("from", "Từ ngày", model, placeholder: "31/12/2024", numeric: true))
      fields.append(
        input("until", "Thôi tham gia từ ngày (để trống nếu vẫn tham gia)", model, placeholder: "", numeric: true))
    }
    let back = model.back
    return Layout.page(
      title: title,
      body: """
        <style>\(MemberFormView.style)</style>
        <nav class="crumbs"><a href="\(back.href)">\(back.label)</a></nav>
        <h1>\(title)</h1>
        \(intro)
        \(notices(model))
        <form class="record" method="post" action="\(model.action)">
        \(model.csrf)
        <fieldset><legend>\(back.label)</legend>
        \(fields)</fieldset>
        <p><button type="submit">Ghi</button> <a href="\(back.href)">Quay lại</a></p>
        </form>
        """)
  }

  static func notices(_ model: LeadershipFormModel) -> HTML {
    if let general = model.errors.general { return "<p class=\"notice error\" role=\"alert\">\(general)</p>" }
    guard !model.errors.isEmpty else { return .empty }
    return
      "<p class=\"notice\" role=\"alert\">Chưa ghi: có \(model.errors.fields.count) ô cần sửa, ghi ngay bên cạnh ô đó.</p>"
  }

  private static func value(_ key: String, _ fields: LeadershipFields) -> String {
    switch key {
    case "kind": fields.kind ?? ""
    case "unit": fields.unit ?? ""
    case "member": fields.member ?? ""
    case "name": fields.name ?? ""
    case "from": fields.from ?? ""
    case "until": fields.until ?? ""
    case "note": fields.note ?? ""
    default: ""
    }
  }

  private static func wrap(_ key: String, _ label: String, _ control: HTML, _ model: LeadershipFormModel) -> HTML {
    FormField.wrap(key, label, control, error: model.errors[key])
  }

  private static func described(_ key: String, _ model: LeadershipFormModel) -> HTML {
    FormField.described(key, error: model.errors[key])
  }

  private static func input(
    _ key: String, _ label: String, _ model: LeadershipFormModel, placeholder: String, numeric: Bool = false
  ) -> HTML {
    FormField.input(
      key, label, value: value(key, model.fields), error: model.errors[key], placeholder: placeholder, numeric: numeric)
  }

  private static func textarea(_ key: String, _ label: String, _ model: LeadershipFormModel) -> HTML {
    FormField.textarea(key, label, value: value(key, model.fields), error: model.errors[key])
  }

  private static func choice(
    _ key: String, _ label: String, _ options: [(String, String)], _ model: LeadershipFormModel
  )
    -> HTML
  {
    let typed = value(key, model.fields)
    let items = options.map { code, name -> HTML in
      "<option value=\"\(code)\"\(typed == code ? " selected" as HTML : .empty)>\(name)</option>"
    }
    return wrap(
      key, label,
      "<select id=\"f-\(key)\" name=\"\(key)\"\(described(key, model))><option value=\"\">— chọn —</option>\(items)</select>",
      model)
  }

  private static func postKindChoice(_ model: LeadershipFormModel) -> HTML {
    choice("kind", "Chức vụ", model.postKinds.map { ($0.code, $0.nameVi) }, model)
  }

  private static func collectiveKindChoice(_ model: LeadershipFormModel) -> HTML {
    choice("kind", "Loại tập thể", CollectiveKind.standard.map { ($0.code, $0.nameVi) }, model)
  }
}
