import DangVuCore

/// The batch writes of the imports without an import's audit entry: the demo's loaders, which fill an empty
/// database with a synthetic province, and tests that set up records. Every import goes through `ImportRun`,
/// which hands its entry to the write.
extension TreeStore {
  @discardableResult
  public func addOrganisations(_ batch: [NewOrganisation]) async throws -> [Organisation] {
    try await addOrganisations(batch, audit: nil)
  }

  public func setPopulation(_ rows: [Population]) async throws {
    try await setPopulation(rows, audit: nil)
  }
}

extension RegisterStore {
  @discardableResult
  public func addMembers(_ batch: [NewMember]) async throws -> [Member] {
    try await addMembers(batch, audit: nil)
  }

  public func recordEvents(_ events: [MembershipEvent]) async throws {
    try await recordEvents(events, audit: nil)
  }
}

extension PartyStore {

  @discardableResult
  public func recordGrades(_ entries: [GradeEntry], year: Int) async throws -> [RecordedGrade] {
    try await recordGrades(entries, year: year, audit: nil)
  }

  @discardableResult
  public func recordInspections(_ batch: [Inspection]) async throws -> [Inspection] {
    try await recordInspections(batch, audit: nil)
  }

  @discardableResult
  public func recordDiscipline(_ batch: [DisciplineDecision]) async throws -> [DisciplineDecision] {
    try await recordDiscipline(batch, audit: nil)
  }

  @discardableResult
  public func recordAppeals(_ batch: [Appeal]) async throws -> [Appeal] {
    try await recordAppeals(batch, audit: nil)
  }

  @discardableResult
  public func recordComplaints(_ batch: [Complaint]) async throws -> [Complaint] {
    try await recordComplaints(batch, audit: nil)
  }

  public func importPosts(_ batch: [NewPost]) async throws {
    try await importPosts(batch, audit: nil)
  }

  public func importCollectives(_ rows: [CollectiveFileRow]) async throws {
    try await importCollectives(rows, audit: nil)
  }
}
