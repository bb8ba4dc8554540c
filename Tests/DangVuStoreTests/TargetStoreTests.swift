import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Targets and plans as people keep them on the web (`TargetStore`), on every engine: each write with its audit
/// entry, the same entries whichever engine kept them.
@Suite("Store: report targets and admission plans")
struct TargetStoreTests {
  static let admin = AuditActor(login: "admin", role: "administrator")

  static func central() throws -> ReportTarget {
    try ReportTarget(
      measure: .goodOrAbovePercent, scopeCode: nil, years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW")
  }

  static func band(_ code: String, _ low: Int, _ high: Int) throws -> ReportTarget {
    try ReportTarget(
      measure: .admissionsPerYear, scopeCode: code, years: 2021...2025, low: low, high: high,
      source: "Nghị quyết Đại hội \(code)")
  }

  @Test(arguments: StoreEngine.allCases)
  func targetsAreStoredReadByWhomTheyBindAndRemovedWithTheirEntries(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      _ = try await SmallProvince.load(into: store)
      let central = try await store.addReportTarget(try Self.central(), by: Self.admin)
      let district = try await store.addReportTarget(try Self.band("KG.01", 10, 20), by: Self.admin)
      let other = try await store.addReportTarget(try Self.band("KG.02", 5, 8), by: Self.admin)
      #expect([central, district, other].compactMap(\.id).count == 3)
      #expect(try await store.reportTargets() == [central, district, other])
      // A commune sees the central target and its district's, not the other district's; the province sees all.
      #expect(try await store.reportTargets(relatedTo: "KG.01.001", on: day("2024-01-01")) == [central, district])
      #expect(try await store.reportTargets(relatedTo: "KG", on: day("2024-01-01")) == [central, district, other])
      // An unknown unit is refused, and nothing is written.
      await #expect(throws: DomainError.self) {
        try await store.addReportTarget(try Self.band("XX", 1, 2), by: Self.admin)
      }
      #expect(try await store.removeReportTarget(id: district.id!, by: Self.admin) == district)
      let again = await #expect(throws: DomainError.self) {
        try await store.removeReportTarget(id: district.id!, by: Self.admin)
      }
      #expect(again?.code == "target.notFound")
      #expect(try await store.reportTargets() == [central, other])

