extension PartyReportDocument {
  /// The oversight report of a period: the narrative and the figures of `OversightReportCSV` in three
  /// tables, as the report page groups them.
  public static func oversight(
    _ r: OversightReport, issuer: IssuingCommittee, options: PartyReportOptions
  ) -> PartyReportDocument {
    let header = [
      "Chỉ tiêu", r.periodName.capitalisedFirst, r.previousColumnVi, "Tăng, giảm", "Tỷ lệ",
    ]
    let rows = OversightReportCSV.rows(r).dropFirst()
    let sections = [
      ("Kiểm tra, giám sát", "oversight."), ("Thi hành kỷ luật", "discipline."),
      ("Giải quyết khiếu nại, tố cáo", "complaints."),
    ]
    let tables = sections.enumerated().map { index, section in
      Table(
        caption: "Biểu \(index + 1). \(section.0) \(r.periodName)", header: header,
        rows: rows.filter { $0[3].hasPrefix(section.1) }.map { row in
          // tu_ngay, den_ngay, pham_vi, chi_tieu, ky_nay, cung_ky, tang_giam, ty_le
          [
            OversightFigureName.of(row[3], categories: r.categories), number(row[4]), number(row[5]),
            r.figures[row[3]].map { $0.changeVi.isEmpty ? "–" : $0.changeVi } ?? "–",
            row[7].isEmpty ? "" : row[7] + "%",
          ]
        })
    }
    return PartyReportDocument(
      issuer: issuer, options: options,
      subject: "Kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng \(r.periodName)",
      narrative: OversightNarrative.text(r), tables: tables,
      reportsTo: issuer.isProvincial ? "Ủy ban Kiểm tra Trung ương" : "Ủy ban Kiểm tra cấp ủy cấp trên")
  }
}
