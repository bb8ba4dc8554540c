import DangVuCore
import DangVuStore

/// What the programmes page shows: for a unit and a year, the programme of its party committee and of its
/// inspection commission against what each has begun and concluded so far, with the forms for those who may set
/// them.
struct ProgrammesPageModel: Sendable {
  var unit: Organisation
  var year: Int
  var day: Day
  var progress: [ConductingBody.Organ: ProgrammeProgress]
  var canSet: Bool
  var csrf: HTML
  /// After a refused form: its organ, what was typed and why.
  var refused: (organ: String, fields: ProgrammeFields, errors: FieldProblems)?
}

enum ProgrammesPageView {
  static func render(_ model: ProgrammesPageModel) -> HTML {
    let bodies = ConductingBody.Organ.allCases.map { organ -> HTML in
      """
      <h2>Chủ thể: \(organ.nameVi) (\(model.unit.code))</h2>
      \(table(model.progress[organ], model))
      \(model.canSet ? form(organ, model) : .empty)
      """
    }
    return Layout.page(
      title: "Chương trình kiểm tra, giám sát",
      body: """
        <style>\(MemberFormView.style)\(ReportPageParts.style)</style>
        <h1>Chương trình kiểm tra, giám sát năm \(model.year): \(model.unit.name)</h1>
        <form class="picker" method="get" action="/kiem-tra-ky-luat/chuong-trinh">
        <label for="to-chuc">Đơn vị</label> <input id="to-chuc" name="to-chuc" value="\(model.unit.code)" size="12">
        <label for="nam">Năm</label> <input id="nam" name="nam" value="\(model.year)" size="5" inputmode="numeric">
        <button type="submit">Xem</button></form>
        <p class="muted">Tiến độ đến ngày \(model.day.vietnamese). \
        <a href="\(Links.oversight(unit: model.unit.code, period: String(model.year)))">Các cuộc kiểm tra, giám sát</a></p>
        \(bodies)
        """)
  }

  private static func table(_ progress: ProgrammeProgress?, _ model: ProgrammesPageModel) -> HTML {
    guard let progress else { return "<p class=\"muted\">Chưa có chương trình năm \(model.year).</p>" }
    let rows = progress.lines.map { line -> HTML in
      let name = OversightKind(code: line.kind)?.nameVi ?? line.kind
      let behind = line.begun < line.planned
      return """
        <tr><td>\(name)</td><td class="num">\(ReportPageParts.count(line.planned))</td>\
        <td class="num">\(ReportPageParts.count(line.begun))</td>\
        <td class="num">\(ReportPageParts.count(line.concluded))</td>\
        <td class="num\(behind ? HTML(" below") : .empty)">\(ReportPageParts.share(line.share))</td></tr>
        """
    }
    return """
      <div class="table"><table><thead><tr><th>Loại</th><th class="num">Dự kiến</th><th class="num">Đã tiến hành</th>\
      <th class="num">Đã kết luận</th><th class="num">Tiến hành / dự kiến</th></tr></thead><tbody>\(rows)</tbody>\
      </table></div>
      """
  }

  private static func form(_ organ: ConductingBody.Organ, _ model: ProgrammesPageModel) -> HTML {
    let typed = model.refused?.organ == organ.rawValue ? model.refused : nil
    let planned = model.progress[organ]?.programme.planned ?? [:]
    let fields =
      typed?.fields
      ?? ProgrammeFields(
        unit: model.unit.code, organ: organ.rawValue, year: String(model.year),
        planned: planned.mapValues(String.init))
    let errors = typed?.errors ?? FieldProblems()
    let kinds = OversightKind.allCases.map { kind -> HTML in
      FormField.input(
        "planned.\(kind.code)", "Số cuộc \(kind.nameVi)", value: fields.planned[kind.code] ?? "",
        error: errors["planned.\(kind.code)"], id: "\(organ.rawValue)-\(kind.code)", numeric: true)
    }
    let general: HTML = errors["planned"].map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? .empty
    return """
      <h3>Đặt chương trình của \(organ.nameVi)</h3>
      <form class="record" method="post" action="\(Links.setProgramme)" id="chuong-trinh-\(organ.rawValue)">\(model.csrf)
      <input type="hidden" name="organ" value="\(organ.rawValue)">
      \(errors["organ"].map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? HTML.empty)\(general)
      \(FormField.input("unit", "Mã đơn vị", value: fields.unit ?? "", error: errors["unit"], id: "\(organ.rawValue)-unit"))
      \(FormField.input("year", "Năm", value: fields.year ?? "", error: errors["year"], id: "\(organ.rawValue)-year", numeric: true))
      \(kinds)
      <button type="submit">Lưu chương trình</button></form>
      """
  }
}
