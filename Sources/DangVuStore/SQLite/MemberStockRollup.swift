import DangVuCore
import GRDB

/// Per-month sums of the register under `MemberStock` keys, for every root (a province) and for everything
/// together (unit 0): the register of a province or the country on a month's last day is then a sum of a few
/// thousand rows instead of a scan of millions of spans. Smaller subtrees scan their spans, which is fast.
///
/// A span adds +1 under each of its keys in the month it starts and −1 in the month it ends, for the root
/// the cell sat under at the time (a province can be merged into another); unit 0 is the sum of the roots. Member writes keep the sums
/// current in their transaction; bulk loads and tree changes mark them stale, and the next report rebuilds
/// them once (decision 0006).
enum MemberStockRollup {
  /// The unit id under which the whole register is summed.
  static let everything = MemberStock.Sums.everything
  /// Above this many members a batch marks the sums stale instead of keeping them current row by row.
  static let bulkThreshold = 2_000

  /// The sums for `code`'s subtree on `day`, or nil when they do not apply (not a whole province or the
  /// country, not a month's last day) or are stale.
  static func sums(scope code: String?, on day: Day, in db: Database) throws -> [String: Int]? {
    guard Sums.answer(on: day), try !isStale(db) else { return nil }
    let unit: Int64
    if let code {
      guard let org = try SQLiteStore.organisation(code: code, in: db),
        try Bool.fetchOne(
          db,
          sql: """
            SELECT 1 FROM organisation_parent WHERE child_id = ? AND parent_id IS NOT NULL
              AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
            """, arguments: [org.id, day.daysSinceEpoch, day.daysSinceEpoch]) == nil
      else { return nil }
      unit = org.id
    } else {
      unit = everything
    }
    var sums: [String: Int] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT key, SUM(delta) FROM member_stock WHERE unit_id = ? AND month <= ? GROUP BY key",
      arguments: [unit, MemberStock.month(of: day)])
    while let row = try rows.next() { sums[row[0]] = row[1] }
    return sums
  }

  /// `member_stock_state.stale`: 0 the sums are current, 1 stale, `summingAside` stale while a bulk load into
  /// an empty register sums its members beside the writer (`RegisterAside`). Any other write that would mark
  /// the sums stale during that load sets 1, and the load's own sums are then not used.
  static let summingAside = 2

  static func isStale(_ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT stale FROM member_stock_state") ?? true
  }

  static func isSummingAside(_ db: Database) throws -> Bool {
    try Int.fetchOne(db, sql: "SELECT stale FROM member_stock_state") == summingAside
  }

  static func markStale(_ db: Database) throws {
    try db.execute(sql: "UPDATE member_stock_state SET stale = 1")
  }

  /// At the start of a bulk load into an empty register: the sums are nothing, and the load's will replace them.
  static func beginSummingAside(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM member_stock")
    try db.execute(sql: "UPDATE member_stock_state SET stale = ?", arguments: [summingAside])
  }

  /// At the end of that load: its sums become the register's, unless something else made them stale meanwhile
  /// (then, and when the load failed, `sums` is nil or ignored and the next report rebuilds them).
  static func endSummingAside(_ sums: Sums?, in db: Database) throws {
    guard try isSummingAside(db) else { return }
    guard let sums else { return try markStale(db) }
    try db.execute(sql: "DELETE FROM member_stock")
    try sums.write(in: db)
    try db.execute(sql: "UPDATE member_stock_state SET stale = 0")
  }

  /// Adds (`sign` 1) or takes away (−1) what a member's current spans contribute.
  static func apply(member id: Int64, sign: Int, in db: Database) throws {
    guard try !isStale(db) else { return }
    var sums = Sums()
    var roots = RootHistory()
    for row in try db.cachedRows(sql: spansSQL + " WHERE s.member_id = ?", arguments: [id]) {
      try sums.add(row, sign: sign, roots: &roots, in: db)
    }
    try sums.write(in: db)
  }

  /// Recomputes every sum from the spans.
  static func rebuild(in db: Database) throws {
    var sums = Sums()
    var roots = try RootHistory.all(in: db)
    let rows = try Row.fetchCursor(db, sql: spansSQL)
    while let row = try rows.next() { try sums.add(row, sign: 1, roots: &roots, in: db) }
    try db.execute(sql: "DELETE FROM member_stock")
    try sums.write(in: db)
    try db.execute(sql: "UPDATE member_stock_state SET stale = 0")
  }

  static let spansSQL = """
    SELECT s.cell_id, s.valid_from, s.valid_until, s.standing, s.exempt, s.in_transit, m.gender, m.ethnicity,
      m.religion, m.education, m.birth_date
    FROM member_span s JOIN member m ON m.id = s.member_id
    """

  typealias Sums = MemberStock.Sums

  /// Links of `organisation_parent` read unit by unit, for a `RootHistory` not given them all.
  static func links(in db: Database) -> (Int64) throws -> [RootHistory.Link] {
    { cell in
      try db.cachedRows(
        sql: "SELECT parent_id, valid_from, valid_until FROM organisation_parent WHERE child_id = ?", arguments: [cell]
      ).map { ($0[0], $0[1], $0[2]) }
    }
  }
}

typealias RootHistory = MemberStock.RootHistory

extension MemberStock.Sums {
  /// Adds a row of `MemberStockRollup.spansSQL`.
  mutating func add(_ row: GRDB.Row, sign: Int, roots: inout RootHistory, in db: Database) throws {
    let facts = MemberStock.Facts(
      standing: try StoredValue.decode(row[3], column: "member_span.standing"), exempt: row[4], inTransit: row[5],
      gender: try StoredValue.decode(row[6], column: "member.gender"), ethnicity: row[7], religion: row[8],
      education: row[9],
      birthDate: Day(daysSinceEpoch: row[10]))
    try add(
      facts, cell: row[0], from: row[1], until: row[2], sign: sign, roots: &roots,
      reading: MemberStockRollup.links(in: db))
  }

  /// Adds the deltas to the table.
  func write(in db: Database) throws {
    // After a national load these are millions of rows: bound through SQLite's C interface.
    let upsert = try PreparedInsert(
      sql: """
        INSERT INTO member_stock(unit_id, key, month, delta) VALUES (?, ?, ?, ?)
        ON CONFLICT(unit_id, key, month) DO UPDATE SET delta = delta + excluded.delta
        """, in: db)
    for row in rows() {
      upsert.bind(1, row.unit)
      upsert.bind(2, row.key)
      upsert.bind(3, row.month)
      upsert.bind(4, row.delta)
      try upsert.run()
    }
  }
}

extension RootHistory {
  /// Every link at once, for a rebuild.
  static func all(in db: Database) throws -> RootHistory {
    var all: [Int64: [Link]] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent")
    while let row = try rows.next() { all[row[0], default: []].append((row[1], row[2], row[3])) }
    return RootHistory(links: all)
  }
}
