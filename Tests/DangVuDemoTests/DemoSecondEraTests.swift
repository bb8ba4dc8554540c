import DangVuCore
import DangVuDemo
import DangVuStore
import Foundation
import Testing

/// The demo through the 2025 reorganisation to today (decision 0036): the first era's reports do not change,
/// the new tree carries the reports after it, and nothing stays overdue for want of records.
@Suite("The demo's second era")
struct DemoSecondEraTests {
  static let today = Day(year: 2026, month: 12, day: 7)!
  static let options = DemoOptions(members: 3_000, seed: 5)

  /// The first era loaded as `dangvu demo` loads it (members, oversight, grades), then, if asked, the second.
  static func load(_ options: DemoOptions, secondEra: Bool) async throws -> (
    SQLiteStore, DemoSecondEraLoader.Summary
  ) {
    let store = try SQLiteStore.inMemory()
    var firstEra = options
    firstEra.secondEraFollows = secondEra
    _ = try await DemoLoader.load(into: store, options: firstEra) { _ in }
    try await DemoOversightLoader.load(into: store, seed: options.seed)
    try await DemoGrades.grade(store, years: [2023, 2024], seed: options.seed)
    var summary = DemoSecondEraLoader.Summary()
    if secondEra {
      summary = try await DemoSecondEraLoader.load(into: store, options: options, today: today, gradeYears: [2025])
    }
    return (store, summary)
  }

  /// Loaded once for the suite's tests: the first era alone, and with the second.
  static let firstEraOnly = Task { try await load(options, secondEra: false).0 }
  static let bothEras = Task { try await load(options, secondEra: true) }

