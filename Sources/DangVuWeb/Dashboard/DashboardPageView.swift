import DangVuCore
import DangVuStore

/// The leaders' dashboard: targets first, then what needs attention.
enum DashboardPageView {
  static func render(_ s: DashboardSummary, picker: ReportScopePicker) -> HTML {
    let title = "Tổng quan"
    return Layout.page(
      title: title,
      body: """
        \(ReportPageParts.style)\(ReportPageParts.navigation(scope: s.scopeCode))
        <h1>\(title): \(s.scopeName)</h1>
        <p class="muted">Mã \(s.scopeCode) · ngày \(s.day.vietnamese)</p>
        <form class="picker" method="get" action="/tong-quan">
        \(picker.fields)
        <button type="submit">Xem</button>
        </form>
        <h2>Chỉ tiêu</h2>
        \(admissions(s))
        \(evaluation(s))
        \(belowTarget(s))
        \(pending(s))
        \(probations(s))
        \(transits(s))
        """)
  }

  static func admissions(_ s: DashboardSummary) -> HTML {
    let a = s.admissions
    let plan: HTML =
      a.plan.map {
        "; kế hoạch năm \(ReportPageParts.count($0)), đạt \(a.shareOfPlanVi.map { "\($0)%" } ?? "–")"
      } ?? "; chưa có kế hoạch năm"
    // A year no report may cover (before 1900) has no report to link to.
    let report: HTML =
      (try? ReportPeriod.year(a.year)).map {
        " <a href=\"\(Links.membershipReport($0, scope: s.scopeCode))\">Báo cáo đảng viên</a>"
      } ?? .empty
    return """
      <p><strong>Kết nạp đảng viên năm \(a.year):</strong> \(ReportPageParts.count(a.admitted))\(plan).\(report)</p>
      """
  }

  static func evaluation(_ s: DashboardSummary) -> HTML {
    guard let e = s.evaluation else {
      return
        "<p class=\"notice\">Chưa có kết quả đánh giá, xếp loại so với chỉ tiêu cho \(s.scopeName) trong những năm gần đây.</p>"
    }
    return """
      \(TargetChart.render(
        title: "Hoàn thành tốt nhiệm vụ trở lên năm \(e.year) so với chỉ tiêu \(e.targetPercent)%",
        bars: [
          .init(label: "Đảng viên", part: e.members.goodOrAbove, whole: e.members.evaluated),
          .init(label: "Tổ chức đảng", part: e.organisations.goodOrAbove, whole: e.organisations.evaluated),
        ], target: e.targetPercent))
      <p><a href="\(Links.evaluationReport(year: e.year, scope: s.scopeCode))">Báo cáo đánh giá, xếp loại năm \(e.year)</a></p>
      """
  }

  static func belowTarget(_ s: DashboardSummary) -> HTML {
    guard let e = s.evaluation else { return .empty }
    guard !s.unitsBelowTarget.isEmpty else {
      return
        "<h2>Đơn vị chưa đạt chỉ tiêu</h2><p>Các đơn vị đến hai cấp dưới đều đạt chỉ tiêu \(e.targetPercent)% năm \(e.year).</p>"
    }
    let rows: [HTML] = s.unitsBelowTarget.prefix(DashboardSummary.listLimit * 2).map { u in
      """
      <tr><td>\(u.depth == 2 ? HTML("\u{00A0}\u{00A0}") : .empty)<a href="\(Links.evaluationReport(year: e.year, scope: u.code))">\(u.name)</a> \
      <span class="kind">\(u.code)</span></td><td>\(u.subject == "member" ? "đảng viên" : "tổ chức đảng")</td>\
      <td class="num">\(ReportPageParts.count(u.goodOrAbove))/\(ReportPageParts.count(u.evaluated))</td>\
      <td class="num below">\(u.shareVi)%</td></tr>
      """
    }
    return """
      <h2>Đơn vị chưa đạt chỉ tiêu \(e.targetPercent)% năm \(e.year) (\(s.unitsBelowTarget.count))</h2>
      <div class="table"><table><thead><tr><th>Đơn vị</th><th>Đối tượng</th><th class="num">Tốt trở lên</th>\
      <th class="num">Tỷ lệ</th></tr></thead><tbody>\(rows)</tbody></table></div>\(more(s.unitsBelowTarget.count, shown: rows.count, what: "dòng đầu theo mã đơn vị"))
      """
  }

