import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: inspections, discipline, appeals, complaints")
struct OversightStoreTests {
  /// The small province with three members in cell KG.01.001.01: An (official, cell secretary), Bình
  /// (probationary since 2023) and Cư (official).
  func province(_ engine: Engine) async throws -> (any PartyStore, [Int64]) {
    let store = try engine.makeStore()
    return (store, try await province(in: store))
  }

  func province(in store: any StoreEngine.Parts) async throws -> [Int64] {
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let official = MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2011-01-01"))
    var an = SmallProvince.member("Nguyễn Văn An", card: "10000001")
    an.posts = [LeadingPost(title: "Bí thư chi bộ", organisationCode: "KG.01.001.01", from: day("2015-01-01"))]
    let members = try await store.addMembers([
      NewMember(member: an, events: [SmallProvince.admitted(cell, on: "2010-01-01"), official]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(cell, on: "2023-01-10")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01"), official]),
    ]).map(\.id)
    return members
  }

  func decision(_ subject: OversightSubject, _ form: DisciplineForm, on date: String, number: String = "5-QĐ/UBKT")
    -> DisciplineDecision
  {
    DisciplineDecision(
      subject: subject, form: form, categories: ["prohibitedActs", "waste"],
      decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: number, decided: day(date),
      violated: day(date).adding(days: -90))
  }

  @Test(arguments: StoreEngine.allCases)
  func anInspectionRoundTripsWithItsFindings(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      let recorded = try await store.recordInspections([
        Inspection(
          kind: .inspection(.signsOfViolation), body: ConductingBody(.inspectionCommission, of: "KG.01"),
          title: "Kiểm tra khi có dấu hiệu vi phạm", started: day("2023-03-01"),
          subjects: [InspectionSubject(.member(m[0])), InspectionSubject(.unit(code: "KG.01.001"))])
      ])
      try await store.concludeInspection(
        id: recorded[0].id, on: day("2023-04-01"),
        findings: [
          InspectionSubject(.member(m[0]), violationFound: true, conclusion: "Có vi phạm", followUp: "Kiểm điểm")
        ], by: AuditActor(login: "ubkt.kg01", role: "inspectionStaff"))
      let back = try #require(try await store.inspection(id: recorded[0].id))
      #expect(back.kind == .inspection(.signsOfViolation))
      #expect(back.concluded == day("2023-04-01"))
      #expect(back.subjects.count == 2)
      #expect(back.subjects[0].violationFound == true)
      #expect(back.subjects[0].followUp == "Kiểm điểm")
      #expect(back.subjects[1].subject == .unit(code: "KG.01.001"))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aBatchWithOneBadDecisionWritesNothing(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      await #expect(throws: BatchItemError.self) {
        try await store.recordDiscipline([
          decision(.member(m[2]), .reprimand, on: "2023-05-01"),
          // Bình is probationary: expulsion is refused.
          decision(.member(m[1]), .expulsion, on: "2023-05-01"),
        ])
      }
      #expect(try await store.disciplineHistory(of: .member(m[2])).isEmpty)
      #expect(try await store.timeline(ofMember: m[1]).currentCellID != nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func annullingAnExpulsionPutsTheMemberBackAndKeepsTheHistory(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      let decided = try await store.recordDiscipline([decision(.member(m[2]), .expulsion, on: "2023-05-01")])
      #expect(try await store.timeline(ofMember: m[2]).currentCellID == nil)
      #expect(try await store.register(of: "KG", on: day("2023-06-01")).map(\.member.id).contains(m[2]) == false)

      try await store.recordAppeals([
        Appeal(decisionID: decided[0].id, lodged: day("2023-05-10"), decided: day("2023-07-01"), outcome: .annulled)
      ])
      #expect(try await store.timeline(ofMember: m[2]).currentCellID != nil)
      #expect(try await store.register(of: "KG", on: day("2023-06-01")).map(\.member.id).contains(m[2]))
      let history = try await store.disciplineHistory(of: .member(m[2]))
      #expect(history.count == 1)
      #expect(history[0].decision.form == .expulsion)
      #expect(history[0].appeals.map(\.outcome) == [.annulled])

      // The report counts the expulsion in the quarter it was decided, as things stood then; not after annulment.
      let q2 = try await store.oversightReport(period: .quarter(2, of: 2023), scope: "KG")
      #expect(q2["discipline.members.expulsion"] == 1)
      let q3 = try await store.oversightReport(
        period: .range(from: day("2023-05-01"), through: day("2023-07-01")), scope: "KG")
      #expect(q3["discipline.members"] == 0)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anAppealChangingTheFormUndoesTheExpulsion(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      let decided = try await store.recordDiscipline([decision(.member(m[2]), .expulsion, on: "2023-05-01")])
      try await store.recordAppeals([
        Appeal(
          decisionID: decided[0].id, lodged: day("2023-05-10"), decided: day("2023-06-01"), outcome: .changed(.warning))
      ])
      #expect(try await store.timeline(ofMember: m[2]).currentCellID != nil)
      let report = try await store.oversightReport(period: .year(2023), scope: "KG.01")
      #expect(report["discipline.members.warning"] == 1)
      #expect(report["discipline.members.expulsion"] == 0)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func dissolutionEndsTheUnitAndIsRefusedWhileMembersRemain(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      _ = try await province(in: store)
      do {
        try await store.recordDiscipline([decision(.unit(code: "KG.01.001.01"), .dissolution, on: "2023-05-01")])
        Issue.record("dissolving a cell with members was accepted")
      } catch let error as BatchItemError {
        #expect(error.error.code == "discipline.dissolutionWithMembers")
        #expect(error.error.message.contains("còn 3 đảng viên"))
      }
      let decided = try await store.recordDiscipline([
        decision(.unit(code: "KG.01.001.02"), .dissolution, on: "2023-05-01")
      ])
      #expect(try await store.organisation(code: "KG.01.001.02")?.ended == day("2023-05-01"))
      try await store.recordAppeals([
        Appeal(decisionID: decided[0].id, lodged: day("2023-05-02"), decided: day("2023-06-01"), outcome: .annulled)
      ])
      #expect(try await store.organisation(code: "KG.01.001.02")?.ended == nil)
      #expect(
        try await store.tree(on: day("2023-07-01"), root: "KG.01").units.values.map(\.code).contains("KG.01.001.02"))
    }
  }

  @Test(arguments: Engine.allCases)
  func aPendingInspectionOrComplaintLeavesTheMemberNotEvaluated(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await store.recordInspections([
      Inspection(
        kind: .inspection(.signsOfViolation), body: ConductingBody(.inspectionCommission, of: "KG.01"),
        title: "Kiểm tra", started: day("2023-11-01"), subjects: [InspectionSubject(.member(m[0]))])
    ])
    try await store.recordComplaints([
      Complaint(kind: .denunciation, subject: .member(m[2]), received: day("2023-12-01"))
    ])
    let recorded = try await store.recordGrades(
      [
        GradeEntry(subject: .member(m[0]), outcome: .graded(.good)),
        GradeEntry(subject: .member(m[2]), outcome: .graded(.good)),
      ], year: 2023)
    #expect(recorded[0].outcome == .notEvaluated(.pendingInspection))
    #expect(recorded[1].outcome == .notEvaluated(.pendingComplaint))
  }

  @Test(arguments: Engine.allCases)
  func disciplineInTheYearRulesOutGoodAndAnnulmentLiftsIt(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    let decided = try await store.recordDiscipline([decision(.member(m[0]), .reprimand, on: "2023-05-01")])
    let refused = await #expect(throws: BatchItemError.self) {
      try await store.recordGrades([GradeEntry(subject: .member(m[0]), outcome: .graded(.complete))], year: 2023)
    }
    #expect(refused?.error.code == "evaluation.disciplined")
    let recorded = try await store.recordGrades(
      [GradeEntry(subject: .member(m[0]), outcome: .graded(.notComplete))], year: 2023)
    #expect(recorded[0].outcome == .graded(.notComplete))
    try await store.recordAppeals([
      Appeal(decisionID: decided[0].id, lodged: day("2023-05-02"), decided: day("2023-06-01"), outcome: .annulled)
    ])
    let regraded = try await store.recordGrades(
      [GradeEntry(subject: .member(m[0]), outcome: .graded(.good))], year: 2023)
    #expect(regraded[0].outcome == .graded(.good))
  }

  @Test(arguments: Engine.allCases)
  func aCollectiveWithAWarnedMemberIsNotComplete(engine: Engine) async throws {
    let (store, m) = try await province(engine)
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    let collective = try await store.addLeadershipCollectives([
      NewLeadershipCollective(
        organisationCode: "KG.01.001.01", name: "Chi ủy chi bộ ấp Phước Hòa", kind: "cellCommittee",
        formed: day("2020-01-01"))
    ])
    try await store.recordDiscipline([decision(.member(m[0]), .warning, on: "2023-05-01")])
    let refused = await #expect(throws: BatchItemError.self) {
      try await store.recordGrades(
        [GradeEntry(subject: .leadershipCollective(collective[0].id), outcome: .graded(.good))], year: 2023)
    }
    #expect(refused?.error.code == "evaluation.collectiveMemberDisciplined")
  }

  @Test(arguments: StoreEngine.allCases)
  func programmeProgressCountsWhatTheBodyBegan(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      let body = ConductingBody(.inspectionCommission, of: "KG.01")
      try await store.setProgramme(
        OversightProgramme(body: body, year: 2023, planned: ["inspection.regular": 4, "supervision.thematic": 2]))
      try await store.recordInspections([
        Inspection(
          kind: .inspection(.regular), body: body, title: "Kiểm tra thường xuyên", started: day("2023-02-01"),
          concluded: day("2023-03-01"), subjects: [InspectionSubject(.member(m[0]))])
      ])
      let progress = try #require(try await store.programmeProgress(body: body, year: 2023, on: day("2023-06-30")))
      let regular = try #require(progress.lines.first { $0.kind == "inspection.regular" })
      #expect(regular.planned == 4)
      #expect(regular.begun == 1)
      #expect(regular.concluded == 1)
      #expect(regular.share?.vietnamese == "25,00")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theReportComparesAPeriodWithTheSamePeriodAYearEarlier(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      let m = try await province(in: store)
      let body = ConductingBody(.partyCommittee, of: "KG.01")
      for (date, subjects) in [("2022-02-01", [m[0]]), ("2023-02-01", [m[0], m[2]]), ("2023-03-01", [m[0]])] {
        try await store.recordInspections([
          Inspection(
            kind: .supervision(.regular), body: body, title: "Giám sát", started: day(date),
            subjects: subjects.map { InspectionSubject(.member($0)) })
        ])
      }
      try await store.recordComplaints([
        Complaint(
          kind: .complaint, subject: .unit(code: "KG.01.001"), received: day("2023-01-05"), resolved: day("2023-02-01"),
          finding: .partlyCorrect)
      ])
      let report = try await store.oversightReport(period: .quarter(1, of: 2023), scope: "KG.01")
      #expect(report["oversight.supervision.members"] == 3)
      #expect(report["oversight.supervision.membersDistinct"] == 2)
      #expect(report.change("oversight.supervision.membersDistinct").vietnamese == "tăng 1")
      #expect(report["complaints.all.received"] == 1)
      #expect(report["complaints.all.resolved.partlyCorrect"] == 1)
      // Another district's subtree sees none of it.
      let other = try await store.oversightReport(period: .quarter(1, of: 2023), scope: "KG.02")
      #expect(other["oversight.all.members"] == 0)
      #expect(other["complaints.all.received"] == 0)
    }
  }
}
