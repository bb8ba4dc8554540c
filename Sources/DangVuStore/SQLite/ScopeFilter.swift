import DangVuCore
import GRDB

/// A report's subtree as SQL: the units under a code on a day, or with no code every unit.
///
/// With `periodStart`, also the units under the code on the period's first day, so that what happened in
/// a cell dissolved during the period still counts where it happened (`periodCondition`).
///
/// The subtree is walked once, here, and handed to each query as a list of ids: a report runs a dozen
/// queries for two periods, and walking the tree in each cost more than the queries themselves.
struct ScopeFilter {
  let arguments: StatementArguments
  private let onDay: String?
  private let inPeriod: String?

  init(
    code: String?, day: Day, periodStart: Day? = nil, extra: [String: (any DatabaseValueConvertible)?] = [:],
    in db: Database
  ) throws {
    var args: [String: (any DatabaseValueConvertible)?] = ["day": day.daysSinceEpoch]
    args.merge(extra) { $1 }
    arguments = StatementArguments(args)
    guard let code else {
      onDay = nil
      inPeriod = nil
      return
    }
    _ = try SQLiteStore.requireOrganisation(code: code, in: db)
    let units = try SQLiteStore.subtreeIDs(of: code, on: day, in: db)
    onDay = units.map(String.init).joined(separator: ",")
    if let periodStart, periodStart != day {
      let either = Set(units).union(try SQLiteStore.subtreeIDs(of: code, on: periodStart, in: db))
      inPeriod = either.sorted().map(String.init).joined(separator: ",")
    } else {
      inPeriod = onDay
    }
  }

  /// "`column` is a unit of the subtree" (on the day).
  func condition(_ column: String) -> String { onDay.map { "\(column) IN (\($0))" } ?? "1" }

  /// "`column` is a unit of the subtree on the period's first or last day".
  func periodCondition(_ column: String) -> String { inPeriod.map { "\(column) IN (\($0))" } ?? "1" }
}
