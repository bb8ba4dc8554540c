import DangVuCore

/// The addresses of the report pages, their downloads and the dashboard.
extension Links {
  /// Without a year, the page shows the latest year a cycle covers the subtree.
  static func evaluationReport(year: Int?, scope: String?, format: ReportFormat? = nil) -> String {
    "/bao-cao/danh-gia" + query(year.map { "nam=\($0)" }, scope, format)
  }

  /// A cycle of a term, quarter or ad hoc (366-QĐ/TW): `dot=quarter&ky=2026-Q1`.
  static func evaluationReport(_ cycle: CyclePeriod, scope: String?, format: ReportFormat? = nil) -> String {
    "/bao-cao/danh-gia"
      + query("dot=\(cycle.kind.rawValue)&ky=" + encode(cycle.code, allowed: queryAllowed), scope, format)
  }

  /// With no period, the page opens on the latest year that has records (`ReportPeriod.opening`).
  static func membershipReport(_ period: ReportPeriod?, scope: String?, format: ReportFormat? = nil) -> String {
    "/bao-cao/dang-vien" + query(period.map(periodQuery), scope, format)
  }

  static func oversightReport(_ period: ReportPeriod?, scope: String?, format: ReportFormat? = nil) -> String {
    "/bao-cao/kiem-tra" + query(period.map(periodQuery), scope, format)
  }

  /// `?` and the parts that are there: the year or period first, then the subtree and the format.
  private static func query(_ head: String?, _ scope: String?, _ format: ReportFormat? = nil) -> String {
    let query = (head.map { "&" + $0 } ?? "") + scopeQuery(scope) + formatQuery(format)
    return query.isEmpty ? "" : "?" + query.dropFirst()
  }

  static func dashboard(scope: String?) -> String {
    "/tong-quan" + query(nil, scope)
  }

  /// `ky=2023-Q1` for the named periods the pickers offer, `ky=2020-2025&den=…` for a mid-term review,
  /// `tu=…&den=…` for plain dates.
  static func periodQuery(_ period: ReportPeriod) -> String {
    if period.kind == .midTerm {
      return "ky=\(period.from.year)-\(period.termEnd ?? period.through.year + 1)&den=\(period.through.iso)"
    }
    if let text = ReportParameters.periodText(period) { return "ky=" + encode(text, allowed: queryAllowed) }
    return "tu=\(period.from.iso)&den=\(period.through.iso)"
  }

  private static func scopeQuery(_ scope: String?) -> String {
    guard let scope, !scope.isEmpty else { return "" }
    return "&to-chuc=" + encode(scope, allowed: queryAllowed)
  }

  private static func formatQuery(_ format: ReportFormat?) -> String {
    format.map { "&dinh-dang=\($0.rawValue)" } ?? ""
  }
}

/// The targets page and its forms.
extension Links {
  static func targets(scope: String?, year: Int? = nil) -> String {
    var query: [String] = []
    if let scope, !scope.isEmpty { query.append("to-chuc=" + encode(scope, allowed: queryAllowed)) }
    if let year { query.append("nam=\(year)") }
    return "/chi-tieu" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
  }

  static let targetPlans = "/chi-tieu/ke-hoach"
  static let addTarget = "/chi-tieu/them"
  static func removeTarget(_ id: Int64) -> String { "/chi-tieu/\(id)/xoa" }
}
