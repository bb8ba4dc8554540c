import DangVuCore

extension AuditEntry {
  /// An entry from a row whose columns are in the order both engines select them (`seq, at_ms, actor_login,
  /// actor_role, action, subject, scope_code, before_json, after_json, previous_hash, hash`); nil when a field
  /// does not hold what DangVu wrote, which only a change made outside DangVu can do. `integer` and `text` read
  /// a column by position, nil for NULL or a value of another type; `isNull` tells NULL apart.
  public static func read(
    integer: (Int) -> Int64?, text: (Int) -> String?, isNull: (Int) -> Bool
  ) -> AuditEntry? {
    /// `.some(nil)` for NULL, `nil` for a value that is not text.
    func optionalText(_ index: Int) -> String?? { isNull(index) ? .some(nil) : text(index).map { .some($0) } }
    guard let sequence = integer(0), let time = integer(1), let actor = text(2), let role = text(3),
      let action = text(4), let subject = text(5), let scope = text(6), let before = optionalText(7),
      let after = optionalText(8), let previous = text(9), let hash = text(10)
    else { return nil }
    return AuditEntry(
      sequence: sequence, time: AuditTime(millisecondsSince1970: time), actorLogin: actor, actorRole: role,
      action: action, subject: subject, scopeCode: scope, before: before, after: after, previousHash: previous,
      hash: hash)
  }

  /// A row changed into something unreadable, still listed by its number rather than hidden.
  public static func unreadable(integer: (Int) -> Int64?, text: (Int) -> String?) -> AuditEntry {
    let unreadable = "(không đọc được)"
    func field(_ index: Int) -> String { text(index) ?? unreadable }
    return AuditEntry(
      sequence: integer(0) ?? 0, time: AuditTime(millisecondsSince1970: integer(1) ?? 0), actorLogin: field(2),
      actorRole: field(3), action: field(4), subject: field(5), scopeCode: field(6), before: nil, after: nil,
      previousHash: field(9), hash: field(10))
  }
}
