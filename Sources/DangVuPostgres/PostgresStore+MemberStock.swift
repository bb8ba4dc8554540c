import DangVuCore
import DangVuStore
import PostgresNIO

/// The register's per-month sums on PostgreSQL (SQLite's `MemberStockRollup`, decision 0006): the keys and the
/// deltas are Core's (`MemberStock.Sums`), only the SQL is here.
///
/// Several servers write the register at once (decision 0050). Each write adds its deltas in its own transaction,
/// `INSERT … ON CONFLICT DO UPDATE SET delta = delta + excluded.delta`, which PostgreSQL applies on the row as
/// committed, so two writes adding to one row both count; the rows go in one order (`Sums.rows`), so two writes
/// never wait on each other's rows in a cycle. Whether the sums are kept is read from `member_stock_state` locked
/// shared, and a rebuild locks that row alone: it waits for every write under way (one that skipped stale sums
/// must be in the spans it reads) and the writes after it wait for it (they then add to sums that exist).
extension PostgresStore {
  /// Whether the sums are current, locking the state shared until the transaction ends; false when stale.
  static func memberStockKept(in transaction: PostgresTransaction) async throws -> Bool {
    try await stockState("FOR SHARE", in: transaction) == 0
  }

  private static func stockState(_ lock: String, in transaction: PostgresTransaction) async throws -> Int {
    try await transaction.rows(
      PostgresQuery(unsafeSQL: "SELECT stale FROM member_stock_state WHERE id = 1 \(lock)"),
      columns: ["member_stock_state.stale"]
    ).first?.value(0) ?? 1
  }

  static func markMemberStockStale(in transaction: PostgresTransaction) async throws {
    try await transaction.query("UPDATE member_stock_state SET stale = 1 WHERE id = 1")
  }

  /// The roots `unit` sits under from `day` on, as recorded now: a move that leaves them as they were (a move inside
  /// a district, say) changes no sum, as on SQLite.
  static func roots(of unit: Int64, from day: Day, in transaction: PostgresTransaction) async throws -> [String] {
    var history = MemberStock.RootHistory(links: try await rootLinks(of: [unit], in: transaction))
    return history.roots(of: unit, from: day) { _ in [] }
  }

  /// Takes away what `before` contributed and adds what `after` does (members' spans before and after a write), the
  /// caller having found the sums kept (`memberStockKept`). Only the links of the cells' ancestries are read.
  static func addToMemberStock(
    removing before: [(member: Member, spans: [MemberSpan])], adding after: [(member: Member, spans: [MemberSpan])],
    in transaction: PostgresTransaction
  ) async throws {
    let cells = Set((before + after).flatMap { $0.spans.map(\.cellID) })
    guard !cells.isEmpty else { return }
    var roots = MemberStock.RootHistory(links: try await rootLinks(of: Array(cells), in: transaction))
    var sums = MemberStock.Sums()
    for (sign, changes) in [(-1, before), (1, after)] {
      for (member, spans) in changes {
        for span in spans { try sums.add(span, of: member, sign: sign, roots: &roots) }
      }
    }
    try await write(sums, in: transaction)
  }

  /// The spans of a member as stored, before a write replaces them.
  static func storedSpans(of memberID: Int64, in transaction: PostgresTransaction) async throws -> [MemberSpan] {
    try await transaction.rows(
      """
      SELECT cell_id, valid_from, valid_until, standing, exempt, in_transit FROM member_span
      WHERE member_id = \(memberID)
      """, columns: spanColumnNames
    ).map { row in
      MemberSpan(
        memberID: memberID, cellID: try row.value(0), from: try row.day(1), until: try row.optionalDay(2),
        standing: try standing(row, 3), exempt: try row.value(4), inTransit: try row.value(5))
    }
  }

  private static let spanColumnNames = [
    "member_span.cell_id", "member_span.valid_from", "member_span.valid_until", "member_span.standing",
    "member_span.exempt", "member_span.in_transit",
  ]

  /// Every dated parent link of the cells and of every unit above them at any time; with no cells, every link.
  static func rootLinks(of cells: [Int64]?, in transaction: PostgresTransaction) async throws
    -> [Int64: [MemberStock.RootHistory.Link]]
  {
    let query: PostgresQuery =
      if let cells {
        """
        WITH RECURSIVE up(id) AS (
          SELECT unnest(\(cells)::bigint[])
          UNION
          SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id WHERE p.parent_id IS NOT NULL)
        SELECT p.child_id, p.parent_id, p.valid_from, p.valid_until FROM organisation_parent p JOIN up ON p.child_id = up.id
        """
      } else {
        "SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent"
      }
    var links: [Int64: [MemberStock.RootHistory.Link]] = [:]
    for row in try await transaction.rows(query, columns: linkColumnNames) {
      links[try row.value(0), default: []].append(
        (try row.optional(1), try row.value(2), try row.optional(3)))
    }
    return links
  }

