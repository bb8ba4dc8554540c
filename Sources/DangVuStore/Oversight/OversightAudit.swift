import DangVuCore

/// The audit entries of the oversight writes people make, built once for both engines: the same actions, subjects,
/// scopes and JSON before and after on SQLite and PostgreSQL. Each is appended in the write's own transaction.
extension NewAuditEntry {
  /// An oversight write's entry: the record before (nil for a new one) and after, as JSON, counted in `scope`, the
  /// unit the record belongs to (empty when it is not known: the trail refuses it).
  public static func oversight(
    _ actor: AuditActor, _ action: String, subject: String, scope: String?, before: (any Encodable)?,
    after: any Encodable
  ) throws -> NewAuditEntry {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: action, subject: subject, scopeCode: scope ?? "",
      before: try before.map { try NewAuditEntry.json($0) }, after: try NewAuditEntry.json(after))
  }

  public static func inspectionAdded(_ saved: Inspection, by actor: AuditActor) throws -> NewAuditEntry {
    try oversight(
      actor, "inspection.add", subject: "inspection:\(saved.id)", scope: saved.body.unitCode, before: nil,
      after: saved)
  }

  public static func inspectionConcluded(before: Inspection, after: Inspection, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    try oversight(
      actor, "inspection.conclude", subject: "inspection:\(after.id)", scope: before.body.unitCode, before: before,
      after: after)
  }

  public static func inspectionCorrected(before: Inspection, after: Inspection, reason: String, by actor: AuditActor)
    throws -> NewAuditEntry
  {
    try oversight(
      actor, "inspection.correct", subject: "inspection:\(after.id)", scope: after.body.unitCode, before: before,
      after: CorrectedRecord(record: after, reason: reason))
  }

  public static func disciplineAdded(_ saved: DisciplineDecision, by actor: AuditActor) throws -> NewAuditEntry {
    try oversight(
      actor, "discipline.add", subject: "discipline:\(saved.id)", scope: saved.decidingBody.unitCode, before: nil,
      after: saved)
  }

  /// The decision's history before the appeal and after it.
  public static func disciplineAppealed(before: DisciplineHistory, saved: Appeal, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    try oversight(
      actor, "discipline.appeal", subject: "discipline:\(saved.decisionID)",
      scope: before.decision.decidingBody.unitCode, before: before,
      after: DisciplineHistory(decision: before.decision, appeals: before.appeals + [saved]))
  }

  public static func disciplineCorrected(
    before: DisciplineDecision, after: DisciplineDecision, reason: String, by actor: AuditActor
  ) throws -> NewAuditEntry {
    try oversight(
      actor, "discipline.correct", subject: "discipline:\(after.id)", scope: after.decidingBody.unitCode,
      before: before, after: CorrectedRecord(record: after, reason: reason))
  }

  /// A body's programme for a year set, the one it replaced (nil for none) kept as `before`.
  public static func programmeSet(_ programme: OversightProgramme, before: OversightProgramme?, by actor: AuditActor)
    throws
    -> NewAuditEntry
  {
    try oversight(
      actor, "programme.set",
      subject: "programme:\(programme.body.organ.rawValue):\(programme.body.unitCode):\(programme.year)",
      scope: programme.body.unitCode, before: before, after: programme)
  }

  /// A complaint's entries are counted in the unit its subject was in when it was received (`scope`).
  public static func complaintAdded(_ saved: Complaint, scope: String?, by actor: AuditActor) throws -> NewAuditEntry {
    try oversight(actor, "complaint.add", subject: "complaint:\(saved.id)", scope: scope, before: nil, after: saved)
  }

  public static func complaintResolved(before: Complaint, after: Complaint, scope: String?, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    try oversight(
      actor, "complaint.resolve", subject: "complaint:\(after.id)", scope: scope, before: before, after: after)
  }

  public static func complaintCorrected(
    before: Complaint, after: Complaint, reason: String, scope: String?, by actor: AuditActor
  ) throws -> NewAuditEntry {
    try oversight(
      actor, "complaint.correct", subject: "complaint:\(after.id)", scope: scope, before: before,
      after: CorrectedRecord(record: after, reason: reason))
  }
}

/// What a correction's audit entry keeps after: the corrected record and why.
struct CorrectedRecord<Record: Encodable>: Encodable {
  var record: Record
  var reason: String
}
