/// Which audit entries to list, newest first, a page at a time.
public struct AuditFilter: Hashable, Sendable {
  /// The actor's login, exactly.
  public var actor: String?
  /// An action or a family of actions: `member` matches `member.update` and `member.add`;
  /// `member.update` matches only itself.
  public var action: String?
  /// The record, exactly (`member:123`).
  public var subject: String?
  /// First and last day, inclusive, in Vietnam's time.
  public var from: Day?
  public var to: Day?
  /// Only entries whose scope unit was this unit or below it on the entry's day (the principal's subtree).
  public var within: String?
  /// Paging: only entries older than this sequence number (the last one of the page before).
  public var before: Int64?
  public var limit: Int

  /// Enough to read on one screen; more is asked for with `before`.
  public static let defaultLimit = 50
  public static let maximumLimit = 500

  public init(
    actor: String? = nil, action: String? = nil, subject: String? = nil, from: Day? = nil, to: Day? = nil,
    within: String? = nil, before: Int64? = nil, limit: Int = AuditFilter.defaultLimit
  ) {
    self.actor = actor
    self.action = action
    self.subject = subject
    self.from = from
    self.to = to
    self.within = within
    self.before = before
    self.limit = limit
  }

  /// The limit a store applies: at least one entry, at most `maximumLimit`.
  public var boundedLimit: Int { min(max(limit, 1), Self.maximumLimit) }

  /// Whether `action` is in the family or is the action this filter names.
  public static func action(_ action: String, matches filter: String) -> Bool {
    action == filter || action.hasPrefix(filter.hasSuffix(".") ? filter : filter + ".")
  }
}
