/// Whether a period report compares its figures with the same period a year earlier, and if not, why.
///
/// Two comparisons would mislead: one with a period the database holds nothing of (its zeros mean "not
/// recorded", not "none", and every figure would read as a rise), and one of a from–to range longer than a
/// year with the same range a year earlier (the two overlap, so the same records sit on both sides).
public struct ReportComparison: Hashable, Sendable, Codable {
  public enum Unavailable: String, Hashable, Sendable, Codable {
    /// The earlier period ends before the first record of the database.
    case beforeRecords
    /// A from–to range longer than a year overlaps the range it would be compared with.
    case overlappingRange
  }

  public var available: Bool
  /// Nil when the comparison is made.
  public var reason: Unavailable?
  /// What a reader is told instead of a change, in Vietnamese; nil when the comparison is made.
  public var reasonVi: String?

  public static let made = ReportComparison(available: true, reason: nil, reasonVi: nil)

  /// The comparison a report of `period` can make, given the day of the earliest record of its kind in the
  /// whole database (nil when there is none).
  public static func of(_ period: ReportPeriod, firstRecord: Day?) -> ReportComparison {
    let earlier = period.sameTimeLastYear
    if period.overlapsSameTimeLastYear {
      return ReportComparison(
        available: false, reason: .overlappingRange,
        reasonVi: "Không so sánh với cùng kỳ: khoảng thời gian dài hơn một năm trùng với cùng kỳ năm trước.")
    }
    guard let firstRecord, firstRecord <= earlier.through else {
      // A term is compared with the term before only where that term has records.
      let against = period.spansTerm ? period.comparedWith : .samePeriod
      return ReportComparison(
        available: false, reason: .beforeRecords,
        reasonVi: "Không so sánh với \(against.vietnamese): cơ sở dữ liệu chưa có số liệu \(earlier.nameVi).")
    }
    return .made
  }
}

extension ReportPeriod {
  /// A from–to range longer than a year shares days with the same range a year earlier.
  public var overlapsSameTimeLastYear: Bool { kind == .range && sameTimeLastYear.through >= from }
}
