/// The register on a day as counts under keys: a member's span counts once under each key that describes
/// the member then (standing, exempt, in transit, woman, minority, religious, education, birth month).
///
/// Both ways of counting the register produce these keys, so they cannot disagree: scanning the spans
/// holding on the day, and summing per-month deltas a store keeps for large subtrees. The birth month is
/// enough for exact whole-year ages on the last day of a month, where such sums are read.
public enum MemberStock {
  public struct Facts: Hashable, Sendable {
    public var standing: Standing
    public var exempt: Bool
    public var inTransit: Bool
    public var gender: Gender
    public var ethnicity: String
    public var religion: String
    public var education: String
    public var birthDate: Day

    public init(
      standing: Standing, exempt: Bool, inTransit: Bool, gender: Gender, ethnicity: String, religion: String,
      education: String, birthDate: Day
    ) {
      self.standing = standing
      self.exempt = exempt
      self.inTransit = inTransit
      self.gender = gender
      self.ethnicity = ethnicity
      self.religion = religion
      self.education = education
      self.birthDate = birthDate
    }
  }

  /// The keys of a span. `exactBirthDay` keys the birth date itself (exact ages on any day; for scans),
  /// otherwise its month (exact on a month's last day; few enough keys to keep per unit and month).
  public static func keys(_ f: Facts, exactBirthDay: Bool = false) -> [String] {
    var table = KeyTable(exactBirthDay: exactBirthDay)
    var ids: [Int] = []
    table.keys(f, into: &ids)
    return ids.map { table.names[$0] }
  }

  /// Keys as small integers, for counting millions of spans: each distinct text is folded and named once.
  public struct KeyTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: Int] = [:]
    private let exactBirthDay: Bool
    private var minority: [String: Bool] = [:]
    private var religious: [String: Bool] = [:]
    private var education: [String: Int] = [:]
    private var born: [Int: Int] = [:]
    private let standing: [Standing: Int]
    private let exempt, inTransit, women, ethnicMinority, religiousKey: Int

    public init(exactBirthDay: Bool = false) {
      self.exactBirthDay = exactBirthDay
      var names: [String] = []
      func add(_ name: String) -> Int {
        names.append(name)
        return names.count - 1
      }
      standing = [.probationary: add("standing:probationary"), .official: add("standing:official")]
      exempt = add("exempt")
      inTransit = add("inTransit")
      women = add("women")
      ethnicMinority = add("ethnicMinority")
      religiousKey = add("religious")
      self.names = names
      ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    public mutating func id(_ name: String) -> Int {
      if let id = ids[name] { return id }
      names.append(name)
      ids[name] = names.count - 1
      return names.count - 1
    }

    /// Appends the span's keys to `out`.
    public mutating func keys(_ f: Facts, into out: inout [Int]) {
      out.append(standing[f.standing]!)
      if f.exempt { out.append(exempt) }
      if f.inTransit { out.append(inTransit) }
      if f.gender == .female { out.append(women) }
      if let known = minority[f.ethnicity] {
        if known { out.append(ethnicMinority) }
      } else {
        let isMinority = SearchFolding.fold(f.ethnicity) != "kinh"
        minority[f.ethnicity] = isMinority
        if isMinority { out.append(ethnicMinority) }
      }
      if let known = religious[f.religion] {
        if known { out.append(religiousKey) }
      } else {
        let isReligious = !ReligionWords.isNone(f.religion)
        religious[f.religion] = isReligious
        if isReligious { out.append(religiousKey) }
      }
      if let known = education[f.education] {
        out.append(known)
      } else {
        let key = id("education:" + (f.education.isEmpty ? EducationLevel.notRecorded : f.education))
        education[f.education] = key
        out.append(key)
      }
      let birth = exactBirthDay ? f.birthDate.daysSinceEpoch : month(of: f.birthDate)
      if let known = born[birth] {
        out.append(known)
      } else {
        let key = id(exactBirthDay ? "bornOn:\(birth)" : "born:\(birth)")
        born[birth] = key
        out.append(key)
      }
    }
  }

  /// Fills the register part of `counts` from the counts under each key on `day`.
  public static func apply(_ sums: [String: Int], on day: Day, to counts: inout MembershipCounts) {
    let (year, month, _) = day.components
    for (key, n) in sums where n != 0 {
      switch key {
      case "standing:probationary": counts.probationary += n
      case "standing:official": counts.official += n
      case "exempt": counts.exempt += n
      case "inTransit": counts.inTransit += n
      case "women": counts.structure.women += n
      case "ethnicMinority": counts.structure.ethnicMinority += n
      case "religious": counts.structure.religious += n
      default:
        if key.hasPrefix("education:") {
          counts.structure.education[String(key.dropFirst("education:".count)), default: 0] += n
        } else if key.hasPrefix("bornOn:"), let born = Int(key.dropFirst("bornOn:".count)) {
          counts.structure.add(age: Day(daysSinceEpoch: born).wholeYears(until: day), count: n)
        } else if key.hasPrefix("born:"), let born = Int(key.dropFirst("born:".count)) {
          // Born in month `born`: on the last day of a month, this year's birthday is passed when its month is.
          let bornYear = born / 12
          let bornMonth = born % 12 + 1
          counts.structure.add(age: year - bornYear - (bornMonth > month ? 1 : 0), count: n)
        }
      }
    }
  }

  /// The month a day falls in, as a number that orders months (year × 12 + month − 1).
  public static func month(of day: Day) -> Int {
    let (y, m, _) = day.components
    return y * 12 + m - 1
  }
}
