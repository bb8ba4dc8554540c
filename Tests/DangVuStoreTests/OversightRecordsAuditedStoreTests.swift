import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Inspections, decisions and complaints recorded one at a time (issue 21 part 7): each with its audit entry in the
/// transaction of the write, so an entry the trail refuses leaves nothing; and corrections of an inspection (part 5),
/// which the oversight report reads at once.
@Suite("Store: oversight records and inspection corrections, audited")
struct OversightRecordsAuditedStoreTests {
  static let staff = OversightAuditedStoreTests.staff
  static let nobody = AuditActor(login: " ", role: "x")

  static func inspection(_ member: Int64, started: String = "2023-02-10") -> Inspection {
    Inspection(
      kind: .supervision(.thematic), body: ConductingBody(.inspectionCommission, of: "KG.01"),
      title: "Giám sát việc học tập nghị quyết", started: day(started),
      subjects: [InspectionSubject(.member(member)), InspectionSubject(.unit(code: "KG.01.001"))])
  }

  @Test(arguments: StoreEngine.allCases)
  func eachRecordIsWrittenWithItsEntryOrNotAtAll(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, _) = try await OversightAuditedStoreTests().expelled(in: store)
      let before = try await store.auditEntries(AuditFilter()).count
      await #expect(throws: DomainError.self) {
        try await store.recordInspection(Self.inspection(member), by: Self.nobody)
      }
      await #expect(throws: DomainError.self) {
        try await store.recordComplaint(
          Complaint(kind: .complaint, subject: .member(member), received: day("2023-03-01"), summary: "Đơn"),
          by: Self.nobody)
      }
      let unitDecision = DisciplineDecision(
        subject: .unit(code: "KG.01.001"), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "8-QĐ/UBKT",
        decided: day("2023-06-01"), violated: day("2023-04-01"))
      await #expect(throws: DomainError.self) { try await store.recordDiscipline(unitDecision, by: Self.nobody) }
      let empty = try await store.oversightRecords(
        scope: "KG", from: day("2023-01-01"), to: day("2023-12-31"), limit: 9)
      #expect(empty.inspections.isEmpty && empty.complaints.isEmpty && empty.discipline.count == 1)
      #expect(try await store.oversightReport(period: .year(2023), scope: nil)["oversight.all.members"] == 0)

      let inspection = try await store.recordInspection(Self.inspection(member), by: Self.staff)
      let complaint = try await store.recordComplaint(
        Complaint(kind: .complaint, subject: .member(member), received: day("2023-03-01"), summary: "Đơn"),
        by: Self.staff)
      let decision = try await store.recordDiscipline(unitDecision, by: Self.staff)
      await #expect(throws: DomainError.self) {
        try await store.concludeInspection(id: inspection.id, on: day("2023-04-01"), findings: [], by: Self.nobody)
      }
      await #expect(throws: DomainError.self) {
        try await store.resolveComplaint(id: complaint.id, on: day("2023-04-01"), finding: .correct, by: Self.nobody)
      }
      #expect(try await store.inspection(id: inspection.id)?.concluded == nil)
      #expect(try await store.complaint(id: complaint.id)?.complaint.resolved == nil)
      let concluded = try await store.concludeInspection(
        id: inspection.id, on: day("2023-04-01"),
        findings: [InspectionSubject(.member(member), violationFound: true, conclusion: "Có khuyết điểm")],
        by: Self.staff)
      #expect(concluded.subjects[0].violationFound == true && concluded.concluded == day("2023-04-01"))
      let resolved = try await store.resolveComplaint(
        id: complaint.id, on: day("2023-04-02"), finding: .partlyCorrect, by: Self.staff)
      #expect(resolved.finding == .partlyCorrect)

      let entries = try await store.auditEntries(AuditFilter()).dropLast(before)
      let expected: [(String, String, String)] = [
        ("inspection.add", "inspection:\(inspection.id)", "KG.01"),
        ("complaint.add", "complaint:\(complaint.id)", "KG.01.001.01"),
        ("discipline.add", "discipline:\(decision.id)", "KG.01"),
        ("inspection.conclude", "inspection:\(inspection.id)", "KG.01"),
        ("complaint.resolve", "complaint:\(complaint.id)", "KG.01.001.01"),
      ]
      #expect(entries.count == expected.count, "the refused writes left no entry")
      for ((action, subject, scope), entry) in zip(expected, entries.reversed()) {
        #expect(entry.action == action && entry.subject == subject && entry.scopeCode == scope, "\(entry)")
        #expect(entry.actorLogin == Self.staff.login && entry.actorRole == Self.staff.role)
      }
      #expect(entries.first?.before?.contains("partlyCorrect") == false)
      #expect(entries.first?.after?.contains("partlyCorrect") == true)
      #expect(entries.dropFirst().first?.after?.contains("Có khuyết điểm") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCorrectedInspectionChangesTheReportAndKeepsTheOldOneInItsEntry(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, _) = try await OversightAuditedStoreTests().expelled(in: store)
      let inspection = try await store.recordInspection(Self.inspection(member), by: Self.staff)
      let q1 = try ReportPeriod.quarter(1, of: 2023)
      let q2 = try ReportPeriod.quarter(2, of: 2023)
      for scope in [nil, "KG.01"] as [String?] {
        #expect(try await store.oversightReport(period: q1, scope: scope)["oversight.thematic.members"] == 1)
        #expect(try await store.oversightReport(period: q2, scope: scope)["oversight.all.units"] == 0)
      }
      // Typed as a thematic supervision by the commission in February; it was the committee's regular inspection in
      // April, of the unit only.
      let correction = InspectionCorrection(
        inspectionID: inspection.id, kind: .inspection(.regular), organ: .partyCommittee,
        title: "Kiểm tra việc học tập nghị quyết", started: day("2023-04-05"), concluded: nil,
        subjects: [.unit(code: "KG.01.001")], reason: "Ghi nhầm loại và ngày")
      var noReason = correction
      noReason.reason = "  "
      var concludedEarly = correction
      concludedEarly.concluded = day("2023-04-01")
      var nobody = correction
      nobody.subjects = []
      for refused in [noReason, concludedEarly, nobody] {
        await #expect(throws: DomainError.self) { try await store.correctInspection(refused, by: Self.staff) }
      }
      await #expect(throws: DomainError.self) { try await store.correctInspection(correction, by: Self.nobody) }
      #expect(try await store.inspection(id: inspection.id) == inspection)
      #expect(try await store.auditEntries(AuditFilter(action: "inspection.correct")).isEmpty)

      let saved = try await store.correctInspection(correction, by: Self.staff)
      #expect(try await store.inspection(id: inspection.id) == saved)
      #expect(saved.kind == .inspection(.regular) && saved.body == ConductingBody(.partyCommittee, of: "KG.01"))
      for scope in [nil, "KG.01"] as [String?] {
        let first = try await store.oversightReport(period: q1, scope: scope)
        let second = try await store.oversightReport(period: q2, scope: scope)
        #expect(first["oversight.all.members"] == 0 && first["oversight.all.units"] == 0)
        #expect(second["oversight.body.partyCommittee.units"] == 1 && second["oversight.all.members"] == 0)
        #expect(second["oversight.regular.unitsDistinct"] == 1)
      }
      let rollup = try await StoreEngine.rollupKeptAndRecounted(store)
      #expect(rollup.kept == rollup.recounted)
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "inspection.correct")).first)
      #expect(entry.subject == "inspection:\(inspection.id)" && entry.scopeCode == "KG.01")
      #expect(entry.before?.contains("supervision") == true && entry.after?.contains("Ghi nhầm loại và ngày") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCorrectedNumberIsCitedByTheExpulsionEventAndAnAnnulmentStillFindsIt(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let (member, decision) = try await OversightAuditedStoreTests().expelled(in: store)
      func expulsionNotes() async throws -> [String] {
        try await store.timeline(ofMember: member).events.filter { $0.kind == .expelled }.map(\.note)
      }
      #expect(try await expulsionNotes() == ["Khai trừ theo quyết định 5-QĐ/UBKT (kỷ luật số \(decision))"])
      _ = try await store.correctDiscipline(
        DisciplineCorrection(
          decisionID: decision, number: "5A-QĐ/UBKT", violated: day("2023-02-01"), categories: ["prohibitedActs"],
          selfCorrected: false, note: "", reason: "Ghi nhầm số"), by: Self.staff)
      #expect(try await expulsionNotes() == ["Khai trừ theo quyết định 5A-QĐ/UBKT (kỷ luật số \(decision))"])
      // The annulment undoes the expulsion by the event's note: with the number corrected it still finds it.
      try await store.recordAppeal(
        Appeal(decisionID: decision, lodged: day("2023-05-10"), decided: day("2023-07-01"), outcome: .annulled),
        by: Self.staff)
      #expect(try await expulsionNotes().isEmpty)
      #expect(try await store.timeline(ofMember: member).currentCellID != nil)
    }
  }
}
