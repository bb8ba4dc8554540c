import DangVuCore
import DangVuStore
import GRDB
import Testing

@testable import DangVuPostgres
@testable import DangVuStore

extension StoreEngine {
  /// Runs `body` on a new, empty store of this engine for the oversight's contract, closed afterwards.
  func withOversightStore(_ body: (any Parts) async throws -> Void) async throws {
    try await withNewStore { store, _ in try await body(store) }
  }

  /// The rollup as the engine keeps it and as its lượt give it (the rule both engines share), rows of 0 left out.
  static func rollupKeptAndRecounted(_ store: any Parts) async throws
    -> (kept: [OversightRollupKey: Int], recounted: [OversightRollupKey: Int])
  {
    switch store {
    case let sqlite as SQLiteStore:
      return try await sqlite.writer.read { db in
        var kept: [OversightRollupKey: Int] = [:]
        for row in try Row.fetchAll(
          db,
          sql: "SELECT month_no, group_no, is_member, previous_month_no, count FROM oversight_rollup WHERE count <> 0")
        {
          kept[OversightRollupKey(month: row[0], group: row[1], member: row[2], previous: row[3])] = row[4]
        }
        return (kept, try OversightRollup.recount(in: db).filter { $0.value != 0 })
      }
    case let postgres as PostgresStore:
      return try await postgres.read { transaction in
        (
          try await PostgresStore.keptRollup(in: transaction),
          try await PostgresStore.recountRollup(in: transaction).filter { $0.value != 0 }
        )
      }
    default:
      Issue.record("no rollup for \(type(of: store))")
      return ([:], [:])
    }
  }

  /// A period's lượt figures from the rollup, or counted from the lượt themselves, for everything in the database.
  static func visitCounts(_ store: any Parts, _ period: ReportPeriod, rollup: Bool) async throws -> OversightCounts {
    var reader = OversightCountsReader(categories: [])
    let fromMonth = OversightVisit.monthNumber(period.from)
    let throughMonth = OversightVisit.monthNumber(period.through)
    switch store {
    case let sqlite as SQLiteStore:
      reader = try await sqlite.writer.read { [reader] db in
        var reader = reader
        if rollup {
          try OversightRollup.read(into: &reader, fromMonth: fromMonth, throughMonth: throughMonth, in: db)
        } else {
          try SQLiteStore.countVisits(
            into: &reader, cte: "", source: "inspection_subject t",
            args: ["from": period.from.daysSinceEpoch, "through": period.through.daysSinceEpoch], in: db)
        }
        return reader
      }
    case let postgres as PostgresStore:
      reader = try await postgres.read { [reader] transaction in
        var reader = reader
        if rollup {
          try await PostgresStore.readRollup(
            into: &reader, fromMonth: fromMonth, throughMonth: throughMonth, in: transaction)
        } else {
          try await PostgresStore.countVisits(
            into: &reader,
            query: {
              PostgresStore.scoped(
                $0, from: period.from.daysSinceEpoch, through: period.through.daysSinceEpoch, units: nil)
            }, in: transaction)
        }
        return reader
      }
    default:
      Issue.record("no rollup for \(type(of: store))")
    }
    return reader.finish()
  }
}
