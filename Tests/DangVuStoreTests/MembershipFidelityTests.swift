import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Builds, through the store, a province whose admissions, register and removals give exactly the membership
/// figures of `nine-months-2022` and the removals of `quarter-report` (taken as Q1 2023 against Q1 2022), and
/// checks the report's JSON figures and its narrative.
@Suite("Fidelity: the membership figures of the published reports")
struct MembershipFidelityTests {
  static let cells = (1...40).map { "KG.01.001.\($0)" }
  static let population2022 = 1_755_000

  /// `count` members admitted on days spread over `from`...`through`, with the removals to record later.
  static func admissions(_ count: Int, from: String, through: String, firstCard: Int, cellIDs: [Int64]) -> [NewMember] {
    let start = day(from)
    let span = day(through).daysSinceEpoch - start.daysSinceEpoch + 1
    return (0..<count).map { i in
      let card = firstCard + i
      let member = Member(
        fullName: "Đảng viên \(card)", gender: i % 3 == 0 ? .female : .male, birthDate: day("1975-06-15"),
        partyCardNumber: "KG\(card)")
      let admitted = start.adding(days: i % span)
      return NewMember(
        member: member,
        events: [
          MembershipEvent(memberID: 0, kind: .admitted, date: admitted, cellID: cellIDs[i % cellIDs.count])
        ])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func reproducesTheAdmissionsRegisterAndRemovals(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in try await Self.reproduce(on: store) }
  }

  static func reproduce(on store: any StoreEngine.Parts) async throws {
    let nine = try PublishedFigures.report("nine-months-2022")
    let quarter = try PublishedFigures.report("quarter-report")
    let admissions = nine["admissions"] as! [String: Any]
    let removals = quarter["removed_from_party"] as! [String: Any]
    let admitted2022 = admissions["admitted"] as! Int
    let plan = admissions["annual_plan"] as! Int
    let membersTotal = nine["members_total"] as! Int
    let struckOff2023 = removals["struck_off (xóa tên)"] as! Int
    let askedToLeave2023 = removals["asked_to_leave (xin ra khỏi Đảng)"] as! Int
    let struckOff2022 = struckOff2023 - (removals["struck_off_change"] as! Int)
    let askedToLeave2022 = askedToLeave2023 - (removals["asked_to_leave_change"] as! Int)
    // "8% more than the same period of 2021": 1,343 admitted then (8,04%, printed 8).
    let admitted2021 = 1_343

    var units = Array(SmallProvince.units.prefix(4))
    units += Self.cells.map {
      NewOrganisation(
        code: $0, name: "Chi bộ ấp \($0)", kind: .subordinateCell, parentCode: "KG.01.001", founded: day("1990-01-01"))
    }
    let ids = Dictionary(uniqueKeysWithValues: try await store.addOrganisations(units).map { ($0.code, $0.id) })
    let cellIDs = Self.cells.map { ids[$0]! }

    // Members admitted long ago make up the rest of the 62,643; the Q1 removals of both years come from them.
    let removedBefore = struckOff2022 + askedToLeave2022
    let older = membersTotal - admitted2021 - admitted2022 + removedBefore
    var batch = Self.admissions(older, from: "2000-01-01", through: "2015-12-31", firstCard: 100_000, cellIDs: cellIDs)
    batch += Self.admissions(
      admitted2021, from: "2021-01-01", through: "2021-09-30", firstCard: 200_000, cellIDs: cellIDs)
    batch += Self.admissions(
      admitted2022, from: "2022-01-01", through: "2022-09-30", firstCard: 300_000, cellIDs: cellIDs)
    for start in stride(from: 0, to: batch.count, by: 10_000) {
      try await store.addMembers(Array(batch[start..<min(start + 10_000, batch.count)]))
    }
    var removalEvents: [MembershipEvent] = []
    var nextOld: Int64 = 1
    func remove(_ kind: MembershipEventKind, _ count: Int, from: String) {
      for i in 0..<count {
        removalEvents.append(MembershipEvent(memberID: nextOld, kind: kind, date: day(from).adding(days: i % 80)))
        nextOld += 1
      }
    }
    remove(.struckOff, struckOff2022, from: "2022-01-05")
    remove(.askedToLeave, askedToLeave2022, from: "2022-01-05")
    remove(.struckOff, struckOff2023, from: "2023-01-05")
    remove(.askedToLeave, askedToLeave2023, from: "2023-01-05")
    try await store.recordEvents(removalEvents)
    try await store.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG", year: 2022, planned: plan)])
    try await store.setPopulation([Population(organisationID: ids["KG"]!, year: 2022, people: Self.population2022)])

    let nineMonths = try await store.membershipReport(scope: "KG", period: ReportPeriod(parsing: "2022-9M"))
    #expect(nineMonths.counts.admitted == admitted2022)
    #expect(nineMonths.admissionPlan == plan)
    #expect(nineMonths.admissionsShareOfPlan?.vietnamese == admissions["published_pct_of_plan"] as? String)
    #expect(
      nineMonths.admissionsChange?.percent.vietnamese == String(admissions["change_vs_same_period_2021_pct"] as! Int))
    #expect(nineMonths.counts.members == membersTotal)
    #expect(nineMonths.shareOfPopulation?.vietnamese == nine["members_share_of_population_pct"] as? String)
    let text = MembershipNarrative.text(nineMonths)
    #expect(
      text.contains(
        "kết nạp 1.451 đảng viên, đạt 90,7% kế hoạch năm (1.600 đảng viên), tăng 8% so với cùng kỳ năm 2021"))
    #expect(text.contains("tổng số đảng viên là 62.643 đồng chí"))
    #expect(text.contains("chiếm 3,57% dân số"))

    let q1 = try await store.membershipReport(scope: "KG", period: ReportPeriod(parsing: "2023-Q1"))
    #expect(q1.counts.struckOff == struckOff2023 && q1.counts.askedToLeave == askedToLeave2023)
    #expect(q1.counts.unqualifiedRemoved == removals["total_unqualified_members_removed"] as! Int)
    #expect(q1.changes["struckOff"]?.difference == removals["struck_off_change"] as? Int)
    #expect(q1.changes["askedToLeave"]?.difference == removals["asked_to_leave_change"] as? Int)
    #expect(q1.changes["unqualifiedRemoved"]?.difference == removals["total_change"] as? Int)
    let q1Text = MembershipNarrative.text(q1)
    #expect(q1Text.contains("Đưa 69 đảng viên không còn đủ tư cách ra khỏi Đảng (tăng 42)"))
    #expect(q1Text.contains("xóa tên 32 (tăng 19), cho ra khỏi Đảng 37 (tăng 23)"))
  }
}
