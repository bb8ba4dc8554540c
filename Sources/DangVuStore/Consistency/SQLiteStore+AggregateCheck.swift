import DangVuCore
import GRDB

extension SQLiteStore {
  /// Recomputes every kept sum from the records, in one read (a snapshot: writers go on), and compares
  /// (`AggregateCheck`). A full pass over grades, spans and oversight: seconds for a province, minutes for
  /// the country; for crash trials, after a restore and from a timer now and then, not per request.
  public func checkAggregates() async throws -> AggregateCheck {
    try await writer.read { db in
      var tables: [AggregateCheck.Table] = []
      let (grades, recomputedGrades) = try Self.gradeRollups(in: db)
      tables.append(AggregateCheck.compare(table: "grade_rollup", stored: grades, recomputed: recomputedGrades))
      tables.append(
        AggregateCheck.compare(
          table: "excellent_cap", stored: try Self.storedExcellentCap(in: db),
          recomputed: try Self.excellentCap(fromGradeRollups: recomputedGrades, in: db)))
      tables.append(try Self.memberStockCheck(in: db))
      tables.append(try Self.oversightCheck(in: db))
      return AggregateCheck(tables: tables)
    }
  }

  /// `grade_rollup` as kept, and as the grades give it: each grade counted at its unit and every unit above
  /// it on its cycle's evaluation date, as `GradingContext` counts it.
  static func gradeRollups(in db: Database) throws -> (stored: [String: Int], recomputed: [String: Int]) {
    func key(_ row: Row) -> String {
      "year=\(row[0] as Int) unit=\(row[1] as Int64) subject=\(row[2] as String) outcome=\(row[3] as String)"
    }
    var stored: [String: Int] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT year, unit_id, subject_key, outcome, count FROM grade_rollup WHERE count <> 0")
    {
      stored[key(row)] = row[4]
    }
    var recomputed: [String: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        WITH RECURSIVE up(unit, day, year, subject, outcome, depth) AS (
          SELECT g.unit_id, c.evaluation_date, c.year, g.subject_key, g.outcome, 0
          FROM grade g JOIN evaluation_cycle c ON c.id = g.cycle_id
          UNION ALL
          SELECT p.parent_id, up.day, up.year, up.subject, up.outcome, up.depth + 1
          FROM up JOIN organisation_parent p ON p.child_id = up.unit
            AND p.valid_from <= up.day AND (p.valid_until IS NULL OR p.valid_until > up.day)
          WHERE p.parent_id IS NOT NULL AND up.depth < 64)
        SELECT year, unit, subject, outcome, COUNT(*) FROM up GROUP BY year, unit, subject, outcome
        """)
    {
      recomputed[key(row)] = row[4]
    }
    return (stored, recomputed)
  }

  private static func storedExcellentCap(in db: Database) throws -> [String: Int] {
    var stored: [String: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT year, unit_id, excellent, good_or_above FROM excellent_cap") {
      let unit = "year=\(row[0] as Int) unit=\(row[1] as Int64)"
      stored[unit + " excellent"] = row[2]
      stored[unit + " goodOrAbove"] = row[3]
    }
    return stored
  }

  /// The cap's counts from the recomputed rollups, for the grassroots units (`ExcellentCap`).
  private static func excellentCap(fromGradeRollups rollups: [String: Int], in db: Database) throws -> [String: Int] {
    let grassroots = Set(
      try Int64.fetchAll(
        db, sql: "SELECT id FROM organisation WHERE kind IN (?, ?)",
        arguments: StatementArguments(
          ExcellentCapRule.grassrootsKinds.sorted())))
    var recomputed: [String: Int] = [:]
    for (key, count) in rollups where key.contains(" subject=member ") {
      let parts = key.split(separator: " ")
      guard parts.count == 4, let unit = Int64(parts[1].dropFirst("unit=".count)), grassroots.contains(unit) else {
        continue
      }
      let prefix = "\(parts[0]) \(parts[1])"
      switch parts[3] {
      case "outcome=excellent":
        recomputed[prefix + " excellent", default: 0] += count
        recomputed[prefix + " goodOrAbove", default: 0] += count
      case "outcome=good":
        recomputed[prefix + " goodOrAbove", default: 0] += count
      default: break
      }
    }
    return recomputed
  }

  /// `member_stock` against the spans, unless the store marked it stale (the next report rebuilds it).
  private static func memberStockCheck(in db: Database) throws -> AggregateCheck.Table {
    guard try !MemberStockRollup.isStale(db) else {
      return AggregateCheck.Table(name: "member_stock", rows: 0, differences: [], differing: 0, stale: true)
    }
    var stored: [String: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT unit_id, key, month, delta FROM member_stock WHERE delta <> 0") {
      stored["unit=\(row[0] as Int64) key=\(row[1] as String) month=\(row[2] as Int)"] = row[3]
    }
    var sums = MemberStockRollup.Sums()
    var roots = try RootHistory.all(in: db)
    let rows = try Row.fetchCursor(db, sql: MemberStockRollup.spansSQL)
    while let row = try rows.next() { try sums.add(row, sign: 1, roots: &roots, in: db) }
    var recomputed: [String: Int] = [:]
    for (packed, delta) in sums.deltas {
      let key = sums.keys.names[MemberStock.Sums.key(packed)]
      let month = MemberStock.Sums.month(packed)
      recomputed["unit=\(MemberStock.Sums.unit(packed)) key=\(key) month=\(month)", default: 0] += delta
      // Unit 0 is the sum of the roots, as `Sums.write` keeps it.
      recomputed["unit=\(MemberStockRollup.everything) key=\(key) month=\(month)", default: 0] += delta
    }
    return AggregateCheck.compare(table: "member_stock", stored: stored, recomputed: recomputed)
  }

  private static func oversightCheck(in db: Database) throws -> AggregateCheck.Table {
    func key(month: Int, group: Int, member: Bool, previous: Int) -> String {
      "month=\(month) group=\(group) member=\(member ? 1 : 0) previous=\(previous)"
    }
    var stored: [String: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT month_no, group_no, is_member, previous_month_no, count FROM oversight_rollup WHERE count <> 0
        """)
    {
      stored[key(month: row[0], group: row[1], member: row[2], previous: row[3])] = row[4]
    }
    var recomputed: [String: Int] = [:]
    for (k, count) in try OversightRollup.recount(in: db) {
      recomputed[key(month: k.month, group: k.group, member: k.member, previous: k.previous), default: 0] += count
    }
    return AggregateCheck.compare(table: "oversight_rollup", stored: stored, recomputed: recomputed)
  }
}
