import DangVuCore

extension NewAuditEntry {
  /// A change to the tree as the trail keeps it, on every engine: the unit before (nil for a new one) with the
  /// parent it had on the change's day, and the confirmed preview after.
  public static func treeChange(
    _ action: String, _ preview: TreeChangePreview, before: Organisation?, parentCodeBefore: String?,
    by actor: AuditActor
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: "organisation:\(preview.unit.code)",
      scopeCode: preview.unit.code,
      before: try before.map { try json(AuditedUnit(unit: $0, parentCode: parentCodeBefore)) },
      after: try json(preview))
  }
}

/// A unit as an audit entry keeps it before a change: its record and the parent it had that day.
private struct AuditedUnit: Encodable {
  var unit: Organisation
  var parentCode: String?
}

extension ImportAudit {
  /// The entry of an import, for an engine outside this module to append in the write's own transaction (SQLite's
  /// `append(_:in:)` takes the `ImportAudit` itself).
  public func auditEntry(scopeCode: String) throws -> NewAuditEntry { try entry(scopeCode: scopeCode) }
}
