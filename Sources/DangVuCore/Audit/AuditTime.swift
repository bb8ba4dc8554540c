/// When an audit entry was written: whole milliseconds since 1970-01-01 UTC.
///
/// Kept as an integer so the hash of an entry never depends on how a clock or a formatter rounds;
/// shown in UTC as ISO 8601 to programs and in Vietnam's time (UTC+7) to people.
public struct AuditTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let millisecondsSince1970: Int64

  public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

  static let millisecondsPerDay: Int64 = 86_400_000
  /// Vietnam keeps UTC+7 all year.
  static let vietnamOffset: Int64 = 7 * 3_600_000

  /// 00:00 in Vietnam on `day`: where a filter "from that day" starts.
  public static func startOfDay(_ day: Day) -> AuditTime {
    AuditTime(millisecondsSince1970: Int64(day.daysSinceEpoch) * millisecondsPerDay - vietnamOffset)
  }

  /// The calendar day in Vietnam.
  public var day: Day { split(offset: Self.vietnamOffset).day }

  /// `2025-03-01T08:15:30.123Z`, UTC.
  public var iso: String {
    let (day, h, m, s, ms) = split(offset: 0)
    return "\(day.iso)T\(two(h)):\(two(m)):\(two(s)).\(three(ms))Z"
  }

  /// `01/03/2025 15:15:30`, Vietnam's time, as people read it.
  public var vietnamese: String {
    let (day, h, m, s, _) = split(offset: Self.vietnamOffset)
    return "\(day.vietnamese) \(two(h)):\(two(m)):\(two(s))"
  }

  public var description: String { iso }

  /// Reads exactly the `iso` form (the fraction may be left out).
  public init?(iso text: String) {
    guard text.hasSuffix("Z"), let t = text.firstIndex(of: "T"), let day = Day(parsing: text[..<t]),
      text[..<t].count == 10
    else { return nil }
    let clock = text[text.index(after: t)..<text.index(before: text.endIndex)]
    let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, let h = Int64(parts[0]),
      let m = Int64(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
    else { return nil }
    let seconds = parts[2].split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(seconds.count), seconds[0].count == 2, let s = Int64(seconds[0]), (0..<60).contains(s)
    else { return nil }
    var ms: Int64 = 0
    if seconds.count == 2 {
      guard seconds[1].count == 3, let f = Int64(seconds[1]) else { return nil }
      ms = f
    }
    self.init(
      millisecondsSince1970: Int64(day.daysSinceEpoch) * Self.millisecondsPerDay + ((h * 60 + m) * 60 + s) * 1000 + ms)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    guard let time = AuditTime(iso: text) else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 UTC time: \(text)")
    }
    self = time
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(iso)
  }

  public static func < (a: AuditTime, b: AuditTime) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

  private func split(offset: Int64) -> (day: Day, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
    let local = millisecondsSince1970 + offset
    // Floor division, so a time before 1970 still lands on the right day.
    var days = local / Self.millisecondsPerDay
    var rest = local % Self.millisecondsPerDay
    if rest < 0 {
      days -= 1
      rest += Self.millisecondsPerDay
    }
    return (
      Day(daysSinceEpoch: Int(days)), rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000
    )
  }

  private func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private func three(_ n: Int64) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
}
