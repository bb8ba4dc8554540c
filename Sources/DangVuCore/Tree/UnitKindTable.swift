/// Which kinds exist and which may sit under which, with dates.
///
/// The store keeps this table in the database (seeded with `standard`); the core only reads it,
/// so a new reform of the tree is new rows, not new code.
public struct UnitKindTable: Sendable, Codable, Hashable {
  public var kinds: [UnitKindDefinition]
  public var rules: [ParentRule]

  public init(kinds: [UnitKindDefinition], rules: [ParentRule]) {
    self.kinds = kinds
    self.rules = rules
  }

  public func definition(of kind: UnitKind) -> UnitKindDefinition? {
    kinds.first { $0.kind == kind }
  }

  public func nameVi(of kind: UnitKind) -> String { definition(of: kind)?.nameVi ?? kind.code }

  public func holdsMembers(_ kind: UnitKind) -> Bool { definition(of: kind)?.holdsMembers ?? false }

  /// Whether `child` may sit under `parent` (nil: be a root) on `day`.
  public func allows(child: UnitKind, under parent: UnitKind?, on day: Day) -> Bool {
    rules.contains { $0.child == child && $0.parent == parent && $0.holds(on: day) }
  }

  /// The kinds a `child` may sit under on `day`, for error messages.
  public func allowedParents(of child: UnitKind, on day: Day) -> [UnitKind?] {
    rules.filter { $0.child == child && $0.holds(on: day) }.map(\.parent)
  }

  /// The tree as DESIGN.md describes it: five levels until 30 June 2025; from 1 July 2025 the
  /// district level is gone and commune-level committees sit directly under the province.
  public static let standard: UnitKindTable = {
    let reform = Day(year: 2025, month: 7, day: 1)!
    let p = UnitKind.provincialCommittee
    let d = UnitKind.districtCommittee
    let c = UnitKind.communeCommittee
    let gc = UnitKind.grassrootsCommittee
    let gcell = UnitKind.grassrootsCell
    let pc = UnitKind.partialCommittee
    let sc = UnitKind.subordinateCell
    return UnitKindTable(
      kinds: [
        UnitKindDefinition(kind: p, nameVi: "đảng bộ tỉnh", holdsMembers: false, rank: 1),
        UnitKindDefinition(
          kind: d, nameVi: "đảng bộ cấp huyện và tương đương (trực thuộc Tỉnh ủy)", holdsMembers: false,
          rank: 2),
        UnitKindDefinition(kind: c, nameVi: "đảng bộ xã, phường, đặc khu", holdsMembers: false, rank: 3),
        UnitKindDefinition(kind: gc, nameVi: "đảng bộ cơ sở", holdsMembers: false, rank: 4),
        UnitKindDefinition(kind: gcell, nameVi: "chi bộ cơ sở", holdsMembers: true, rank: 5),
        UnitKindDefinition(
          kind: pc, nameVi: "đảng bộ bộ phận (trực thuộc đảng ủy cơ sở)", holdsMembers: false, rank: 6),
        UnitKindDefinition(
          kind: sc, nameVi: "chi bộ trực thuộc đảng ủy cơ sở", holdsMembers: true, rank: 7),
      ],
      rules: [
        ParentRule(child: p, parent: nil),
        ParentRule(child: d, parent: p, validUntil: reform),
        ParentRule(child: c, parent: p, validFrom: reform),
        ParentRule(child: gc, parent: d, validUntil: reform),
        ParentRule(child: gcell, parent: d, validUntil: reform),
        ParentRule(child: gc, parent: c, validFrom: reform),
        ParentRule(child: gcell, parent: c, validFrom: reform),
        // Grassroots units of provincial agencies sit directly under the province in both shapes.
        ParentRule(child: gc, parent: p),
        ParentRule(child: gcell, parent: p),
        ParentRule(child: pc, parent: gc),
        ParentRule(child: sc, parent: gc),
        ParentRule(child: sc, parent: pc),
      ])
  }()
}
