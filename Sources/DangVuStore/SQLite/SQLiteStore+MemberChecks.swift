import DangVuCore
import GRDB

/// Checking batches of new members, on a reader or on the writer (decision 0016).
extension SQLiteStore {
  /// Checks a batch against the tree on a reader, so the writer can go on writing meanwhile.
  public func checkMembers(_ batch: [NewMember]) async throws -> CheckedMembers {
    try await writer.read { db in try Self.check(batch, cells: CellLookup(db: db)) }
  }

  public func addMembers(_ checked: CheckedMembers, audit: ImportAudit?) async throws -> [Member] {
    try await addMembers(checked.batch, bulk: nil, checked: checked, audit: audit)
  }

  /// Checks the batch (`CheckedMember.check`), keeping every unit the check read so the writer can tell whether
  /// they still hold.
  static func check(_ batch: [NewMember], cells: CellLookup) throws -> CheckedMembers {
    let members = try CheckedMember.check(batch, cell: cells.check)
    return CheckedMembers(batch: batch, members: members, units: cells.cache, kinds: cells.kinds)
  }

  /// Whether every unit a check read is still as it read it, with the same kind rules: one range read of
  /// the units (a batch's cells are mostly a district's, whose ids are close together).
  static func stillHolds(_ checked: CheckedMembers, in db: Database) throws -> Bool {
    guard try unitKinds(in: db) == checked.kinds else { return false }
    let found = checked.units.compactMapValues { $0 }
    guard found.count == checked.units.count else { return false }
    guard let low = found.keys.min(), let high = found.keys.max() else { return true }
    var matched = 0
    let rows = try Row.fetchCursor(
      db, sql: "SELECT \(organisationColumns) FROM organisation o WHERE o.id BETWEEN ? AND ?", arguments: [low, high])
    while let row = try rows.next() {
      guard let unit = found[row[0]] else { continue }
      guard organisation(row) == unit else { return false }
      matched += 1
    }
    return matched == found.count
  }
}
