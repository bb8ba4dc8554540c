/// A calendar day with no time zone, stored as days since 1970-01-01.
///
/// Party records are dated by day (a decision, an admission); a time zone would only
/// add ways to be off by one. The civil-calendar arithmetic is Howard Hinnant's algorithm.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let daysSinceEpoch: Int

  public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

  /// The years a date typed into a record or a request may carry. Outside them a date is refused where it is
  /// read (a file, a form, a query) rather than stored as a typo nobody notices.
  public static let recordedYears = 1800...2200

  /// Returns nil when the triple is not a real date (31 February, month 13) or its year is outside
  /// `recordedYears`.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
      Day.recordedYears.contains(year)
    else { return nil }
    self = Day.civil(year: year, month: month, day: day)
  }

  /// The proleptic Gregorian day for any year, no range check: arithmetic on valid days (a month later, a year
  /// earlier) may step outside `recordedYears` and must give a day, never stop the process. The year is held
  /// within a million years of the epoch so that no input, however large, overflows the sums below.
  static func civil(year: Int, month: Int, day: Int) -> Day {
    let year = min(max(year, -1_000_000), 1_000_000)
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Day(daysSinceEpoch: era * 146097 + doe - 719468)
  }

  /// 1 January of `year`, for any year: year-based queries and rules take it whatever year they are given.
  public static func firstDay(ofYear year: Int) -> Day { civil(year: year, month: 1, day: 1) }

  /// 31 December of `year`, for any year.
  public static func lastDay(ofYear year: Int) -> Day { civil(year: year, month: 12, day: 31) }

  /// The last day of `month` in `year`, for any year.
  public static func lastDay(ofMonth month: Int, year: Int) -> Day {
    civil(year: year, month: month, day: daysIn(month: month, year: year))
  }

  public var components: (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var year: Int { components.year }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

  public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

  /// Same day n months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
  public func adding(months: Int) -> Day {
    let (y, m, d) = components
    let total = y * 12 + (m - 1) + months
    let ny = total >= 0 ? total / 12 : (total - 11) / 12  // floor, for days before year 0
    let nm = total - ny * 12 + 1
    return Day.civil(year: ny, month: nm, day: min(d, Day.daysIn(month: nm, year: ny)))
  }

  /// Whole years from `self` to `other` (age on a date).
  public func wholeYears(until other: Day) -> Int {
    let a = components
    let b = other.components
    var years = b.year - a.year
    if (b.month, b.day) < (a.month, a.day) { years -= 1 }
    return years
  }

  /// ISO 8601 form, `2023-12-31`, used in files, URLs and the database.
  public var iso: String {
    let (y, m, d) = components
    return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
  }

  /// Vietnamese form, `31/12/2023`, used on screen.
  public var vietnamese: String {
    let (y, m, d) = components
    return "\(d < 10 ? "0" : "")\(d)/\(m < 10 ? "0" : "")\(m)/\(y)"
  }

  public var description: String { iso }

  /// Accepts what Vietnamese spreadsheets produce: `2023-12-31`, `31/12/2023`, `31-12-2023`, `31.12.2023`,
  /// and one-digit day or month (`1/2/2023`). Day comes first in the slashed forms, as in Vietnam.
  public init?(parsing text: some StringProtocol) {
    let s = text.trimmingCharacters(in: " \t")
    let parts = s.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    let n = parts.map { Int($0) ?? 0 }
    if parts[0].count == 4 {
      self.init(year: n[0], month: n[1], day: n[2])
    } else if parts[2].count == 4 {
      self.init(year: n[2], month: n[1], day: n[0])
    } else {
      return nil
    }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let s = try c.decode(String.self)
    guard let d = Day(parsing: s) else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
    }
    self = d
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(iso)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> Substring {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return s
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Day {
  /// Today in Vietnam (UTC+7), where the committee works, whatever the server's zone. Read once where work starts
  /// (a request, a command) and passed in from there: the store and the pages take the day they are given.
  public static var today: Day { inVietnam(secondsSince1970: Double(time(nil))) }

  /// The day in Vietnam (UTC+7) at a moment given in seconds since 1970 (a clock's reading).
  public static func inVietnam(secondsSince1970 seconds: Double) -> Day {
    Day(daysSinceEpoch: Int(((seconds + 7 * 3600) / 86400).rounded(.down)))
  }
}
