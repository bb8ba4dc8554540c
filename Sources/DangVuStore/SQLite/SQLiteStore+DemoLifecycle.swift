import DangVuCore
import GRDB

/// The few bulk reads and writes the demo's lifecycle pass needs, too many rows for one call per member.
extension SQLiteStore {
  /// About one member in `every` of those in the register now, with their cell and since when.
  func demoLifecycleCandidates(every: Int) async throws -> [DemoLifecycle.Candidate] {
    try await writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT member_id, cell_id, valid_from FROM member_span
          WHERE valid_until IS NULL AND exempt = 0 AND in_transit = 0 AND member_id % ? = 0
          ORDER BY member_id
          """, arguments: [every]
      ).map { DemoLifecycle.Candidate(memberID: $0[0], cellID: $0[1], since: Day(daysSinceEpoch: $0[2])) }
    }
  }

  /// Cells founded before the demo's history and never ended, in id order.
  func demoLastingCells() async throws -> [Int64] {
    try await writer.read { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT o.id FROM organisation o JOIN unit_kind k ON k.code = o.kind
          WHERE k.holds_members = 1 AND o.ended IS NULL AND o.founded <= ? ORDER BY o.id
          """, arguments: [DemoCalendar.historyStart.daysSinceEpoch])
    }
  }

  /// Gives each admission since `since` that has no record one: a decision number and two official members
  /// of the same cell on that day as sponsors (spread by a hash so the same two do not sponsor everyone).
  func demoRecordAdmissions(since: Day) async throws -> Int {
    try await writer.write { db in
      try db.execute(
        sql: """
          WITH sponsor(member_id, sponsor_id, rank) AS (
            SELECT e.member_id, s.member_id,
              ROW_NUMBER() OVER (PARTITION BY e.member_id ORDER BY (s.member_id * 7919 + e.member_id) % 1009, s.member_id)
            FROM membership_event e
            JOIN member_span s ON s.cell_id = e.cell_id AND s.standing = 'official' AND s.valid_from <= e.date
              AND (s.valid_until IS NULL OR s.valid_until > e.date) AND s.member_id <> e.member_id
            WHERE e.kind = 'admitted' AND e.date >= ?
              AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = e.member_id))
          INSERT INTO admission(member_id, decision_number, sponsor_1, sponsor_2)
          SELECT member_id, printf('%d-QĐ/ĐU', 100 + member_id % 900),
            MAX(CASE rank WHEN 1 THEN sponsor_id END), MAX(CASE rank WHEN 2 THEN sponsor_id END)
          FROM sponsor WHERE rank <= 2 GROUP BY member_id HAVING COUNT(*) = 2
          """, arguments: [since.daysSinceEpoch])
      return db.changesCount
    }
  }

  /// Admissions per district-level unit (the units right below a root, as the tree stands now) and year.
  func demoAdmissionsByDistrict(years: ClosedRange<Int>) async throws -> [(
    unit: Int64, code: String, year: Int, admitted: Int
  )] {
    try await writer.read { db in
      // Which district each unit sits in: a walk of the current tree, kept in memory (a recursive view is not
      // indexed, and joining the events to it row by row is quadratic).
      var district: [Int64: Int64] = [:]
      var codes: [Int64: String] = [:]
      let walk = try Row.fetchCursor(
        db,
        sql: """
          WITH RECURSIVE walk(id, district) AS (
            SELECT p.child_id, p.child_id FROM organisation_parent p
            WHERE p.valid_until IS NULL AND p.parent_id IN (SELECT child_id FROM organisation_parent WHERE parent_id IS NULL)
            UNION ALL
            SELECT p.child_id, walk.district FROM organisation_parent p JOIN walk ON p.parent_id = walk.id
            WHERE p.valid_until IS NULL)
          SELECT walk.id, walk.district, o.code FROM walk JOIN organisation o ON o.id = walk.district
          """)
      while let row = try walk.next() {
        district[row[0]] = row[1]
        codes[row[1]] = row[2]
      }
      var counts: [Int64: [Int: Int]] = [:]
      let admitted = try Row.fetchCursor(
        db,
        sql: """
          SELECT cell_id, date FROM membership_event WHERE kind = 'admitted' AND date BETWEEN ? AND ?
          """,
        arguments: [
          Day(year: years.lowerBound, month: 1, day: 1)!.daysSinceEpoch,
          Day(year: years.upperBound, month: 12, day: 31)!.daysSinceEpoch,
        ])
      while let row = try admitted.next() {
        guard let unit = district[row[0]] else { continue }
        counts[unit, default: [:]][Day(daysSinceEpoch: row[1]).year, default: 0] += 1
      }
      return counts.sorted { $0.key < $1.key }.flatMap { unit, byYear in
        byYear.sorted { $0.key < $1.key }.map { (unit: unit, code: codes[unit]!, year: $0.key, admitted: $0.value) }
      }
    }
  }
}
