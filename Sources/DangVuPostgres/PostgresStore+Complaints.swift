import DangVuCore
import DangVuStore
import PostgresNIO

/// Complaints and denunciations on PostgreSQL (SQLite's `SQLiteStore+OversightComplaints.swift`). A complaint being
/// resolved or corrected is locked by its row before it is read, so two servers settling one complaint at once
/// cannot both find it open, and each correction's entry keeps what the previous one wrote.
extension PostgresStore {
  @discardableResult
  public func recordComplaints(_ batch: [Complaint], audit: ImportAudit?) async throws -> [Complaint] {
    try await writeRegister { transaction in
      let result = try await Self.each(batch) { try await Self.insert($0, in: transaction).complaint }
      try await Self.append(audit, in: transaction)
      return result
    }
  }

  public func recordComplaint(_ complaint: Complaint, by actor: AuditActor) async throws -> Complaint {
    try await writeRegister { transaction in
      let (saved, unitID) = try await Self.insert(complaint, in: transaction)
      _ = try await Self.append(
        .complaintAdded(saved, scope: try await Self.organisation(id: unitID, in: transaction)?.code, by: actor),
        in: transaction)
      return saved
    }
  }

  /// The complaint's row, counted in the unit its subject was in on the day it was received.
  static func insert(_ complaint: Complaint, in transaction: PostgresTransaction) async throws
    -> (complaint: Complaint, unitID: Int64)
  {
    var c = complaint
    try OversightRules.check(c)
    let subject = try await resolve(c.subject, on: c.received, in: transaction)
    c.id = try await transaction.rows(
      """
      INSERT INTO complaint(kind, is_member, subject_id, unit_id, received, resolved, finding, summary)
      VALUES (\(c.kind.rawValue), \(subject.isMember), \(subject.id), \(subject.unitID), \(c.received.daysSinceEpoch),
        \(c.resolved?.daysSinceEpoch), \(c.finding?.rawValue), \(c.summary))
      RETURNING id
      """, columns: ["complaint.id"]
    )[0].value(0)
    return (c, subject.unitID)
  }

  @discardableResult
  public func resolveComplaint(id: Int64, on day: Day, finding: Complaint.Finding, by actor: AuditActor) async throws
    -> Complaint
  {
    try await writeRegister { transaction in
      guard let (before, unitID) = try await Self.complaint(id: id, forUpdate: true, in: transaction) else {
        throw OversightRules.unknownComplaint(id)
      }
      let after = try OversightRules.resolving(before, on: day, finding: finding)
      try await transaction.query(
        "UPDATE complaint SET resolved = \(day.daysSinceEpoch), finding = \(finding.rawValue) WHERE id = \(id)")
      _ = try await Self.append(
        .complaintResolved(
          before: before, after: after, scope: try await Self.organisation(id: unitID, in: transaction)?.code,
          by: actor), in: transaction)
      return after
    }
  }

  public func correctComplaint(_ correction: ComplaintCorrection, by actor: AuditActor) async throws -> Complaint {
    try await writeRegister { transaction in
      guard
        let (before, unitID) = try await Self.complaint(id: correction.complaintID, forUpdate: true, in: transaction)
      else { throw OversightRules.unknownComplaint(correction.complaintID) }
      try OversightRules.check(correction, of: before)
      let after = correction.applied(to: before)
      try await transaction.query(
        """
        UPDATE complaint SET kind = \(after.kind.rawValue), summary = \(after.summary),
          resolved = \(after.resolved?.daysSinceEpoch), finding = \(after.finding?.rawValue)
        WHERE id = \(after.id)
        """)
      _ = try await Self.append(
        .complaintCorrected(
          before: before, after: after, reason: correction.reason,
          scope: try await Self.organisation(id: unitID, in: transaction)?.code, by: actor), in: transaction)
      return after
    }
  }

  public func complaint(id: Int64) async throws -> (complaint: Complaint, unitID: Int64)? {
    try await read { transaction in try await Self.complaint(id: id, in: transaction) }
  }

  static func complaint(id: Int64, forUpdate: Bool = false, in transaction: PostgresTransaction) async throws
    -> (complaint: Complaint, unitID: Int64)?
  {
    try await complaints(
      PostgresQuery(
        unsafeSQL: "SELECT \(complaintColumns) FROM complaint WHERE id = $1\(forUpdate ? " FOR UPDATE" : "")",
        binds: {
          var b = PostgresBindings()
          b.append(id)
          return b
        }()), in: transaction
    ).first
  }

  static let complaintColumns = "id, kind, is_member, subject_id, received, resolved, finding, summary, unit_id"

  /// Complaints by a query selecting `complaintColumns`, with the unit each is counted in.
  static func complaints(_ query: PostgresQuery, in transaction: PostgresTransaction) async throws
    -> [(complaint: Complaint, unitID: Int64)]
  {
    var found: [(complaint: Complaint, unitID: Int64)] = []
    for row in try await transaction.rows(
      query,
      columns: [
        "complaint.id", "complaint.kind", "complaint.is_member", "complaint.subject_id", "complaint.received",
        "complaint.resolved", "complaint.finding", "complaint.summary", "complaint.unit_id",
      ])
    {
      let complaint = Complaint(
        id: try row.value(0), kind: try StoredValue.decode(try row.value(1, as: String.self), column: "complaint.kind"),
        subject: try await subject(isMember: try row.value(2), id: try row.value(3), in: transaction),
        received: try row.day(4), resolved: try row.optionalDay(5),
        finding: try Complaint.Finding.stored(try row.optional(6)), summary: try row.value(7))
      found.append((complaint, try row.value(8)))
    }
    return found
  }
}
