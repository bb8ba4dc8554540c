import DangVuCore

/// How many units of each kind a demo province has, and how many members; the default is the
/// Kiên Giang of the published 2023 evaluation report (`reference/published-figures.json`).
public struct DemoShape: Hashable, Sendable {
  public var districtCommittees: Int
  public var grassrootsCommittees: Int
  public var grassrootsCells: Int
  public var partialCommittees: Int
  public var subordinateCells: Int
  /// Subordinate cells founded less than 6 months before the 2023 evaluation (not graded that year).
  public var recentSubordinateCells: Int
  /// Members in the register on the reference day.
  public var members: Int

  public static let kienGiang = DemoShape(
    districtCommittees: 19, grassrootsCommittees: 296, grassrootsCells: 516, partialCommittees: 19,
    subordinateCells: 2_819, recentSubordinateCells: 37, members: 62_600)

  /// Units of every kind under the province (not counting the provincial committee itself).
  public var units: Int {
    districtCommittees + grassrootsCommittees + grassrootsCells + partialCommittees + subordinateCells
  }

  /// The same proportions for `members` members; every level keeps at least one unit, and each
  /// grassroots or partial committee keeps room for two cells.
  public func scaled(toMembers target: Int) -> DemoShape {
    let f = Double(target) / Double(members)
    func s(_ n: Int, minimum: Int) -> Int { Swift.max(minimum, Int((Double(n) * f).rounded())) }
    let gc = s(grassrootsCommittees, minimum: 1)
    let pc = Swift.min(gc, s(partialCommittees, minimum: 0))
    let sc = Swift.max(s(subordinateCells, minimum: 1), 2 * (gc + pc))
    return DemoShape(
      districtCommittees: Swift.min(gc, s(districtCommittees, minimum: 1)), grassrootsCommittees: gc,
      grassrootsCells: s(grassrootsCells, minimum: 1), partialCommittees: pc, subordinateCells: sc,
      recentSubordinateCells: Swift.min(sc - gc - pc, s(recentSubordinateCells, minimum: 0)), members: target)
  }
}

/// The days the demo's history is built around.
public enum DemoCalendar {
  /// The evaluation day of the published 2023 report: the shape holds exactly on this day.
  public static let referenceDay = Day(year: 2023, month: 12, day: 31)!
  /// Exits, transfers and exemptions are spread from here on, so past-date registers differ.
  public static let historyStart = Day(year: 2019, month: 1, day: 1)!
  /// The last day with events: the day before the 2025 reform removed the district level, so
  /// the demo's five-level tree stays valid for every date it records.
  public static let lastDay = Day(year: 2025, month: 6, day: 30)!
  /// Units founded after this are "less than 6 months old" on the reference day.
  public static let recentFrom = Day(year: 2023, month: 7, day: 1)!
  public static let populationYears = 2019...2025
}

/// Splitting a whole number into parts by weight, exactly (largest remainder), with a floor and
/// an optional ceiling per part; deterministic, so the plan is the same on every run.
enum Allocation {
  static func distribute(_ total: Int, weights: [Double], minimum: [Int]? = nil, cap: [Int]? = nil) -> [Int] {
    let n = weights.count
    guard n > 0 else { return [] }
    var floor = minimum ?? Array(repeating: 0, count: n)
    if floor.reduce(0, +) > total {
      // Not enough to give every part its floor: give one each in order while it lasts.
      floor = (0..<n).map { $0 < total ? Swift.min(1, floor[$0]) : 0 }
    }
    var parts = floor
    var remaining = total - parts.reduce(0, +)
    func hasRoom(_ i: Int) -> Bool { cap.map { parts[i] < $0[i] } ?? true }
    var open = (0..<n).filter(hasRoom)
    while remaining > 0 && !open.isEmpty {
      let weightSum = open.reduce(0.0) { $0 + Swift.max(weights[$1], 1e-9) }
      var given = 0
      var remainders: [(Int, Double)] = []
      for i in open {
        let share = Double(remaining) * Swift.max(weights[i], 1e-9) / weightSum
        var whole = Int(share)
        if let cap { whole = Swift.min(whole, cap[i] - parts[i]) }
        parts[i] += whole
        given += whole
        remainders.append((i, share - Double(whole)))
      }
      remaining -= given
      remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      for (i, _) in remainders where remaining > 0 && hasRoom(i) {
        parts[i] += 1
        remaining -= 1
      }
      open = open.filter(hasRoom)
    }
    return parts
  }
}
