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
  /// the top of the tree today, or else the first unit never placed under another. With no unit at all the write
  /// is refused: an entry under no unit could not be read on any page, and there is nothing yet it could apply to.
  static func topUnitCode(in db: Database) throws -> String {
    if let code = try roots(on: .today, in: db).first?.code ?? rootCode(in: db) { return code }
    throw TreeRules.noUnitForAudit
  }
}
