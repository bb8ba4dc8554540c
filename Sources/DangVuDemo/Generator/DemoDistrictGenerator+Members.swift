import DangVuCore

/// The members of a district: those in the register on the reference day (each cell filled to its
/// target), those who left in the five years before, and those admitted after. Every history is
/// built in date order and obeys the register's rules (`MemberTimeline`): admitted at 18 or older
/// into a cell that exists then, official only after 12 months, nothing after an exit, and moved
/// out of a cell before it is dissolved.
extension DemoDistrictGenerator {
  enum Fate {
    case present
    case former(MembershipEventKind, Day)
    case later(Day)
  }

  static let formerExits = WeightedTable<MembershipEventKind>([
    (.died, 62), (.struckOff, 16), (.askedToLeave, 19), (.expelled, 3),
  ])

  mutating func buildMembers() -> [DemoMember] {
    let weights = cells.map { cell -> Double in
      var w: Double
      switch profiles[cell] {
      case .hamlet: w = 0.45 + 1.3 * random.unit()
      case .school, .health: w = 0.6 * (0.6 + 0.8 * random.unit())
      default: w = 0.8 * (0.5 + random.unit())
      }
      if units[cell].founded >= DemoCalendar.recentFrom { w *= 0.45 }
      return w
    }
    // A cell needs three official members to exist; give each at least that where there are enough.
    let floor = plan.presentMembers >= 3 * cells.count ? 3 : 0
    cellTargets = Allocation.distribute(
      plan.presentMembers, weights: weights, minimum: Array(repeating: floor, count: cells.count))

    var out: [DemoMember] = []
    out.reserveCapacity(plan.records)
    for (i, cell) in cells.enumerated() {
      for k in 0..<cellTargets[i] {
        out.append(makeMember(home: cell, fate: .present, posts: leaderPosts(cell: cell, rank: k), serial: out.count))
      }
    }
    let picker = WeightedTable(cells.indices.map { (cells[$0], Double(cellTargets[$0]) + 0.5) })
    for _ in 0..<plan.formerMembers {
      let exit = random.day(from: DemoCalendar.historyStart, through: DemoCalendar.referenceDay)
      var home = picker.pick(&random)
      if units[home].founded > exit.adding(days: -400) { home = oldestCell }
      out.append(
        makeMember(home: home, fate: .former(Self.formerExits.pick(&random), exit), posts: [], serial: out.count))
    }
    for _ in 0..<plan.laterMembers {
      let admission = random.day(from: DemoCalendar.referenceDay.adding(days: 1), through: DemoCalendar.lastDay)
      var home = picker.pick(&random)
      if !units[home].exists(on: admission) { home = successor[home] ?? oldestCell }
      out.append(makeMember(home: home, fate: .later(admission), posts: [], serial: out.count))
    }
    return out
  }

  /// The posts the first members of a cell hold: its secretary, its deputy, and the secretaries of
  /// the committees whose first cell it is.
  private mutating func leaderPosts(cell: Int, rank: Int) -> [LeadingPost] {
    guard rank < 2 else { return [] }
    let termStart = Day(year: 2020, month: 6, day: 1)!
    var posts: [LeadingPost] = []
    if rank == 0 {
      posts.append(
        LeadingPost(
          title: "Bí thư chi bộ", organisationCode: units[cell].code,
          from: random.day(from: termStart, through: termStart.adding(days: 120))))
      if sourceCell[cell] == cell, let parent = units[cell].parent, units[parent].kind != .districtCommittee {
        let title = units[parent].kind == .partialCommittee ? "Bí thư Đảng ủy bộ phận" : "Bí thư Đảng ủy"
        posts.append(
          LeadingPost(
            title: title, organisationCode: units[parent].code,
            from: random.day(from: termStart.adding(days: 30), through: termStart.adding(days: 120))))
      }
    } else if random.chance(0.6) {
      posts.append(
        LeadingPost(
          title: "Phó Bí thư chi bộ", organisationCode: units[cell].code,
          from: random.day(from: termStart, through: termStart.adding(days: 120))))
    }
    if rank == 1 && cell == oldestCell {
      let title =
        plan.sector == .rural ? "Bí thư Huyện ủy" : plan.sector == .city ? "Bí thư Thành ủy" : "Bí thư Đảng ủy"
      posts.append(LeadingPost(title: title, organisationCode: plan.code, from: Day(year: 2020, month: 9, day: 20)!))
    }
    return posts
  }

  // MARK: One member

