extension CellCheck {
  /// Whether `unit` (nil: no unit has that id) can hold a member on `day`: it must be of a kind that holds members
  /// and exist that day. Every engine reads the unit and hands it here, so all refuse the same events.
  public static func of(_ unit: Organisation?, on day: Day, kinds: UnitKindTable) -> CellCheck {
    guard let unit else { return .unknown }
    guard kinds.holdsMembers(unit.kind) else { return .notACell(unit.kind) }
    return unit.exists(on: day) ? .holdsMembers : .notExisting
  }
}
