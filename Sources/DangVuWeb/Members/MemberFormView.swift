import DangVuCore

/// The form adding a member or editing their identity: what was typed stays in the fields, each message
/// is beside its field, and after a stale edit the stored newer value shows beside each field that differs.
struct MemberFormModel: Sendable {
  enum Mode: Sendable {
    case create(cellName: String?)
    case edit(id: Int64, storedName: String)
    /// Admission from the cell's page: the decision and two sponsors picked among the cell's official members.
    case admit(cellCode: String, cellName: String)
    /// A member admitted in another province, arriving into the cell (their history starts here).
    case arrive(cellCode: String, cellName: String)
  }

  /// A member who may sponsor, as the admission form's picker offers them: `key` is what the field sends.
  struct SponsorCandidate: Sendable {
    var key: String
    var label: String
  }

  var mode: Mode
  var fields: MemberFields
  var errors = FieldProblems()
  /// The version the next save is made from (edit only).
  var version: Int?
  /// After a stale edit: the record as stored now.
  var newer: MemberFields?
  var nationalIDEditable: Bool
  /// `CSRF.field(context)`, rendered by the controller.
  var csrf: HTML
  /// The admission form's sponsor picker: the cell's official members.
  var sponsorCandidates: [SponsorCandidate] = []
}

enum MemberFormView {
  static func render(_ model: MemberFormModel) -> HTML {
    let title: String
    let action: String
    let back: HTML
    switch model.mode {
    case .create(let cellName):
      title = "Thêm đảng viên" + (cellName.map { " vào \($0)" } ?? "")
      action = "/dang-vien"
      back = model.fields.cell.map { "<a href=\"\(Links.unit($0))\">Quay lại chi bộ</a>" } ?? .empty
    case .edit(let id, let name):
      title = "Sửa lý lịch: \(name)"
      action = Links.member(id)
      back = "<a href=\"\(Links.member(id))\">Quay lại hồ sơ</a>"
    case .admit(let code, let name):
      title = "Kết nạp đảng viên vào \(name)"
      action = Links.admission(inCell: code)
      back = "<a href=\"\(Links.unit(code))\">Quay lại chi bộ</a>"
    case .arrive(let code, let name):
      title = "Tiếp nhận đảng viên từ tỉnh khác vào \(name)"
      action = Links.arrival(inCell: code)
      back = "<a href=\"\(Links.unit(code))\">Quay lại chi bộ</a>"
    }
    let version: HTML = model.version.map { "<input type=\"hidden\" name=\"version\" value=\"\($0)\">" } ?? .empty
    let identity = MemberFields.identityLabels
      .filter { $0.key != "nationalID" || model.nationalIDEditable }
      .map { field($0.key, $0.label, model) }
    let admission: HTML
    switch model.mode {
    case .create:
      admission = """
        <fieldset><legend>Kết nạp</legend>
        \(MemberFields.admissionLabels.map { field($0.key, $0.label, model) })</fieldset>
        """
    case .admit:
      let options = model.sponsorCandidates.map { "<option value=\"\($0.key)\">\($0.label)</option>" as HTML }
      admission = """
        <fieldset><legend>Kết nạp</legend>
        \(MemberFields.admitLabels.map { field($0.key, $0.label, model) })\
        <datalist id="nguoi-gioi-thieu">\(options)</datalist>
        <p class="muted">Người giới thiệu: gõ họ tên hoặc số thẻ để tìm trong \(model.sponsorCandidates.count) đảng viên \
        chính thức của chi bộ.</p></fieldset>
        """
    case .arrive:
      admission = """
        <fieldset><legend>Tiếp nhận</legend>
        \(MemberFields.arrivalLabels.map { field($0.key, $0.label, model) })\
        <p class="muted">Đảng viên đã được kết nạp ở tỉnh khác: được ghi là chính thức, trừ khi sau này ghi \
        quyết định công nhận chính thức (khi còn dự bị).</p></fieldset>
        """
    case .edit:
      admission = .empty
    }
    return Layout.page(
      title: title,
      body: """
        <style>\(style)</style>
        <h1>\(title)</h1>
        \(notices(model))
        <form class="record" method="post" action="\(action)">
        \(model.csrf)\(version)
        <fieldset><legend>Lý lịch</legend>
        \(identity)</fieldset>
        \(admission)
        <p><button type="submit">Lưu</button> \(back)</p>
        </form>
        """)
  }

