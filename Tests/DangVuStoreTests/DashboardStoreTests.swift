import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// The dashboard's reads (`DashboardStore`) on every engine: the units below a unit by the tree of the day, their
/// grades from the rollups, and the open oversight work with its oldest cases.
@Suite("Store: the dashboard's reads")
struct DashboardStoreTests {
  @Test(arguments: StoreEngine.allCases)
  func unitsBelowTheirGradesAndTheOpenOversightWork(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let members = try await store.addMembers(
        ["10000001", "10000002", "10000003"].map {
          NewMember(
            member: SmallProvince.member("Đảng viên \($0)", card: $0),
            events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
        }
      ).map(\.id)
      let below = try await store.unitsBelow("KG", levels: 2, on: day("2023-06-30"))
      #expect(below.map(\.code) == below.map(\.code).sorted())
      #expect(below.contains { $0.code == "KG.01" && $0.depth == 1 })
      #expect(below.contains { $0.code == "KG.01.001" && $0.depth == 2 })
      #expect(!below.contains { $0.depth > 2 })

      try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
      try await store.recordGrades(
        [
          GradeEntry(subject: .member(members[0]), outcome: .graded(.good)),
          GradeEntry(subject: .member(members[1]), outcome: .graded(.complete)),
        ], year: 2023)
      let grades = try await store.evaluationCountsBelow("KG.01", levels: 2, year: 2023)
      let cell = try #require(grades.first { $0.unit.code == "KG.01.001.01" })
      #expect(cell.members.good == 1 && cell.members.complete == 1)
      #expect(try await store.evaluationCountsBelow("KG.01", levels: 2, year: 2019).isEmpty)

      try await store.recordInspections([
        Inspection(
          kind: .inspection(.signsOfViolation), body: ConductingBody(.inspectionCommission, of: "KG.01"),
          title: "Kiểm tra dấu hiệu vi phạm", started: day("2024-03-01"),
          subjects: [InspectionSubject(.member(members[2]))])
      ])
      try await store.recordComplaints([
        Complaint(kind: .denunciation, subject: .member(members[0]), received: day("2024-02-01"))
      ])
      let open = try await store.pendingOversightCases(within: "KG.01", on: day("2024-06-30"), limit: 5)
      #expect(open.inspections == 1 && open.supervisions == 0 && open.denunciations == 1 && open.complaints == 0)
      #expect(open.oldest.map(\.kind) == ["denunciation", "inspection"])
      #expect(open.oldest[0].subject == "đảng viên Đảng viên 10000001")
      #expect(try await store.pendingOversightCases(within: "KG.01", on: day("2024-01-01"), limit: 5).total == 0)
    }
  }
}
