/// "From `from` (inclusive) until `until` (exclusive) the unit was called `name`." A unit never renamed has
/// one period, from its founding, under the name it was founded with.
public struct NamePeriod: Hashable, Sendable, Codable {
  public var name: String
  public var from: Day
  public var until: Day?

  public init(name: String, from: Day, until: Day? = nil) {
    self.name = name
    self.from = from
    self.until = until
  }

  public func holds(on day: Day) -> Bool {
    from <= day && (until.map { day < $0 } ?? true)
  }
}
