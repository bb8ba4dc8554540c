/// A leadership collective of a unit for a term (the standing committee of a district committee, 2020–2025),
/// graded as a whole; its members are recorded with their days (`CollectiveSeat`).
public struct Collective: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  public var unitID: Int64
  public var name: String
  /// A `CollectiveKind` code.
  public var kindCode: String
  /// The first day of its term.
  public var formed: Day
  /// The first day after its term; nil while it serves.
  public var ended: Day?

  public init(id: Int64 = 0, unitID: Int64, name: String, kindCode: String, formed: Day, ended: Day? = nil) {
    self.id = id
    self.unitID = unitID
    self.name = name
    self.kindCode = kindCode
    self.formed = formed
    self.ended = ended
  }
}

/// A member's seat in a collective, from a day until a day (exclusive).
public struct CollectiveSeat: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  public var collectiveID: Int64
  public var memberID: Int64
  public var from: Day
  public var until: Day?

  public init(id: Int64 = 0, collectiveID: Int64, memberID: Int64, from: Day, until: Day? = nil) {
    self.id = id
    self.collectiveID = collectiveID
    self.memberID = memberID
    self.from = from
    self.until = until
  }
}
