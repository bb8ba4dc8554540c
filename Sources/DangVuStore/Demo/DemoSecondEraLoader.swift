import DangVuCore
import GRDB

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
    into store: SQLiteStore, options: DemoOptions, today: Day, gradeYears: [Int] = [],
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

    let (events, cells, counts) = try await store.writer.read { db in
      try registerEvents(db: db, seed: options.seed, today: today)
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
  static func registerEvents(db: Database, seed: UInt64, today: Day) throws -> (
    [MembershipEvent], [Int64], Counts
  ) {
    var counts = Counts()
    let year2024 = [Day.firstDay(ofYear: 2024).daysSinceEpoch, Day.lastDay(ofYear: 2024).daysSinceEpoch]
    counts.admittedInAYear =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM membership_event WHERE kind = 'admitted' AND date BETWEEN ? AND ?",
        arguments: StatementArguments(year2024)) ?? 0
    let exitKinds = try String.fetchAll(
      db,
      sql: """
        SELECT kind FROM membership_event
        WHERE kind IN ('died', 'struckOff', 'askedToLeave', 'expelled') AND date BETWEEN ? AND ?
        ORDER BY member_id, date
        """, arguments: StatementArguments(year2024)
    ).compactMap(MembershipEventKind.init(rawValue:))
    let candidates =
      try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM member_span WHERE valid_until IS NULL AND standing = 'official' AND in_transit = 0"
      ) ?? 0
    let expected = Double(DemoSecondEra.share(ofYearly: exitKinds.count, through: today))
    let chance = candidates == 0 ? 0 : expected / Double(candidates)
    // Leaders keep their posts to the end of the demo: none of them leaves, as in the first era.
    let holdingPosts = Set(try Int64.fetchAll(db, sql: "SELECT member_id FROM member_post WHERE valid_until IS NULL"))

    var events: [MembershipEvent] = []
    var cells = Set<Int64>()
    // By member: the (kind, date) index would walk every admission of the demo for each probationer.
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.member_id, s.cell_id, s.standing, s.in_transit, s.valid_from,
          CASE WHEN s.standing = 'probationary' THEN
            (SELECT MIN(date) FROM membership_event INDEXED BY membership_event_member
             WHERE member_id = s.member_id AND kind = 'admitted') END,
          CASE WHEN s.in_transit = 1 THEN
            (SELECT cell_id FROM membership_event
             WHERE member_id = s.member_id AND kind = 'transferSent' AND date = s.valid_from) END
        FROM member_span s WHERE s.valid_until IS NULL ORDER BY s.member_id
        """)
    while let row = try cursor.next() {
      let member: Int64 = row[0]
      let standing: String = row[2]
      let inTransit: Bool = row[3]
      cells.insert(row[1])
      var received: Day?
      if inTransit, let sentTo: Int64 = row[6] {
        let day = DemoSecondEra.received(memberID: member, sent: Day(daysSinceEpoch: row[4]), seed: seed)
        if day <= today {
          events.append(MembershipEvent(memberID: member, kind: .transferReceived, date: day, cellID: sentTo))
          received = day
          counts.received += 1
        }
      }
      if standing == "probationary", let admitted = (row[5] as Int?).map(Day.init(daysSinceEpoch:)) {
        var official = DemoSecondEra.madeOfficial(memberID: member, admitted: admitted, seed: seed)
        if inTransit {
          // Made official by the cell that holds the member: after the letter is presented.
          guard let received else { continue }
          official = max(official, received.adding(days: 1))
        }
        if official <= today {
          events.append(MembershipEvent(memberID: member, kind: .madeOfficial, date: official))
          counts.madeOfficial += 1
        }
      } else if standing == "official", !inTransit, !holdingPosts.contains(member),
        let exit = DemoSecondEra.exit(memberID: member, chance: chance, kinds: exitKinds, through: today, seed: seed)
      {
        events.append(exit)
        counts.exits += 1
      }
    }
    return (events, cells.sorted(), counts)
  }

}