  private mutating func makeMember(home: Int, fate: Fate, posts: [LeadingPost], serial: Int) -> DemoMember {
    let profile = profiles[home]
    let isLeader = !posts.isEmpty
    let gender: Gender = random.chance(isLeader ? profile.femaleShare * 0.6 : profile.femaleShare) ? .female : .male
    let ethnicity = pickEthnicity()
    let fullName = DemoNames.fullName(gender, ethnicity: ethnicity, random: &random)
    let oldestFounded = units[oldestCell].founded

    // Admission and birth: how long ago the member was admitted, and at what age.
    var admission: Day
    var birth: Day
    var exit: (kind: MembershipEventKind, day: Day)?
    switch fate {
    case .later(let day):
      admission = day
      birth = day.adding(months: -12 * (18 + random.below(14))).adding(days: -random.below(360))
    case .present, .former:
      var horizon = DemoCalendar.referenceDay
      if case .former(let kind, let day) = fate {
        exit = (kind, day)
        horizon = day.adding(days: -45)
      }
      (admission, birth) = sampleAdmission(profile: profile, horizon: horizon, exit: exit?.kind, leader: isLeader)
      if admission < oldestFounded {
        // Before the district's oldest cell existed: the record starts when that cell was founded.
        admission = oldestFounded.adding(days: random.below(200))
        if admission > horizon { admission = oldestFounded }
      }
      let ninety = DemoCalendar.referenceDay.adding(months: -12 * 90).adding(days: 1)
      if birth < ninety { birth = ninety.adding(days: random.below(300)) }
    }

    // The exit is decided before anything else is dated, so that every other event falls before it.
    let ageAtReference = birth.wholeYears(until: DemoCalendar.referenceDay)
    if case .present = fate, !isLeader {
      exit = laterExit(age: ageAtReference)
    }

    // Where the member was admitted: a cell younger than the admission sends its founders from an older one.
    var admittedInto = home
    var founding: (day: Day, cell: Int)?
    if admission < units[home].founded {
      var source = sourceCell[home]
      if units[source].founded > admission { source = oldestCell }
      admittedInto = source
      let day = max(units[home].founded, admission.adding(days: 1)).adding(days: random.below(30))
      if source != home && (exit.map { day < $0.day } ?? true) && day <= DemoCalendar.lastDay {
        founding = (day, home)
      }
    }

    let limit = exit?.day.adding(days: -1) ?? DemoCalendar.lastDay

    var official: Day? = admission.adding(months: MemberTimeline.probationMonths).adding(days: random.below(60))
    if let day = official, day > limit { official = nil }

    // Exemption from activity: mostly the elderly in hamlet cells, a few ill members elsewhere.
    var exempted: Day?
    var restored: Day?
    if let official, !isLeader {
      var chance: Double
      switch fate {
      case .present: chance = profile.isActiveService ? 0.004 : Self.exemptionChance(age: ageAtReference)
      case .former(let kind, _): chance = kind == .died && ageAtReference >= 65 ? 0.35 : 0
      case .later: chance = 0
      }
      let horizon = min(limit, DemoCalendar.referenceDay)
      if random.chance(chance) {
        let lowest = max(
          official.adding(days: 1), horizon.adding(months: -120),
          ageAtReference >= 60 ? birth.adding(months: 12 * 58) : official.adding(days: 1))
        if lowest <= horizon { exempted = random.day(from: lowest, through: horizon) }
      } else if case .present = fate, ageAtReference >= 68, !profile.isActiveService, random.chance(0.08),
        DemoCalendar.referenceDay < limit
      {
        exempted = random.day(from: max(official, DemoCalendar.referenceDay).adding(days: 1), through: limit)
      }
      if let from = exempted, random.chance(0.03), from.adding(days: 180) <= limit {
        restored = random.day(from: from.adding(days: 180), through: limit)
      }
    }

    // A transfer to another cell of the district, for a few members.
    var moved: Day?
    if !isLeader, random.chance(0.05) {
      let from = max(admission.adding(days: 90), DemoCalendar.historyStart)
      if from <= limit { moved = random.day(from: from, through: limit) }
    }

    let events = orderEvents(
      admission: admission, into: admittedInto, founding: founding, official: official, moved: moved,
      exempted: exempted, restored: restored, exit: exit)
    let member = Member(
      fullName: fullName, gender: gender, birthDate: birth, ethnicity: ethnicity,
      religion: pickReligion(ethnicity), nationalID: nationalID(birth: birth, gender: gender, serial: serial),
      homeTown: pickHomeTown(), partyCardNumber: official.map { _ in cardNumber(serial: plan.firstSerial + serial) },
      education: profile.education.pick(&random),
      politicalTheory: (isLeader ? DemoUnitProfile.leaderTheory : DemoUnitProfile.politicalTheory).pick(&random),
      occupation: ageAtReference >= 62 && profile == .hamlet && random.chance(0.7)
        ? "Hưu trí" : profile.occupations.pick(&random),
      posts: posts
        + otherPost(profile: profile, admission: admission, age: ageAtReference, exit: exit, exempt: exempted))
    return DemoMember(member: member, events: events)
  }

