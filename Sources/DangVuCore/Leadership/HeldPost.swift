/// A leading post as recorded: a member holds a kind of post in a unit from a day until a day (exclusive).
public struct HeldPost: Hashable, Sendable, Codable, Identifiable {
  /// The store's row id; 0 before it is stored.
  public var id: Int64
  public var memberID: Int64
  public var kindCode: String
  public var unitID: Int64
  public var from: Day
  /// The first day the post is no longer held; nil while it is.
  public var until: Day?
  /// The decision or the congress that gave the post ("Nghị quyết Đại hội nhiệm kỳ 2020-2025").
  public var note: String

  public init(
    id: Int64 = 0, memberID: Int64, kindCode: String, unitID: Int64, from: Day, until: Day? = nil, note: String = ""
  ) {
    self.id = id
    self.memberID = memberID
    self.kindCode = kindCode
    self.unitID = unitID
    self.from = from
    self.until = until
    self.note = note
  }

  /// Whether the two periods share a day.
  public func overlaps(from otherFrom: Day, until otherUntil: Day?) -> Bool {
    (otherUntil.map { from < $0 } ?? true) && (until.map { otherFrom < $0 } ?? true)
  }

  public func holds(on day: Day) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
}

/// Where a member was over a stretch of days, and whether that cell sat in (or under) a given unit then: what
/// the store reads so `PostRules` can ask whether the member belonged to the unit for the whole post.
public struct UnitPlacement: Hashable, Sendable {
  public var from: Day
  /// Exclusive; nil while it lasts.
  public var until: Day?
  public var insideUnit: Bool

  public init(from: Day, until: Day?, insideUnit: Bool) {
    self.from = from
    self.until = until
    self.insideUnit = insideUnit
  }
}