  static func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func the2023ReportsAreTheSameWithAndWithoutTheSecondEra() async throws {
    let before = try await Self.firstEraOnly.value
    let after = try await Self.bothEras.value.0
    let districts = DemoPlan(members: Self.options.members, seed: Self.options.seed).districts
    // The whole store, the province, an area district and a sector one.
    for scope in [nil, "KG", districts.first?.code, districts.last?.code] {
      for period in [
        try ReportPeriod.year(2023), try ReportPeriod.nineMonths(2023), try ReportPeriod.quarter(1, of: 2023),
      ] {
        #expect(
          try Self.json(await before.membershipReport(scope: scope, period: period))
            == Self.json(await after.membershipReport(scope: scope, period: period)), "\(scope ?? "-") \(period)")
        #expect(
          try Self.json(await before.oversightReport(period: period, scope: scope))
            == Self.json(await after.oversightReport(period: period, scope: scope)), "\(scope ?? "-") \(period)")
      }
      #expect(
        try Self.json(await before.evaluationReport(year: 2023, scope: scope))
          == Self.json(await after.evaluationReport(year: 2023, scope: scope)), "\(scope ?? "-")")
    }
  }

  @Test func a2026ReportFollowsTheNewTree() async throws {
    let (store, summary) = try await Self.bothEras.value
    let newYear = Day(year: 2026, month: 1, day: 1)!
    let tree = try await store.tree(on: newYear, root: nil)
    #expect(tree.roots.map(\.code) == ["AGI-2025"])
    #expect(tree.roots.first?.name == "Đảng bộ tỉnh An Giang")
    #expect(!tree.units.values.contains { $0.kind == .districtCommittee })
    let communes = tree.units.values.filter { $0.kind == .communeCommittee }
    #expect(communes.count == summary.communes)
    #expect(communes.count >= 3)
    #expect(communes.allSatisfy { $0.name.hasPrefix("Đảng bộ xã ") || $0.name.hasPrefix("Đảng bộ phường ") })
    #expect(try await store.roots(on: DemoCalendar.lastDay).map(\.code) == ["KG"])

    // Every member in the register sits under the new province, in the cell they had before.
    let cells = try await store.memberCountsByCell(on: newYear)
    let province = try #require(tree.roots.first)
    #expect(cells.keys.allSatisfy { tree.isDescendant($0, of: province.id) })
    let before = try await store.memberCountsByCell(on: DemoCalendar.lastDay)
    let stayed = before.keys.filter { cells[$0] != nil }
    #expect(stayed.count == before.count)

    let period = try ReportPeriod.range(from: newYear, through: Day(year: 2026, month: 6, day: 30)!)
    let report = try await store.membershipReport(scope: "AGI-2025", period: period)
    #expect(report.scopeName == "Đảng bộ tỉnh An Giang")
    let onLastDay = try await store.memberCountsByCell(on: period.through).values.reduce(0, +)
    #expect(report.counts.members == onLastDay)
    #expect(report.counts.members > 2_800)
    #expect(report.counts.admitted > 0)
    #expect(report.population != nil)

    // Oversight goes on under the new committees, inside the era.
    let oversight = try await store.oversightReport(period: period, scope: "AGI-2025")
    #expect(oversight.scopeName == "Đảng bộ tỉnh An Giang")
    #expect(summary.visits > 100)
    #expect(oversight.figures.values.contains { $0.current > 0 })

    // The 2025 grades are recorded on the new tree.
    let grades = try await store.evaluationReport(year: 2025, scope: "AGI-2025")
    #expect(grades.members.counts.evaluated > 2_500)
    #expect(summary.grades > 2_500)
  }

  /// The demo's 2025 grades are under 366-QĐ/TW: every graded subject has a score sheet of a framework that fits
  /// it, whose total is its score and whose band is its grade; an excellent one shows its tasks on time and 30 %
  /// beyond.
  @Test func the2025GradesCarryConsistentScoreSheets() async throws {
    let (store, _) = try await Self.bothEras.value
    let grades = try await store.grades(of: "AGI-2025", year: 2025)
    let graded = grades.filter { if case .graded = $0.outcome { true } else { false } }
    #expect(graded.count > 2_500)
    let q366 = Regulation.q366
    for grade in graded {
      let sheet = try #require(grade.sheet, "\(grade.subjectName) has no sheet")
      #expect(sheet.criteria.values.reduce(0, +) == grade.score)
      #expect(grade.score.flatMap(q366.grade(forScore:)).map(GradeOutcome.graded) == grade.outcome)
      #expect(sheet.framework == grade.subject.usualFramework)
      let framework = try #require(q366.frameworks.first { $0.group == sheet.framework })
      #expect(framework.criteria.allSatisfy { (0...$0.maximum).contains(sheet.criteria[$0.id] ?? -1) })
      if grade.outcome == .graded(.excellent) {
        #expect(sheet.allTasksOnTime == true && (sheet.beyondRequirementPercent ?? 0) >= 30)
      }
    }
    #expect(graded.contains { $0.outcome == .graded(.excellent) && $0.subject.usualFramework == .collective })
  }

  @Test func noProbationOrTransferIsLongOverdueToday() async throws {
    let before = try await Self.firstEraOnly.value
    #expect(try await before.overdueProbations(within: nil, on: Self.today).count > 50)
    let (store, summary) = try await Self.bothEras.value
    let overdue = try await store.overdueProbations(within: nil, on: Self.today)
    // Made official up to two months after the twelve: none is further behind.
    #expect(overdue.allSatisfy { $0.probationEnded >= Self.today.adding(days: -60) })
    #expect(try await store.membersInTransit(within: nil, on: Self.today).isEmpty)
    #expect(summary.madeOfficial > 50)
    #expect(summary.admissions > 50)
    #expect(summary.exits > 10)
  }

  @Test func theSameSeedGivesTheSameSecondEra() async throws {
    var results: [String] = []
    for _ in 0..<2 {
      var (store, summary) = try await Self.load(DemoOptions(members: 600, seed: 3), secondEra: true)
      summary.elapsed = .zero
      let stats = try await store.statistics()
      var events = ""
      for id in Int64(1)...Int64(stats.members) {
        for event in try await store.timeline(ofMember: id).events where event.date >= DemoSecondEra.firstDay {
          events += "\(id) \(event.kind.rawValue)@\(event.date)/\(event.cellID ?? 0)\n"
        }
      }
      #expect(!events.isEmpty)
      let tree = try await store.tree(on: Self.today, root: nil)
      let codes = tree.units.values.map { "\($0.code)<\(tree.parentOf[$0.id].flatMap { tree.units[$0]?.code } ?? "")" }
      results.append("\(summary) \(stats) \(codes.sorted())\n\(events)")
    }
    #expect(results[0] == results[1])
  }
}
