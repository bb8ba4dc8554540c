import DangVuCore

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
      var districts: [Organisation] = []
      for root in try await store.roots(on: date) {
        if try await store.evaluationCycle(scope: root.code, year: year) == nil {
          try await store.openEvaluationCycle(scope: root.code, year: year, evaluationDate: date)
        }
        districts += try await store.tree(on: date, root: root.code).children(of: root.id)
      }
      // Members disciplined in the year get the grade the rules allow them (DESIGN.md).
      let disciplined = try await store.disciplinedMembers(year: year)
      for (index, district) in districts.enumerated() {
        recorded += try await grade(district, in: store, year: year, on: date, seed: seed, disciplined: disciplined)
        progress(WorkProgress(phase: "xếp loại năm \(year)", done: index + 1, total: districts.count))
      }
    }
    return recorded
  }

  /// Every unit of a district (the district included: the province grades it), then its members and cadres.
  static func grade(
    _ district: Organisation, in store: any PartyStore, year: Int, on date: Day, seed: UInt64,
    disciplined: [Int64: Bool] = [:]
  ) async throws -> Int {
    /// A disciplined member is graded complete at most (not complete unless the unit fixed it itself).
    func allowed(_ outcome: GradeOutcome, _ member: Int64) -> GradeOutcome {
      guard let fixed = disciplined[member], case .graded = outcome else { return outcome }
      return .graded(fixed ? .complete : .notComplete)
    }
    var recorded = 0
    let units = try await store.tree(on: date, root: district.code).subtree(of: district.id)
    recorded += try await store.recordGrades(
      units.map { GradeEntry(subject: .organisation(code: $0.code), outcome: outcome(seed, year, $0.id, unit: true)) },
      year: year
    ).count
    let register = try await store.register(of: district.code, on: date).filter { !$0.exempt }
    var entries = register.map {
      GradeEntry(
        subject: .member($0.member.id), outcome: allowed(outcome(seed, year, $0.member.id, unit: false), $0.member.id))
    }
    for entry in register
    where entry.member.posts.contains(where: { $0.from <= date && ($0.until.map { date < $0 } ?? true) }) {
      entries.append(
        GradeEntry(
          subject: .leadershipCadre(memberID: entry.member.id),
          outcome: allowed(outcome(seed, year, ~entry.member.id, unit: true), entry.member.id)
        ))
    }
    recorded += try await store.recordGrades(entries, year: year).count
    return recorded
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
