/// A count compared with the same period one year earlier, as the reports say it: "tăng 19", "giảm 271".
public struct Change: Hashable, Sendable, Codable {
  /// What the earlier figure is: a yearly report compares with "năm trước", a period report with "cùng kỳ".
  /// Saying both ("bằng cùng kỳ so với năm trước") says the same thing twice.
  /// A term summary compares with "nhiệm kỳ trước", a mid-term review with "cùng kỳ nhiệm kỳ trước".
  public enum Against: Sendable {
    case yearBefore
    case samePeriod
    case termBefore
    case sameTimeTermBefore

    public var vietnamese: String {
      switch self {
      case .yearBefore: "năm trước"
      case .samePeriod: "cùng kỳ"
      case .termBefore: "nhiệm kỳ trước"
      case .sameTimeTermBefore: "cùng kỳ nhiệm kỳ trước"
      }
    }
  }

  public var current: Int
  public var previous: Int?

  public init(current: Int, previous: Int?) {
    self.current = current
    self.previous = previous
  }

  public var difference: Int? { previous.map { current - $0 } }

  /// "tăng 19", "giảm 271", "bằng cùng kỳ"; nil when there is nothing to compare with.
  public var vietnamese: String? { vietnamese(.samePeriod) }

  /// "tăng 19", "giảm 271", "bằng năm trước" (or "bằng cùng kỳ"); nil when there is nothing to compare with.
  public func vietnamese(_ against: Against) -> String? {
    guard let difference else { return nil }
    if difference > 0 { return "tăng \(VietnameseNumber.count(difference))" }
    if difference < 0 { return "giảm \(VietnameseNumber.count(-difference))" }
    return "bằng \(against.vietnamese)"
  }

  /// The change as a clause: "tăng 7 tổ chức so với cùng kỳ", "giảm 3 so với năm trước", "bằng cùng kỳ".
  public func clause(_ against: Against, noun: String = "") -> String? {
    guard let words = vietnamese(against) else { return nil }
    if difference == 0 { return words }
    return words + (noun.isEmpty ? "" : " \(noun)") + " so với \(against.vietnamese)"
  }
}
