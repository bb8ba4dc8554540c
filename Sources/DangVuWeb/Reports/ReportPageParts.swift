import DangVuCore
import Foundation

/// What the three report pages share: the download links, the narrative ready to copy, the period
/// select, the date-range form, and a few lines of style for them.
enum ReportPageParts {
  static let style: HTML = """
    <style>
    form.picker{margin:.4rem 0 .8rem;padding:.5rem;background:#fff;border:1px solid #e3e3e3;border-radius:4px}
    form.picker select{font:inherit;padding:.3rem;max-width:calc(100vw - 3rem)}
    ul.downloads{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding-left:0;list-style:none}
    textarea.narrative{width:100%;min-height:14rem;font:inherit;padding:.5rem}
    svg.chart{display:block;margin:.4rem 0 1rem;background:#fff}
    svg.chart.narrow{display:none}
    @media (max-width:40rem){svg.chart.wide{display:none}svg.chart.narrow{display:block}}
    .below{color:#a50e0e;font-weight:600}
    nav.reports{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.95rem;margin-bottom:.5rem}
    </style>
    """

  /// Links between the reports and the dashboard, keeping the subtree; each report opens on its latest year.
  static func navigation(scope: String) -> HTML {
    """
    <nav class="reports" aria-label="Báo cáo">\
    <a href="\(Links.dashboard(scope: scope))">Tổng quan</a>\
    <a href="\(Links.evaluationReport(year: nil, scope: scope))">Đánh giá, xếp loại</a>\
    <a href="\(Links.membershipReport(nil, scope: scope))">Đảng viên</a>\
    <a href="\(Links.oversightReport(nil, scope: scope))">Kiểm tra, giám sát, kỷ luật</a>\
    </nav>
    """
  }

  static func downloads(_ link: (ReportFormat) -> String) -> HTML {
    var items: [HTML] = ReportFormat.allCases.map { "<li><a href=\"\(link($0))\" download>\($0.labelVi)</a></li>" }
    // Excel set up for Vietnam (comma for decimals) splits a row at semicolons, not commas.
    items.insert(
      "<li><a href=\"\(link(.csv) + "&phan-cach=%3B")\" download>Bảng số liệu (CSV, dấu chấm phẩy)</a></li>", at: 1)
    return """
      <div class="no-print"><h2>Tải về</h2><ul class="downloads">\(items)</ul>
      \(documentForm(link(.docx)))</div>
      """
  }

  /// The Word document with what the clerk decides: its number, the day of signing and who signs (each may be
  /// left blank, to fill in Word). A GET form carrying the report's own query, so the download names the same report.
  static func documentForm(_ link: String) -> HTML {
    let parts = link.split(separator: "?", maxSplits: 1)
    let pairs = parts.count > 1 ? parts[1].split(separator: "&") : []
    let hidden: [HTML] = pairs.compactMap { pair in
      let item = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
      guard item.count == 2, item[0] != "dinh-dang" else { return nil }
      return "<input type=\"hidden\" name=\"\(item[0])\" value=\"\(item[1])\">"
    }
    return """
      <form class="stacked" method="get" action="\(String(parts[0]))" id="van-ban">
      \(hidden)<input type="hidden" name="dinh-dang" value="docx">
      <label for="so">Số văn bản (để trống: điền trong Word)</label><input id="so" name="so" inputmode="numeric">
      <label for="ngay-ky">Ngày ký</label><input id="ngay-ky" name="ngay-ky" type="date">
      <label for="chuc-vu-ky">Chức vụ người ký</label><input id="chuc-vu-ky" name="chuc-vu-ky">
      <label for="nguoi-ky">Họ tên người ký</label><input id="nguoi-ky" name="nguoi-ky">
      <button type="submit">Tải văn bản Word</button>
      </form>
      """
  }

  static func narrative(_ text: String) -> HTML {
    // A textarea prints only the lines that fit its box: paper gets the paragraphs instead.
    let printed: [HTML] = text.split(separator: "\n").map { "<p class=\"narrative\">\(String($0))</p>" }
    return """
      <h2>Văn bản báo cáo</h2>
      <p class="muted no-print">Đoạn văn dự thảo theo văn phong báo cáo; chọn hết và sao chép vào văn bản.</p>
      <textarea class="narrative" readonly aria-label="Văn bản báo cáo">\(text)</textarea>
      <div class="print-only">\(printed)</div>
      """
  }

