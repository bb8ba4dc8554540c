import DangVuCore

struct InspectionPageModel: Sendable {
  var inspection: Inspection
  var subjectNames: [OversightSubject: String]
  var canEdit: Bool
  var csrf: HTML
  var corrections: [CorrectionLine<Inspection>]
  /// The correction form: the inspection as it stands, or what was typed with why it was refused.
  var fields: InspectionCorrectionFields
  var problems: FieldProblems
}

/// An inspection or supervision: what it was, who it was about with their findings, its corrections and, for the
/// inspection staff, the form that corrects it (every problem beside its field, what was typed kept).
enum InspectionPageView {
  static func render(_ model: InspectionPageModel) -> HTML {
    let i = model.inspection
    let subjects = i.subjects.map { s -> HTML in
      let finding = s.violationFound.map { $0 ? "có vi phạm" : "không vi phạm" } ?? "chưa kết luận"
      return
        "<li>\(model.subjectNames[s.subject] ?? "") (\(finding))\(s.conclusion.isEmpty ? "" : ": \(s.conclusion)")</li>"
    }
    return Layout.page(
      title: "Cuộc \(i.kind.nameVi) số \(i.id)",
      body: """
        <style>\(MemberFormView.style)</style>
        <h1>\(i.title)</h1>
        <p><a href="\(Links.oversight(unit: i.body.unitCode, period: String(i.started.year)))">\
        Kiểm tra, giám sát, kỷ luật</a></p>
        <dl>
        <dt>Loại</dt><dd>\(i.kind.nameVi)</dd>
        <dt>Chủ thể</dt><dd>\(i.body.organ.nameVi) \(i.body.unitCode)</dd>
        <dt>Ngày bắt đầu</dt><dd>\(i.started.vietnamese)</dd>
        <dt>Kết luận</dt><dd>\(i.concluded?.vietnamese ?? "đang tiến hành")</dd>
        </dl>
        <h2>Đối tượng (\(i.subjects.count))</h2>
        <ul>\(subjects)</ul>
        <h2>Sửa cuộc kiểm tra, giám sát (\(model.corrections.count))</h2>
        \(CorrectionLine.table(model.corrections, none: "Cuộc này chưa được sửa.", said: said))
        \(model.canEdit ? form(model) : .empty)
        """)
  }

  /// What the inspection said before a correction, in a line.
  private static func said(_ i: Inspection) -> HTML {
    """
    \(i.kind.nameVi), \(i.body.organ.nameVi); “\(i.title)”; bắt đầu \(i.started.vietnamese), \
    \(i.concluded.map { "kết luận \($0.vietnamese)" } ?? "chưa kết luận"); \(i.subjects.count) đối tượng
    """
  }

  private static func form(_ model: InspectionPageModel) -> HTML {
    let f = model.fields.inspection
    let e = model.problems
    let kinds = OversightKind.allCases.map { k -> HTML in
      "<option value=\"\(k.code)\"\(f.kind == k.code ? HTML(" selected") : .empty)>\(k.nameVi)</option>"
    }
    let organs = ConductingBody.Organ.allCases.map { o -> HTML in
      "<option value=\"\(o.rawValue)\"\(f.organ == o.rawValue ? HTML(" selected") : .empty)>\(o.nameVi)</option>"
    }
    let notice: HTML =
      e.isEmpty ? .empty : "<p class=\"notice\" role=\"alert\">Chưa lưu: hãy sửa các ô có ghi chú màu đỏ.</p>"
    return """
      <h3>Sửa cuộc ghi sai</h3>
      \(notice)
      <form class="record" method="post" action="\(Links.correctInspection(model.inspection.id))" id="sua">\(model.csrf)
      \(FormField.wrap("kind", "Loại", "<select id=\"f-kind\" name=\"kind\"\(FormField.described("kind", error: e["kind"]))>\(kinds)</select>", error: e["kind"]))
      \(FormField.wrap("organ", "Chủ thể tiến hành", "<select id=\"f-organ\" name=\"organ\"\(FormField.described("organ", error: e["organ"]))>\(organs)</select>", error: e["organ"]))
      \(FormField.input("title", "Nội dung", value: f.title, error: e["title"]))
      \(FormField.input("started", "Ngày bắt đầu (31/12/2023)", value: f.started, error: e["started"]))
      \(FormField.input("concluded", "Ngày kết luận (để trống nếu đang tiến hành)", value: model.fields.concluded, error: e["concluded"]))
      \(FormField.textarea("memberSubjects", "Đảng viên là đối tượng: số thẻ, mỗi dòng một người", value: f.memberSubjects, error: e["memberSubjects"]))
      \(FormField.textarea("unitSubjects", "Tổ chức đảng là đối tượng: mã, mỗi dòng một tổ chức", value: f.unitSubjects, error: e["unitSubjects"]))
      \(FormField.textarea("reason", "Lý do sửa", value: model.fields.reason, error: e["reason"]))
      <button type="submit">Lưu bản sửa</button></form>
      """
  }
}
