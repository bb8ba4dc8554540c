import DangVuCore

/// The membership lifecycle the demo adds on top of each member's own history: two-step transfers
/// between nearby cells (a few left in transit), moves out of the province, arrivals from other
/// provinces, and admission plans a little above what each district went on to admit. Pure and seeded:
/// each district draws from its own stream, so the lifecycle is made while the district is generated.
public enum DemoLifecycle {
  /// A member in the register now, in `cellID` since `since` (the start of the member's last span).
  public struct Candidate: Hashable, Sendable {
    public var memberID: Int64
    public var cellID: Int64
    public var since: Day

    public init(memberID: Int64, cellID: Int64, since: Day) {
      self.memberID = memberID
      self.cellID = cellID
      self.since = since
    }
  }

  /// A member who arrives from another province, with the event that brings them in.
  public struct Arrival: Hashable, Sendable {
    public var member: Member
    public var event: MembershipEvent
  }

  public static let years = 2022...2025
  /// One member in this many (by id) is a candidate for a move.
  public static let candidateEvery: Int64 = 20
  /// Arrivals: one for this many candidates.
  public static let candidatesPerArrival = 16
  /// Of the candidates, the share moved each year inside the province, and out of it.
  static let transferShare = 0.25
  static let outShare = 0.06
  /// Arrivals a year per candidate.
  static let arrivalShare = 0.06
  /// The letter is presented 3 to 40 days after it was sent; beyond the demo's last day it is still in transit.
  static let daysToReceive = 3...40

  /// A member who may be moved: one in `candidateEvery` by id, in the register at the end of the demo's
  /// history, not exempt and not in transit; `since` is the day of the last event, which a move must follow.
  public static func candidate(memberID: Int64, events: [MembershipEvent]) -> Candidate? {
    guard memberID % candidateEvery == 0, let last = events.last else { return nil }
    var cell: Int64?
    var exempt = false
    var inTransit = false
    for event in events {
      switch event.kind {
      case .admitted, .transferredIn, .transferred: cell = event.cellID
      case .transferSent: inTransit = true
      case .transferReceived:
        cell = event.cellID
        inTransit = false
      case .exempted: exempt = true
      case .restored: exempt = false
      case .transferredOut, .struckOff, .askedToLeave, .expelled, .died, .notRecognised: cell = nil
      case .madeOfficial: break
      }
    }
    guard let cell, !exempt, !inTransit else { return nil }
    return Candidate(memberID: memberID, cellID: cell, since: last.date)
  }

  /// The events: each candidate moves at most once, after its last event, so every history stays valid.
  /// `cells` are cells that exist throughout, in id order (a province's cells are neighbours); `district`
  /// names the random stream.
  public static func moves(candidates: [Candidate], cells: [Int64], seed: UInt64, district: Int) -> [MembershipEvent] {
    guard cells.count > 1 else { return [] }
    var random = DemoRandom(seed: seed, stream: 0x7472_616E, UInt64(district))
    var pool = candidates
    random.shuffle(&pool)
    let lastDay = DemoCalendar.lastDay
    let perYear = Int((Double(pool.count) * transferShare / Double(years.count)).rounded())
    let outPerYear = Int((Double(pool.count) * outShare / Double(years.count)).rounded())
    let position = Dictionary(cells.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var events: [MembershipEvent] = []
    var next = pool.makeIterator()
    for year in years {
      let first = Day.firstDay(ofYear: year)
      let last = min(Day.lastDay(ofYear: year), lastDay)
      for n in 0..<(perYear + outPerYear) {
        guard let c = next.next() else { return events }
        guard c.since < last else { continue }
        let sent = random.day(from: max(first, c.since.adding(days: 1)), through: last)
        if n >= perYear {
          events.append(
            MembershipEvent(memberID: c.memberID, kind: .transferredOut, date: sent, note: "Chuyển ra ngoài tỉnh"))
          continue
        }
        // A nearby cell: the demo loads a province's units together, so their ids are close.
        let here = position[c.cellID] ?? random.below(cells.count)
        var there = here
        while there == here { there = max(0, min(cells.count - 1, here + random.int(in: -150...150))) }
        let to = cells[there]
        events.append(MembershipEvent(memberID: c.memberID, kind: .transferSent, date: sent, cellID: to))
        let received = sent.adding(days: random.int(in: daysToReceive))
        if received <= lastDay {
          events.append(MembershipEvent(memberID: c.memberID, kind: .transferReceived, date: received, cellID: to))
        }
      }
    }
    return events
  }

  /// Members arriving from other provinces over the demo years, into random cells.
  public static func arrivals(count: Int, cells: [Int64], seed: UInt64, district: Int) -> [Arrival] {
    guard !cells.isEmpty else { return [] }
    var random = DemoRandom(seed: seed, stream: 0x6172_7269, UInt64(district))
    let first = Day(year: years.lowerBound, month: 1, day: 1)!
    return (0..<count).map { _ in
      let gender: Gender = random.chance(0.35) ? .female : .male
      let ethnicity = random.chance(0.9) ? "Kinh" : "Khmer"
      let arrived = random.day(from: first, through: DemoCalendar.lastDay)
      let birth = arrived.adding(days: -random.int(in: (24 * 365)...(55 * 365)))
      let member = Member(
        fullName: DemoNames.fullName(gender, ethnicity: ethnicity, random: &random), gender: gender,
        birthDate: birth, ethnicity: ethnicity, religion: ethnicity == "Khmer" ? "Phật giáo" : "Không",
        education: random.chance(0.6) ? "Đại học" : "12/12")
      return Arrival(
        member: member,
        event: MembershipEvent(
          memberID: 0, kind: .transferredIn, date: arrived, cellID: random.element(of: cells),
          note: "Từ tỉnh khác chuyển đến"))
    }
  }

  /// A district's plan for a year: what it admitted, raised by up to 15% (plans are set a little high).
  public static func planned(admitted: Int, unit: Int64, year: Int, seed: UInt64) -> Int {
    var random = DemoRandom(seed: seed, stream: UInt64(unit) &* 31 &+ UInt64(year))
    return Int((Double(admitted) * (1.0 + 0.15 * random.unit())).rounded(.up))
  }
}
