import DangVuCore
import GRDB

/// The days the database's records of a kind start and stop. A period report compares with the same period a
/// year earlier only where the database holds something of it (`ReportComparison`); a report page opens on the
/// latest year that holds something (`ReportPeriod.opening`). Each bound is one seek per kind on an index that
/// leads with the kind and the date.
extension SQLiteStore {
  /// The earliest membership event of any kind, or nil for an empty register.
  static func firstMembershipRecord(in db: Database) throws -> Day? {
    try membershipBound("MIN", upTo: nil, in: db)
  }

  public func lastMembershipRecord(onOrBefore day: Day) async throws -> Day? {
    try await writer.read { db in try Self.membershipBound("MAX", upTo: day, in: db) }
  }

  /// The earliest inspection or supervision lượt, discipline decision, or complaint received; nil for none.
  static func firstOversightRecord(in db: Database) throws -> Day? {
    try oversightBound("MIN", upTo: nil, in: db)
  }

  public func lastOversightRecord(onOrBefore day: Day) async throws -> Day? {
    try await writer.read { db in try Self.oversightBound("MAX", upTo: day, in: db) }
  }

  /// `MIN` or `MAX` of the events' dates, kind by kind so that each is a seek on `(kind, date)`.
  private static func membershipBound(_ aggregate: String, upTo day: Day?, in db: Database) throws -> Day? {
    var bound: Int?
    for kind in MembershipEventKind.allCases {
      if let found = try Int.fetchOne(
        db, sql: "SELECT \(aggregate)(date) FROM membership_event WHERE kind = ? AND date <= ?",
        arguments: [kind.rawValue, day?.daysSinceEpoch ?? Int.max])
      {
        bound = aggregate == "MIN" ? min(bound ?? found, found) : max(bound ?? found, found)
      }
    }
    return bound.map(Day.init(daysSinceEpoch:))
  }

  private static func oversightBound(_ aggregate: String, upTo day: Day?, in db: Database) throws -> Day? {
    let found = try Int.fetchOne(
      db,
      sql: """
        SELECT \(aggregate)(day) FROM (
          SELECT \(aggregate)(started) AS day FROM inspection_subject WHERE started <= :until
          UNION ALL SELECT \(aggregate)(decided) FROM discipline_decision WHERE decided <= :until
          UNION ALL SELECT \(aggregate)(received) FROM complaint WHERE received <= :until)
        """, arguments: ["until": day?.daysSinceEpoch ?? Int.max])
    return found.map(Day.init(daysSinceEpoch:))
  }
}
