/// One change to the tree as the organisation staff decide it: every one dated, none overwriting what was.
/// The same value is previewed (what it will change) and then made, so the two cannot disagree.
public enum TreeChange: Hashable, Sendable, Codable {
  /// A new unit under `parentCode` from `day`.
  case found(code: String, name: String, kind: UnitKind, parentCode: String, on: Day)
  /// The unit is called `name` from `day`; the old name stays in its history.
  case rename(code: String, name: String, on: Day)
  /// The unit and everything below it sit under `parentCode` from `day`.
  case move(code: String, parentCode: String, on: Day)
  /// The units below move under `intoCode`, the members transfer into it, and the unit ends on `day`.
  case merge(code: String, intoCode: String, on: Day)
  /// The unit and the units below it end on `day` (refused while members remain).
  case dissolve(code: String, on: Day)

  /// The unit the change is about.
  public var code: String {
    switch self {
    case .found(let code, _, _, _, _), .rename(let code, _, _), .move(let code, _, _), .merge(let code, _, _),
      .dissolve(let code, _):
      code
    }
  }

  public var day: Day {
    switch self {
    case .found(_, _, _, _, let day), .rename(_, _, let day), .move(_, _, let day), .merge(_, _, let day),
      .dissolve(_, let day):
      day
    }
  }

  /// The audit trail's action for a new unit, under a parent or at the top of the tree.
  public static let foundAction = "organisation.add"

  /// The audit trail's action for it (`AuditAction.known`).
  public var auditAction: String {
    switch self {
    case .found: Self.foundAction
    case .rename: "organisation.rename"
    case .move: "organisation.move"
    case .merge: "organisation.merge"
    case .dissolve: "organisation.end"
    }
  }
}
