import DangVuCore
import DangVuStore
import GRDB
import Testing

@testable import DangVuPostgres
@testable import DangVuStore

extension StoreEngine {
  /// Runs `body` on a new, empty store of this engine for the membership report's and the targets' contract, with a
  /// look at the register's monthly sums behind the store's back, closed afterwards.
  func withMembershipStore(_ body: (any Parts, MemberStockProbe) async throws -> Void) async throws {
    try await withNewStore { store, _ in try await body(store, MemberStockProbe(store: store)) }
  }
}

/// The register's monthly sums of a store, either engine: what they say, what a scan of the spans says, whether they
/// are stale.
struct MemberStockProbe: Sendable {
  let store: any StoreEngine.Parts

  /// The register on `day` counted from the spans.
  func scan(_ code: String?, _ day: Day) async throws -> [String: Int] {
    var counts = MembershipCounts()
    switch store {
    case let sqlite as SQLiteStore:
      let sums = try await sqlite.writer.read { db in
        let scope = try ScopeFilter(code: code, day: day, extra: ["through": day.daysSinceEpoch], in: db)
        return try SQLiteStore.stockByScan(scope, on: day, in: db)
      }
      MemberStock.apply(sums, on: day, to: &counts)
    case let postgres as PostgresStore:
      let sums = try await postgres.read { transaction in
        try await PostgresStore.stockByScan(
          try await PostgresScope(code: code, day: day, in: transaction), on: day, in: transaction)
      }
      MemberStock.apply(sums, on: day, to: &counts)
    default:
      Issue.record("no sums for \(type(of: store))")
    }
    return Self.flatten(counts)
  }

  /// The register on `day` from the kept sums, rebuilt first if stale; nil where they do not answer.
  func rollup(_ code: String?, _ day: Day) async throws -> [String: Int]? {
    try await store.prepareMembershipReports()
    let sums: [String: Int]?
    switch store {
    case let sqlite as SQLiteStore:
      sums = try await sqlite.writer.read { db in try MemberStockRollup.sums(scope: code, on: day, in: db) }
    case let postgres as PostgresStore:
      sums = try await postgres.read { transaction in
        try await PostgresStore.memberStockSums(scope: code, on: day, in: transaction)
      }
    default:
      Issue.record("no sums for \(type(of: store))")
      return nil
    }
    guard let sums else { return nil }
    var counts = MembershipCounts()
    MemberStock.apply(sums, on: day, to: &counts)
    return Self.flatten(counts)
  }

  func isStale() async throws -> Bool {
    switch store {
    case let sqlite as SQLiteStore:
      return try await sqlite.writer.read { try MemberStockRollup.isStale($0) }
    case let postgres as PostgresStore:
      return try await postgres.read { transaction in
        try await transaction.rows(
          "SELECT stale FROM member_stock_state WHERE id = 1", columns: ["member_stock_state.stale"]
        ).first?.value(0, as: Int.self) != 0
      }
    default:
      Issue.record("no sums for \(type(of: store))")
      return true
    }
  }

  static func flatten(_ c: MembershipCounts) -> [String: Int] {
    var out = [
      "probationary": c.probationary, "official": c.official, "exempt": c.exempt, "inTransit": c.inTransit,
      "women": c.structure.women, "minority": c.structure.ethnicMinority, "religious": c.structure.religious,
      "ageTotal": c.structure.ageTotal,
    ]
    for (k, v) in c.structure.ageBands { out["age " + k] = v }
    for (k, v) in c.structure.education { out["edu " + k] = v }
    return out.filter { $0.value != 0 }
  }
}
