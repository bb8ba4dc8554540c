import DangVuCore
import GRDB

/// The register's stored rows as a bulk loader reads them, on one transaction of `BulkLoading`: each member's
/// spans as `member_span` holds them, the tree as it stands, the posts held. Valid only inside the closure it is
/// handed to.
///
/// What the demo's loaders read in one pass over millions of rows, where a read per member through `PartyStore`
/// would take hours at national scale.
public struct BulkRegisterReader {
  let db: Database

  /// A span still open (`member_span`), with what a loader needs of its history: the member's admission, for a
  /// probationer; the cell the letter was sent to, for a member in transit.
  public struct OpenSpan: Sendable {
    public var memberID: Int64
    public var cellID: Int64
    public var from: Day
    public var standing: Standing
    public var inTransit: Bool
    public var admitted: Day?
    public var sentTo: Int64?
  }

  /// A unit, as long as it existed.
  public struct Unit: Sendable {
    public var id: Int64
    public var code: String
    public var founded: Day
    public var ended: Day?
  }

  /// Each unit's parent now; a unit at the top or ended has none.
  public func currentParents() throws -> [Int64: Int64] {
    var parent: [Int64: Int64] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT child_id, parent_id FROM organisation_parent WHERE valid_until IS NULL AND parent_id IS NOT NULL"
    )
    while let row = try rows.next() { parent[row[0]] = row[1] }
    return parent
  }

  /// Every unit, in id order.
  public func units() throws -> [Unit] {
    var units: [Unit] = []
    let rows = try Row.fetchCursor(db, sql: "SELECT id, code, founded, ended FROM organisation ORDER BY id")
    while let row = try rows.next() {
      units.append(
        Unit(
          id: row[0], code: row[1], founded: Day(daysSinceEpoch: row[2]),
          ended: (row[3] as Int?).map(Day.init(daysSinceEpoch:))))
    }
    return units
  }

  /// Every post ever held, by member: from and until (exclusive; nil while held).
  public func posts() throws -> [Int64: [(from: Day, until: Day?)]] {
    var posts: [Int64: [(from: Day, until: Day?)]] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT member_id, valid_from, valid_until FROM member_post")
    while let row = try rows.next() {
      posts[row[0], default: []].append((Day(daysSinceEpoch: row[1]), (row[2] as Int?).map(Day.init(daysSinceEpoch:))))
    }
    return posts
  }

  /// The members holding a post now.
  public func membersHoldingPosts() throws -> Set<Int64> {
    Set(try Int64.fetchAll(db, sql: "SELECT member_id FROM member_post WHERE valid_until IS NULL"))
  }

  /// At least as many as `forEachSpan` will give (the last span's row number), for a progress bar.
  public func spanCountBound() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(rowid), 0) FROM member_span") ?? 0
  }

  /// Every span of every member, in the order they were written.
  public func forEachSpan(_ body: (MemberSpan) throws -> Void) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT member_id, cell_id, valid_from, valid_until, standing, exempt, in_transit FROM member_span ORDER BY rowid
        """)
    while let row = try rows.next() { try body(Self.span(row)) }
  }

  /// Every open span, by member.
  public func forEachOpenSpan(_ body: (OpenSpan) throws -> Void) throws {
    // By member: the (kind, date) index would walk every admission of the register for each probationer.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.member_id, s.cell_id, s.standing, s.in_transit, s.valid_from,
          CASE WHEN s.standing = 'probationary' THEN
            (SELECT MIN(date) FROM membership_event INDEXED BY membership_event_member
             WHERE member_id = s.member_id AND kind = 'admitted') END,
          CASE WHEN s.in_transit = 1 THEN
            (SELECT cell_id FROM membership_event
             WHERE member_id = s.member_id AND kind = 'transferSent' AND date = s.valid_from) END
        FROM member_span s WHERE s.valid_until IS NULL ORDER BY s.member_id
        """)
    while let row = try rows.next() {
      let standing: String = row[2]
      guard let known = Standing(rawValue: standing) else {
        throw StoredValue.unknown(standing, column: "member_span.standing")
      }
      try body(
        OpenSpan(
          memberID: row[0], cellID: row[1], from: Day(daysSinceEpoch: row[4]), standing: known, inTransit: row[3],
          admitted: (row[5] as Int?).map(Day.init(daysSinceEpoch:)), sentTo: row[6]))
    }
  }

  /// How many open spans there are of members in `standing`, in transit or not.
  public func openSpanCount(standing: Standing, inTransit: Bool) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM member_span WHERE valid_until IS NULL AND standing = ? AND in_transit = ?",
      arguments: [standing.rawValue, inTransit]) ?? 0
  }

  /// How many events of `kind` fall on the days of `days`.
  public func eventCount(_ kind: MembershipEventKind, on days: ClosedRange<Day>) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM membership_event WHERE kind = ? AND date BETWEEN ? AND ?",
      arguments: [kind.rawValue, days.lowerBound.daysSinceEpoch, days.upperBound.daysSinceEpoch]) ?? 0
  }

  /// The kinds of the events of `kinds` on the days of `days`, by member and date.
  public func eventKinds(_ kinds: [MembershipEventKind], on days: ClosedRange<Day>) throws -> [MembershipEventKind] {
    let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
    return try String.fetchAll(
      db,
      sql: """
        SELECT kind FROM membership_event WHERE kind IN (\(marks)) AND date BETWEEN ? AND ? ORDER BY member_id, date
        """,
      arguments: StatementArguments(kinds.map(\.rawValue))
        + StatementArguments([days.lowerBound.daysSinceEpoch, days.upperBound.daysSinceEpoch])
    ).compactMap(MembershipEventKind.init(rawValue:))
  }

  private static func span(_ row: Row) throws -> MemberSpan {
    MemberSpan(
      memberID: row[0], cellID: row[1], from: Day(daysSinceEpoch: row[2]),
      until: (row[3] as Int?).map(Day.init(daysSinceEpoch:)),
      standing: try StoredValue.decode(row[4], column: "member_span.standing"), exempt: row[5], inTransit: row[6])
  }
}
