import DangVuCore
import Testing

/// Targets are records scoped to whom they bind (issue 25 part 4): which one a report reads, and the checks of
/// one as typed; the pace of an admission plan through the year.
@Suite struct ReportTargetTests {
  func target(
    _ measure: ReportTarget.Measure, _ scope: String?, _ years: ClosedRange<Int>, low: Int, high: Int? = nil,
    id: Int64
  ) throws -> ReportTarget {
    try ReportTarget(id: id, measure: measure, scopeCode: scope, years: years, low: low, high: high, source: "NQ \(id)")
  }

  @Test func aBandOfAdmissionsBindsOnlyTheUnitThatSetItInItsYears() throws {
    let band = try target(.admissionsPerYear, "KG", 2022...2025, low: 1_600, high: 1_800, id: 1)
    #expect(ReportTargets.binding(.admissionsPerYear, in: [band], scope: "KG", above: [], year: 2023) == band)
    #expect(ReportTargets.binding(.admissionsPerYear, in: [band], scope: "KG.01", above: ["KG"], year: 2023) == nil)
    #expect(ReportTargets.binding(.admissionsPerYear, in: [band], scope: "KG", above: [], year: 2026) == nil)
    #expect(band.isMet(admitted: 1_600) && band.isMet(admitted: 1_800))
    #expect(!band.isMet(admitted: 1_599) && !band.isMet(admitted: 1_801))
  }

  @Test func aShareOfGoodGradesBindsTheUnitsBelowTheNearestUnitFirst() throws {
    let central = try target(.goodOrAbovePercent, nil, 2022...2030, low: 90, id: 1)
    let province = try target(.goodOrAbovePercent, "KG", 2022...2030, low: 92, id: 2)
    let district = try target(.goodOrAbovePercent, "KG.01", 2024...2025, low: 95, id: 3)
    let all = [central, province, district]
    #expect(
      ReportTargets.binding(.goodOrAbovePercent, in: all, scope: "KG.01.001", above: ["KG.01", "KG"], year: 2024)
        == district)
    #expect(
      ReportTargets.binding(.goodOrAbovePercent, in: all, scope: "KG.01.001", above: ["KG.01", "KG"], year: 2023)
        == province)
    #expect(ReportTargets.binding(.goodOrAbovePercent, in: all, scope: "HN", above: [], year: 2023) == central)
    #expect(ReportTargets.binding(.goodOrAbovePercent, in: all, scope: "HN", above: [], year: 2021) == nil)
    // 9 of 10 meets 90 %; 8 of 9 (88.9 %) does not.
    #expect(central.isMet(goodOrAbove: 9, of: 10))
    #expect(!central.isMet(goodOrAbove: 8, of: 9))
  }

  @Test func aTargetAsTypedIsCheckedWithItsFieldNamed() {
    #expect(throws: DomainError.self) {
      try ReportTarget(measure: .admissionsPerYear, scopeCode: "KG", years: 2022...2025, low: 10, source: "NQ")
    }
    #expect(throws: DomainError.self) {
      try ReportTarget(measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2025, low: 120, source: "NQ")
    }
    #expect(throws: DomainError.self) {
      try ReportTarget(measure: .goodOrAbovePercent, scopeCode: "KG", years: 2022...2025, low: 90, source: "  ")
    }
    do {
      _ = try ReportTarget(
        measure: .admissionsPerYear, scopeCode: "KG", years: 2022...2025, low: 300, high: 200, source: "NQ")
      Issue.record("an upside-down band was accepted")
    } catch {
      #expect(error.code == "target.band")
    }
  }

  @Test func aPlanAsksItsShareOfTheYearByEachDay() {
    #expect(AdmissionProgress.expected(planned: 365, on: Day(parsing: "2023-06-30")!) == 181)
    #expect(AdmissionProgress.expected(planned: 1_600, on: Day(parsing: "2023-12-31")!) == 1_600)
    #expect(AdmissionProgress.expected(planned: 1_600, on: Day(parsing: "2024-01-01")!) == 4)
    let behind = AdmissionProgress(
      code: "KG.01", name: "Châu Thành", planned: 365, admitted: 180, on: Day(parsing: "2023-06-30")!)
    #expect(behind.isBehind && behind.expectedByNow == 181)
    let unplanned = AdmissionProgress(
      code: "KG.02", name: "Tân Hiệp", planned: nil, admitted: 0, on: Day(parsing: "2023-06-30")!)
    #expect(!unplanned.isBehind && unplanned.expectedByNow == nil)
  }
}
