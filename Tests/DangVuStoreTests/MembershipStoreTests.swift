import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Two official members in KG.01.001.01 (An, Bình) who can sponsor; Chi in KG.02.001.
private func loadSponsors(into store: any StoreEngine.Parts) async throws -> (ids: [String: Int64], members: [Member]) {
  let ids = try await SmallProvince.load(into: store)
  let official = { (cell: String) in
    [
      SmallProvince.admitted(ids[cell]!, on: "2010-01-01"),
      MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2011-01-05")),
    ]
  }
  let members = try await store.addMembers([
    NewMember(member: SmallProvince.member("Nguyễn Văn An", card: "A1"), events: official("KG.01.001.01")),
    NewMember(member: SmallProvince.member("Trần Thị Bình", card: "A2"), events: official("KG.01.001.01")),
    NewMember(member: SmallProvince.member("Lê Văn Chi", card: "A3"), events: official("KG.02.001")),
  ])
  return (ids, members)
}

@Suite("Store: the membership lifecycle")
struct MembershipStoreTests {
  @Test(arguments: StoreEngine.allCases)
  func anAdmissionKeepsItsDecisionAndTwoOfficialSponsors(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let (ids, m) = try await loadSponsors(into: store)
      let new = NewMember(
        member: SmallProvince.member("Phạm Thị Dung", card: "N1", born: "2000-02-02"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2023-03-01")],
        admission: AdmissionDecision(decisionNumber: "12-QĐ/ĐU", sponsorIDs: [m[0].id, m[1].id]))
      let dung = try await store.addMembers([new])[0]
      #expect(
        try await store.admission(ofMember: dung.id)
          == Admission(memberID: dung.id, decisionNumber: "12-QĐ/ĐU", sponsorIDs: [m[0].id, m[1].id]))

      // A probationary sponsor, one sponsor, or no decision number is refused, and nothing is written.
      let before = try await store.statistics()
      for decision in [
        AdmissionDecision(decisionNumber: "13-QĐ/ĐU", sponsorIDs: [m[0].id, dung.id]),
        AdmissionDecision(decisionNumber: "13-QĐ/ĐU", sponsorIDs: [m[0].id]),
        AdmissionDecision(decisionNumber: " ", sponsorIDs: [m[0].id, m[1].id]),
      ] {
        var again = new
        again.member = SmallProvince.member("Võ Văn Em", card: "N2", born: "2000-02-02")
        again.events = [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2023-06-01")]
        again.admission = decision
        await #expect(throws: BatchItemError.self) { try await store.addMembers([again]) }
      }
      #expect(try await store.statistics() == before)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aPlanIsTheUnitsOwnOrTheSumBelowIt(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      _ = try await SmallProvince.load(into: store)
      try await store.setAdmissionPlans([
        AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 30),
        AdmissionPlanEntry(organisationCode: "KG.02.001", year: 2024, planned: 5),
        AdmissionPlanEntry(organisationCode: "KG.01.001", year: 2024, planned: 12),
      ])
      #expect(try await store.admissionPlan(of: "KG", year: 2024) == 35)
      #expect(try await store.admissionPlan(of: "KG.01", year: 2024) == 30)
      #expect(try await store.admissionPlan(of: "KG", year: 2023) == nil)
      try await store.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG", year: 2024, planned: 40)])
      #expect(try await store.admissionPlan(of: "KG", year: 2024) == 40)
      await #expect(throws: BatchItemError.self) {
        try await store.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: -1)])
      }
      #expect(try await store.admissionPlan(of: "KG.01", year: 2024) == 30)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aMemberInTransitIsCountedOnceAndCrossesTheSubtreesEdgeWhenReceived(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let (ids, m) = try await loadSponsors(into: store)
      try await store.recordEvents([
        MembershipEvent(memberID: m[0].id, kind: .transferSent, date: day("2024-02-01"), cellID: ids["KG.02.001"])
      ])
      let inTransit = try await store.membersInTransit(within: "KG", on: day("2024-03-15"))
      #expect(inTransit.map(\.memberID) == [m[0].id])
      #expect(inTransit[0].fromCellCode == "KG.01.001.01" && inTransit[0].toCellCode == "KG.02.001")
      #expect(inTransit[0].overdue)
      #expect(try await store.membersInTransit(within: "KG.02", on: day("2024-03-15")).isEmpty)
      let q1 = try await store.membershipCounts(scope: "KG", period: ReportPeriod.quarter(1, of: 2024))
      #expect(q1.members == 3 && q1.inTransit == 1)
      #expect(try await store.register(of: "KG.01", on: day("2024-03-15")).filter(\.inTransit).count == 1)

      try await store.recordEvents([
        MembershipEvent(memberID: m[0].id, kind: .transferReceived, date: day("2024-04-10"), cellID: ids["KG.02.001"])
      ])
      let q2 = try ReportPeriod.quarter(2, of: 2024)
      let district1 = try await store.membershipCounts(scope: "KG.01", period: q2)
      let district2 = try await store.membershipCounts(scope: "KG.02", period: q2)
      let province = try await store.membershipCounts(scope: "KG", period: q2)
      #expect(district1.transfersOutWithinProvince == 1 && district1.members == 1)
      #expect(district2.transfersInWithinProvince == 1 && district2.members == 2)
      #expect(
        province.transfersIn == 0 && province.transfersOut == 0 && province.members == 3 && province.inTransit == 0)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func flowsOfThePeriodAreCountedWhereTheyHappened(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let (ids, m) = try await loadSponsors(into: store)
      var giang = SmallProvince.member("Hồ Văn Giang", card: "N2", born: "1960-02-02")
      giang.gender = .male
      let added = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Phạm Thị Dung", card: "N1", born: "1990-02-02"),
          events: [SmallProvince.admitted(ids["KG.01.001.02"]!, on: "2023-03-01")]),
        NewMember(
          member: giang,
          events: [
            MembershipEvent(memberID: 0, kind: .transferredIn, date: day("2024-01-20"), cellID: ids["KG.02.001"])
          ]
        ),
      ])
      try await store.recordEvents([
        MembershipEvent(memberID: m[1].id, kind: .transferredOut, date: day("2024-02-10")),
        MembershipEvent(memberID: m[2].id, kind: .died, date: day("2024-03-01")),
        MembershipEvent(memberID: added[0].id, kind: .madeOfficial, date: day("2024-03-05")),
      ])
      let c = try await store.membershipCounts(scope: "KG", period: ReportPeriod.quarter(1, of: 2024))
      #expect(c.transfersInFromOutside == 1 && c.transfersOutToOutside == 1 && c.died == 1 && c.madeOfficial == 1)
      #expect(c.members == 3 && c.official == 3 && c.probationary == 0)
      #expect(c.structure.women == 2)
      #expect(c.structure.ageBands["61–70 tuổi"] == 1 && c.structure.ageBands["31–40 tuổi"] == 1)
      let district1 = try await store.membershipCounts(scope: "KG.01", period: ReportPeriod.quarter(1, of: 2024))
      #expect(district1.transfersOutToOutside == 1 && district1.died == 0 && district1.madeOfficial == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func probationsOverTwelveMonthsWithNoDecisionAreListed(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let ids = try await SmallProvince.load(into: store)
      let added = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Phạm Thị Dung", card: "N1", born: "1990-02-02"),
          events: [SmallProvince.admitted(ids["KG.01.001.02"]!, on: "2023-03-01")]),
        NewMember(
          member: SmallProvince.member("Võ Văn Em", card: "N2", born: "1990-02-02"),
          events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2023-09-01")]),
      ])
      let overdue = try await store.overdueProbations(within: nil, on: day("2024-04-01"))
      #expect(overdue.map(\.memberID) == [added[0].id])
      #expect(overdue[0].probationEnded == day("2024-03-01"))
      try await store.recordEvents([
        MembershipEvent(memberID: added[0].id, kind: .notRecognised, date: day("2024-04-10"))
      ])
      #expect(try await store.overdueProbations(within: "KG", on: day("2024-09-02")).map(\.memberID) == [added[1].id])
      let c = try await store.membershipCounts(scope: "KG", period: ReportPeriod.year(2024))
      #expect(c.notRecognised == 1 && c.unqualifiedRemoved == 0)
    }
  }
}