  /// Admission date and birth date for a member who is still in (or left on `horizon`).
  private mutating func sampleAdmission(
    profile: DemoUnitProfile, horizon: Day, exit: MembershipEventKind?, leader: Bool
  ) -> (Day, Day) {
    var result = (horizon, horizon)
    for _ in 0..<8 {
      let ageAtAdmission: Int
      var years: Double
      if profile.isActiveService || leader {
        ageAtAdmission = 20 + random.below(12)
        let most = Double(59 - ageAtAdmission)
        years = leader ? 8 + random.unit() * (most - 8) : random.unit() * most
      } else {
        ageAtAdmission = 18 + min(random.below(28), random.below(28))
        switch exit {
        case .struckOff?, .askedToLeave?, .expelled?:
          years = 0.3 + random.unit() * 9.7
        case .died?:
          years = 15 + 50 * (1 - (1 - random.unit()).squareRoot())
        default:
          // Flat over the last 15 years (about 2.5 % of members admitted each year), then thinning out.
          let u = random.unit() * 40
          years = u < 15 ? u : 15 + 50 * (1 - (1 - random.unit()).squareRoot())
        }
      }
      let admission = horizon.adding(days: -Int(years * 365.25))
      let birth = admission.adding(months: -12 * ageAtAdmission).adding(days: -random.below(360))
      result = (admission, birth)
      let age = birth.wholeYears(until: horizon)
      if age <= 89 && (!profile.isActiveService || exit != nil || age <= 59) { break }
    }
    return result
  }

  /// Most members over 80 no longer take part in cell life; few under 60 do not.
  static func exemptionChance(age: Int) -> Double {
    switch age {
    case 85...: 0.95
    case 80..<85: 0.9
    case 75..<80: 0.8
    case 70..<75: 0.6
    case 65..<70: 0.28
    case 60..<65: 0.08
    default: 0.012
    }
  }

  /// A member in the register on the reference day who leaves in the 18 months after it.
  private mutating func laterExit(age: Int) -> (kind: MembershipEventKind, day: Day)? {
    let deathChance = age >= 80 ? 0.09 : age >= 70 ? 0.04 : age >= 60 ? 0.012 : 0.002
    let u = random.unit()
    let kind: MembershipEventKind
    if u < deathChance {
      kind = .died
    } else if u < deathChance + 0.004 {
      kind = .struckOff
    } else if u < deathChance + 0.0085 {
      kind = .askedToLeave
    } else if u < deathChance + 0.0089 {
      kind = .expelled
    } else {
      return nil
    }
    return (kind, random.day(from: DemoCalendar.referenceDay.adding(days: 1), through: DemoCalendar.lastDay))
  }

  /// Lays the events out in date order, moving the member out of a cell on the day it is dissolved.
  private mutating func orderEvents(
    admission: Day, into first: Int, founding: (day: Day, cell: Int)?, official: Day?, moved: Day?,
    exempted: Day?, restored: Day?, exit: (kind: MembershipEventKind, day: Day)?
  ) -> [DemoEvent] {
    // (day, order on the same day, kind, cell); a nil cell on a transfer means "pick one then".
    var planned: [(Day, Int, MembershipEventKind, Int?)] = [(admission, 0, .admitted, first)]
    if let founding { planned.append((founding.day, 1, .transferred, founding.cell)) }
    if let official { planned.append((official, 2, .madeOfficial, nil)) }
    if let moved { planned.append((moved, 1, .transferred, nil)) }
    if let exempted { planned.append((exempted, 3, .exempted, nil)) }
    if let restored { planned.append((restored, 4, .restored, nil)) }
    if let exit {
      // Nothing may follow an exit; the dates above are bounded by it, this keeps it so.
      planned.removeAll { $0.0 > exit.day }
      planned.append((exit.day, 9, exit.kind, nil))
    }
    planned.sort { ($0.0, $0.1) < ($1.0, $1.1) }

    var events: [DemoEvent] = []
    events.reserveCapacity(planned.count + 1)
    var current = first
    func settle(upTo day: Day, _ events: inout [DemoEvent]) {
      if let end = units[current].ended, end <= day, let next = successor[current] {
        events.append(DemoEvent(kind: .transferred, date: end, unit: next, note: "Giải thể \(units[current].code)"))
        current = next
      }
    }
    for (day, _, kind, cell) in planned {
      switch kind {
      case .admitted:
        events.append(DemoEvent(kind: .admitted, date: day, unit: first, note: decision("kết nạp")))
      case .transferred:
        settle(upTo: day, &events)
        guard let target = cell ?? transferTarget(on: day, from: current), target != current,
          units[target].exists(on: day)
        else { continue }
        events.append(DemoEvent(kind: .transferred, date: day, unit: target, note: ""))
        current = target
      case .struckOff, .askedToLeave, .expelled, .died:
        settle(upTo: day, &events)
        events.append(DemoEvent(kind: kind, date: day, unit: nil, note: kind == .died ? "" : decision(kind.nameVi)))
      default:
        settle(upTo: day, &events)
        events.append(DemoEvent(kind: kind, date: day, unit: nil, note: ""))
      }
    }
    if exit == nil { settle(upTo: DemoCalendar.lastDay, &events) }
    return events
  }

