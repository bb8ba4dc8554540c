import DangVuCore
import DangVuStore
import PostgresNIO

/// What undoing a decision's effects needs of the tree and the register beyond their own writes: re-opening the units
/// a dissolution ended, and writing a member's spans again once the expulsion event is gone.
extension PostgresStore {
  /// Re-opens units ended on `day` (and only those still ended that day), with the parent links that day closed.
  /// Called under the tree's lock held alone (`writeDiscipline`).
  static func reopen(_ ids: [Int64], endedOn day: Day, in transaction: PostgresTransaction) async throws {
    guard !ids.isEmpty else { return }
    let d = day.daysSinceEpoch
    try await transaction.query("UPDATE organisation SET ended = NULL WHERE id = ANY(\(ids)) AND ended = \(d)")
    try await transaction.query(
      "UPDATE organisation_parent SET valid_until = NULL WHERE child_id = ANY(\(ids)) AND valid_until = \(d)")
    // Links re-opened may place cells under a province again: the monthly sums are rebuilt by the next report,
    // as after any change of the tree that moves provinces.
    try await markMemberStockStale(in: transaction)
  }

  /// Checks the member's remaining history again and rewrites the derived spans and current cell (SQLite's
  /// `rebuildSpans`), the member's row locked as the register's writes lock it.
  static func rebuildSpans(ofMember id: Int64, in transaction: PostgresTransaction) async throws {
    guard try await exists("SELECT 1 FROM member WHERE id = \(id) FOR UPDATE", in: transaction) else {
      throw MemberRules.unknownMember(id)
    }
    _ = try await rebuildSpans(ofMember: id, try await events(of: id, in: transaction), in: transaction)
    try await transaction.query("UPDATE member SET version = version + 1 WHERE id = \(id)")
  }
}
