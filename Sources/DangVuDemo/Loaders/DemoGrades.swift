import DangVuCore
import DangVuStore

/// Grades a loaded demo province for several years, with distributions like the published ones
/// (about 85% of members good or above, a fifth of those excellent, under 1% not complete or not evaluated),
/// so the evaluation report has something to show out of the box. Goes through `recordGrades` and its
/// rules like any grade, one transaction per district (a district's units share their ancestry lookups).
public enum DemoGrades {
  /// The years the demo grades by default: the reference year, the one before (for changes) and the one after.
  public static let defaultYears = [2022, 2023, 2024]

  /// Returns how many grades were recorded.
  @discardableResult
  public static func grade(
    _ store: any PartyStore, years: [Int], seed: UInt64, progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> Int {
    var recorded = 0
    for year in years {
      let date = Day(year: year, month: 12, day: 15)!
      // A national demo is many provinces: each runs its own cycle.
      var districts: [(unit: Organisation, bands: ScoreBands?)] = []
      for root in try await store.roots(on: date) {
        if try await store.evaluationCycle(scope: root.code, year: year) == nil {
          try await store.openEvaluationCycle(scope: root.code, year: year, evaluationDate: date)
        }
        // A regulation that scores (366-QĐ/TW, from 2025) needs a score sheet whose total is in the grade's band.
        let regulation = try await store.evaluationCycle(scope: root.code, year: year).flatMap { cycle in
          Regulation.all.first { $0.id == cycle.regulation }
        }
        var bands: ScoreBands?
        if case .scored(let scored) = regulation?.grading { bands = scored }
        districts += try await store.tree(on: date, root: root.code).children(of: root.id).map { ($0, bands) }
      }
      // Members disciplined in the year get the grade the rules allow them (DESIGN.md).
      let disciplined = try await store.disciplinedMembers(year: year)
      for (index, district) in districts.enumerated() {
        recorded += try await grade(
          district.unit, in: store, year: year, on: date, seed: seed, disciplined: disciplined, bands: district.bands)
        progress(WorkProgress(phase: "xếp loại năm \(year)", done: index + 1, total: districts.count))
      }
    }
    return recorded
  }

  /// Every unit of a district (the district included: the province grades it), then its members and cadres.
  static func grade(
    _ district: Organisation, in store: any PartyStore, year: Int, on date: Day, seed: UInt64,
    disciplined: [Int64: Bool] = [:], bands: ScoreBands? = nil
  ) async throws -> Int {
    /// The entry, with a score sheet totalling a score in the grade's band when the regulation scores.
    func entry(_ subject: GradedSubject, _ outcome: GradeOutcome, _ id: Int64) -> GradeEntry {
      guard let bands, case .graded(let grade) = outcome else { return GradeEntry(subject: subject, outcome: outcome) }
      return GradeEntry(
        subject: subject, outcome: outcome,
        sheet: sheet(grade, score: score(grade, bands, seed, year, id), for: subject, seed, year, id))
    }
    /// A disciplined member is graded complete at most (not complete unless the unit fixed it itself).
    func allowed(_ outcome: GradeOutcome, _ member: Int64) -> GradeOutcome {
      guard let fixed = disciplined[member], case .graded = outcome else { return outcome }
      return .graded(fixed ? .complete : .notComplete)
    }
    var recorded = 0
    let units = try await store.tree(on: date, root: district.code).subtree(of: district.id)
    var unitEntries = units.map { entry(.organisation(code: $0.code), outcome(seed, year, $0.id, unit: true), $0.id) }
    // Under 366-QĐ/TW a unit with a unit below it or a member of it disciplined in the year cannot be excellent: the
    // regulation says which, row by row, and the demo proposes good for that unit instead.
    while true {
      do {
        recorded += try await store.recordGrades(unitEntries, year: year).count
        break
      } catch let refused as BatchItemError
        where refused.error.code == "evaluation.excellentUnitBelowDisciplined"
        || refused.error.code == "evaluation.excellentMemberDisciplined"
      {
        let unit = units[refused.index]
        unitEntries[refused.index] = entry(.organisation(code: unit.code), .graded(.good), unit.id)
      }
    }
    let register = try await store.register(of: district.code, on: date).filter { !$0.exempt }
    var entries = register.map {
      entry(.member($0.member.id), allowed(outcome(seed, year, $0.member.id, unit: false), $0.member.id), $0.member.id)
    }
    for cadre in register
    where cadre.member.posts.contains(where: { $0.from <= date && ($0.until.map { date < $0 } ?? true) }) {
      entries.append(
        entry(
          .leadershipCadre(memberID: cadre.member.id),
          allowed(outcome(seed, year, ~cadre.member.id, unit: true), cadre.member.id), ~cadre.member.id))
    }
    recorded += try await store.recordGrades(entries, year: year).count
    return recorded
  }

  /// A score in the grade's band, stable per (seed, year, subject) like the grade.
  static func score(_ grade: Grade, _ bands: ScoreBands, _ seed: UInt64, _ year: Int, _ id: Int64) -> Int {
    let band: ClosedRange<Int>
    switch grade {
    case .excellent: band = bands.excellentFrom...100
    case .good: band = bands.goodFrom...(bands.excellentFrom - 1)
    case .complete: band = bands.completeFrom...(bands.goodFrom - 1)
    case .notComplete: band = max(0, bands.completeFrom - 20)...(bands.completeFrom - 1)
    }
    var random = DemoRandom(seed: seed, stream: 0x5C0E, UInt64(year), UInt64(bitPattern: id))
    return random.int(in: band)
  }

  /// A sheet of the subject's usual framework totalling `score`: its criterion groups in proportion to their maxima
  /// (each within its own), the tasks done on time and 30–60 % beyond for an excellent grade, on time with less
  /// beyond for a good one, late otherwise.
  static func sheet(
    _ grade: Grade, score: Int, for subject: GradedSubject, _ seed: UInt64, _ year: Int, _ id: Int64
  ) -> ScoreSheet {
    let general = max(score - 70, min(30, (score * 30 + 50) / 100))
    var random = DemoRandom(seed: seed, stream: 0x5C0F, UInt64(year), UInt64(bitPattern: id))
    return ScoreSheet(
      framework: subject.usualFramework, criteria: ["general": general, "tasks": score - general],
      allTasksOnTime: grade.isGoodOrAbove,
      beyondRequirementPercent: grade == .excellent
        ? random.int(in: 30...60) : grade == .good ? random.int(in: 0...29) : 0
    )
  }

  /// A stable draw per (seed, year, subject): the same demo always gets the same grades.
  static func outcome(_ seed: UInt64, _ year: Int, _ id: Int64, unit: Bool) -> GradeOutcome {
    var z = seed &+ UInt64(year) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: id) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    let r = Int(z % 10_000)
    // Shares in hundredths of a percent, from the 2023 report: members, then units and cadres.
    let (excellent, good, complete, notComplete) = unit ? (1_900, 7_500, 500, 60) : (1_600, 6_900, 1_340, 60)
    switch r {
    case ..<excellent: return .graded(.excellent)
    case ..<(excellent + good): return .graded(.good)
    case ..<(excellent + good + complete): return .graded(.complete)
    case ..<(excellent + good + complete + notComplete): return .graded(.notComplete)
    default: return .notEvaluated(.pendingInspection)
    }
  }
}
