import DangVuCore
import DangVuStore

/// What the targets page shows: a unit's admission plans for a year against what its units admitted so far,
/// and the targets that bind the subtree, with the forms for those who may change them.
struct TargetsPageModel: Sendable {
  var unit: Organisation
  var year: Int
  var day: Day
  var progress: [AdmissionProgress]
  var targets: [ReportTarget]
  /// The targets this principal may remove, by id.
  var removable: Set<Int64>
  var canSet: Bool
  var csrf: HTML
  /// After a refused form: which form ("plan" or "target"), what was typed and why.
  var refused: (form: String, fields: TargetFields, errors: FieldProblems)?
}

enum TargetsPageView {
  static func render(_ model: TargetsPageModel) -> HTML {
    let behind = model.progress.dropFirst().filter(\.isBehind)
    let summary: HTML =
      behind.isEmpty
      ? "<p>Không có đơn vị trực thuộc nào chậm so với kế hoạch kết nạp đến ngày \(model.day.vietnamese).</p>"
      : "<p class=\"below\">\(behind.count) đơn vị trực thuộc chậm so với kế hoạch kết nạp đến ngày \(model.day.vietnamese): \(behind.map(\.name).joined(separator: "; ")).</p>"
    return Layout.page(
      title: "Chỉ tiêu và kế hoạch kết nạp",
      body: """
        <style>\(MemberFormView.style)\(ReportPageParts.style)</style>
        <h1>Chỉ tiêu và kế hoạch kết nạp: \(model.unit.name)</h1>
        <form class="picker" method="get" action="\(Links.targets(scope: nil))">
        <label for="to-chuc">Đơn vị</label> <input id="to-chuc" name="to-chuc" value="\(model.unit.code)" size="12">
        <label for="nam">Năm</label> <input id="nam" name="nam" value="\(model.year)" size="5" inputmode="numeric">
        <button type="submit">Xem</button></form>
        <h2>Kế hoạch kết nạp năm \(model.year)</h2>
        \(summary)
        \(progressTable(model))
        \(model.canSet ? planForm(model) : .empty)
        <h2>Chỉ tiêu ràng buộc</h2>
        \(targetsTable(model))
        \(model.canSet ? targetForm(model) : .empty)
        """)
  }

  static func progressTable(_ model: TargetsPageModel) -> HTML {
    let rows: [HTML] = model.progress.map { line in
      let state: HTML =
        line.planned == nil
        ? "<td class=\"muted\">chưa đặt</td>"
        : line.isBehind ? "<td class=\"below\">chậm tiến độ</td>" : "<td>đạt tiến độ</td>"
      return """
        <tr><td><a href="\(Links.targets(scope: line.code, year: model.year))">\(line.name)</a> \
        <span class="kind">\(line.code)</span></td>\
        <td class="num">\(line.planned.map(ReportPageParts.count) ?? "–")</td>\
        <td class="num">\(ReportPageParts.count(line.admitted))</td>\
        <td class="num">\(line.expectedByNow.map(ReportPageParts.count) ?? "–")</td>\(state)</tr>
        """
    }
    return """
      <div class="table"><table><thead><tr><th>Đơn vị</th><th class="num">Kế hoạch</th>\
      <th class="num">Đã kết nạp</th><th class="num">Cần đạt đến nay</th><th>Tình hình</th></tr></thead>\
      <tbody>\(rows)</tbody></table></div>
      """
  }

  static func targetsTable(_ model: TargetsPageModel) -> HTML {
    guard !model.targets.isEmpty else {
      return "<p class=\"muted\">Chưa có chỉ tiêu nào ràng buộc \(model.unit.name).</p>"
    }
    let rows: [HTML] = model.targets.map { target in
      let remove: HTML =
        target.id.map { id in
          model.removable.contains(id)
            ? "<form method=\"post\" action=\"\(Links.removeTarget(id))\">\(model.csrf)<button type=\"submit\">Xóa</button></form>"
            : .empty
        } ?? .empty
      return """
        <tr><td>\(target.measure.nameVi)</td><td>\(target.scopeCode ?? "chung")</td>\
        <td>\(target.years.lowerBound)–\(target.years.upperBound)</td><td class="num">\(target.valueVi)</td>\
        <td>\(target.source)</td><td>\(remove)</td></tr>
        """
    }
    return """
      <div class="table"><table><thead><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Năm</th><th class="num">Mức</th>\
      <th>Văn bản</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  static func planForm(_ model: TargetsPageModel) -> HTML {
    let typed = model.refused?.form == "plan" ? model.refused : nil
    let fields = typed?.fields ?? TargetFields(unit: model.unit.code, year: String(model.year))
    let errors = typed?.errors ?? FieldProblems()
    return """
      <h3>Đặt kế hoạch kết nạp</h3>
      <form class="record" method="post" action="\(Links.targetPlans)" id="ke-hoach">\(model.csrf)
      \(field("plan-unit", "unit", "Mã đơn vị", fields.unit, errors))
      \(field("plan-year", "year", "Năm", fields.year, errors, numeric: true))
      \(field("plan-planned", "planned", "Số đảng viên kết nạp", fields.planned, errors, numeric: true))
      <button type="submit">Lưu kế hoạch</button></form>
      """
  }

  static func targetForm(_ model: TargetsPageModel) -> HTML {
    let typed = model.refused?.form == "target" ? model.refused : nil
    let fields = typed?.fields ?? TargetFields(unit: model.unit.code)
    let errors = typed?.errors ?? FieldProblems()
    let options: [HTML] = ReportTarget.Measure.allCases.map { measure in
      "<option value=\"\(measure.rawValue)\"\(fields.measure == measure.rawValue ? HTML(" selected") : .empty)>\(measure.nameVi)</option>"
    }
    return """
      <h3>Thêm chỉ tiêu</h3>
      <form class="record" method="post" action="\(Links.addTarget)" id="chi-tieu">\(model.csrf)
      <div class="field"><label for="t-measure">Loại chỉ tiêu</label>\
      <select id="t-measure" name="measure">\(options)</select>\(message("measure", errors))</div>
      \(field("t-unit", "unit", "Mã đơn vị (để trống: chỉ tiêu chung, chỉ quản trị hệ thống)", fields.unit, errors))
      \(field("t-from", "fromYear", "Từ năm", fields.fromYear, errors, numeric: true))
      \(field("t-until", "untilYear", "Đến năm", fields.untilYear, errors, numeric: true))
      \(field("t-low", "low", "Mức (tỷ lệ % hoặc cận dưới số kết nạp)", fields.low, errors, numeric: true))
      \(field("t-high", "high", "Cận trên số kết nạp (chỉ tiêu kết nạp)", fields.high, errors, numeric: true))
      \(field("t-source", "source", "Văn bản đặt chỉ tiêu", fields.source, errors))
      <button type="submit">Thêm chỉ tiêu</button></form>
      """
  }

  private static func field(
    _ id: String, _ name: String, _ label: String, _ value: String?, _ errors: FieldProblems, numeric: Bool = false
  ) -> HTML {
    FormField.input(name, label, value: value ?? "", error: errors[name], id: id, numeric: numeric)
  }

  private static func message(_ name: String, _ errors: FieldProblems) -> HTML {
    errors[name].map { "<span class=\"error\">\($0)</span>" } ?? .empty
  }
}
