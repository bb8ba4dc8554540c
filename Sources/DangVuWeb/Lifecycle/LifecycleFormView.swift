import DangVuCore
import DangVuStore

/// The form recording one act of a member's lifecycle, or correcting one event: what was typed stays in the
/// fields and each refusal is beside the field that causes it.
struct LifecycleFormModel: Sendable {
  enum Mode: Sendable {
    case act(LifecycleAct)
    /// Correcting the stored event `eventID`, shown as it is stored.
    case correct(eventID: Int64, stored: String)
  }

  var mode: Mode
  var memberID: Int64
  var memberName: String
  var fields: LifecycleFields
  var errors = FieldProblems()
  var version: Int
  /// The member changed since the form was opened; the form now carries the stored version.
  var stale = false
  var csrf: HTML

  var action: String {
    switch mode {
    case .act(let act): Links.lifecycle(memberID, act)
    case .correct(let eventID, _): Links.correctEvent(memberID, eventID)
    }
  }
}

enum LifecycleFormView {
  static func render(_ model: LifecycleFormModel) -> HTML {
    let title: String
    var fields: [HTML] = []
    var intro: HTML = .empty
    switch model.mode {
    case .act(let act):
      title = act.title
      fields.append(input("date", act.dateLabel, model, placeholder: "31/12/2024", numeric: true))
      if act.needsCell { fields.append(input("cell", act.cellLabel, model, placeholder: "KG.01.001.01")) }
      if act == .transferSent {
        fields.append(input("number", "Số giấy giới thiệu", model, placeholder: "15-GGT/ĐU"))
        intro = """
          <p class="muted">Đảng viên còn sinh hoạt ở chi bộ này, ghi “đang chuyển sinh hoạt”, cho đến khi chi bộ nơi \
          đến tiếp nhận. Giấy giới thiệu có hạn \(TransitEntry.daysToPresentLetter) ngày kể từ ngày cấp.</p>
          """
      }
      fields.append(textarea("note", act.noteLabel, model))
    case .correct(_, let stored):
      title = "Sửa sự kiện ghi nhầm"
      intro = """
        <p>Sự kiện đang ghi: <strong>\(stored)</strong>. Sự kiện cũ được giữ lại trong lịch sử sửa đổi của hồ sơ, \
        cùng lý do và người sửa; quá trình sinh hoạt được kiểm tra lại toàn bộ trước khi ghi.</p>
        """
      fields.append(actionChoice(model))
      fields.append(kindChoice(model))
      fields.append(input("date", "Ngày của sự kiện", model, placeholder: "31/12/2024", numeric: true))
      fields.append(input("cell", "Chi bộ (mã, với kết nạp và chuyển sinh hoạt)", model, placeholder: "KG.01.001.01"))
      fields.append(textarea("note", "Số quyết định, ghi chú", model))
      fields.append(textarea("reason", "Lý do sửa", model))
    }
    return Layout.page(
      title: title,
      body: """
        <style>\(MemberFormView.style)</style>
        <nav class="crumbs"><a href="\(Links.member(model.memberID))">\(model.memberName)</a></nav>
        <h1>\(title)</h1>
        \(intro)
        \(notices(model))
        <form class="record" method="post" action="\(model.action)">
        \(model.csrf)<input type="hidden" name="version" value="\(model.version)">
        <fieldset><legend>\(model.memberName)</legend>
        \(fields)</fieldset>
        <p><button type="submit">Ghi</button> <a href="\(Links.member(model.memberID))">Quay lại hồ sơ</a></p>
        </form>
        """)
  }

  static func notices(_ model: LifecycleFormModel) -> HTML {
    var out: HTML = .empty
    if model.stale {
      out = """
        <p class="notice" role="alert">Hồ sơ này đã thay đổi sau khi bạn mở trang; chưa ghi gì. Những gì bạn nhập vẫn \
        còn nguyên: hãy xem lại quá trình sinh hoạt trên hồ sơ rồi bấm “Ghi” lần nữa.</p>
        """
    }
    if let general = model.errors.general {
      out = out + "<p class=\"notice error\" role=\"alert\">\(general)</p>"
    } else if !model.errors.isEmpty {
      out =
        out
        + "<p class=\"notice\" role=\"alert\">Chưa ghi: có \(model.errors.fields.count) ô cần sửa, ghi ngay bên cạnh ô đó.</p>"
    }
    return out
  }

  private static func value(_ key: String, _ fields: LifecycleFields) -> String {
    switch key {
    case "kind": fields.kind ?? ""
    case "date": fields.date ?? ""
    case "cell": fields.cell ?? ""
    case "number": fields.number ?? ""
    case "note": fields.note ?? ""
    case "reason": fields.reason ?? ""
    case "action": fields.action ?? "replace"
    default: ""
    }
  }

  private static func wrap(_ key: String, _ label: String, _ control: HTML, _ model: LifecycleFormModel) -> HTML {
    FormField.wrap(key, label, control, error: model.errors[key])
  }

  private static func described(_ key: String, _ model: LifecycleFormModel) -> HTML {
    FormField.described(key, error: model.errors[key])
  }

  private static func input(
    _ key: String, _ label: String, _ model: LifecycleFormModel, placeholder: String, numeric: Bool = false
  ) -> HTML {
    FormField.input(
      key, label, value: value(key, model.fields), error: model.errors[key], placeholder: placeholder, numeric: numeric)
  }

  private static func textarea(_ key: String, _ label: String, _ model: LifecycleFormModel) -> HTML {
    FormField.textarea(key, label, value: value(key, model.fields), error: model.errors[key])
  }

  private static func kindChoice(_ model: LifecycleFormModel) -> HTML {
    let typed = model.fields.kind ?? ""
    // An expulsion follows a discipline decision and is corrected there.
    let options = MembershipEventKind.allCases.filter { $0 != .expelled }.map { kind -> HTML in
      "<option value=\"\(kind.rawValue)\"\(typed == kind.rawValue ? " selected" as HTML : .empty)>\(MemberPageView.sentenceCase(kind.nameVi))</option>"
    }
    return wrap(
      "kind", "Loại sự kiện",
      "<select id=\"f-kind\" name=\"kind\"\(described("kind", model))><option value=\"\">— chọn —</option>\(options)</select>",
      model)
  }

  private static func actionChoice(_ model: LifecycleFormModel) -> HTML {
    let remove = value("action", model.fields) == "remove"
    return wrap(
      "action", "Cách sửa",
      """
      <select id="f-action" name="action"\(described("action", model))>\
      <option value="replace"\(remove ? HTML.empty : " selected")>Sửa thành sự kiện ghi dưới đây</option>\
      <option value="remove"\(remove ? " selected" : HTML.empty)>Xóa sự kiện ghi nhầm</option></select>
      """, model)
  }
}
