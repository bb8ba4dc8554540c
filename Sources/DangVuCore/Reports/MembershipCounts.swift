/// What the records say about one subtree over one period: the flows during it and the register on its
/// last day. The store counts; everything printed is derived from these in `MembershipReport`.
public struct MembershipCounts: Hashable, Sendable, Codable {
  // Flows in the period.
  public var admitted = 0
  public var madeOfficial = 0
  public var notRecognised = 0
  public var struckOff = 0
  public var askedToLeave = 0
  public var expelled = 0
  public var died = 0
  /// Received from another part of the province (a unit outside this subtree).
  public var transfersInWithinProvince = 0
  public var transfersInFromOutside = 0
  /// Sent to another part of the province (received outside this subtree).
  public var transfersOutWithinProvince = 0
  public var transfersOutToOutside = 0
  public var exempted = 0
  public var restored = 0

  // The register on the last day.
  public var probationary = 0
  public var official = 0
  /// Of the members, those exempt from activity (counted in the members too).
  public var exempt = 0
  /// Of the members, those sent by a cell and not yet received by the next.
  public var inTransit = 0
  public var structure = MembershipStructure()

  public init() {}

  public var members: Int { probationary + official }
  /// "đưa … đảng viên không còn đủ tư cách ra khỏi Đảng": the report states it as this sum.
  public var unqualifiedRemoved: Int { struckOff + askedToLeave }
  public var transfersIn: Int { transfersInWithinProvince + transfersInFromOutside }
  public var transfersOut: Int { transfersOutWithinProvince + transfersOutToOutside }
}

/// Who the members are on a day: the structure tables of the membership report.
public struct MembershipStructure: Hashable, Sendable, Codable {
  public var women = 0
  /// Any ethnicity other than Kinh.
  public var ethnicMinority = 0
  /// Any religion recorded other than none.
  public var religious = 0
  /// Members by age band (`AgeBand.label`), ages in whole years on the day.
  public var ageBands: [String: Int] = [:]
  /// The sum of whole-year ages, for the average.
  public var ageTotal = 0
  /// Members by education level as recorded ("12/12", "Đại học", …).
  public var education: [String: Int] = [:]

  public init() {}

  public mutating func add(age: Int, count: Int) {
    ageBands[AgeBand.of(age: age).label, default: 0] += count
    ageTotal += age * count
  }
}

/// The age bands of the party's structure tables.
public enum AgeBand: CaseIterable, Sendable {
  case upTo30, from31To40, from41To50, from51To60, from61To70, over70

  public static func of(age: Int) -> AgeBand {
    switch age {
    case ...30: .upTo30
    case 31...40: .from31To40
    case 41...50: .from41To50
    case 51...60: .from51To60
    case 61...70: .from61To70
    default: .over70
    }
  }

  public var label: String {
    switch self {
    case .upTo30: "đến 30 tuổi"
    case .from31To40: "31–40 tuổi"
    case .from41To50: "41–50 tuổi"
    case .from51To60: "51–60 tuổi"
    case .from61To70: "61–70 tuổi"
    case .over70: "trên 70 tuổi"
    }
  }
}

/// Religions recorded as none: "Không" and its spellings.
public enum ReligionWords {
  public static func isNone(_ text: String) -> Bool {
    ["", "khong", "khong ton giao", "none"].contains(SearchFolding.fold(text))
  }
}
