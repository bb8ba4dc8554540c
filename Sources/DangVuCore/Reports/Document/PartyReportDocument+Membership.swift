extension PartyReportDocument {
  /// The membership report of a period: the narrative and every figure of `MembershipReportCSV`, named.
  public static func membership(
    _ r: MembershipReport, issuer: IssuingCommittee, options: PartyReportOptions
  ) -> PartyReportDocument {
    let rows = MembershipReportCSV.rows(r).dropFirst().map { row -> [String] in
      // tu_ngay, den_ngay, pham_vi, chi_tieu, so_lieu, cung_ky, tang_giam, ty_le
      [
        MembershipFigureName.of(row[3]), number(row[4]), number(row[5]),
        Int(row[6]).flatMap { Change(current: $0, previous: 0).vietnamese } ?? "–",
        row[7].isEmpty ? "" : row[7].replacing(".", with: ",") + "%",
      ]
    }
    let table = Table(
      caption: "Biểu 1. Số liệu đảng viên \(r.period.nameVi)",
      header: [
        "Chỉ tiêu", r.period.nameVi.capitalisedFirst, "Cùng kỳ (\(r.previousPeriod.nameVi))", "Tăng, giảm", "Tỷ lệ",
      ],
      rows: Array(rows),
      note: "Tỷ lệ: kết nạp so với kế hoạch năm; tổng số đảng viên so với dân số; các dòng khác so với tổng số "
        + "đảng viên.")
    return PartyReportDocument(
      issuer: issuer, options: options,
      subject: "Kết quả công tác phát triển đảng viên và quản lý đảng viên \(r.period.nameVi)",
      narrative: MembershipNarrative.text(r), tables: [table],
      reportsTo: issuer.isProvincial ? "Ban Tổ chức Trung ương" : "Ban Tổ chức cấp ủy cấp trên")
  }

  /// A CSV count in Vietnamese digits ("62.600"); anything else as it is.
  static func number(_ text: String) -> String { Int(text).map(VietnameseNumber.count) ?? text }
}
