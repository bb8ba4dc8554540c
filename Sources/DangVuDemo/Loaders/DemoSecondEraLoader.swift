import DangVuCore
import DangVuStore

/// The demo's second era, loaded after everything of the first (tree, members, oversight, grades): the 2025
/// reorganisation, then the records from 1 July 2025 to `today` (decision 0036). The first era's records are
/// not touched, so its reports stay what they were.
public enum DemoSecondEraLoader {
  public struct Summary: Hashable, Sendable {
    public var newRoots = 0
    public var communes = 0
    public var unitMoves = 0
    public var madeOfficial = 0
    public var received = 0
    public var admissions = 0
    public var exits = 0
    public var grades = 0
    /// Inspection and supervision lượt, and discipline decisions, from 1 July 2025 to today.
    public var visits = 0
    public var decisions = 0
    /// The time the era took to load, its grades included.
    public var elapsed: Duration = .zero

    public init() {}
  }

  /// Events are recorded in batches of this many (each member's history is checked with them).
  static let batchSize = 20_000

  /// Reorganises the demo loaded with `options` and records its second era up to `today`; grades `gradeYears`
  /// on the new tree. Does nothing before the era begins.
  @discardableResult
  public static func load(
    into store: any BulkLoading, options: DemoOptions, today: Day, gradeYears: [Int] = [],
    progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> Summary {
    let started = ContinuousClock.now
    var timer = PhaseTimer()
    var summary = Summary()
    guard DemoSecondEra.firstDay <= today else { return summary }
    let day = DemoReorganisation.day
    let plan = DemoPlan(members: options.members, seed: options.seed)

    progress(WorkProgress(phase: "sắp xếp tổ chức 2025", done: 0, total: 1))
    let areas = Set(plan.districts.filter(\.sector.isArea).map(\.code))
    let reorganisation = DemoReorganisation.plan(
      tree: try await store.tree(on: day, root: nil), areaDistricts: areas, seed: options.seed)
    try await store.reorganise(
      newRoots: reorganisation.roots.map {
        NewOrganisation(code: $0.code, name: $0.name, kind: .provincialCommittee, parentCode: nil, founded: day)
      }, changes: reorganisation.changes)
    summary.newRoots = reorganisation.roots.count
    summary.communes = reorganisation.communes
    summary.unitMoves = reorganisation.moves
    progress(WorkProgress(phase: "sắp xếp tổ chức 2025", done: 1, total: 1))
    timer.lap("second era: reorganisation")

    // A merged province's people, for "members as a share of the population" on the new tree.
    var population: [Population] = []
    for root in reorganisation.roots {
      guard let id = try await store.organisation(code: root.code)?.id else { continue }
      let provinces = plan.provinces.filter { root.provinces.contains($0.code) }
      for year in day.year...today.year {
        population.append(
          Population(organisationID: id, year: year, people: provinces.reduce(0) { $0 + $1.people(in: year) }))
      }
    }
    try await store.setPopulation(population)

    let (events, cells, counts) = try await store.readingInBulk { register in
      try registerEvents(register, seed: options.seed, today: today)
    }
    timer.lap("second era: register read")
    summary.madeOfficial = counts.madeOfficial
    summary.received = counts.received
    summary.exits = counts.exits
    for start in stride(from: 0, to: events.count, by: batchSize) {
      try await store.recordEvents(Array(events[start..<min(start + batchSize, events.count)]))
      progress(
        WorkProgress(phase: "hồ sơ từ 01/7/2025", done: min(start + batchSize, events.count), total: events.count))
    }
    timer.lap("second era: events recorded")
    let admitted = DemoSecondEra.admissions(
      count: DemoSecondEra.share(ofYearly: counts.admittedInAYear, through: today), cells: cells, through: today,
      seed: options.seed)
    for start in stride(from: 0, to: admitted.count, by: batchSize) {
      let batch = admitted[start..<min(start + batchSize, admitted.count)]
      try await store.addMembers(batch.map { NewMember(member: $0.member, events: $0.events) })
    }
    summary.admissions = admitted.count
    timer.lap("second era: admissions")
    // Oversight of the era's years, kept to what began and ended inside it; before the grades, which read the
    // year's discipline.
    let oversight = try await DemoOversightLoader.load(
      into: store, seed: options.seed, years: Array(day.year...today.year), window: day...today, progress: progress)
    summary.visits = oversight.visits
    summary.decisions = oversight.decisions
    timer.lap("second era: oversight")
    try await store.prepareMembershipReports()
    timer.lap("second era: monthly sums")
    if !gradeYears.isEmpty {
      summary.grades = try await DemoGrades.grade(store, years: gradeYears, seed: options.seed, progress: progress)
    }
    summary.elapsed = ContinuousClock.now - started
    return summary
  }

  struct Counts {
    var madeOfficial = 0
    var received = 0
    var exits = 0
    var admittedInAYear = 0
  }

  /// One pass over the open spans: probations completed, letters in transit received, exits drawn at the first
  /// era's rate for 2024; with the cells that hold members now, for the admissions.
  static func registerEvents(_ register: BulkRegisterReader, seed: UInt64, today: Day) throws -> (
    [MembershipEvent], [Int64], Counts
  ) {
    var counts = Counts()
    let year2024 = Day.firstDay(ofYear: 2024)...Day.lastDay(ofYear: 2024)
    counts.admittedInAYear = try register.eventCount(.admitted, on: year2024)
    let exitKinds = try register.eventKinds([.died, .struckOff, .askedToLeave, .expelled], on: year2024)
    let candidates = try register.openSpanCount(standing: .official, inTransit: false)
    let expected = Double(DemoSecondEra.share(ofYearly: exitKinds.count, through: today))
    let chance = candidates == 0 ? 0 : expected / Double(candidates)
    // Leaders keep their posts to the end of the demo: none of them leaves, as in the first era.
    let holdingPosts = try register.membersHoldingPosts()

    var events: [MembershipEvent] = []
    var cells = Set<Int64>()
    try register.forEachOpenSpan { open in
      let member = open.memberID
      let standing = open.standing
      let inTransit = open.inTransit
      cells.insert(open.cellID)
      var received: Day?
      if inTransit, let sentTo = open.sentTo {
        let day = DemoSecondEra.received(memberID: member, sent: open.from, seed: seed)
        if day <= today {
          events.append(MembershipEvent(memberID: member, kind: .transferReceived, date: day, cellID: sentTo))
          received = day
          counts.received += 1
        }
      }
      if standing == .probationary, let admitted = open.admitted {
        var official = DemoSecondEra.madeOfficial(memberID: member, admitted: admitted, seed: seed)
        if inTransit {
          // Made official by the cell that holds the member: after the letter is presented.
          guard let received else { return }
          official = max(official, received.adding(days: 1))
        }
        if official <= today {
          events.append(MembershipEvent(memberID: member, kind: .madeOfficial, date: official))
          counts.madeOfficial += 1
        }
      } else if standing == .official, !inTransit, !holdingPosts.contains(member),
        let exit = DemoSecondEra.exit(memberID: member, chance: chance, kinds: exitKinds, through: today, seed: seed)
      {
        events.append(exit)
        counts.exits += 1
      }
    }
    return (events, cells.sorted(), counts)
  }

}
