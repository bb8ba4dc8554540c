import DangVuCore
import DangVuStore

/// The evaluation report page: pickers, charts, the tables with the change against the year before,
/// units under the target, the narrative and the downloads.
enum EvaluationPageView {
  static func render(_ model: EvaluationPageModel) -> HTML {
    let title = "Báo cáo đánh giá, xếp loại chất lượng năm \(model.year)"
    return Layout.page(
      title: title,
      body: """
        \(ReportPageParts.style)\(ReportPageParts.navigation(scope: model.scopeCode))
        <h1>\(title)</h1>
        \(model.report.map { HTML("<p class=\"muted\">\($0.scopeName) · mã \($0.scopeCode) · \($0.regulation)</p>") } ?? .empty)
        <form class="picker" method="get" action="/bao-cao/danh-gia">
        <label>Năm <input type="number" name="nam" min="2000" max="2100" value="\(model.year)" style="width:6rem"></label>
        \(model.picker.fields)
        <button type="submit">Xem báo cáo</button>
        </form>
        \(cycleLinks(model.cycles, scope: model.scopeCode, current: nil))
        \(model.report.map { body($0, model) } ?? missing(model))
        """)
  }

  /// The subtree's other cycles (a term, a quarter, ad hoc), each a link to its report; the one shown is not linked.
  static func cycleLinks(_ cycles: [EvaluationCycle], scope: String, current: CyclePeriod?) -> HTML {
    let others = cycles.compactMap(\.period).filter { $0 != current }
    guard !others.isEmpty else { return .empty }
    var links: [HTML] = []
    for (index, cycle) in others.enumerated() {
      if index > 0 { links.append(" · ") }
      links.append("<a href=\"\(Links.evaluationReport(cycle, scope: scope))\">\(cycle.nameVi)</a>")
    }
    return "<p class=\"no-print\" id=\"dot-khac\">Các đợt đánh giá khác: \(links)</p>"
  }

  /// The report of a cycle of a term, quarter or ad hoc (366-QĐ/TW): named by its cycle, compared with the same
  /// cycle a year (or a term) before when one was held; no target, trend or cap, which are yearly.
  static func render(cycle: CyclePeriod, _ r: EvaluationReport, picker: ReportScopePicker, cycles: [EvaluationCycle])
    -> HTML
  {
    let title = "Báo cáo đánh giá, xếp loại chất lượng \(cycle.nameVi)"
    let rows = [
      GradeDistributionChart.Row(label: "Đảng viên", counts: r.members.counts),
      GradeDistributionChart.Row(label: "Tổ chức đảng", counts: r.organisations.counts),
    ]
    return Layout.page(
      title: title,
      body: """
        \(ReportPageParts.style)\(ReportPageParts.navigation(scope: r.scopeCode))
        <h1>\(title)</h1>
        <p class="muted">\(r.scopeName) · mã \(r.scopeCode) · \(r.regulation) · đợt đánh giá \(cycle.kind.nameVi)</p>
        <form class="picker" method="get" action="/bao-cao/danh-gia">
        <input type="hidden" name="dot" value="\(cycle.kind.rawValue)">
        <label>Kỳ <input type="text" name="ky" value="\(cycle.code)" style="width:12rem"></label>
        \(picker.fields)
        <button type="submit">Xem báo cáo</button>
        </form>
        \(cycleLinks(cycles, scope: r.scopeCode, current: cycle))
        <h2>Kết quả xếp loại</h2>
        \(GradeDistributionChart.render(title: "Kết quả xếp loại chất lượng \(cycle.nameVi)", rows: rows))
        \(gradesTable(r))
        \(r.members.previous == nil ? HTML.empty : HTML("<h2>So với cùng kỳ</h2>\(changesTable(r))"))
        \(ReportPageParts.narrative(EvaluationNarrative.text(r)))
        \(ReportPageParts.downloads { Links.evaluationReport(cycle, scope: r.scopeCode, format: $0) })
        """)
  }

  static func missing(_ model: EvaluationPageModel) -> HTML {
    """
    <p class="notice">Chưa mở đợt đánh giá, xếp loại năm \(model.year) cho \(model.picker.selectedName) hoặc cấp trên. \
    Hãy chọn năm khác.</p>
    """
  }

