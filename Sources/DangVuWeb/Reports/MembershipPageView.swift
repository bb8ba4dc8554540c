import DangVuCore

/// The membership report page. The table is the core's CSV rows (so the page and the download always
/// show the same figures), each figure named in Vietnamese.
enum MembershipPageView {
  static func render(_ model: MembershipPageModel) -> HTML {
    let r = model.report
    let title = "Báo cáo công tác đảng viên \(r.period.nameVi)"
    let c = r.counts
    let p = r.previous
    let previousName = r.previousPeriod.nameVi
    return Layout.page(
      title: title,
      body: """
        \(ReportPageParts.periodHead(
          title: title, scopeName: r.scopeName, scopeCode: r.scopeCode, period: r.period, action: "/bao-cao/dang-vien",
          today: model.today, picker: model.picker))
        \(summary(r))
        \(ReportPageParts.comparison(r.comparison, previousName: previousName) { ComparisonChart.render(
          title: "Phát triển đảng viên \(r.period.nameVi) so với \(previousName)", currentLabel: r.period.nameVi,
          previousLabel: previousName,
          pairs: [
            .init(label: "Kết nạp", current: c.admitted, previous: p.admitted),
            .init(label: "Công nhận chính thức", current: c.madeOfficial, previous: p.madeOfficial),
            .init(label: "Đưa ra khỏi Đảng (không đủ tư cách)", current: c.unqualifiedRemoved, previous: p.unqualifiedRemoved),
            .init(label: "Khai trừ", current: c.expelled, previous: p.expelled),
            .init(label: "Từ trần", current: c.died, previous: p.died),
            .init(label: "Chuyển đến", current: c.transfersIn, previous: p.transfersIn),
            .init(label: "Chuyển đi", current: c.transfersOut, previous: p.transfersOut),
          ]) })
        \(table(r))
        \(ReportPageParts.narrative(MembershipNarrative.text(r)))
        \(ReportPageParts.downloads { Links.membershipReport(r.period, scope: model.scopeCode, format: $0) })
        """)
  }

  static func summary(_ r: MembershipReport) -> HTML {
    var facts: [HTML] = [
      "<dt>Kết nạp</dt><dd>\(ReportPageParts.count(r.counts.admitted)) đảng viên\(r.admissionsChange.map { HTML(", \($0.vietnamese) so với cùng kỳ") } ?? .empty)</dd>"
    ]
    if let plan = r.admissionPlan {
      facts.append(
        "<dt>Kế hoạch năm</dt><dd>\(ReportPageParts.count(plan)) đảng viên; đạt \(ReportPageParts.share(r.admissionsShareOfPlan))</dd>"
      )
    }
    facts.append(
      "<dt>Đảng viên ngày \(r.period.through.vietnamese)</dt><dd>\(ReportPageParts.count(r.counts.members))\(r.shareOfPopulation.map { HTML(" (chiếm \($0.vietnamese)% dân số)") } ?? .empty)</dd>"
    )
    return "<dl class=\"facts\">\(facts)</dl>"
  }

  static func table(_ r: MembershipReport) -> HTML {
    let rows: [HTML] = MembershipReportCSV.rows(r).dropFirst().map { row in
      // tu_ngay, den_ngay, pham_vi, chi_tieu, so_lieu, cung_ky, tang_giam, ty_le
      let difference = Int(row[6])
      let change = difference.map { Change(current: $0, previous: 0).vietnamese ?? "" } ?? "–"
      return """
        <tr><th scope="row">\(label(row[3]))</th><td class="num">\(number(row[4]))</td>\
        <td class="num">\(number(row[5]))</td><td class="num">\(change)</td>\
        <td class="num">\(row[7].isEmpty ? "" : row[7].replacingOccurrences(of: ".", with: ",") + "%")</td></tr>
        """
    }
    return """
      <h2>Số liệu</h2>
      <div class="table"><table>
      <thead><tr><th>Chỉ tiêu</th><th class="num">\(r.period.nameVi.capitalisedFirstLetter)</th>\
      <th class="num">Cùng kỳ (\(r.previousPeriod.nameVi))</th><th class="num">Tăng, giảm</th><th class="num">Tỷ lệ</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>
      <p class="muted">Tỷ lệ: kết nạp so với kế hoạch năm; tổng số đảng viên so với dân số; các dòng khác so với tổng số đảng viên.</p>
      """
  }

  /// A figure of the CSV rows as printed; a blank one (no comparison) as a dash.
  static func number(_ text: String) -> String { text.isEmpty ? "–" : Int(text).map(VietnameseNumber.count) ?? text }

  /// The Vietnamese name of a figure of `MembershipReportCSV`.
  static func label(_ key: String) -> String { MembershipFigureName.of(key) }
}
