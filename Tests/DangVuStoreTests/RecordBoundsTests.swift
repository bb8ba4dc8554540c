import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Where a report page opens: the latest record on or before a day, of the membership register and of the
/// oversight records, on every engine.
@Suite("Store: the latest record of a kind")
struct RecordBoundsTests {
  @Test(arguments: Engine.allCases)
  func theLatestMembershipEventOnOrBeforeADay(engine: Engine) async throws {
    let store = try engine.makeStore()
    #expect(try await store.lastMembershipRecord(onOrBefore: day("2030-01-01")) == nil)
    let ids = try await SmallProvince.load(into: store)
    _ = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "A1"),
        events: [
          SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2011-01-05")),
        ]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "A2"),
        events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2023-03-01")]),
    ])
    #expect(try await store.lastMembershipRecord(onOrBefore: day("2030-01-01")) == day("2023-03-01"))
    #expect(try await store.lastMembershipRecord(onOrBefore: day("2023-03-01")) == day("2023-03-01"))
    #expect(try await store.lastMembershipRecord(onOrBefore: day("2023-02-28")) == day("2011-01-05"))
    #expect(try await store.lastMembershipRecord(onOrBefore: day("2009-12-31")) == nil)
  }

  @Test(arguments: Engine.allCases)
  func theLatestOversightRecordOfAnyKind(engine: Engine) async throws {
    let store = try engine.makeStore()
    let ids = try await SmallProvince.load(into: store)
    #expect(try await store.lastOversightRecord(onOrBefore: day("2030-01-01")) == nil)
    let member = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "A1"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
    ])[0]
    let commission = ConductingBody(.inspectionCommission, of: "KG")
    try await store.recordInspections([
      Inspection(
        kind: .inspection(.regular), body: commission, title: "Kiểm tra thường xuyên", started: day("2022-04-01"),
        subjects: [InspectionSubject(.unit(code: "KG.01"))])
    ])
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(member.id), form: .reprimand, categories: ["prohibitedActs"], decidingBody: commission,
        number: "1-QĐ/UBKT", decided: day("2023-05-02"), violated: day("2023-01-02"))
    ])
    try await store.recordComplaints([
      Complaint(kind: .denunciation, subject: .unit(code: "KG.02"), received: day("2024-06-03"))
    ])
    #expect(try await store.lastOversightRecord(onOrBefore: day("2030-01-01")) == day("2024-06-03"))
    #expect(try await store.lastOversightRecord(onOrBefore: day("2024-06-02")) == day("2023-05-02"))
    #expect(try await store.lastOversightRecord(onOrBefore: day("2023-05-01")) == day("2022-04-01"))
    #expect(try await store.lastOversightRecord(onOrBefore: day("2022-03-31")) == nil)
  }
}
