import DangVuCore
import GRDB

/// Inspections, discipline decisions and complaints as people record them one at a time on the web, in the API and
/// with the command line: the record, its effects and its audit entry in one transaction, so a refusal by the rules
/// or an entry the trail refuses leaves everything as it was. Imports and the demo keep the batch methods.
extension SQLiteStore {
  public func recordInspection(_ inspection: Inspection, by actor: AuditActor) async throws -> Inspection {
    try await writer.write { db in
      let rollup = OversightRollup(db: db)
      let saved = try Self.insert(inspection, rollup: rollup, in: db)
      try rollup.flush()
      try Self.append(
        actor, "inspection.add", subject: "inspection:\(saved.id)", scope: saved.body.unitCode, before: nil,
        after: saved, in: db)
      return saved
    }
  }

  public func recordDiscipline(_ decision: DisciplineDecision, by actor: AuditActor) async throws
    -> DisciplineDecision
  {
    try await writer.write { db in
      let saved = try Self.insert(decision, in: db)
      try Self.append(
        actor, "discipline.add", subject: "discipline:\(saved.id)", scope: saved.decidingBody.unitCode, before: nil,
        after: saved, in: db)
      return saved
    }
  }

  public func recordComplaint(_ complaint: Complaint, by actor: AuditActor) async throws -> Complaint {
    try await writer.write { db in
      var saved = complaint
      try OversightRules.check(saved)
      let subject = try Self.resolve(saved.subject, on: saved.received, in: db)
      try Self.insert(saved, subject: subject, in: db)
      saved.id = db.lastInsertedRowID
      try Self.append(
        actor, "complaint.add", subject: "complaint:\(saved.id)",
        scope: try Self.organisation(id: subject.unitID, in: db)?.code, before: nil, after: saved, in: db)
      return saved
    }
  }

  /// Corrects an inspection: the row, and its lượt taken out of the rollup and put back as corrected (a new day,
  /// kind or organ moves them between months and groups, and re-links each subject's next lượt), so the report
  /// reads the corrected inspection at once. The old inspection stays in the audit entry.
  public func correctInspection(_ correction: InspectionCorrection, by actor: AuditActor) async throws -> Inspection {
    try await writer.write { db in
      guard let before = try Self.inspection(id: correction.inspectionID, in: db) else {
        throw DomainError(
          "inspection.unknown", "Không tìm thấy cuộc kiểm tra, giám sát số \(correction.inspectionID).")
      }
      try OversightRules.check(correction, of: before)
      let after = correction.applied(to: before)
      try db.execute(
        sql: "UPDATE inspection SET kind = ?, body_organ = ?, title = ?, started = ?, concluded = ? WHERE id = ?",
        arguments: [
          after.kind.code, after.body.organ.rawValue, after.title, after.started.daysSinceEpoch,
          after.concluded?.daysSinceEpoch, after.id,
        ])
      let rollup = OversightRollup(db: db)
      // One subject at a time, each uncounted while its row is still there: the rollup reads its neighbours.
      for row in try Row.fetchAll(
        db, sql: "SELECT rowid, is_member, subject_id FROM inspection_subject WHERE inspection_id = ?",
        arguments: [after.id])
      {
        try rollup.removed(member: row[1], subjectID: row[2], rowID: row[0])
        try db.execute(sql: "DELETE FROM inspection_subject WHERE rowid = ?", arguments: [row[0] as Int64])
      }
      try Self.insertSubjects(of: after, rollup: rollup, in: db)
      try rollup.flush()
      try Self.append(
        actor, "inspection.correct", subject: "inspection:\(after.id)", scope: after.body.unitCode, before: before,
        after: CorrectedRecord(record: after, reason: correction.reason), in: db)
      return after
    }
  }

  /// Appends the entry of an oversight write inside its transaction: the record before (nil for a new one) and after,
  /// as JSON, counted in `scope`, the unit the record belongs to.
  static func append(
    _ actor: AuditActor, _ action: String, subject: String, scope: String?, before: (any Encodable)?,
    after: any Encodable, in db: Database
  ) throws {
    _ = try append(
      NewAuditEntry(
        actorLogin: actor.login, actorRole: actor.role, action: action, subject: subject, scopeCode: scope ?? "",
        before: try before.map { try NewAuditEntry.json($0) }, after: try NewAuditEntry.json(after)), in: db)
  }
}
