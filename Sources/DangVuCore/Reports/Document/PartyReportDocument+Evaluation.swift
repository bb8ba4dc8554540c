extension PartyReportDocument {
  /// The evaluation report of a year: the narrative and one table with a line per kind of subject.
  public static func evaluation(
    _ r: EvaluationReport, issuer: IssuingCommittee, options: PartyReportOptions
  ) -> PartyReportDocument {
    let header = [
      "Đối tượng", "Tổng số", "Được đánh giá", "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành",
      "Không hoàn thành", "Chưa đánh giá", "Tỷ lệ tốt trở lên (%)",
    ]
    let rows = r.allLines.map { line -> [String] in
      let c = line.counts
      return [
        line.label.capitalisedFirst, n(c.total), n(c.evaluated), n(c.excellent), n(c.good), n(c.complete),
        n(c.notComplete), n(c.notEvaluatedTotal), c.shares.goodOrAbove?.vietnamese ?? "–",
      ]
    }
    let table = Table(
      caption: "Biểu 1. Kết quả đánh giá, xếp loại chất lượng \(r.cycleNameVi)", header: header, rows: rows,
      note: "Tỷ lệ tốt trở lên: số hoàn thành tốt nhiệm vụ trở lên so với số được đánh giá, xếp loại.")
    return PartyReportDocument(
      issuer: issuer, options: options,
      subject: "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên \(r.cycleNameVi)",
      narrative: EvaluationNarrative.text(r), tables: [table],
      reportsTo: issuer.isProvincial ? "Ban Tổ chức Trung ương" : "Ban Tổ chức cấp ủy cấp trên")
  }

  static func n(_ value: Int) -> String { VietnameseNumber.count(value) }
}
