/// A node of the tree (tổ chức đảng). Its parent is not a field: it has a dated history
/// (`ParentLink`), so the tree as it stood on any past date can be rebuilt.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
  public var id: Int64
  /// The committee's own code, unique across the province (e.g. "KG.03.012").
  public var code: String
  public var name: String
  public var kind: UnitKind
  public var founded: Day
  /// The first day the unit no longer exists (dissolved, merged); nil while it exists.
  public var ended: Day?

  public init(id: Int64, code: String, name: String, kind: UnitKind, founded: Day, ended: Day? = nil) {
    self.id = id
    self.code = code
    self.name = name
    self.kind = kind
    self.founded = founded
    self.ended = ended
  }

  public func exists(on day: Day) -> Bool { life.includes(day) }

  public var life: Lifespan { Lifespan(founded: founded, ended: ended) }
}

/// From the day a unit was founded to the first day it no longer exists (nil while it exists).
public struct Lifespan: Hashable, Sendable, Codable {
  public var founded: Day
  public var ended: Day?

  public init(founded: Day, ended: Day?) {
    self.founded = founded
    self.ended = ended
  }

  public func includes(_ day: Day) -> Bool {
    founded <= day && (ended.map { day < $0 } ?? true)
  }
}

/// "From `from` (inclusive) until `until` (exclusive), `child` sat under `parent`."
/// A root has one link with `parent == nil`.
public struct ParentLink: Hashable, Sendable, Codable {
  public var child: Int64
  public var parent: Int64?
  public var from: Day
  public var until: Day?

  public init(child: Int64, parent: Int64?, from: Day, until: Day? = nil) {
    self.child = child
    self.parent = parent
    self.from = from
    self.until = until
  }

  public func holds(on day: Day) -> Bool {
    from <= day && (until.map { day < $0 } ?? true)
  }
}
