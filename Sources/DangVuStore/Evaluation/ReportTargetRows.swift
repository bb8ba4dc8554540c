import DangVuCore

/// A stored report target read back, as SQLite's `reportTargets` reads one: a measure this build does not know or
/// years out of order are errors, never defaults. Here for PostgreSQL's evaluation report, which reads the targets'
/// table without owning it (the membership report's slice does; the two readers are to become one).
public enum ReportTargetRows {
  public static func target(
    id: Int64, measure: String, scopeCode: String?, from: Int, until: Int, low: Int, high: Int?, source: String
  ) throws -> ReportTarget {
    guard let known = ReportTarget.Measure(rawValue: measure) else {
      throw DomainError("target.unknownMeasure", "Chỉ tiêu số \(id) có loại không rõ: \(measure).")
    }
    guard from <= until else {
      throw DomainError("target.years", "Chỉ tiêu số \(id) có năm áp dụng \(from)–\(until) không hợp lệ.")
    }
    return try ReportTarget(
      id: id, measure: known, scopeCode: scopeCode, years: from...until, low: low, high: high, source: source)
  }
}