  static func body(_ r: EvaluationReport, _ model: EvaluationPageModel) -> HTML {
    let rows =
      [GradeDistributionChart.Row(label: "Đảng viên", counts: r.members.counts)]
      + [GradeDistributionChart.Row(label: "Tổ chức đảng", counts: r.organisations.counts)]
      + r.organisationKinds.map {
        GradeDistributionChart.Row(label: $0.label.capitalisedFirstLetter, counts: $0.counts)
      }
    return """
      \(targetSection(r))
      <h2>Kết quả xếp loại</h2>
      \(approval(model))
      \(GradeDistributionChart.render(title: "Kết quả xếp loại chất lượng năm \(r.year)", rows: rows))
      \(gradesTable(r))
      <h2>So với năm \(r.year - 1)</h2>
      \(changesTable(r))
      \(trend(r, model))
      \(belowTarget(r))
      \(r.excellentCapWarnings.isEmpty ? HTML.empty : HTML("<h2>Vượt tỷ lệ xuất sắc \(r.policy.excellentCapPercentOfGoodOrAbove)%</h2><ul>\(r.excellentCapWarnings.map { HTML("<li>\($0)</li>") })</ul>"))
      \(ReportPageParts.narrative(EvaluationNarrative.text(r)))
      \(ReportPageParts.downloads { Links.evaluationReport(year: r.year, scope: model.scopeCode, format: $0) })
      """
  }

  /// How many of the grades counted the level above has approved: a figure read before the approvals are in
  /// is a draft, and the page says so.
  static func approval(_ model: EvaluationPageModel) -> HTML {
    guard let row = model.approval else { return .empty }
    let total = row.count(.draft) + row.count(.submitted) + row.count(.approved)
    let all = total > 0 && row.count(.approved) == total
    return """
      <p class="\(all ? "muted" : "notice")" id="duyet">Kết quả được cấp trên duyệt: \
      <strong>\(ReportPageParts.count(row.count(.approved)))/\(ReportPageParts.count(total))</strong> \
      (\(ReportPageParts.count(row.count(.submitted))) đã trình chờ duyệt, \(ReportPageParts.count(row.count(.draft))) nháp)\
      \(all ? "." : " — số liệu còn có thể thay đổi.") \
      <a href="\(Links.gradingProgress(model.scopeCode, year: model.year))">Tiến độ xếp loại</a></p>
      """
  }

  static func gradesTable(_ r: EvaluationReport) -> HTML {
    let rows: [HTML] = shownLines(r).map { line in
      let c = line.counts
      let s = c.shares
      return """
        <tr><th scope="row">\(line.label.capitalisedFirstLetter)</th>\
        <td class="num">\(ReportPageParts.count(c.total))</td>\
        <td class="num">\(ReportPageParts.count(c.evaluated))</td>\
        <td class="num">\(ReportPageParts.count(c.notEvaluatedTotal))</td>\
        <td class="num">\(ReportPageParts.count(c.goodOrAbove)) (\(ReportPageParts.share(s.goodOrAbove)))</td>\
        <td class="num">\(ReportPageParts.count(c.excellent)) (\(ReportPageParts.share(s.excellent)))</td>\
        <td class="num">\(ReportPageParts.count(c.good)) (\(ReportPageParts.share(s.good)))</td>\
        <td class="num">\(ReportPageParts.count(c.complete)) (\(ReportPageParts.share(s.complete)))</td>\
        <td class="num">\(ReportPageParts.count(c.notComplete)) (\(ReportPageParts.share(s.notComplete)))</td></tr>
        """
    }
    return """
      <div class="table"><table>
      <thead><tr><th>Đối tượng</th><th class="num">Tổng số</th><th class="num">Được đánh giá</th>\
      <th class="num">Chưa đánh giá</th><th class="num">Tốt trở lên</th><th class="num">Xuất sắc*</th>\
      <th class="num">Tốt</th><th class="num">Hoàn thành</th><th class="num">Không hoàn thành</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>
      <p class="muted">Tỷ lệ tính trên số được đánh giá; *tỷ lệ xuất sắc tính trên số hoàn thành tốt nhiệm vụ trở lên.</p>
      """
  }

