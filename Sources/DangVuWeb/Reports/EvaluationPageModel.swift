import DangVuCore
import DangVuStore

/// The evaluation report of a subtree and year, with the years before it for the trend.
struct EvaluationPageModel: Sendable {
  var year: Int
  var scopeCode: String
  /// Nil when no evaluation cycle covers the subtree that year.
  var report: EvaluationReport?
  /// This year and up to four before it that had a cycle, oldest first.
  var trend: [TrendChart.Point]
  var picker: ReportScopePicker
  /// Where the subtree's grades stand in the workflow: the report counts every recorded grade, and says how
  /// many of them the level above has approved.
  var approval: GradingProgressRow?
  /// The cycles of a term, quarter or ad hoc that cover the subtree, to open from the page.
  var cycles: [EvaluationCycle] = []

  /// How many years the trend looks back: each is one more report, a few rollup reads.
  static let trendYears = 4

  /// The subtree's report for `year`, or for the latest year a cycle covers it when none is asked.
  static func load(
    store: any ReportingStore, access: Access, scopeCode: String, year asked: Int?, today: Day
  ) async throws -> EvaluationPageModel {
    let year: Int
    if let asked {
      year = asked
    } else {
      year = try await latestYear(store: store, scopeCode: scopeCode, today: today) ?? today.year - 1
    }
    let report = try await report(store: store, scopeCode: scopeCode, year: year)
    var trend: [TrendChart.Point] = []
    if let report {
      for earlier in (year - trendYears)..<year {
        if let past = try await self.report(store: store, scopeCode: scopeCode, year: earlier) {
          trend.append(.init(year: earlier, members: past.members.counts, organisations: past.organisations.counts))
        }
      }
      trend.append(.init(year: year, members: report.members.counts, organisations: report.organisations.counts))
    }
    let picker = try await ReportScopePicker.load(
      access: access, store: store, selected: scopeCode, selectedName: report?.scopeName ?? scopeCode,
      on: min(today, Day.lastDay(ofYear: year)))
    var model = EvaluationPageModel(year: year, scopeCode: scopeCode, report: report, trend: trend, picker: picker)
    model.cycles = try await store.cyclesCovering(code: scopeCode)
    if report != nil {
      model.approval = try await store.gradingProgress(of: scopeCode, year: year, unitsBelow: false).unit
    }
    return model
  }

  /// The report of a year with a cycle; nil for a year without one (rather than the store's refusal).
  static func report(store: any EvaluationStore & CycleEvaluationStore, scopeCode: String, year: Int) async throws
    -> EvaluationReport?
  {
    guard try await store.cycleCovering(code: scopeCode, year: year) != nil else { return nil }
    return try await store.evaluationReport(year: year, scope: scopeCode)
  }

  /// The most recent year, up to six back, whose cycle covers the subtree.
  static func latestYear(store: any EvaluationStore & CycleEvaluationStore, scopeCode: String, today: Day) async throws
    -> Int?
  {
    for year in stride(from: today.year, through: today.year - 6, by: -1)
    where try await store.cycleCovering(code: scopeCode, year: year) != nil {
      return year
    }
    return nil
  }
}