  private static func write(_ sums: MemberStock.Sums, in transaction: PostgresTransaction) async throws {
    let rows = sums.rows()
    var start = 0
    // Four binds a row, well under PostgreSQL's 65,535 a statement.
    while start < rows.count {
      let chunk = rows[start..<min(start + 5_000, rows.count)]
      var binds = PostgresBindings(capacity: chunk.count * 4)
      var values: [String] = []
      for (offset, row) in chunk.enumerated() {
        binds.append(row.unit)
        binds.append(row.key)
        binds.append(row.month)
        binds.append(row.delta)
        let base = offset * 4
        values.append("($\(base + 1), $\(base + 2), $\(base + 3), $\(base + 4))")
      }
      try await transaction.query(
        PostgresQuery(
          unsafeSQL: """
            INSERT INTO member_stock(unit_id, key, month, delta) VALUES \(values.joined(separator: ", "))
            ON CONFLICT (unit_id, key, month) DO UPDATE SET delta = member_stock.delta + EXCLUDED.delta
            """, binds: binds))
      start += chunk.count
    }
  }

  /// Rebuilds the sums from the spans after a change of the tree, once: the first of several servers to find them
  /// stale rebuilds, the others find them current once it commits.
  func refreshMemberStockIfStale() async throws {
    let stale = try await read { transaction in try await Self.stockState("", in: transaction) != 0 }
    guard stale else { return }
    try await write { transaction in
      guard try await Self.stockState("FOR UPDATE", in: transaction) != 0 else { return }
      var roots = MemberStock.RootHistory(links: try await Self.rootLinks(of: nil, in: transaction))
      var sums = MemberStock.Sums()
      let rows = try await transaction.query(
        """
        SELECT s.cell_id, s.valid_from, s.valid_until, s.standing, s.exempt, s.in_transit, m.gender, m.ethnicity,
          m.religion, m.education, m.birth_date
        FROM member_span s JOIN member m ON m.id = s.member_id
        """)
      let columns =
        Self.spanColumnNames + [
          "member.gender", "member.ethnicity", "member.religion", "member.education", "member.birth_date",
        ]
      for try await cells in rows {
        let row = StoredRow(row: cells.makeRandomAccess(), columns: columns)
        let facts = MemberStock.Facts(
          standing: try Self.standing(row, 3), exempt: try row.value(4), inTransit: try row.value(5),
          gender: try StoredValue.decode(try row.value(6, as: String.self), column: "member.gender"),
          ethnicity: try row.value(7), religion: try row.value(8), education: try row.value(9),
          birthDate: try row.day(10))
        sums.add(
          facts, cell: try row.value(0), from: try row.value(1), until: try row.optional(2), sign: 1, roots: &roots,
          reading: { _ in [] })
      }
      try await transaction.query("DELETE FROM member_stock")
      try await Self.write(sums, in: transaction)
      try await transaction.query("UPDATE member_stock_state SET stale = 0 WHERE id = 1")
    }
  }

  /// The sums for `code`'s subtree on `day` (a root, or with no code everything), nil when they do not answer: not a
  /// month's last day, not a root that day, or stale.
  static func memberStockSums(scope code: String?, on day: Day, in transaction: PostgresTransaction) async throws
    -> [String: Int]?
  {
    guard MemberStock.Sums.answer(on: day), try await stockState("", in: transaction) == 0 else { return nil }
    var unit = MemberStock.Sums.everything
    if let code {
      guard let org = try await organisation(code: code, in: transaction) else { return nil }
      let d = day.daysSinceEpoch
      guard
        try await !exists(
          """
          SELECT 1 FROM organisation_parent WHERE child_id = \(org.id) AND parent_id IS NOT NULL
            AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
          """, in: transaction)
      else { return nil }
      unit = org.id
    }
    var sums: [String: Int] = [:]
    for row in try await transaction.rows(
      """
      SELECT key, sum(delta)::bigint FROM member_stock WHERE unit_id = \(unit) AND month <= \(MemberStock.month(of: day))
      GROUP BY key
      """, columns: ["member_stock.key", "member_stock.delta"])
    {
      sums[try row.value(0)] = Int(try row.value(1, as: Int64.self))
    }
    return sums
  }
}
