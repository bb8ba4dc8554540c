import DangVuCore

/// Targets and plans as every engine stores and audits them (`TargetStore`): the same checks on what is read back,
/// the same actions, subjects, scope codes and JSON whichever engine kept the trail (decision 0050).
extension NewAuditEntry {
  /// A target stored (`target.add`) under its unit, or the top of the tree for a central one.
  public static func targetAdded(_ saved: ReportTarget, scopeCode: String, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "target.add", subject: "target:\(saved.id ?? 0)",
      scopeCode: scopeCode, after: try json(saved))
  }

  /// A target removed (`target.remove`), what it was.
  public static func targetRemoved(_ target: ReportTarget, scopeCode: String, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "target.remove", subject: "target:\(target.id ?? 0)",
      scopeCode: scopeCode, before: try json(target))
  }

  /// A unit's plan for a year set (`plan.set`), with the figure it replaced.
  public static func planSet(_ plan: AdmissionPlanEntry, unitCode: String, before: Int?, by actor: AuditActor) throws
    -> NewAuditEntry
  {
    NewAuditEntry(
      actorLogin: actor.login, actorRole: actor.role, action: "plan.set", subject: "plan:\(unitCode):\(plan.year)",
      scopeCode: unitCode,
      before: try before.map { try json(AdmissionPlanEntry(organisationCode: unitCode, year: plan.year, planned: $0)) },
      after: try json(plan))
  }
}

extension ReportTarget {
  /// A target as stored, refused when this build does not know its measure or its years are upside down: a stored
  /// value the code does not know is an error, never a default.
  public static func stored(
    id: Int64, measure: String, scopeCode: String?, fromYear: Int, untilYear: Int, low: Int, high: Int?,
    source: String
  ) throws -> ReportTarget {
    guard let known = ReportTarget.Measure(rawValue: measure) else {
      throw DomainError("target.unknownMeasure", "Chỉ tiêu số \(id) có loại không rõ: \(measure).")
    }
    guard fromYear <= untilYear else {
      throw DomainError("target.years", "Chỉ tiêu số \(id) có năm áp dụng \(fromYear)–\(untilYear) không hợp lệ.")
    }
    return try ReportTarget(
      id: id, measure: known, scopeCode: scopeCode, years: fromYear...untilYear, low: low, high: high, source: source)
  }

  public static func notFound(_ id: Int64) -> DomainError {
    DomainError("target.notFound", "Không có chỉ tiêu số \(id).")
  }
}
