import DangVuCore
import DangVuStore
import Foundation

/// A `PartyStore` and nothing more, every method forwarded to an SQLite store: what an engine without SQLite's
/// `BulkLoading` looks like to the code above the store (decision 0039). The importer must work through it with
/// the ordinary methods alone. Not a mock: every answer is SQLite's own.
///
/// One line per requirement of `PartyStore` and the protocols it refines; a requirement added to them is added
/// here too (the compiler says which).
struct PartyStoreOnly: PartyStore {
  let base: SQLiteStore

  func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day) async throws -> EvaluationCycle {
    try await base.openEvaluationCycle(scope: code, year: year, evaluationDate: evaluationDate)
  }
  func openEvaluationCycle(scope code: String, year: Int, evaluationDate: Day, by actor: AuditActor) async throws
    -> EvaluationCycle
  { try await base.openEvaluationCycle(scope: code, year: year, evaluationDate: evaluationDate, by: actor) }
  func evaluationCycle(scope code: String, year: Int) async throws -> EvaluationCycle? {
    try await base.evaluationCycle(scope: code, year: year)
  }
  func cycleCovering(code: String, year: Int) async throws -> EvaluationCycle? {
    try await base.cycleCovering(code: code, year: year)
  }
  func addLeadershipCollectives(_ batch: [NewLeadershipCollective]) async throws -> [LeadershipCollective] {
    try await base.addLeadershipCollectives(batch)
  }
  func recordGrades(_ entries: [GradeEntry], year: Int, audit: ImportAudit?) async throws -> [RecordedGrade] {
    try await base.recordGrades(entries, year: year, audit: audit)
  }
  func recordGrades(_ entries: [GradeEntry], year: Int, unit: String?, by actor: AuditActor) async throws
    -> [RecordedGrade]
  { try await base.recordGrades(entries, year: year, unit: unit, by: actor) }
  func advanceGrades(of code: String, year: Int, to action: GradeWorkflowAction, by actor: AuditActor, reason: String)
    async throws -> Int
  { try await base.advanceGrades(of: code, year: year, to: action, by: actor, reason: reason) }
  func gradingProgress(of code: String, year: Int, unitsBelow: Bool) async throws -> GradingProgress {
    try await base.gradingProgress(of: code, year: year, unitsBelow: unitsBelow)
  }
  func grades(of code: String, year: Int) async throws -> [RecordedGrade] {
    try await base.grades(of: code, year: year)
  }
  func grades(of subjects: [GradedSubject], year: Int, cycleOf code: String) async throws -> [RecordedGrade] {
    try await base.grades(of: subjects, year: year, cycleOf: code)
  }
  func evaluationReport(year: Int, scope code: String?) async throws -> EvaluationReport {
    try await base.evaluationReport(year: year, scope: code)
  }
  func openEvaluationCycle(scope code: String, _ cycle: CyclePeriod, evaluationDate: Day, by actor: AuditActor)
    async throws -> EvaluationCycle
  { try await base.openEvaluationCycle(scope: code, cycle, evaluationDate: evaluationDate, by: actor) }
  func cycleCovering(code: String, _ cycle: CyclePeriod) async throws -> EvaluationCycle? {
    try await base.cycleCovering(code: code, cycle)
  }
  func cyclesCovering(code: String) async throws -> [EvaluationCycle] { try await base.cyclesCovering(code: code) }
  func recordScoredGrades(
    _ entries: [ScoredGradeEntry], in cycle: CyclePeriod, scope code: String, by actor: AuditActor
  ) async throws -> [RecordedGrade] { try await base.recordScoredGrades(entries, in: cycle, scope: code, by: actor) }
  func grades(of code: String, in cycle: CyclePeriod) async throws -> [RecordedGrade] {
    try await base.grades(of: code, in: cycle)
  }
  func evaluationReport(_ cycle: CyclePeriod, scope code: String) async throws -> EvaluationReport {
    try await base.evaluationReport(cycle, scope: code)
  }
  func setAdmissionPlans(_ plans: [AdmissionPlanEntry]) async throws { try await base.setAdmissionPlans(plans) }
  func prepareMembershipReports() async throws { try await base.prepareMembershipReports() }
  func admissionPlan(of code: String, year: Int) async throws -> Int? {
    try await base.admissionPlan(of: code, year: year)
  }
  func recordAdmission(_ admission: Admission) async throws { try await base.recordAdmission(admission) }
  func admission(ofMember id: Int64) async throws -> Admission? { try await base.admission(ofMember: id) }
  func overdueProbations(within code: String?, on day: Day) async throws -> [ProbationEntry] {
    try await base.overdueProbations(within: code, on: day)
  }
  func membersInTransit(within code: String?, on day: Day) async throws -> [TransitEntry] {
    try await base.membersInTransit(within: code, on: day)
  }
  func membershipCounts(scope code: String?, period: ReportPeriod) async throws -> MembershipCounts {
    try await base.membershipCounts(scope: code, period: period)
  }
  func membershipReport(scope code: String?, period: ReportPeriod) async throws -> MembershipReport {
    try await base.membershipReport(scope: code, period: period)
  }
  func lastMembershipRecord(onOrBefore day: Day) async throws -> Day? {
    try await base.lastMembershipRecord(onOrBefore: day)
  }
  func recordInspections(_ batch: [Inspection], audit: ImportAudit?) async throws -> [Inspection] {
    try await base.recordInspections(batch, audit: audit)
  }
  func recordInspection(_ inspection: Inspection, by actor: AuditActor) async throws -> Inspection {
    try await base.recordInspection(inspection, by: actor)
  }
  func concludeInspection(id: Int64, on day: Day, findings: [InspectionSubject], by actor: AuditActor) async throws
    -> Inspection
  { try await base.concludeInspection(id: id, on: day, findings: findings, by: actor) }
  func correctInspection(_ correction: InspectionCorrection, by actor: AuditActor) async throws -> Inspection {
    try await base.correctInspection(correction, by: actor)
  }
  func inspection(id: Int64) async throws -> Inspection? { try await base.inspection(id: id) }
  func setProgramme(_ programme: OversightProgramme) async throws { try await base.setProgramme(programme) }
  func setProgramme(_ programme: OversightProgramme, by actor: AuditActor) async throws {
    try await base.setProgramme(programme, by: actor)
  }
  func programmeProgress(body: ConductingBody, year: Int, on day: Day) async throws -> ProgrammeProgress? {
    try await base.programmeProgress(body: body, year: year, on: day)
  }
  func violationCategories() async throws -> [ViolationCategory] { try await base.violationCategories() }
  func recordDiscipline(_ batch: [DisciplineDecision], audit: ImportAudit?) async throws -> [DisciplineDecision] {
    try await base.recordDiscipline(batch, audit: audit)
  }
  func recordDiscipline(_ decision: DisciplineDecision, by actor: AuditActor) async throws -> DisciplineDecision {
    try await base.recordDiscipline(decision, by: actor)
  }
  func recordAppeals(_ batch: [Appeal], audit: ImportAudit?) async throws -> [Appeal] {
    try await base.recordAppeals(batch, audit: audit)
  }
  func recordAppeal(_ appeal: Appeal, by actor: AuditActor) async throws -> Appeal {
    try await base.recordAppeal(appeal, by: actor)
  }
  func correctDiscipline(_ correction: DisciplineCorrection, by actor: AuditActor) async throws -> DisciplineDecision {
    try await base.correctDiscipline(correction, by: actor)
  }
  func disciplineDecision(id: Int64) async throws -> (history: DisciplineHistory, unitID: Int64)? {
    try await base.disciplineDecision(id: id)
  }
  func disciplineDecisionIDs(numbers: [String]) async throws -> [String: [Int64]] {
    try await base.disciplineDecisionIDs(numbers: numbers)
  }
  func disciplineHistory(of subject: OversightSubject) async throws -> [DisciplineHistory] {
    try await base.disciplineHistory(of: subject)
  }
  func disciplinedMembers(year: Int) async throws -> [Int64: Bool] { try await base.disciplinedMembers(year: year) }
  func recordComplaints(_ batch: [Complaint], audit: ImportAudit?) async throws -> [Complaint] {
    try await base.recordComplaints(batch, audit: audit)
  }
  func recordComplaint(_ complaint: Complaint, by actor: AuditActor) async throws -> Complaint {
    try await base.recordComplaint(complaint, by: actor)
  }
  func resolveComplaint(id: Int64, on day: Day, finding: Complaint.Finding, by actor: AuditActor) async throws
    -> Complaint
  { try await base.resolveComplaint(id: id, on: day, finding: finding, by: actor) }
  func correctComplaint(_ correction: ComplaintCorrection, by actor: AuditActor) async throws -> Complaint {
    try await base.correctComplaint(correction, by: actor)
  }
  func complaint(id: Int64) async throws -> (complaint: Complaint, unitID: Int64)? { try await base.complaint(id: id) }
  func oversightRecords(scope code: String, from: Day, to: Day, limit: Int) async throws -> OversightRecords {
    try await base.oversightRecords(scope: code, from: from, to: to, limit: limit)
  }
  func oversightReport(period: ReportPeriod, scope code: String?) async throws -> OversightReport {
    try await base.oversightReport(period: period, scope: code)
  }
  func lastOversightRecord(onOrBefore day: Day) async throws -> Day? {
    try await base.lastOversightRecord(onOrBefore: day)
  }
  func addAccount(_ account: NewAccount, password: String, cost: UInt8, by actor: AuditActor?) async throws -> Account {
    try await base.addAccount(account, password: password, cost: cost, by: actor)
  }
  func accounts() async throws -> [Account] { try await base.accounts() }
  func account(login: String) async throws -> Account? { try await base.account(login: login) }
  func setPassword(login: String, password: String, cost: UInt8, by actor: AuditActor, at time: Date) async throws {
    try await base.setPassword(login: login, password: password, cost: cost, by: actor, at: time)
  }
  func setRole(login: String, role: Role, scopeCode: String, memberID: Int64?, by actor: AuditActor?) async throws {
    try await base.setRole(login: login, role: role, scopeCode: scopeCode, memberID: memberID, by: actor)
  }
  func setDisabled(login: String, _ disabled: Bool, by actor: AuditActor?) async throws {
    try await base.setDisabled(login: login, disabled, by: actor)
  }
  func signIn(login: String, password: String, from address: String, at time: Date) async throws -> SignInOutcome {
    try await base.signIn(login: login, password: password, from: address, at: time)
  }
  func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens {
    try await base.openSession(accountID: accountID, at: time)
  }
  func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)? {
    try await base.session(token: token, at: time)
  }
  func closeSession(token: String) async throws { try await base.closeSession(token: token) }
  func issueAPIToken(_ new: NewAPIToken, by actor: AuditActor, at time: Date) async throws -> IssuedAPIToken {
    try await base.issueAPIToken(new, by: actor, at: time)
  }
  func apiTokens(ownedBy accountID: Int64?, within rootCode: String?, on today: Day) async throws -> [APIToken] {
    try await base.apiTokens(ownedBy: accountID, within: rootCode, on: today)
  }
  func apiToken(id: Int64) async throws -> APIToken? { try await base.apiToken(id: id) }
  func revokeAPIToken(id: Int64, by actor: AuditActor, at time: Date) async throws -> APIToken {
    try await base.revokeAPIToken(id: id, by: actor, at: time)
  }
  func checkAPIToken(_ secret: String, at time: Date) async throws -> APITokenCheck {
    try await base.checkAPIToken(secret, at: time)
  }
  func unitsBelow(_ code: String, levels: Int, on day: Day) async throws -> [UnitBelow] {
    try await base.unitsBelow(code, levels: levels, on: day)
  }
  func evaluationCountsBelow(_ code: String, levels: Int, year: Int) async throws -> [UnitGradeCounts] {
    try await base.evaluationCountsBelow(code, levels: levels, year: year)
  }
  func pendingOversightCases(within code: String, on day: Day, limit: Int) async throws -> PendingOversightCases {
    try await base.pendingOversightCases(within: code, on: day, limit: limit)
  }
  func appendAudit(_ new: NewAuditEntry) async throws -> AuditEntry { try await base.appendAudit(new) }
  func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] { try await base.auditEntries(filter) }
  func verifyAuditChain() async throws -> AuditVerification { try await base.verifyAuditChain() }
  func auditHash(at sequence: Int64) async throws -> String? { try await base.auditHash(at: sequence) }
  func memberWithVersion(id: Int64) async throws -> VersionedMember? { try await base.memberWithVersion(id: id) }
  func memberRecord(id: Int64, within rootCode: String?, on today: Day) async throws -> MemberRecord? {
    try await base.memberRecord(id: id, within: rootCode, on: today)
  }
  func createMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await base.createMember(new, by: actor)
  }
  func updateMember(_ member: Member, expectedVersion: Int, by actor: AuditActor) async throws -> VersionedMember {
    try await base.updateMember(member, expectedVersion: expectedVersion, by: actor)
  }
  func cellGrades(code: String, year: Int) async throws -> CellGradeSheet {
    try await base.cellGrades(code: code, year: year)
  }
  func gradeCell(code: String, year: Int, entries: [CellGradeInput], expectedVersion: Int, by actor: AuditActor)
    async throws -> CellGradeSheet
  { try await base.gradeCell(code: code, year: year, entries: entries, expectedVersion: expectedVersion, by: actor) }
  func admitMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember {
    try await base.admitMember(new, by: actor)
  }
  func recordEvent(_ event: MembershipEvent, expectedVersion: Int?, by actor: AuditActor) async throws
    -> VersionedMember
  { try await base.recordEvent(event, expectedVersion: expectedVersion, by: actor) }
  func issueTransferLetter(_ letter: NewTransferLetter, expectedVersion: Int?, by actor: AuditActor) async throws
    -> TransferLetter
  { try await base.issueTransferLetter(letter, expectedVersion: expectedVersion, by: actor) }
  func receiveTransferLetter(id: Int64, on day: Day, by actor: AuditActor) async throws -> TransferLetter {
    try await base.receiveTransferLetter(id: id, on: day, by: actor)
  }
  func transferLetter(id: Int64) async throws -> TransferLetter? { try await base.transferLetter(id: id) }
  func pendingTransferLetters(within code: String, direction: TransferDirection, on day: Day) async throws
    -> [TransferLetter]
  { try await base.pendingTransferLetters(within: code, direction: direction, on: day) }
  func correctEvent(
    memberID: Int64, eventID: Int64, replacement: MembershipEvent?, reason: String, expectedVersion: Int?,
    by actor: AuditActor
  ) async throws -> VersionedMember {
    try await base.correctEvent(
      memberID: memberID, eventID: eventID, replacement: replacement, reason: reason, expectedVersion: expectedVersion,
      by: actor)
  }
  func eventCorrections(ofMember id: Int64) async throws -> [EventCorrection] {
    try await base.eventCorrections(ofMember: id)
  }
  func reportTargets() async throws -> [ReportTarget] { try await base.reportTargets() }
  func reportTargets(relatedTo code: String, on day: Day) async throws -> [ReportTarget] {
    try await base.reportTargets(relatedTo: code, on: day)
  }
  func addReportTarget(_ target: ReportTarget, by actor: AuditActor) async throws -> ReportTarget {
    try await base.addReportTarget(target, by: actor)
  }
  func removeReportTarget(id: Int64, by actor: AuditActor) async throws -> ReportTarget {
    try await base.removeReportTarget(id: id, by: actor)
  }
  func setAdmissionPlan(_ plan: AdmissionPlanEntry, by actor: AuditActor) async throws {
    try await base.setAdmissionPlan(plan, by: actor)
  }
  func admissionProgress(within code: String, on day: Day) async throws -> [AdmissionProgress] {
    try await base.admissionProgress(within: code, on: day)
  }
  func postKinds() async throws -> [PostKind] { try await base.postKinds() }
  func recordPost(_ post: NewPost, by actor: AuditActor) async throws -> PostRecord {
    try await base.recordPost(post, by: actor)
  }
  func endPost(id: Int64, until: Day?, by actor: AuditActor) async throws -> PostRecord {
    try await base.endPost(id: id, until: until, by: actor)
  }
  func importPosts(_ batch: [NewPost], audit: ImportAudit?) async throws {
    try await base.importPosts(batch, audit: audit)
  }
  func post(id: Int64) async throws -> PostRecord? { try await base.post(id: id) }
  func posts(ofMember id: Int64) async throws -> [PostRecord] { try await base.posts(ofMember: id) }
  func posts(ofUnit code: String) async throws -> [PostRecord] { try await base.posts(ofUnit: code) }
  func recordCollective(_ collective: NewCollective, by actor: AuditActor) async throws -> CollectiveRecord {
    try await base.recordCollective(collective, by: actor)
  }
  func seatInCollective(_ seat: NewCollectiveSeat, by actor: AuditActor) async throws -> CollectiveRecord {
    try await base.seatInCollective(seat, by: actor)
  }
  func importCollectives(_ rows: [CollectiveFileRow], audit: ImportAudit?) async throws {
    try await base.importCollectives(rows, audit: audit)
  }
  func collective(id: Int64) async throws -> CollectiveRecord? { try await base.collective(id: id) }
  func collectives(ofUnit code: String) async throws -> [CollectiveRecord] { try await base.collectives(ofUnit: code) }
  func unitKinds() async throws -> UnitKindTable { try await base.unitKinds() }
  func addOrganisations(_ batch: [NewOrganisation], audit: ImportAudit?) async throws -> [Organisation] {
    try await base.addOrganisations(batch, audit: audit)
  }
  func moveOrganisation(code: String, underParent parentCode: String, on day: Day) async throws {
    try await base.moveOrganisation(code: code, underParent: parentCode, on: day)
  }
  func endOrganisation(code: String, on day: Day) async throws { try await base.endOrganisation(code: code, on: day) }
  func mergeOrganisation(code: String, into targetCode: String, on day: Day) async throws {
    try await base.mergeOrganisation(code: code, into: targetCode, on: day)
  }
  func organisation(code: String) async throws -> Organisation? { try await base.organisation(code: code) }
  func organisation(id: Int64) async throws -> Organisation? { try await base.organisation(id: id) }
  func parentHistory(ofCode code: String) async throws -> [ParentLink] { try await base.parentHistory(ofCode: code) }
  func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool {
    try await base.unitIsWithin(id: id, rootCode: rootCode, on: day)
  }
  func tree(on day: Day, root code: String?) async throws -> OrganisationTree {
    try await base.tree(on: day, root: code)
  }
  func roots(on day: Day) async throws -> [Organisation] { try await base.roots(on: day) }
  func children(of code: String, on day: Day) async throws -> [Organisation] {
    try await base.children(of: code, on: day)
  }
  func allOrganisations() async throws -> (units: [Organisation], links: [ParentLink]) {
    try await base.allOrganisations()
  }
  func setPopulation(_ rows: [Population], audit: ImportAudit?) async throws {
    try await base.setPopulation(rows, audit: audit)
  }
  func population(ofOrganisation id: Int64, year: Int) async throws -> Int? {
    try await base.population(ofOrganisation: id, year: year)
  }
  func dataGeneration() async throws -> Int64? { try await base.dataGeneration() }
  func previewTreeChange(_ change: TreeChange) async throws -> TreeChangePreview {
    try await base.previewTreeChange(change)
  }
  func changeTree(_ change: TreeChange, by actor: AuditActor) async throws -> TreeChangePreview {
    try await base.changeTree(change, by: actor)
  }
  func foundTopUnit(code: String, name: String, kind: UnitKind, on day: Day, by actor: AuditActor) async throws
    -> TreeChangePreview
  { try await base.foundTopUnit(code: code, name: name, kind: kind, on: day, by: actor) }
  func nameHistory(ofCode code: String) async throws -> [NamePeriod] { try await base.nameHistory(ofCode: code) }
  func predecessors(ofCode code: String) async throws -> [Succession] { try await base.predecessors(ofCode: code) }
  func referencesOutside(_ references: ScopeReferences, within rootCode: String, on today: Day) async throws
    -> ScopeReferences
  {
    try await base.referencesOutside(references, within: rootCode, on: today)
  }
  func addMembers(_ batch: [NewMember], audit: ImportAudit?) async throws -> [Member] {
    try await base.addMembers(batch, audit: audit)
  }
  func recordEvents(_ events: [MembershipEvent], audit: ImportAudit?) async throws {
    try await base.recordEvents(events, audit: audit)
  }
  func updateMember(_ member: Member) async throws { try await base.updateMember(member) }
  func member(id: Int64) async throws -> Member? { try await base.member(id: id) }
  func member(cardNumber: String) async throws -> Member? { try await base.member(cardNumber: cardNumber) }
  func member(nationalID: String) async throws -> Member? { try await base.member(nationalID: nationalID) }
  func existingCardNumbers(_ numbers: [String]) async throws -> Set<String> {
    try await base.existingCardNumbers(numbers)
  }
  func memberIDs(cardNumbers: [String]) async throws -> [String: Int64] {
    try await base.memberIDs(cardNumbers: cardNumbers)
  }
  func existingNationalIDs(_ numbers: [String]) async throws -> Set<String> {
    try await base.existingNationalIDs(numbers)
  }
  func namesakeCounts(_ people: Set<NameAndBirth>) async throws -> [NameAndBirth: Int] {
    try await base.namesakeCounts(people)
  }
  func nationalIDsWithBirthDates() async throws -> [(id: String, birth: Day)] {
    try await base.nationalIDsWithBirthDates()
  }
  func registerCompletenessByCell() async throws -> [Int64: RegisterCompleteness] {
    try await base.registerCompletenessByCell()
  }
  func timeline(ofMember id: Int64) async throws -> MemberTimeline { try await base.timeline(ofMember: id) }
  func register(of code: String, on day: Day) async throws -> [RegisterEntry] {
    try await base.register(of: code, on: day)
  }
  func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws -> [MemberHit] {
    try await base.searchMembers(text, within: code, on: day, limit: limit)
  }
  func forEachMemberBatch(batchSize: Int, _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void)
    async throws
  { try await base.forEachMemberBatch(batchSize: batchSize, body) }
  func memberCountsByCell(on day: Day) async throws -> [Int64: Int] { try await base.memberCountsByCell(on: day) }
  func statistics() async throws -> StoreStatistics { try await base.statistics() }
}
