import DangVuCore
import GRDB

/// The audit entry of an import and of the command line's writes that belong to no one unit.
extension SQLiteStore {
  /// Appends a written import's entry inside the transaction that wrote its rows (after them, so an organisations
  /// file that founds the province is filed under it); does nothing for a write that is not an import's.
  static func append(_ audit: ImportAudit?, in db: Database) throws {
    guard let audit else { return }
    _ = try append(audit.entry(scopeCode: audit.scopeCode ?? topUnitCode(in: db)), in: db)
  }

  /// The unit an entry about no one unit is filed under (a central target, a file imported on the command line):
  /// the top of the tree as it stands, or else the first unit never placed under another. With no unit at all the
  /// write is refused: an entry under no unit could not be read on any page, and there is nothing yet it could apply
  /// to. "As it stands" is the latest state of the records (a top place not yet closed), not a date: the store reads
  /// no clock (decision 0041).
  static func topUnitCode(in db: Database) throws -> String {
    if let code = try db.cachedValue(String.self, sql: openRootSQL) ?? rootCode(in: db) { return code }
    throw TreeRules.noUnitForAudit
  }

  /// A unit at the top of the tree whose place there is not closed and which has not ended, first by code.
  private static let openRootSQL = """
    SELECT o.code FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
    WHERE p.parent_id IS NULL AND p.valid_until IS NULL AND o.ended IS NULL ORDER BY o.code LIMIT 1
    """
}
