import DangVuCore

/// The targets reports are read against (chỉ tiêu of a resolution, `ReportTarget`) and the yearly admission
/// plans, as people keep them on the web: each write audited in its own transaction.
public protocol TargetStore: Sendable {
  /// Every stored target, oldest first.
  func reportTargets() async throws -> [ReportTarget]

  /// The targets a person over the unit `code` sees on `day`: central ones, those of the units above it (which bind
  /// it), of the unit itself and of the units below it. One read, however many targets are stored.
  func reportTargets(relatedTo code: String, on day: Day) async throws -> [ReportTarget]

  /// Stores a new target (its unit must exist); returns it with its id.
  func addReportTarget(_ target: ReportTarget, by actor: AuditActor) async throws -> ReportTarget

  /// Removes a target; returns what was removed. Reports read from then on do without it.
  @discardableResult
  func removeReportTarget(id: Int64, by actor: AuditActor) async throws -> ReportTarget

  /// Sets one unit's plan for a year (replacing it), audited.
  func setAdmissionPlan(_ plan: AdmissionPlanEntry, by actor: AuditActor) async throws

  /// For the unit `code` and each unit directly below it on `day`: its own plan for `day`'s year, what it
  /// admitted from 1 January to `day`, and what the plan asks by then.
  func admissionProgress(within code: String, on day: Day) async throws -> [AdmissionProgress]
}
