import DangVuCore

/// The one audit entry a written import leaves (`import.file`): who imported which file (its name and SHA-256) and
/// how many rows. The store appends it inside the transaction that writes the file's rows, so the rows and their
/// entry are committed together or not at all (docs/decisions/0034-every-import-audited-with-its-rows.md).
public struct ImportAudit: Hashable, Sendable {
  public var actor: AuditActor
  public var kind: ImportFileKind
  public var fileName: String
  /// SHA-256 of the file's bytes, hex (`AuditChain.sha256Hex`).
  public var sha256: String
  /// Rows written; the import sets it once it has counted them.
  public var rows: Int
  /// The importer's subtree; nil (the command line, which may import anywhere) files the entry under the top of
  /// the tree as it stands once the rows are written, so an organisations file that founds the province has one.
  public var scopeCode: String?

  public init(
    actor: AuditActor, kind: ImportFileKind, fileName: String, sha256: String, rows: Int = 0,
    scopeCode: String? = nil
  ) {
    self.actor = actor
    self.kind = kind
    self.fileName = fileName
    self.sha256 = sha256
    self.rows = rows
    self.scopeCode = scopeCode
  }

  /// The entry as the trail keeps it, under `scopeCode`.
  func entry(scopeCode: String) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "import.file", subject: "file:\(fileName)",
      scopeCode: scopeCode,
      after: try NewAuditEntry.json(Record(kind: kind.rawValue, file: fileName, sha256: sha256, rows: rows)))
  }

  /// What the trail keeps of an import.
  private struct Record: Encodable {
    var kind: String
    var file: String
    var sha256: String
    var rows: Int
  }
}
