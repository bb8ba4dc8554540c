import DangVuCore
import GRDB

/// Keeps `oversight_rollup` current: for every lượt, in every report group it counts in, the month of the
/// same subject's previous lượt in that group. Inside one write transaction; counts gather in memory and are
/// written once by `flush()`.
final class OversightRollup {
  private let db: Database
  struct Key: Hashable {
    var month: Int
    var group: Int
    var member: Bool
    var previous: Int
  }
  private var pending: [Key: Int] = [:]

  init(db: Database) { self.db = db }

  /// `year * 12 + month - 1`: consecutive months are consecutive numbers.
  static func monthNumber(_ day: Day) -> Int {
    let c = day.components
    return c.year * 12 + c.month - 1
  }

  /// Counts a lượt just inserted (its row is `rowID`), re-linking the subject's next lượt in each group to it.
  func added(member: Bool, subjectID: Int64, rowID: Int64) throws {
    try relink(member: member, subjectID: subjectID, rowID: rowID, sign: 1)
  }

  /// Uncounts a lượt about to be deleted (its row is `rowID`, still there), re-linking the subject's next lượt in
  /// each group to the one before it: what a correction of an inspection does before it rewrites its subjects.
  func removed(member: Bool, subjectID: Int64, rowID: Int64) throws {
    try relink(member: member, subjectID: subjectID, rowID: rowID, sign: -1)
  }

  /// In each group the lượt counts in, the lượt (month, previous) and its next one (next, month) against
  /// (next, previous): `sign` 1 puts the lượt between its neighbours, -1 takes it out.
  private func relink(member: Bool, subjectID: Int64, rowID: Int64, sign: Int) throws {
    let rows = try db.cachedRows(
      sql: """
        SELECT rowid, started, kind_no, organ_no, month_no FROM inspection_subject
        WHERE is_member = ? AND subject_id = ? ORDER BY started, rowid
        """, arguments: [member, subjectID])
    let kinds = OversightKind.allCases
    let organs = ConductingBody.Organ.allCases
    guard let row = rows.first(where: { ($0[0] as Int64) == rowID }) else { return }
    let month: Int = row[4]
    for group in OversightCounts.groupIndexes(kind: kinds[row[2]], organ: organs[row[3]]) {
      let inGroup = rows.filter {
        OversightCounts.groups[group].kinds.contains(kinds[$0[2]])
          && OversightCounts.groups[group].organs.contains(organs[$0[3]])
      }
      let i = inGroup.firstIndex { ($0[0] as Int64) == rowID }!
      let previous = i > 0 ? inGroup[i - 1][4] as Int : -1
      pending[Key(month: month, group: group, member: member, previous: previous), default: 0] += sign
      if i + 1 < inGroup.count {
        let next: Int = inGroup[i + 1][4]
        pending[Key(month: next, group: group, member: member, previous: previous), default: 0] -= sign
        pending[Key(month: next, group: group, member: member, previous: month), default: 0] += sign
      }
    }
  }

  func flush() throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO oversight_rollup(month_no, group_no, is_member, previous_month_no, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (month_no, group_no, is_member, previous_month_no) DO UPDATE SET count = count + excluded.count
        """)
    for (key, delta) in pending where delta != 0 {
      try statement.execute(arguments: [key.month, key.group, key.member, key.previous, delta])
    }
    pending = [:]
  }

  /// Recomputes the whole table from `inspection_subject` in one pass over the subject index (each subject's
  /// lượt in date order): for bulk loads, and to repair it should it ever drift.
  static func rebuild(in db: Database) throws {
    try db.execute(sql: "DELETE FROM oversight_rollup")
    let counts = try recount(in: db)
    let statement = try db.cachedStatement(
      sql:
        "INSERT INTO oversight_rollup(month_no, group_no, is_member, previous_month_no, count) VALUES (?, ?, ?, ?, ?)")
    for (key, count) in counts {
      try statement.execute(arguments: [key.month, key.group, key.member, key.previous, count])
    }
  }

  /// The table's rows as `inspection_subject` gives them: what `rebuild` writes and `checkAggregates` compares.
  static func recount(in db: Database) throws -> [Key: Int] {
    let kinds = OversightKind.allCases
    let organs = ConductingBody.Organ.allCases
    // Which groups each (kind, organ) pair counts in, worked out once.
    var groupsOf: [[Int]] = []
    for kind in kinds {
      for organ in organs { groupsOf.append(OversightCounts.groupIndexes(kind: kind, organ: organ)) }
    }
    var counts: [Key: Int] = [:]
    var last = [Int](repeating: -1, count: OversightCounts.groups.count)
    var current: (Bool, Int64)?
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT is_member, subject_id, kind_no, organ_no, month_no FROM inspection_subject
        ORDER BY is_member, subject_id, started, rowid
        """)
    while let row = try cursor.next() {
      let subject: (Bool, Int64) = (row[0], row[1])
      if current == nil || current! != subject {
        current = subject
        for g in last.indices { last[g] = -1 }
      }
      let month: Int = row[4]
      for group in groupsOf[(row[2] as Int) * organs.count + (row[3] as Int)] {
        counts[Key(month: month, group: group, member: subject.0, previous: last[group]), default: 0] += 1
        last[group] = month
      }
    }
    return counts
  }

  /// The oversight figures of a month-aligned period from the rollup: lượt, and subjects whose previous lượt
  /// in the group is before the period's first month.
  static func read(
    into counts: inout OversightCounts, fromMonth: Int, throughMonth: Int, in db: Database
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT group_no, is_member, SUM(count), SUM(CASE WHEN previous_month_no < :from THEN count ELSE 0 END)
        FROM oversight_rollup WHERE month_no BETWEEN :from AND :through GROUP BY group_no, is_member
        """, arguments: ["from": fromMonth, "through": throughMonth])
    {
      counts.setGroup(row[0], members: row[1], visits: row[2], subjects: row[3])
    }
  }
}