  private mutating func transferTarget(on day: Day, from current: Int) -> Int? {
    for _ in 0..<8 {
      let cell = random.element(of: cells)
      if cell != current && units[cell].exists(on: day) { return cell }
    }
    return nil
  }

  private mutating func decision(_ what: String) -> String {
    "Quyết định \(what) số \(1 + random.below(480))-QĐ/\(plan.sector.isArea ? "HU" : "ĐU")"
  }

  // MARK: Identity

  private mutating func pickEthnicity() -> String {
    let u = random.unit()
    if u < province.khmerShare { return "Khmer" }
    if u < province.khmerShare + province.hoaShare { return "Hoa" }
    if province.index != 0 && random.chance(0.1) {
      return random.element(of: ["Tày", "Thái", "Mường", "Nùng", "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Chăm"])
    }
    return "Kinh"
  }

  private mutating func pickReligion(_ ethnicity: String) -> String {
    switch ethnicity {
    case "Khmer": return random.chance(0.85) ? "Phật giáo" : "Không"
    case "Hoa": return random.chance(0.3) ? "Phật giáo" : "Không"
    default:
      let u = random.unit()
      if u < 0.88 { return "Không" }
      if u < 0.95 { return "Phật giáo" }
      if u < 0.975 { return "Công giáo" }
      return province.index == 0 ? "Phật giáo Hòa Hảo" : "Cao Đài"
    }
  }

  private mutating func pickHomeTown() -> String {
    if random.chance(0.8) { return random.element(of: homeTowns) }
    let province = random.element(of: DemoPlaces.provinces)
    return "Xã \(random.element(of: DemoPlaces.communes)), \(random.element(of: DemoPlaces.otherDistricts)), "
      + (province.isCity ? "thành phố \(province.name)" : "tỉnh \(province.name)")
  }

  /// Căn cước: province (3 digits), century and sex (1), year of birth (2), then 6 digits that are a
  /// permutation of the member's serial within the province, so numbers never repeat.
  private func nationalID(birth: Day, gender: Gender, serial: Int) -> String {
    let year = birth.year
    let centuryAndSex = (year >= 2000 ? 2 : 0) + (gender == .female ? 1 : 0)
    let tail = ((plan.firstProvinceSerial + serial) * 7_919 + 123_457) % 1_000_000
    return DemoFormat.padded(province.idPrefix, 3) + String(centuryAndSex) + DemoFormat.padded(year % 100, 2)
      + DemoFormat.padded(tail, 6)
  }

  /// Eight digits, issued in the order of the member's serial in the whole demo (unique up to 9·10⁷
  /// members), as cards are issued in sequence. In that order every new card lands at the end of the
  /// register's UNIQUE card index: scattered numbers dirtied a page of it per member in every batch of a
  /// national load (gigabytes written through the WAL).
  private func cardNumber(serial: Int) -> String {
    DemoFormat.padded(10_000_000 + serial, 8)
  }

  private mutating func otherPost(
    profile: DemoUnitProfile, admission: Day, age: Int, exit: (kind: MembershipEventKind, day: Day)?, exempt: Day?
  ) -> [LeadingPost] {
    guard exit == nil, exempt == nil, age < 60, random.chance(0.035) else { return [] }
    let from = max(admission.adding(days: 365), Day(year: 2016, month: 1, day: 1)!)
    let last = Day(year: 2023, month: 6, day: 30)!
    guard from <= last else { return [] }
    return [LeadingPost(title: random.element(of: profile.posts), from: random.day(from: from, through: last))]
  }
}
