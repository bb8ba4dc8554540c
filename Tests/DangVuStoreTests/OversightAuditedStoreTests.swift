import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Appeals and programmes as people enter them (issue 21 parts 5 and 7): the effects and the audit entry in one
/// transaction; a refusal by the rules, or an entry the trail refuses, writes nothing.
@Suite("Store: appeals and programmes, audited")
struct OversightAuditedStoreTests {
  static let staff = AuditActor(login: "ubkt.kg01", role: "inspectionStaff")

  /// The small province with Cư, an official member of KG.01.001.01, expelled on 1 May 2023.
  func expelled(in store: any StoreEngine.Parts) async throws -> (member: Int64, decision: Int64) {
    let ids = try await SmallProvince.load(into: store)
    let member = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
        events: SmallProvince.officialSince2011(in: ids["KG.01.001.01"]!))
    ])[0].id
    let decision = try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(member), form: .expulsion, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "5-QĐ/UBKT",
        decided: day("2023-05-01"), violated: day("2023-02-01"))
    ])[0].id
    return (member, decision)
  }

  @Test(arguments: StoreEngine.allCases)
  func anAnnulmentPutsTheMemberBackWithItsEntryInTheSameTransaction(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, decision) = try await expelled(in: store)
      #expect(try await store.timeline(ofMember: member).currentCellID == nil)
      let before = try await store.auditEntries(AuditFilter()).count
      let saved = try await store.recordAppeal(
        Appeal(
          decisionID: decision, lodged: day("2023-05-10"), decided: day("2023-07-01"), outcome: .annulled,
          note: "Quyết định số 9-QĐ/UBKTTW của Ủy ban Kiểm tra Trung ương"), by: Self.staff)
      #expect(saved.id > 0)
      #expect(try await store.timeline(ofMember: member).currentCellID != nil)
      let entries = try await store.auditEntries(AuditFilter())
      #expect(entries.count == before + 1)
      let entry = try #require(entries.first)
      #expect(entry.action == "discipline.appeal" && entry.subject == "discipline:\(decision)")
      #expect(entry.actorLogin == "ubkt.kg01" && entry.scopeCode == "KG.01")
      #expect(entry.after?.contains("9-QĐ/UBKTTW") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
      let found = try #require(try await store.disciplineDecision(id: decision))
      #expect(found.history.appeals.map(\.outcome) == [.annulled])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRefusedAppealOrOneWhoseEntryCannotBeWrittenWritesNothing(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, decision) = try await expelled(in: store)
      let before = try await store.auditEntries(AuditFilter()).count
      // Settled before it was lodged: refused by the rules.
      await #expect(throws: DomainError.self) {
        try await store.recordAppeal(
          Appeal(decisionID: decision, lodged: day("2023-06-10"), decided: day("2023-06-01"), outcome: .annulled),
          by: Self.staff)
      }
      // Valid, but the trail refuses an entry without an actor: the annulment goes with it.
      await #expect(throws: DomainError.self) {
        try await store.recordAppeal(
          Appeal(decisionID: decision, lodged: day("2023-05-10"), decided: day("2023-07-01"), outcome: .annulled),
          by: AuditActor(login: " ", role: "x"))
      }
      #expect(try await store.timeline(ofMember: member).currentCellID == nil)
      #expect(try await store.disciplineDecision(id: decision)?.history.appeals.isEmpty == true)
      #expect(try await store.auditEntries(AuditFilter()).count == before)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aProgrammeIsReplacedWithTheOldOneKeptInItsEntry(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      _ = try await expelled(in: store)
      let body = ConductingBody(.inspectionCommission, of: "KG.01")
      try await store.setProgramme(
        OversightProgramme(body: body, year: 2023, planned: ["inspection.regular": 4]), by: Self.staff)
      try await store.setProgramme(
        OversightProgramme(body: body, year: 2023, planned: ["inspection.regular": 6, "supervision.thematic": 2]),
        by: Self.staff)
      let progress = try #require(try await store.programmeProgress(body: body, year: 2023, on: day("2023-12-31")))
      #expect(progress.programme.planned == ["inspection.regular": 6, "supervision.thematic": 2])
      let entries = try await store.auditEntries(AuditFilter(action: "programme.set"))
      #expect(entries.count == 2)
      #expect(entries.first?.before?.contains("\"inspection.regular\":4") == true)
      #expect(entries.first?.subject == "programme:inspectionCommission:KG.01:2023")

      // An unknown kind is refused, and the entry with it: the programme stays as it was.
      await #expect(throws: DomainError.self) {
        try await store.setProgramme(
          OversightProgramme(body: body, year: 2023, planned: ["inspection.none": 1]), by: Self.staff)
      }
      #expect(
        try await store.programmeProgress(body: body, year: 2023, on: day("2023-12-31"))?.programme
          == progress.programme)
      #expect(try await store.auditEntries(AuditFilter(action: "programme.set")).count == 2)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCorrectionKeepsTheOldDecisionInItsEntryAndARefusedOneWritesNothing(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (_, decision) = try await expelled(in: store)
      let correction = DisciplineCorrection(
        decisionID: decision, number: "5A-QĐ/UBKT", violated: day("2023-01-15"),
        categories: ["waste", "prohibitedActs"],
        selfCorrected: false, note: "", reason: "Ghi nhầm số quyết định")
      // No reason, or a violation after the decision: refused, nothing written.
      var noReason = correction
      noReason.reason = " "
      await #expect(throws: DomainError.self) { try await store.correctDiscipline(noReason, by: Self.staff) }
      var late = correction
      late.violated = day("2023-06-01")
      await #expect(throws: DomainError.self) { try await store.correctDiscipline(late, by: Self.staff) }
      await #expect(throws: DomainError.self) {
        try await store.correctDiscipline(correction, by: AuditActor(login: " ", role: "x"))
      }
      #expect(try await store.disciplineDecision(id: decision)?.history.decision.number == "5-QĐ/UBKT")
      #expect(try await store.auditEntries(AuditFilter(action: "discipline.correct")).isEmpty)

      let saved = try await store.correctDiscipline(correction, by: Self.staff)
      #expect(saved.number == "5A-QĐ/UBKT")
      let back = try #require(try await store.disciplineDecision(id: decision)).history.decision
      #expect(back.number == "5A-QĐ/UBKT" && back.violated == day("2023-01-15"))
      #expect(Set(back.categories) == ["waste", "prohibitedActs"])
      #expect(back.form == .expulsion, "the form and its effects are an appeal's, not a correction's")
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "discipline.correct")).first)
      #expect(entry.subject == "discipline:\(decision)" && entry.before?.contains("5-QĐ/UBKT") == true)
      #expect(entry.after?.contains("Ghi nhầm số quyết định") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
      // The report reads the corrected categories.
      let report = try await store.oversightReport(period: .year(2023), scope: "KG.01")
      #expect(report["discipline.members"] == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aComplaintCorrectionKeepsTheOldOneInItsEntryAndARefusedOneWritesNothing(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, _) = try await expelled(in: store)
      let complaint = try await store.recordComplaints([
        Complaint(kind: .complaint, subject: .member(member), received: day("2023-03-01"), summary: "Khiếu nại")
      ])[0]
      let correction = ComplaintCorrection(
        complaintID: complaint.id, kind: .denunciation, summary: "Tố cáo về đất đai", resolved: day("2023-04-01"),
        finding: .partlyCorrect, reason: "Ghi nhầm loại đơn")
      var early = correction
      early.resolved = day("2023-02-01")
      await #expect(throws: DomainError.self) { try await store.correctComplaint(early, by: Self.staff) }
      await #expect(throws: DomainError.self) {
        try await store.correctComplaint(correction, by: AuditActor(login: " ", role: "x"))
      }
      #expect(try await store.complaint(id: complaint.id)?.complaint == complaint)
      #expect(try await store.auditEntries(AuditFilter(action: "complaint.correct")).isEmpty)

      let saved = try await store.correctComplaint(correction, by: Self.staff)
      #expect(try await store.complaint(id: complaint.id)?.complaint == saved)
      #expect(saved.kind == .denunciation && saved.finding == .partlyCorrect)
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "complaint.correct")).first)
      #expect(entry.before?.contains("Khiếu nại") == true && entry.after?.contains("Ghi nhầm loại đơn") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }
}
