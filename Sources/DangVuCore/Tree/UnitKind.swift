/// The kind of a party organisation (loại hình tổ chức đảng).
///
/// Kinds are data, not an enum: the tree had five levels until mid-2025 and a new shape since,
/// and it will change again. The well-known codes below are names for rows of `UnitKindTable`.
public struct UnitKind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let code: String
  public init(_ code: String) { self.code = code }

  public static let provincialCommittee = UnitKind("provincialCommittee")
  public static let districtCommittee = UnitKind("districtCommittee")
  public static let communeCommittee = UnitKind("communeCommittee")
  public static let grassrootsCommittee = UnitKind("grassrootsCommittee")
  public static let grassrootsCell = UnitKind("grassrootsCell")
  public static let partialCommittee = UnitKind("partialCommittee")
  public static let subordinateCell = UnitKind("subordinateCell")

  public var description: String { code }
  public static func < (a: UnitKind, b: UnitKind) -> Bool { a.code < b.code }

  public init(from decoder: any Decoder) throws {
    code = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(code)
  }
}

/// One row of the kind table: what the kind is called and whether members sit in it directly.
public struct UnitKindDefinition: Hashable, Sendable, Codable {
  public var kind: UnitKind
  /// The name on screen, e.g. "chi bộ trực thuộc".
  public var nameVi: String
  /// Cells hold members; committees hold units.
  public var holdsMembers: Bool
  /// Order in reports (province first, cells last).
  public var rank: Int

  public init(kind: UnitKind, nameVi: String, holdsMembers: Bool, rank: Int) {
    self.kind = kind
    self.nameVi = nameVi
    self.holdsMembers = holdsMembers
    self.rank = rank
  }
}

/// "A unit of kind `child` may sit under a unit of kind `parent` between these dates."
/// `parent == nil` means the kind may be a root (a province).
public struct ParentRule: Hashable, Sendable, Codable {
  public var child: UnitKind
  public var parent: UnitKind?
  public var validFrom: Day?
  /// Exclusive: the first day the rule no longer holds.
  public var validUntil: Day?

  public init(child: UnitKind, parent: UnitKind?, validFrom: Day? = nil, validUntil: Day? = nil) {
    self.child = child
    self.parent = parent
    self.validFrom = validFrom
    self.validUntil = validUntil
  }

  public func holds(on day: Day) -> Bool {
    (validFrom.map { $0 <= day } ?? true) && (validUntil.map { day < $0 } ?? true)
  }
}
