import DangVuCore

/// The demo's records after its first era (which ends on `DemoCalendar.lastDay`), from the 2025 reorganisation
/// to the day the demo is loaded: probations completed, transfers received, admissions and exits at the first
/// era's rates. Pure and seeded with streams of its own, so the first era stays exactly as it was.
public enum DemoSecondEra {
  /// The first day of the era.
  public static var firstDay: Day { DemoReorganisation.day }
  /// Stream labels: none is used by the first era.
  static let officialStream: UInt64 = 0x5EC0_0FF1
  static let receivedStream: UInt64 = 0x5EC0_2ECE
  static let exitStream: UInt64 = 0x5EC0_E417
  static let admissionStream: UInt64 = 0x5EC0_AD17

  /// Days of the era up to `today` (0 when it has not begun).
  public static func days(through today: Day) -> Int {
    max(0, today.daysSinceEpoch - firstDay.daysSinceEpoch + 1)
  }

  /// How many of a yearly count fall in the era up to `today`.
  public static func share(ofYearly count: Int, through today: Day) -> Int {
    Int((Double(count) * Double(days(through: today)) / 365).rounded())
  }

  /// The day a probationer admitted on `admitted` is made official: twelve months on and up to two months of
  /// paperwork, as in the first era (every first-era event falls before the era, so none can follow it).
  public static func madeOfficial(memberID: Int64, admitted: Day, seed: UInt64) -> Day {
    var random = DemoRandom(seed: seed, stream: officialStream, UInt64(bitPattern: memberID))
    let day = admitted.adding(months: MemberTimeline.probationMonths).adding(days: random.below(60))
    return max(day, firstDay.adding(days: random.below(30)))
  }

  /// The day a letter sent on `sent` (and still in transit at the end of the first era) is presented.
  public static func received(memberID: Int64, sent: Day, seed: UInt64) -> Day {
    var random = DemoRandom(seed: seed, stream: receivedStream, UInt64(bitPattern: memberID))
    let day = sent.adding(days: random.int(in: 3...40))
    return day >= firstDay ? day : firstDay.adding(days: random.below(10))
  }

  /// An exit during the era for an official member, with chance `chance`; the kind drawn from `kinds` (the first
  /// era's exits of a year, so the mix stays the same).
  public static func exit(
    memberID: Int64, chance: Double, kinds: [MembershipEventKind], through today: Day, seed: UInt64
  ) -> MembershipEvent? {
    guard !kinds.isEmpty, firstDay <= today else { return nil }
    var random = DemoRandom(seed: seed, stream: exitStream, UInt64(bitPattern: memberID))
    guard random.chance(chance) else { return nil }
    return MembershipEvent(
      memberID: memberID, kind: random.element(of: kinds), date: random.day(from: firstDay, through: today))
  }

  /// `count` members admitted into `cells` over the era, each made official twelve months on if that day has
  /// come; `memberID` is left 0 for the store to give.
  public static func admissions(count: Int, cells: [Int64], through today: Day, seed: UInt64) -> [(
    member: Member, events: [MembershipEvent]
  )] {
    guard !cells.isEmpty, firstDay <= today else { return [] }
    var random = DemoRandom(seed: seed, stream: admissionStream)
    return (0..<count).map { _ in
      let gender: Gender = random.chance(0.4) ? .female : .male
      let ethnicity = random.chance(0.9) ? "Kinh" : "Khmer"
      let admitted = random.day(from: firstDay, through: today)
      // At least eighteen years and a few days old when admitted (a year of 365 days falls short of a birthday).
      let birth = admitted.adding(months: -12 * 18).adding(days: -random.int(in: 5...(17 * 365)))
      let member = Member(
        fullName: DemoNames.fullName(gender, ethnicity: ethnicity, random: &random), gender: gender,
        birthDate: birth, ethnicity: ethnicity, religion: ethnicity == "Khmer" ? "Phật giáo" : "Không",
        education: random.chance(0.7) ? "Đại học" : "12/12")
      var events = [MembershipEvent(memberID: 0, kind: .admitted, date: admitted, cellID: random.element(of: cells))]
      let official = admitted.adding(months: MemberTimeline.probationMonths).adding(days: random.below(60))
      if official <= today { events.append(MembershipEvent(memberID: 0, kind: .madeOfficial, date: official)) }
      return (member, events)
    }
  }
}
