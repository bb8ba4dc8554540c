import DangVuCore
import GRDB

/// The day the database's records of a kind start: a period report compares with the same period a year
/// earlier only where the database holds something of it (`ReportComparison`). Each minimum is one seek
/// on an index that leads with the kind and the date.
extension SQLiteStore {
  /// The earliest membership event of any kind, or nil for an empty register.
  static func firstMembershipRecord(in db: Database) throws -> Day? {
    var first: Int?
    for kind in MembershipEventKind.allCases {
      if let day = try Int.fetchOne(
        db, sql: "SELECT MIN(date) FROM membership_event WHERE kind = ?", arguments: [kind.rawValue])
      {
        first = min(first ?? day, day)
      }
    }
    return first.map(Day.init(daysSinceEpoch:))
  }

  /// The earliest inspection or supervision lượt, discipline decision, or complaint received; nil for none.
  static func firstOversightRecord(in db: Database) throws -> Day? {
    let first = try Int.fetchOne(
      db,
      sql: """
        SELECT MIN(day) FROM (
          SELECT MIN(started) AS day FROM inspection_subject
          UNION ALL SELECT MIN(decided) FROM discipline_decision
          UNION ALL SELECT MIN(received) FROM complaint)
        """)
    return first.map(Day.init(daysSinceEpoch:))
  }
}
