/// The oversight report as CSV rows (header first): one row per figure, sorted by key, with the same
/// period a year earlier, the change (both blank when the report makes no comparison) and the whole-percent
/// share where the report gives one.
public enum OversightReportCSV {
  public static let header = ["tu_ngay", "den_ngay", "pham_vi", "chi_tieu", "ky_nay", "cung_ky", "tang_giam", "ty_le"]

  public static func rows(_ r: OversightReport) -> [[String]] {
    [header]
      + r.figures.keys.sorted().map { key in
        let f = r.figures[key]!
        return [
          r.period.from.iso, r.period.through.iso, r.scopeCode, key, String(f.current),
          f.previous.map(String.init) ?? "", f.difference.map(String.init) ?? "", r.sharesVi[key] ?? "",
        ]
      }
  }
}
