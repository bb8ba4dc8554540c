/// The report as CSV rows (header first): one row per line of the report, counts, shares and changes.
public enum EvaluationReportCSV {
  public static let header = [
    "nam", "pham_vi", "doi_tuong", "ten", "tong_so", "duoc_danh_gia", "chua_danh_gia", "tot_tro_len", "xuat_sac",
    "tot", "hoan_thanh", "khong_hoan_thanh", "ty_le_duoc_danh_gia", "ty_le_tot_tro_len", "ty_le_xuat_sac",
    "ty_le_hoan_thanh", "ty_le_khong_hoan_thanh", "tang_giam_tot_tro_len", "tang_giam_xuat_sac",
    "tang_giam_hoan_thanh", "tang_giam_khong_hoan_thanh",
  ]

  public static func rows(_ r: EvaluationReport) -> [[String]] {
    [header]
      + r.allLines.map { line in
        let c = line.counts
        let s = c.shares
        let changes = line.changes
        func pct(_ p: Percent?) -> String { p?.description ?? "" }
        func diff(_ key: String) -> String { changes[key]?.difference.map(String.init) ?? "" }
        return [
          String(r.year), r.scopeCode, line.subject, line.label, String(c.total), String(c.evaluated),
          String(c.notEvaluatedTotal), String(c.goodOrAbove), String(c.excellent), String(c.good), String(c.complete),
          String(c.notComplete), pct(s.evaluated), pct(s.goodOrAbove), pct(s.excellent), pct(s.complete),
          pct(s.notComplete), diff("goodOrAbove"), diff("excellent"), diff("complete"), diff("notComplete"),
        ]
      }
  }
}
