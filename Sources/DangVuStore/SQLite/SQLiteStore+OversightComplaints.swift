import DangVuCore
import GRDB

/// Complaints and denunciations (khiếu nại, tố cáo).
extension SQLiteStore {
  @discardableResult
  public func recordComplaints(_ batch: [Complaint], audit: ImportAudit?) async throws -> [Complaint] {
    try await writer.write { db in
      var result: [Complaint] = []
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO complaint(kind, is_member, subject_id, unit_id, received, resolved, finding, summary)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for (index, complaint) in batch.enumerated() {
        do {
          var c = complaint
          try OversightRules.check(c)
          let subject = try Self.resolve(c.subject, on: c.received, in: db)
          try statement.execute(arguments: [
            c.kind.rawValue, subject.isMember, subject.id, subject.unitID, c.received.daysSinceEpoch,
            c.resolved?.daysSinceEpoch, c.finding?.rawValue, c.summary,
          ])
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

  public func resolveComplaint(id: Int64, on day: Day, finding: Complaint.Finding) async throws {
    try await writer.write { db in
      guard
        let row = try db.cachedRow(sql: "SELECT received, resolved, kind FROM complaint WHERE id = ?", arguments: [id])
      else { throw DomainError("complaint.unknown", "Không tìm thấy đơn khiếu nại, tố cáo số \(id).") }
      if let resolved = row[1] as Int? {
        throw DomainError(
          "complaint.alreadyResolved",
          "Đơn số \(id) đã được giải quyết ngày \(Day(daysSinceEpoch: resolved).vietnamese).")
      }
      let c = Complaint(
        kind: Complaint.Kind(rawValue: row[2]) ?? .complaint, subject: .member(0),
        received: Day(daysSinceEpoch: row[0]),
        resolved: day, finding: finding)
      try OversightRules.check(c)
      try db.execute(
        sql: "UPDATE complaint SET resolved = ?, finding = ? WHERE id = ?",
        arguments: [day.daysSinceEpoch, finding.rawValue, id])
    }
  }
}
