/// A unit merged into another: from `day` the successor holds the predecessor's records, and its staff reach
/// the predecessor's history (docs/decisions/0040-successor-committees.md).
public struct Succession: Hashable, Sendable, Codable {
  public var predecessor: Organisation
  public var successorCode: String
  /// The day of the merge: the predecessor's first day without existence.
  public var day: Day

  public init(predecessor: Organisation, successorCode: String, day: Day) {
    self.predecessor = predecessor
    self.successorCode = successorCode
    self.day = day
  }
}

extension Array where Element == Succession {
  /// The one predecessor that covers `day` for a unit that did not exist then: a report asked of a committee
  /// for a period before it was founded covers the committee it took over, when there is exactly one (with
  /// several, as for provinces merged from two, none is picked: the page lists them to choose).
  public func soleCovering(_ day: Day) -> Organisation? {
    let covering = filter { $0.predecessor.exists(on: day) }
    return covering.count == 1 ? covering[0].predecessor : nil
  }
}
