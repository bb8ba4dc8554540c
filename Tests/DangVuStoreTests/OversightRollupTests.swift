import DangVuCore
import DangVuDemo
import DangVuTestFixtures
import Testing

@testable import DangVuStore

/// The rollup that answers whole-database reports must give exactly what counting the lượt gives, for any
/// month-aligned period, however the records arrived (out of date order, subjects repeated across kinds).
@Suite("Store: the oversight rollup agrees with the lượt")
struct OversightRollupTests {
  /// 60 inspections on random days of 2021–2023, in no order, over overlapping random subjects.
  static func randomInspections(_ random: inout DemoRandom, in store: any StoreEngine.Parts) async throws
    -> OversightProvince
  {
    let province = try await OversightProvince.build(
      in: store, districts: 1, committeesPerDistrict: 2, cellsPerCommittee: 3, members: 40, posts: 0)
    let kinds = OversightKind.allCases
    for _ in 0..<60 {
      let members = Set((0..<(1 + random.below(6))).map { _ in province.members[random.below(40)] })
      let units = Set((0..<random.below(3)).map { _ in province.units[random.below(province.units.count)] })
      try await province.inspect(
        kinds[random.below(kinds.count)], by: random.below(2) == 0 ? .partyCommittee : .inspectionCommission,
        units: ArraySlice(units.sorted()), members: ArraySlice(members.sorted()), started: randomDay(&random).iso)
    }
    return province
  }

  static func randomDay(_ random: inout DemoRandom) -> Day {
    Day(year: 2021 + random.below(3), month: 1 + random.below(12), day: 1 + random.below(28))!
  }

  @Test(arguments: StoreEngine.allCases)
  func rollupMatchesCountingTheVisitsForEveryPeriod(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      var random = DemoRandom(seed: 42)
      try await Self.expectRollupAgrees(try await Self.randomInspections(&random, in: store).store)
    }
  }

  /// A correction takes an inspection's lượt out of the rollup and puts them back as corrected (another month, kind,
  /// organ or set of subjects), re-linking each subject's next lượt: the rollup still agrees with counting.
  @Test(arguments: StoreEngine.allCases)
  func rollupStillMatchesAfterInspectionsAreCorrected(engine: StoreEngine) async throws {
    try await engine.withOversightStore { store in
      var random = DemoRandom(seed: 7)
      let province = try await Self.randomInspections(&random, in: store)
      let kinds = OversightKind.allCases
      let ids = try await province.store.oversightRecords(
        scope: "KG", from: day("2021-01-01"), to: day("2023-12-31"), limit: 1000
      ).inspections.map(\.id).sorted()
      #expect(ids.count == 60)
      for id in ids.shuffled(using: &random).prefix(30) {
        let before = try #require(try await province.store.inspection(id: id))
        var subjects = before.subjects.map(\.subject).filter { _ in random.below(3) > 0 }
        subjects.append(.member(province.members[random.below(40)]))
        _ = try await province.store.correctInspection(
          InspectionCorrection(
            inspectionID: id, kind: kinds[random.below(kinds.count)],
            organ: random.below(2) == 0 ? .partyCommittee : .inspectionCommission, title: before.title + " (sửa)",
            started: Self.randomDay(&random), concluded: nil,
            subjects: Array(Set(subjects)).sorted { "\($0)" < "\($1)" },
            reason: "Thử sửa"),
          by: AuditActor(login: "ubkt", role: "inspectionStaff"))
      }
      try await Self.expectRollupAgrees(province.store)
    }
  }

  static func expectRollupAgrees(_ store: any StoreEngine.Parts) async throws {
    let periods: [ReportPeriod] = [
      try .quarter(1, of: 2022), try .quarter(4, of: 2023), try .nineMonths(2022), try .year(2021), try .halfYear(2023),
      try .term(from: 2020, to: 2025), try .range(from: day("2022-03-01"), through: day("2023-02-28")),
    ]
    for period in periods {
      #expect(
        try await StoreEngine.visitCounts(store, period, rollup: true)
          == StoreEngine.visitCounts(store, period, rollup: false), "\(period.nameVi)")
    }
    // The table the writes kept is the one a recount from the lượt gives.
    let rollup = try await StoreEngine.rollupKeptAndRecounted(store)
    #expect(rollup.kept == rollup.recounted)
    #expect(try await StoreEngine.visitCounts(store, periods[5], rollup: true)["oversight.all.members"] > 0)
  }
}
