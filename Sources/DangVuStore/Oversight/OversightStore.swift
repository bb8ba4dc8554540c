import DangVuCore

/// The inspection commission's records: inspections and supervisions with their subjects and findings,
/// yearly programmes, discipline decisions with appeals, complaints and denunciations, and the report.
///
/// Every method is one transaction, all or nothing. Discipline has effects on the rest of the records in
/// the same transaction: an expulsion ends the membership, a dissolution ends the unit; an appeal that
/// annuls (or changes) the decision undoes them, while the decision and the appeal both stay in the history.
public protocol OversightStore: Sendable {
  /// Records inspections or supervisions with their subjects; all or none, with an import's `audit` entry (so do
  /// the other batch writes below that take one). Returns them with ids.
  @discardableResult
  func recordInspections(_ batch: [Inspection], audit: ImportAudit?) async throws -> [Inspection]

  /// Records one inspection or supervision as `recordInspections` does, with its audit entry (`inspection.add`) in
  /// the same transaction; a refusal, or an entry the trail refuses, writes nothing.
  func recordInspection(_ inspection: Inspection, by actor: AuditActor) async throws -> Inspection

  /// Concludes a running inspection: the day, and the finding per subject (subjects not named keep theirs), with its
  /// audit entry (`inspection.conclude`, the inspection before and after) in the same transaction.
  @discardableResult
  func concludeInspection(id: Int64, on day: Day, findings: [InspectionSubject], by actor: AuditActor) async throws
    -> Inspection

  /// Corrects an inspection's kind, organ, title, days and subjects with a reason: checked as a new inspection is,
  /// its lượt re-counted so the report reads the corrected one, written with its audit entry (`inspection.correct`,
  /// the old inspection as `before`, the corrected one and the reason as `after`) in one transaction.
  func correctInspection(_ correction: InspectionCorrection, by actor: AuditActor) async throws -> Inspection

  func inspection(id: Int64) async throws -> Inspection?

  /// Sets (replaces) a body's programme for a year.
  func setProgramme(_ programme: OversightProgramme) async throws

  /// Sets a body's programme for a year with its audit entry (`programme.set`, the old one kept as `before`) in
  /// the same transaction.
  func setProgramme(_ programme: OversightProgramme, by actor: AuditActor) async throws

  /// The programme and how many of each kind the body has begun and concluded in the year up to `day`.
  func programmeProgress(body: ConductingBody, year: Int, on day: Day) async throws -> ProgrammeProgress?

  /// The violation categories, as the database holds them (seeded with `ViolationCategory.standard`).
  func violationCategories() async throws -> [ViolationCategory]

  /// Records discipline decisions, each checked by `OversightRules`, with their effects; all or none.
  @discardableResult
  func recordDiscipline(_ batch: [DisciplineDecision], audit: ImportAudit?) async throws -> [DisciplineDecision]

  /// Records one decision as `recordDiscipline` does (its effects applied) with its audit entry (`discipline.add`) in
  /// the same transaction; a refusal, or an entry the trail refuses, writes nothing.
  func recordDiscipline(_ decision: DisciplineDecision, by actor: AuditActor) async throws -> DisciplineDecision

  /// Records appeals, each settling the decision it names; effects follow the new form; all or none.
  @discardableResult
  func recordAppeals(_ batch: [Appeal], audit: ImportAudit?) async throws -> [Appeal]

  /// Records one appeal as `recordAppeals` does (effects applied or undone) with its audit entry
  /// (`discipline.appeal`, the decision's history before and after) in the same transaction; a refusal by
  /// `OversightRules` writes nothing, and neither does an entry that cannot be written.
  @discardableResult
  func recordAppeal(_ appeal: Appeal, by actor: AuditActor) async throws -> Appeal

