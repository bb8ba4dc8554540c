import DangVuCore
import GRDB

/// A report's subtree as SQL: the units under a code on a day, or with no code every unit.
///
/// With `periodStart`, also `sub_period`: the units under the code on the period's first day or its last,
/// so that what happened in a cell dissolved during the period still counts where it happened.
struct ScopeFilter {
  let cte: String
  let arguments: StatementArguments
  private let all: Bool

  init(
    code: String?, day: Day, periodStart: Day? = nil, extra: [String: (any DatabaseValueConvertible)?] = [:],
    in db: Database
  ) throws {
    var args: [String: (any DatabaseValueConvertible)?] = ["day": day.daysSinceEpoch]
    args.merge(extra) { $1 }
    if let code {
      _ = try SQLiteStore.requireOrganisation(code: code, in: db)
      args["code"] = code
      var cte = SQLiteStore.subtreeCTE
      if let periodStart {
        args["period_start"] = periodStart.daysSinceEpoch
        cte += """
          , sub_start(id) AS (
            SELECT id FROM organisation WHERE code = :code AND founded <= :period_start
              AND (ended IS NULL OR ended > :period_start)
            UNION ALL
            SELECT p.child_id FROM organisation_parent p JOIN sub_start ON p.parent_id = sub_start.id
            WHERE p.valid_from <= :period_start AND (p.valid_until IS NULL OR p.valid_until > :period_start)),
          sub_period(id) AS (SELECT id FROM sub UNION SELECT id FROM sub_start)
          """
      }
      self.cte = cte
      all = false
    } else {
      cte = ""
      all = true
    }
    arguments = StatementArguments(args)
  }

  /// "`column` is a unit of the subtree" (on the day).
  func condition(_ column: String) -> String { all ? "1" : "\(column) IN (SELECT id FROM sub)" }

  /// Joins the span `s` an event `e` closes or opens (`match`), to place the event in a cell; with no subtree
  /// there is nothing to place, and the join is left out.
  func spanJoin(_ match: String) -> String {
    all ? "" : "JOIN member_span s ON s.member_id = e.member_id AND \(match)"
  }

  /// "`column` is a unit of the subtree at some point of the period" (needs `periodStart`).
  func periodCondition(_ column: String) -> String { all ? "1" : "\(column) IN (SELECT id FROM sub_period)" }
}
