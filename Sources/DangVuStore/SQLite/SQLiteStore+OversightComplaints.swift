import DangVuCore
import GRDB

/// Complaints and denunciations (khiếu nại, tố cáo).
extension SQLiteStore {
  @discardableResult
  public func recordComplaints(_ batch: [Complaint], audit: ImportAudit?) async throws -> [Complaint] {
    try await writer.write { db in
      var result: [Complaint] = []
      for (index, complaint) in batch.enumerated() {
        do {
          var c = complaint
          try OversightRules.check(c)
          try Self.insert(c, subject: try Self.resolve(c.subject, on: c.received, in: db), in: db)
          c.id = db.lastInsertedRowID
          result.append(c)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try Self.append(audit, in: db)
      return result
    }
  }

  /// The complaint's row, counted in the unit its subject was in on the day it was received.
  static func insert(_ c: Complaint, subject: ResolvedSubject, in db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO complaint(kind, is_member, subject_id, unit_id, received, resolved, finding, summary)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      c.kind.rawValue, subject.isMember, subject.id, subject.unitID, c.received.daysSinceEpoch,
      c.resolved?.daysSinceEpoch, c.finding?.rawValue, c.summary,
    ])
  }

  public func resolveComplaint(id: Int64, on day: Day, finding: Complaint.Finding, by actor: AuditActor) async throws
    -> Complaint
  {
    try await writer.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.complaintColumns) FROM complaint WHERE id = ?", arguments: [id])
      else { throw OversightRules.unknownComplaint(id) }
      let before = try Self.complaint(row, in: db)
      let after = try OversightRules.resolving(before, on: day, finding: finding)
      try db.execute(
        sql: "UPDATE complaint SET resolved = ?, finding = ? WHERE id = ?",
        arguments: [day.daysSinceEpoch, finding.rawValue, id])
      _ = try Self.append(
        .complaintResolved(
          before: before, after: after, scope: try Self.organisation(id: row[8], in: db)?.code, by: actor), in: db)
      return after
    }
  }
}