      let entries = try await store.auditEntries(AuditFilter()).sorted { $0.sequence < $1.sequence }
      #expect(entries.map(\.action) == ["target.add", "target.add", "target.add", "target.remove"])
      #expect(entries.map(\.subject) == [central, district, other, district].map { "target:\($0.id!)" })
      // A central target is filed under the top of the tree, a unit's under the unit.
      #expect(entries.map(\.scopeCode) == ["KG", "KG.01", "KG.02", "KG.01"])
      #expect(entries[1].after == (try NewAuditEntry.json(district)) && entries[1].before == nil)
      #expect(entries[3].before == (try NewAuditEntry.json(district)) && entries[3].after == nil)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCentralTargetWithNoUnitToFileItUnderIsRefused(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let error = await #expect(throws: DomainError.self) {
        try await store.addReportTarget(try Self.central(), by: Self.admin)
      }
      #expect(error?.code == "audit.noUnit")
      let targets = try await store.reportTargets()
      let entries = try await store.auditEntries(AuditFilter())
      #expect(targets.isEmpty && entries.isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aPlanIsSetWithWhatItReplacedAndItsPaceRead(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let ids = try await SmallProvince.load(into: store)
      try await store.setAdmissionPlan(
        AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 10), by: Self.admin)
      try await store.setAdmissionPlan(
        AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 12), by: Self.admin)
      try await store.setAdmissionPlan(
        AdmissionPlanEntry(organisationCode: "KG", year: 2024, planned: 30), by: Self.admin)
      for (plan, code) in [(-1, "plan.negative"), (5, "plan.year")] {
        let error = await #expect(throws: DomainError.self) {
          try await store.setAdmissionPlan(
            AdmissionPlanEntry(organisationCode: "KG.02", year: plan < 0 ? 2024 : 1900, planned: plan), by: Self.admin)
        }
        #expect(error?.code == code)
      }
      let entries = try await store.auditEntries(AuditFilter(action: "plan.set")).sorted { $0.sequence < $1.sequence }
      #expect(entries.map(\.subject) == ["plan:KG.01:2024", "plan:KG.01:2024", "plan:KG:2024"])
      #expect(entries.map(\.scopeCode) == ["KG.01", "KG.01", "KG"])
      #expect(entries[0].before == nil)
      #expect(
        entries[1].before
          == (try NewAuditEntry.json(AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 10))))
      #expect(
        entries[1].after
          == (try NewAuditEntry.json(AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 12))))

      try await store.addMembers(
        [
          ("KG.01.001.01", "2024-02-01"), ("KG.01.001.02", "2024-05-01"), ("KG.02.001", "2024-03-01"),
          ("KG.02.001", "2023-12-31"), ("KG.01.001.01", "2024-08-01"),
        ].enumerated().map { i, admitted in
          NewMember(
            member: SmallProvince.member("Đảng viên \(i)", card: "P\(i)", born: "1995-01-01"),
            events: [SmallProvince.admitted(ids[admitted.0]!, on: admitted.1)])
        })
      let progress = try await store.admissionProgress(within: "KG", on: day("2024-07-01"))
      #expect(progress.map(\.code) == ["KG", "KG.01", "KG.02"])
      #expect(progress.map(\.planned) == [30, 12, nil])
      #expect(progress.map(\.admitted) == [3, 2, 1])
      #expect(progress[0].expectedByNow == AdmissionProgress.expected(planned: 30, on: day("2024-07-01")))
    }
  }

  /// The report's plan, population and band: the plan of the province's own, the population of its year, the band
  /// binding its year; none for a period across two years.
  @Test(arguments: StoreEngine.allCases)
  func theMembershipReportReadsItsPlanPopulationAndBand(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, _ in
      let ids = try await SmallProvince.load(into: store)
      try await store.setAdmissionPlans([
        AdmissionPlanEntry(organisationCode: "KG.01", year: 2024, planned: 7),
        AdmissionPlanEntry(organisationCode: "KG.02", year: 2024, planned: 3),
        AdmissionPlanEntry(organisationCode: "KG", year: 2023, planned: 9),
      ])
      try await store.setPopulation([Population(organisationID: ids["KG"]!, year: 2024, people: 1_700_000)], audit: nil)
      let band = try await store.addReportTarget(try Self.band("KG", 2, 4), by: Self.admin)
      try await store.addMembers(
        (0..<3).map { i in
          NewMember(
            member: SmallProvince.member("Đảng viên \(i)", card: "R\(i)", born: "1995-01-01"),
            events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "202\(3 + i % 2)-0\(i + 2)-10")])
        })
      let year = try await store.membershipReport(scope: "KG", period: try ReportPeriod.year(2024))
      #expect(year.scopeName == "Đảng bộ tỉnh Kiên Giang" && year.scopeCode == "KG")
      #expect(year.admissionPlan == 10 && year.population == 1_700_000 && year.admissionsTarget == band)
      #expect(year.counts.admitted == 1 && year.previous.admitted == 2 && year.counts.members == 3)
      #expect(year.admissionsWithinTarget == false)
      let everything = try await store.membershipReport(scope: nil, period: try ReportPeriod.year(2024))
      #expect(everything.scopeName == "Đảng bộ tỉnh Kiên Giang" && everything.admissionPlan == 10)
      #expect(everything.admissionsTarget == nil)
      let across = try await store.membershipReport(
        scope: "KG", period: try ReportPeriod.range(from: day("2023-07-01"), through: day("2024-06-30")))
      #expect(across.admissionPlan == 19 && across.admissionsTarget == nil)
      #expect(try await store.lastMembershipRecord(onOrBefore: day("2024-01-01")) == day("2023-04-10"))
      #expect(try await store.lastMembershipRecord(onOrBefore: day("2023-01-01")) == nil)
    }
  }
}
