import DangVuCore

/// The oversight report page: every figure of the core's CSV rows, grouped into inspection and
/// supervision, discipline, and complaints, each against the same period a year earlier.
enum OversightPageView {
  static func render(_ model: OversightPageModel) -> HTML {
    let r = model.report
    let title = "Báo cáo công tác kiểm tra, giám sát và thi hành kỷ luật đảng \(r.periodName)"
    let previousName = r.previousPeriod.nameVi
    let rows = OversightReportCSV.rows(r).dropFirst()
    func section(_ heading: String, _ prefix: String) -> HTML {
      table(heading, rows.filter { $0[3].hasPrefix(prefix) }, r)
    }
    return Layout.page(
      title: title,
      body: """
        \(ReportPageParts.periodHead(
          title: title, scopeName: r.scopeName, scopeCode: r.scopeCode, period: r.period, action: "/bao-cao/kiem-tra",
          today: model.today, picker: model.picker))
        \(ReportPageParts.comparison(r.comparison, previousName: previousName) { ComparisonChart.render(
          title: "Kiểm tra, giám sát và kỷ luật \(r.periodName) so với \(previousName)", currentLabel: r.periodName,
          previousLabel: previousName,
          pairs: [
            pair("Kiểm tra tổ chức đảng (lượt)", "oversight.inspection.units", r),
            pair("Kiểm tra đảng viên (lượt)", "oversight.inspection.members", r),
            pair("Giám sát tổ chức đảng (lượt)", "oversight.supervision.units", r),
            pair("Giám sát đảng viên (lượt)", "oversight.supervision.members", r),
            pair("Tổ chức đảng bị kỷ luật", "discipline.units", r),
            pair("Đảng viên bị kỷ luật", "discipline.members", r),
            pair("Đơn khiếu nại, tố cáo nhận được", "complaints.all.received", r),
          ]) })
        \(kindByBody(r))
        \(section("Kiểm tra, giám sát", "oversight."))
        \(section("Thi hành kỷ luật", "discipline."))
        \(section("Giải quyết khiếu nại, tố cáo", "complaints."))
        \(ReportPageParts.narrative(OversightNarrative.text(r)))
        \(ReportPageParts.downloads { Links.oversightReport(r.period, scope: model.scopeCode, format: $0) })
        """)
  }

  /// Every kind by conducting body, as the term summaries give them: for the committees and for the commissions,
  /// units and members in lượt and as distinct subjects, each body's total last. A kind neither body ran is left out.
  static func kindByBody(_ r: OversightReport) -> HTML {
    let organs = ConductingBody.Organ.allCases
    let measures = ["units", "unitsDistinct", "members", "membersDistinct"]
    func cells(_ group: (ConductingBody.Organ) -> String) -> HTML {
      let cells: [HTML] = organs.flatMap { organ in
        measures.map { "<td class=\"num\">\(ReportPageParts.count(r["oversight.\(group(organ)).\($0)"]))</td>" }
      }
      return "\(cells)"
    }
    let kinds = OversightKind.allCases.filter { kind in
      organs.contains { organ in
        measures.contains { r["oversight.\(OversightCounts.kindByBodyKey(kind: kind, organ: organ)).\($0)"] > 0 }
      }
    }
    var rows: [HTML] = kinds.map { kind in
      "<tr><th scope=\"row\">\(kind.nameVi.capitalisedFirstLetter)</th>\(cells { OversightCounts.kindByBodyKey(kind: kind, organ: $0) })</tr>"
    }
    rows.append("<tr class=\"total\"><th scope=\"row\">Cộng</th>\(cells { "body.\($0.rawValue)" })</tr>")
    let bodies: [HTML] = organs.map { "<th colspan=\"4\" scope=\"colgroup\">\($0.nameVi.capitalisedFirstLetter)</th>" }
    let heads: [HTML] = organs.flatMap { _ in
      ["Tổ chức (lượt)", "Tổ chức", "Đảng viên (lượt)", "Đảng viên"].map {
        "<th class=\"num\" scope=\"col\">\($0)</th>"
      }
    }
    return """
      <h2 id="theo-chu-the">Theo loại và chủ thể tiến hành</h2>
      <div class="table"><table class="kind-by-body">
      <thead><tr><th rowspan="2" scope="col">Loại</th>\(bodies)</tr><tr>\(heads)</tr></thead>
      <tbody>\(rows)</tbody></table></div>
      """
  }

  static func pair(_ label: String, _ key: String, _ r: OversightReport) -> ComparisonChart.Pair {
    let change = r.change(key)
    return .init(label: label, current: change.current, previous: change.previous ?? 0)
  }

  static func table(_ heading: String, _ rows: [[String]], _ r: OversightReport) -> HTML {
    let lines: [HTML] = rows.map { row in
      // tu_ngay, den_ngay, pham_vi, chi_tieu, ky_nay, cung_ky, tang_giam, ty_le
      let figure = r.figures[row[3]]
      return """
        <tr><th scope="row">\(label(row[3], categories: r.categories))</th>\
        <td class="num">\(MembershipPageView.number(row[4]))</td><td class="num">\(MembershipPageView.number(row[5]))</td>\
        <td class="num">\(figure.map { $0.changeVi.isEmpty ? "–" : $0.changeVi } ?? "–")</td><td class="num">\(row[7].isEmpty ? "" : row[7] + "%")</td></tr>
        """
    }
    return """
      <h2>\(heading)</h2>
      <div class="table"><table>
      <thead><tr><th>Chỉ tiêu</th><th class="num">\(r.periodName.capitalisedFirstLetter)</th>\
      <th class="num">\(r.previousColumnVi)</th><th class="num">Tăng, giảm</th><th class="num">Tỷ lệ</th></tr></thead>
      <tbody>\(lines)</tbody></table></div>
      """
  }

  /// The Vietnamese name of a figure key of `OversightCounts`.
  static func label(_ key: String, categories: [ViolationCategory]) -> String {
    OversightFigureName.of(key, categories: categories)
  }
}