  /// Corrects what a decision says (number, violation day, categories, self-corrected, note) with a reason: checked
  /// as a new decision is, written with its audit entry (`discipline.correct`, the old decision as `before`, the
  /// corrected one and the reason as `after`) in one transaction; the old values stay in the trail. A new number is
  /// also written into the note of the expulsion event the decision caused, which cites it.
  func correctDiscipline(_ correction: DisciplineCorrection, by actor: AuditActor) async throws -> DisciplineDecision

  /// One decision with its appeals and the unit it is counted in (for the scope check).
  func disciplineDecision(id: Int64) async throws -> (history: DisciplineHistory, unitID: Int64)?

  /// The ids of the decisions with these numbers (a number may be used by more than one body).
  func disciplineDecisionIDs(numbers: [String]) async throws -> [String: [Int64]]

  /// Every decision about the subject, oldest first, with its appeals.
  func disciplineHistory(of subject: OversightSubject) async throws -> [DisciplineHistory]

  /// Members with a decision in force decided in `year`: `true` when the unit found and fixed every one
  /// of their violations itself. What grading needs to propose a grade the rules accept.
  func disciplinedMembers(year: Int) async throws -> [Int64: Bool]

  @discardableResult
  func recordComplaints(_ batch: [Complaint], audit: ImportAudit?) async throws -> [Complaint]

  /// Records one complaint with its audit entry (`complaint.add`) in the same transaction.
  func recordComplaint(_ complaint: Complaint, by actor: AuditActor) async throws -> Complaint

  /// Marks a complaint resolved with its finding, with its audit entry (`complaint.resolve`, before and after) in the
  /// same transaction.
  @discardableResult
  func resolveComplaint(id: Int64, on day: Day, finding: Complaint.Finding, by actor: AuditActor) async throws
    -> Complaint

  /// Corrects a complaint's kind, summary, settlement day and finding with a reason: checked as a new complaint is,
  /// written with its audit entry (`complaint.correct`, the old complaint as `before`) in one transaction.
  func correctComplaint(_ correction: ComplaintCorrection, by actor: AuditActor) async throws -> Complaint

  /// One complaint or denunciation and the unit it is counted in (for the scope check).
  func complaint(id: Int64) async throws -> (complaint: Complaint, unitID: Int64)?

  /// The records of a unit's subtree in a date range, newest first, at most `limit` of each kind: what
  /// the inspection commission's pages list.
  func oversightRecords(scope code: String, from: Day, to: Day, limit: Int) async throws -> OversightRecords

  /// The report for a unit's subtree (as the tree stands on the period's last day) and period, with the
  /// same period a year earlier; with no code, everything the database holds.
  func oversightReport(period: ReportPeriod, scope code: String?) async throws -> OversightReport

  /// The day of the latest inspection or supervision lượt, discipline decision or complaint received on or before
  /// `day`, nil for none: where the oversight report page opens (`ReportPeriod.opening`).
  func lastOversightRecord(onOrBefore day: Day) async throws -> Day?
}

/// Inspections and supervisions, discipline decisions with their appeals, complaints and denunciations of
/// a subtree in a date range, with the names of their subjects for display.
public struct OversightRecords: Sendable, Codable {
  public var inspections: [Inspection]
  public var discipline: [DisciplineHistory]
  public var complaints: [Complaint]
  /// Members' names by id (as text, so JSON has an object keyed by id), units' by code.
  public var memberNames: [String: String]
  public var unitNames: [String: String]

  /// For engines outside this module.
  public init(
    inspections: [Inspection], discipline: [DisciplineHistory], complaints: [Complaint], memberNames: [String: String],
    unitNames: [String: String]
  ) {
    self.inspections = inspections
    self.discipline = discipline
    self.complaints = complaints
    self.memberNames = memberNames
    self.unitNames = unitNames
  }

  public func name(of subject: OversightSubject) -> String {
    switch subject {
    case .member(let id): memberNames[String(id)] ?? "đảng viên \(id)"
    case .unit(let code): unitNames[code] ?? code
    }
  }
}