  static func changesTable(_ r: EvaluationReport) -> HTML {
    let keys = ["total", "evaluated", "goodOrAbove", "excellent", "good", "complete", "notComplete"]
    let rows: [HTML] = shownLines(r).map { line in
      let changes = line.changes
      let cells: [HTML] = keys.map { "<td class=\"num\">\(ReportPageParts.change(changes[$0], .yearBefore))</td>" }
      return "<tr><th scope=\"row\">\(line.label.capitalisedFirstLetter)</th>\(cells)</tr>"
    }
    return """
      <div class="table"><table>
      <thead><tr><th>Đối tượng</th><th class="num">Tổng số</th><th class="num">Được đánh giá</th>\
      <th class="num">Tốt trở lên</th><th class="num">Xuất sắc</th><th class="num">Tốt</th>\
      <th class="num">Hoàn thành</th><th class="num">Không hoàn thành</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>
      """
  }

  /// The lines with something to show this year or the year before (a province without graded collectives
  /// has no use for a row of zeros); the downloads keep every line.
  static func shownLines(_ r: EvaluationReport) -> [EvaluationReport.Line] {
    r.allLines.filter { $0.counts.total > 0 || ($0.previous?.total ?? 0) > 0 }
  }

  /// The share of good grades against the target binding the scope, naming its resolution; without one,
  /// says so (targets are records: a year or unit no resolution binds has none).
  static func targetSection(_ r: EvaluationReport) -> HTML {
    guard let target = r.target else {
      return """
        <h2>Chỉ tiêu hoàn thành tốt nhiệm vụ trở lên</h2>
        <p class="notice">Chưa có chỉ tiêu tỷ lệ hoàn thành tốt nhiệm vụ trở lên áp dụng cho \(r.scopeName) năm \(r.year) \
        (<a href="\(Links.targets(scope: r.scopeCode))">Chỉ tiêu</a>).</p>
        """
    }
    return """
      <h2>Chỉ tiêu \(target.low)% hoàn thành tốt nhiệm vụ trở lên</h2>
      <p>Theo \(target.source).</p>
      \(TargetChart.render(
        title: "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên năm \(r.year) so với chỉ tiêu \(target.low)%",
        bars: [
          .init(label: "Đảng viên", part: r.members.counts.goodOrAbove, whole: r.members.counts.evaluated),
          .init(label: "Tổ chức đảng", part: r.organisations.counts.goodOrAbove, whole: r.organisations.counts.evaluated),
        ], target: target.low))
      """
  }

  static func trend(_ r: EvaluationReport, _ model: EvaluationPageModel) -> HTML {
    guard model.trend.count > 1, let target = r.target else { return .empty }
    return """
      <h2>Qua các năm</h2>\(TrendChart.render(
        title: "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên qua các năm", points: model.trend, target: target.low))
      """
  }

  static func belowTarget(_ r: EvaluationReport) -> HTML {
    guard let target = r.target else { return .empty }
    guard !r.belowTarget.isEmpty else {
      return "<p>Các đơn vị trực thuộc đều đạt chỉ tiêu \(target.low)%.</p>"
    }
    let rows: [HTML] = r.belowTarget.map { unit in
      """
      <tr><td><a href="\(Links.evaluationReport(year: r.year, scope: unit.code))">\(unit.name)</a> \
      <span class="kind">\(unit.code)</span></td><td>\(unit.subject == "member" ? "đảng viên" : "tổ chức đảng")</td>\
      <td class="num">\(ReportPageParts.count(unit.goodOrAbove))/\(ReportPageParts.count(unit.evaluated))</td>\
      <td class="num below">\(unit.share.vietnamese)%</td></tr>
      """
    }
    return """
      <h2>Đơn vị trực thuộc chưa đạt chỉ tiêu \(target.low)%</h2>
      <div class="table"><table><thead><tr><th>Đơn vị</th><th>Đối tượng</th><th class="num">Tốt trở lên</th>\
      <th class="num">Tỷ lệ</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }
}

extension String {
  /// "chi bộ cơ sở" → "Chi bộ cơ sở", for a label at the start of a row.
  var capitalisedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
