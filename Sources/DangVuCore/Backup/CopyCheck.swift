/// What is checked of a database copy before it is called a backup or put in place of the live file:
/// SQLite's own page-level check and DangVu's audit chain, with a few counts a person recognises.
public struct CopyCheck: Hashable, Sendable {
  /// The lines of `PRAGMA integrity_check`: exactly `["ok"]` for a sound file.
  public var integrity: [String]
  public var audit: AuditVerification
  public var organisations: Int
  public var members: Int
  public var schemaVersion: String

  public init(integrity: [String], audit: AuditVerification, organisations: Int, members: Int, schemaVersion: String) {
    self.integrity = integrity
    self.audit = audit
    self.organisations = organisations
    self.members = members
    self.schemaVersion = schemaVersion
  }

  public var isSound: Bool { integrity == ["ok"] && audit.isIntact }

  /// Why the copy cannot be used, in Vietnamese; empty when it can.
  public var problemsVi: [String] {
    var problems: [String] = []
    if integrity != ["ok"] {
      let shown = integrity.prefix(3).joined(separator: "; ")
      problems.append("SQLite báo tệp bị hỏng (integrity_check): \(shown)")
    }
    if let broken = audit.broken {
      problems.append("Chuỗi băm nhật ký bị phá vỡ tại mục #\(broken.sequence): \(broken.messageVi)")
    }
    return problems
  }

  /// One line for a person: what the copy holds.
  public var summaryVi: String {
    "\(organisations) tổ chức đảng, \(members) hồ sơ đảng viên, \(audit.entriesChecked) mục nhật ký "
      + "(chuỗi băm toàn vẹn), lược đồ \(schemaVersion)"
  }
}