  static func pending(_ s: DashboardSummary) -> HTML {
    let p = s.pendingOversight
    let items: [HTML] = p.oldest.map { c in
      "<li>\(c.since.vietnamese) · \(caseLine(c)) <span class=\"kind\">(\(c.unitName), \(c.unitCode))</span></li>"
    }
    return """
      <h2>Vụ việc kiểm tra, giám sát chưa kết thúc (\(ReportPageParts.count(p.total)))</h2>
      <p>Kiểm tra \(ReportPageParts.count(p.inspections)) · giám sát \(ReportPageParts.count(p.supervisions)) · \
      khiếu nại chưa giải quyết \(ReportPageParts.count(p.complaints)) · tố cáo chưa giải quyết \(ReportPageParts.count(p.denunciations)). \
      <a href="\(Links.oversightReport(nil, scope: s.scopeCode))">Báo cáo kiểm tra, giám sát</a></p>
      \(items.isEmpty ? HTML.empty : HTML("<ul>\(items)</ul>"))
      """
  }

  /// "tố cáo đối với đảng viên Nguyễn Văn An: nội dung", "kiểm tra thường xuyên: tên cuộc kiểm tra"; a blank
  /// title leaves no colon behind.
  static func caseLine(_ c: PendingOversightCases.Case) -> String {
    let what = c.kindVi + (c.subject.map { " đối với \($0)" } ?? "")
    let title = c.title.trimmingCharacters(in: .whitespaces)
    return title.isEmpty ? what : "\(what): \(title)"
  }

  static func probations(_ s: DashboardSummary) -> HTML {
    let rows: [HTML] = s.overdueProbations.map { p in
      "<tr><td>\(p.fullName)</td><td>\(p.cellCode)</td><td>\(p.admitted.vietnamese)</td><td>\(p.probationEnded.vietnamese)</td></tr>"
    }
    return """
      <h2>Đảng viên dự bị quá hạn xét công nhận chính thức (\(ReportPageParts.count(s.overdueProbationCount)))</h2>
      \(rows.isEmpty ? HTML("<p>Không có.</p>") : HTML("""
        <div class="table"><table><thead><tr><th>Họ và tên</th><th>Chi bộ</th><th>Kết nạp</th><th>Hết dự bị</th></tr></thead>\
        <tbody>\(rows)</tbody></table></div>\(more(s.overdueProbationCount, shown: rows.count))
        """))
      """
  }

  static func transits(_ s: DashboardSummary) -> HTML {
    let rows: [HTML] = s.overdueTransits.map { t in
      "<tr><td>\(t.fullName)</td><td>\(t.fromCellCode)</td><td>\(t.toCellCode)</td><td>\(t.sent.vietnamese)</td></tr>"
    }
    return """
      <h2>Đảng viên chuyển sinh hoạt quá \(TransitEntry.daysToPresentLetter) ngày chưa nộp giấy giới thiệu (\(ReportPageParts.count(s.overdueTransitCount)))</h2>
      \(rows.isEmpty ? HTML("<p>Không có.</p>") : HTML("""
        <div class="table"><table><thead><tr><th>Họ và tên</th><th>Chi bộ chuyển đi</th><th>Nơi đến</th><th>Ngày chuyển</th></tr></thead>\
        <tbody>\(rows)</tbody></table></div>\(more(s.overdueTransitCount, shown: rows.count))
        """))
      """
  }

  static func more(_ total: Int, shown: Int, what: String = "trường hợp cũ nhất") -> HTML {
    total > shown ? "<p class=\"muted\">Hiện \(shown) \(what) trong \(ReportPageParts.count(total)).</p>" : .empty
  }
}
