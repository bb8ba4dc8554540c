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
      _ = try Self.append(.inspectionAdded(saved, by: actor), in: db)
      return saved
    }
  }

  public func recordDiscipline(_ decision: DisciplineDecision, by actor: AuditActor) async throws
    -> DisciplineDecision
  {
    try await writer.write { db in
      let saved = try Self.insert(decision, in: db)
      _ = try Self.append(.disciplineAdded(saved, by: actor), in: db)
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
      _ = try Self.append(
        .complaintAdded(saved, scope: try Self.organisation(id: subject.unitID, in: db)?.code, by: actor), in: db)
      return saved
    }
  }

  /// Corrects an inspection: the row, and its lượt taken out of the rollup and put back as corrected (a new day,
  /// kind or organ moves them between months and groups, and re-links each subject's next lượt), so the report
  /// reads the corrected inspection at once. The old inspection stays in the audit entry.
  public func correctInspection(_ correction: InspectionCorrection, by actor: AuditActor) async throws -> Inspection {
    try await writer.write { db in
      guard let before = try Self.inspection(id: correction.inspectionID, in: db) else {
        throw OversightRules.unknownInspection(correction.inspectionID)
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
      _ = try Self.append(
        .inspectionCorrected(before: before, after: after, reason: correction.reason, by: actor), in: db)
      return after
    }
  }
}