  private static func notices(_ model: MemberFormModel) -> HTML {
    var out: HTML = .empty
    if model.newer != nil {
      out =
        out + """
          <p class="notice" role="alert">Hồ sơ này đã được người khác sửa sau khi bạn mở trang. Những gì bạn nhập vẫn \
          còn nguyên bên dưới; giá trị đang lưu được ghi bên cạnh những ô khác với bạn. Hãy xem lại rồi bấm \
          “Lưu” để ghi những gì bạn nhập.</p>
          """
    }
    if let general = model.errors.general {
      out = out + "<p class=\"notice error\" role=\"alert\">\(general)</p>"
    } else if !model.errors.isEmpty {
      out =
        out
        + "<p class=\"notice\" role=\"alert\">Chưa lưu: có \(model.errors.fields.count) ô cần sửa, ghi ngay bên cạnh ô đó.</p>"
    }
    return out
  }

  private static func field(_ key: String, _ label: String, _ model: MemberFormModel) -> HTML {
    let value = model.fields[key: key] ?? ""
    var newer: HTML = .empty
    if let stored = model.newer?[key: key], normalised(stored, key) != normalised(value, key) {
      newer = "<span class=\"newer\">Đang lưu: \(shown(stored, key))</span>"
    }
    let described = FormField.described(key, error: model.errors[key])
    let input: HTML
    switch key {
    case "gender":
      let typed = Gender(rawValue: value) ?? Gender(parsing: value)
      let options = Gender.allCases.map { g -> HTML in
        "<option value=\"\(g.rawValue)\"\(typed == g ? " selected" as HTML : .empty)>\(g.nameVi)</option>"
      }
      input = """
        <select id="f-\(key)" name="\(key)"\(described)><option value="">— chọn —</option>\(options)</select>
        """
    case "birthDate", "admissionDate", "officialDate":
      input = """
        <input id="f-\(key)" name="\(key)" value="\(value)" placeholder="31/12/1990" inputmode="numeric"\(described)>
        """
    case "sponsor1",
      "sponsor2" where !model.sponsorCandidates.isEmpty:
      input = """
        <input id="f-\(key)" name="\(key)" value="\(value)" list="nguoi-gioi-thieu" autocomplete="off"\(described)>
        """
    default:
      input = "<input id=\"f-\(key)\" name=\"\(key)\" value=\"\(value)\"\(described)>"
    }
    return FormField.wrap(key, label, input, error: model.errors[key], extra: newer)
  }

  /// Dates compare as days and gender as its code, so "1/2/1990" is not shown as different from "01/02/1990".
  private static func normalised(_ text: String, _ key: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch key {
    case "birthDate", "admissionDate", "officialDate": return Day(parsing: trimmed)?.iso ?? trimmed
    case "gender": return (Gender(rawValue: trimmed) ?? Gender(parsing: trimmed))?.rawValue ?? trimmed
    default: return trimmed
    }
  }

  private static func shown(_ stored: String, _ key: String) -> String {
    if key == "gender", let g = Gender(rawValue: stored) { return g.nameVi }
    return stored.isEmpty ? "(để trống)" : stored
  }

  // On a phone one column of `minmax(0,1fr)`, not `1fr`: a select whose longest option is wider than the screen (an
  // inspection's kinds) then shrinks to it instead of widening the page.
  static let style: HTML = """
    form.record{display:block}
    fieldset{border:1px solid #e3e3e3;border-radius:4px;margin:0 0 1rem;padding:.5rem 1rem;background:#fff}
    .field{display:grid;grid-template-columns:minmax(10rem,14rem) minmax(0,20rem) 1fr;gap:.2rem .8rem;align-items:baseline;margin:.35rem 0}
    .field .error,.field .newer{grid-column:3}
    .field .newer + .error,.field .error + .newer{grid-column:3}
    .error{color:#a50e0e}
    .newer{color:#5a3d00;background:#fff8e1;padding:0 .3rem;border-radius:3px}
    .notice.error{border-color:#e0a0a0;background:#fdeaea}
    select{font:inherit;padding:.35rem .5rem;border:1px solid #bbb;border-radius:4px}
    @media (max-width:40rem){.field{grid-template-columns:minmax(0,1fr)}.field .error,.field .newer{grid-column:1}}
    """
}
