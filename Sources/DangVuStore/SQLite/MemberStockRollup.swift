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
  static let everything: Int64 = 0
  /// Above this many members a batch marks the sums stale instead of keeping them current row by row.
  static let bulkThreshold = 2_000

  /// The sums for `code`'s subtree on `day`, or nil when they do not apply (not a whole province or the
  /// country, not a month's last day) or are stale.
  static func sums(scope code: String?, on day: Day, in db: Database) throws -> [String: Int]? {
    guard day.adding(days: 1).components.day == 1, try !isStale(db) else { return nil }
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
    var roots = RootHistory()
    try roots.loadAll(db)
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

  /// Deltas by (unit, key, month), packed into one integer: a rebuild adds a few hundred million of them.
  struct Sums {
    var keys = MemberStock.KeyTable()
    var deltas: [Int: Int] = [:]
    private var scratch: [Int] = []

    static func pack(unit: Int64, key: Int, month: Int) -> Int { (Int(unit) << 34) | (key << 17) | month }

    mutating func add(_ row: Row, sign: Int, roots: inout RootHistory, in db: Database) throws {
      let facts = MemberStock.Facts(
        standing: try StoredValue.decode(row[3], column: "member_span.standing"), exempt: row[4], inTransit: row[5],
        gender: try StoredValue.decode(row[6], column: "member.gender"), ethnicity: row[7], religion: row[8],
        education: row[9],
        birthDate: Day(daysSinceEpoch: row[10]))
      try add(facts, cell: row[0], from: row[1], until: row[2], sign: sign, roots: &roots, in: db)
    }

    /// Adds a span of a member just written, with the member's facts.
    mutating func add(_ span: MemberSpan, of member: Member, roots: inout RootHistory) throws {
      let facts = MemberStock.Facts(
        standing: span.standing, exempt: span.exempt, inTransit: span.inTransit, gender: member.gender,
        ethnicity: member.ethnicity, religion: member.religion, education: member.education,
        birthDate: member.birthDate)
      try add(
        facts, cell: span.cellID, from: span.from.daysSinceEpoch, until: span.until?.daysSinceEpoch, sign: 1,
        roots: &roots, in: nil)
    }

    /// `db` may be nil when `roots` has every link loaded.
    private mutating func add(
      _ facts: MemberStock.Facts, cell: Int64, from: Int, until: Int?, sign: Int, roots: inout RootHistory,
      in db: Database?
    ) throws {
      scratch.removeAll(keepingCapacity: true)
      keys.keys(facts, into: &scratch)
      func place(_ unit: Int64, _ start: Int, _ end: Int?) {
        let first = MemberStock.month(of: Day(daysSinceEpoch: start))
        let last = end.map { MemberStock.month(of: Day(daysSinceEpoch: $0)) }
        // A span that starts and ends within one month nets to nothing on any month's last day.
        if last == first { return }
        for key in scratch {
          deltas[Self.pack(unit: unit, key: key, month: first), default: 0] += sign
          if let last { deltas[Self.pack(unit: unit, key: key, month: last), default: 0] -= sign }
        }
      }
      // Unit 0 is the sum of the roots (a cell sits under exactly one root at a time): added in `write`.
      for r in try roots.of(cell: cell, in: db) {
        let start = max(from, r.from)
        let end = [until, r.until].compactMap { $0 }.min()
        if end.map({ start < $0 }) ?? true { place(r.root, start, end) }
      }
    }

    /// Adds the deltas to the table, with unit 0 as their sum, in key order (far faster than random order
    /// for millions of rows; ids order keys within a unit nearly as the table does).
    func write(in db: Database) throws {
      var sum: [Int: Int] = [:]
      for (packed, n) in deltas {
        sum[Self.pack(unit: everything, key: (packed >> 17) & 0x1FFFF, month: packed & 0x1FFFF), default: 0] += n
      }
      // After a national load these are millions of rows: bound through SQLite's C interface.
      let upsert = try PreparedInsert(
        sql: """
          INSERT INTO member_stock(unit_id, key, month, delta) VALUES (?, ?, ?, ?)
          ON CONFLICT(unit_id, key, month) DO UPDATE SET delta = delta + excluded.delta
          """, in: db)
      for source in [sum, deltas] {
        for packed in source.keys.sorted() {
          let delta = source[packed]!
          guard delta != 0 else { continue }
          upsert.bind(1, packed >> 34)
          upsert.bind(2, keys.names[(packed >> 17) & 0x1FFFF])
          upsert.bind(3, packed & 0x1FFFF)
          upsert.bind(4, delta)
          try upsert.run()
        }
      }
    }
  }
}

/// Which root (province) a unit sat under, over time, from its dated parent links.
struct RootHistory {
  typealias Interval = (root: Int64, from: Int, until: Int?)
  private var links: [Int64: [(parent: Int64?, from: Int, until: Int?)]]?
  private var cache: [Int64: [Interval]] = [:]

  /// Loads every link at once, for a rebuild; otherwise links are read unit by unit.
  mutating func loadAll(_ db: Database) throws {
    var all: [Int64: [(parent: Int64?, from: Int, until: Int?)]] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent")
    while let row = try rows.next() { all[row[0], default: []].append((row[1], row[2], row[3])) }
    links = all
  }

  /// `db` may be nil once `loadAll` has run.
  mutating func of(cell: Int64, in db: Database?) throws -> [Interval] {
    if let known = cache[cell] { return known }
    let own: [(parent: Int64?, from: Int, until: Int?)]
    if let links {
      own = links[cell] ?? []
    } else {
      guard let db else { preconditionFailure("RootHistory without its links and without a database") }
      own = try db.cachedRows(
        sql: "SELECT parent_id, valid_from, valid_until FROM organisation_parent WHERE child_id = ?", arguments: [cell]
      ).map { ($0[0], $0[1], $0[2]) }
    }
    var result: [Interval] = []
    for link in own {
      guard let parent = link.parent else {
        result.append((cell, link.from, link.until))
        continue
      }
      for up in try of(cell: parent, in: db) {
        let start = max(link.from, up.from)
        let end = [link.until, up.until].compactMap { $0 }.min()
        if end.map({ start < $0 }) ?? true { result.append((up.root, start, end)) }
      }
    }
    cache[cell] = result
    return result
  }
}