  /// The named periods a select offers: the years up to this one, each with its 9 months, half year and
  /// quarters, and the congress terms.
  static func periodChoices(today: Day) -> [ReportPeriod] {
    var choices: [ReportPeriod] = []
    for year in stride(from: today.year, through: today.year - 4, by: -1) {
      choices += [try? ReportPeriod.year(year), try? .nineMonths(year), try? .halfYear(year)].compactMap { $0 }
      choices += (1...4).reversed().compactMap { try? ReportPeriod.quarter($0, of: year) }
    }
    choices += stride(from: 2025, through: 2015, by: -5).compactMap { try? ReportPeriod.term(from: $0, to: $0 + 5) }
    return choices
  }

  static func periodSelect(_ selected: ReportPeriod, today: Day) -> HTML {
    var choices = periodChoices(today: today)
    if ReportParameters.periodText(selected) != nil && !choices.contains(selected) { choices.insert(selected, at: 0) }
    var options: [HTML] =
      ReportParameters.periodText(selected) == nil
      ? ["<option value=\"\" selected>theo ngày (\(selected.nameVi))</option>"] : []
    options += choices.map { period in
      let mark: HTML = period == selected ? " selected" : ""
      return "<option value=\"\(ReportParameters.periodText(period) ?? "")\"\(mark)>\(period.nameVi)</option>"
    }
    return "<label>Kỳ báo cáo <select name=\"ky\">\(options)</select></label>"
  }

  /// The second form: any dates, for the same subtree.
  /// The top of a period report's page: navigation, title, what it covers, and the two pickers.
  static func periodHead(
    title: String, scopeName: String, scopeCode: String, period: ReportPeriod, action: String, today: Day,
    picker: ReportScopePicker
  ) -> HTML {
    """
    \(style)\(navigation(scope: scopeCode))
    <h1>\(title)</h1>
    <p class="muted">\(scopeName) · mã \(scopeCode) · từ \(period.from.vietnamese) đến \(period.through.vietnamese)</p>
    <form class="picker" method="get" action="\(action)">
    \(periodSelect(period, today: today))
    \(picker.fields)
    <button type="submit">Xem báo cáo</button>
    </form>
    \(dateRangeForm(action: action, period: period, scope: scopeCode))
    \(midTermForm(action: action, period: period, scope: scopeCode))
    """
  }

  /// The third form: a mid-term review (sơ kết giữa nhiệm kỳ), a term up to a day inside it.
  static func midTermForm(action: String, period: ReportPeriod, scope: String) -> HTML {
    let midTerm = period.kind == .midTerm
    let terms: [HTML] = stride(from: 2025, through: 2015, by: -5).compactMap { first -> HTML? in
      guard let term = try? ReportPeriod.term(from: first, to: first + 5) else { return nil }
      let mark: HTML = midTerm && period.from == term.from ? " selected" : ""
      return "<option value=\"\(first)-\(first + 5)\"\(mark)>\(term.nameVi)</option>"
    }
    return """
      <form class="picker" method="get" action="\(action)" id="so-ket-giua-nhiem-ky">
      <input type="hidden" name="to-chuc" value="\(scope)">
      <label>Sơ kết giữa nhiệm kỳ <select name="ky">\(terms)</select></label>
      <label>đến ngày <input type="date" name="den" value="\(midTerm ? period.through.iso : "")"></label>
      <button type="submit">Xem sơ kết</button>
      </form>
      """
  }

  static func dateRangeForm(action: String, period: ReportPeriod, scope: String) -> HTML {
    let range = period.kind == .range
    return """
      <form class="picker" method="get" action="\(action)">
      <input type="hidden" name="to-chuc" value="\(scope)">
      <label>Từ ngày <input type="date" name="tu" value="\(range ? period.from.iso : "")"></label>
      <label>đến ngày <input type="date" name="den" value="\(range ? period.through.iso : "")"></label>
      <button type="submit">Xem theo ngày</button>
      </form>
      """
  }

  /// The chart against the same period a year earlier, or, where the report makes no comparison, why.
  static func comparison(_ c: ReportComparison, previousName: String, chart: () -> HTML) -> HTML {
    guard c.available else { return "<p class=\"notice\" id=\"khong-so-sanh\">\(c.reasonVi ?? "")</p>" }
    return "<h2>So với \(previousName)</h2>\n\(chart())"
  }

  static func count(_ n: Int) -> String { VietnameseNumber.count(n) }

  static func share(_ p: Percent?) -> String { p.map { "\($0.vietnamese)%" } ?? "–" }

  static func change(_ c: Change?, _ against: Change.Against = .samePeriod) -> String {
    c?.vietnamese(against) ?? "–"
  }
}
