import ArgumentParser
import DangVuCore

/// The period options every report by period shares: `--period 2023-Q1`, `--term 2020-2025`, or
/// `--from D --to D`; exactly one way must be given.
struct PeriodOptions: ParsableArguments {
  @Option(help: "A quarter (2023-Q1), half year (2023-H1), nine months (2022-9M) or year (2023).")
  var period: String?
  @Option(help: "A congress term, e.g. 2020-2025 (1/1/2020 to 31/12/2024).") var term: String?
  @Option(help: "First day (dd/mm/yyyy or yyyy-mm-dd); with --to.") var from: String?
  @Option(help: "Last day, counted (dd/mm/yyyy or yyyy-mm-dd); with --from.") var to: String?
  @Option(help: "With --term: a mid-term review (sơ kết giữa nhiệm kỳ) from the term's start to this day, counted.")
  var until: String?

  func resolve() throws -> ReportPeriod {
    if let until {
      guard let term, period == nil, from == nil, to == nil else {
        throw DomainError("period.until", "--until đi cùng --term, ví dụ --term 2020-2025 --until 2023-06-30.")
      }
      guard let day = Day(parsing: until) else {
        throw DomainError("period.until", "Không đọc được ngày --until \"\(until)\".")
      }
      return try ReportPeriod(parsing: term).untilDay(day)
    }
    switch (period, term, from, to) {
    case (let p?, nil, nil, nil): return try ReportPeriod(parsing: p)
    case (nil, let t?, nil, nil):
      let period = try ReportPeriod(parsing: t)
      guard period.kind == .term else {
        throw DomainError("period.term", "--term cần hai năm, ví dụ 2020-2025, không phải \"\(t)\".")
      }
      return period
    case (nil, nil, let f?, let t?):
      guard let start = Day(parsing: f) else {
        throw DomainError("period.from", "Không đọc được ngày --from \"\(f)\".")
      }
      guard let end = Day(parsing: t) else { throw DomainError("period.to", "Không đọc được ngày --to \"\(t)\".") }
      return try .range(from: start, through: end)
    default:
      throw DomainError(
        "period.choose", "Hãy chọn đúng một kỳ báo cáo: --period, --term, hoặc cả --from và --to.")
    }
  }
}
