import DangVuCore

/// Changes to the tree as people make them on the web, through the API and on the command line: each one
/// checked, previewed, and written with its audit entry in the same transaction (issue 21 parts 3 and 7).
public protocol TreeEditing: Sendable {
  /// What `change` would do, checked exactly as `changeTree` checks it; nothing is written.
  func previewTreeChange(_ change: TreeChange) async throws -> TreeChangePreview

  /// Makes `change` and appends its audit entry in the same transaction: refused, nothing is written.
  @discardableResult
  func changeTree(_ change: TreeChange, by actor: AuditActor) async throws -> TreeChangePreview

  /// Founds a unit at the top of the tree (a province: the start of a database, on the command line only) with
  /// its audit entry (`organisation.add`, under the new unit) in the same transaction.
  @discardableResult
  func foundTopUnit(code: String, name: String, kind: UnitKind, on day: Day, by actor: AuditActor) async throws
    -> TreeChangePreview

  /// Every name the unit had, oldest first (one period for a unit never renamed).
  func nameHistory(ofCode code: String) async throws -> [NamePeriod]
}
