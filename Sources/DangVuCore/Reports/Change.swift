/// A count compared with the same period one year earlier, as the reports say it: "tăng 19", "giảm 271".
public struct Change: Hashable, Sendable, Codable {
  public var current: Int
  public var previous: Int?

  public init(current: Int, previous: Int?) {
    self.current = current
    self.previous = previous
  }

  public var difference: Int? { previous.map { current - $0 } }

  /// "tăng 19", "giảm 271", "bằng cùng kỳ"; nil when there is nothing to compare with.
  public var vietnamese: String? {
    guard let difference else { return nil }
    if difference > 0 { return "tăng \(VietnameseNumber.count(difference))" }
    if difference < 0 { return "giảm \(VietnameseNumber.count(-difference))" }
    return "bằng cùng kỳ"
  }
}
