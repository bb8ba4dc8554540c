import DangVuCore
import GRDB

/// Keeps `oversight_rollup` current: for every lượt, in every report group it counts in, the month of the
/// same subject's previous lượt in that group. Inside one write transaction; counts gather in memory and are
/// written once by `flush()`.
final class OversightRollup {
  private let db: Database
  typealias Key = OversightRollupKey
  private var pending = OversightRollupChanges()

  init(db: Database) { self.db = db }

  static func monthNumber(_ day: Day) -> Int { OversightVisit.monthNumber(day) }

  /// Counts a lượt just inserted (its row is `rowID`), re-linking the subject's next lượt in each group to it.
  func added(member: Bool, subjectID: Int64, rowID: Int64) throws {
    try relink(member: member, subjectID: subjectID, rowID: rowID, sign: 1)
  }

  /// Uncounts a lượt about to be deleted (its row is `rowID`, still there), re-linking the subject's next lượt in
  /// each group to the one before it: what a correction of an inspection does before it rewrites its subjects.
  func removed(member: Bool, subjectID: Int64, rowID: Int64) throws {
    try relink(member: member, subjectID: subjectID, rowID: rowID, sign: -1)
  }

  /// The subject's lượt in order, read inside the write transaction (SQLite's single writer keeps them current
  /// until it commits), handed to the rule both engines keep the table by (`OversightRollupChanges`).
  private func relink(member: Bool, subjectID: Int64, rowID: Int64, sign: Int) throws {
    let visits = try db.cachedRows(
      sql: """
        SELECT rowid, kind_no, organ_no, month_no FROM inspection_subject
        WHERE is_member = ? AND subject_id = ? ORDER BY started, rowid
        """, arguments: [member, subjectID]
    ).map { try OversightVisit(row: $0[0], kindNo: $0[1], organNo: $0[2], month: $0[3]) }
    pending.relink(member: member, visits: visits, row: rowID, sign: sign)
  }

  func flush() throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO oversight_rollup(month_no, group_no, is_member, previous_month_no, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (month_no, group_no, is_member, previous_month_no) DO UPDATE SET count = count + excluded.count
        """)
    for (key, delta) in pending.take() {
      try statement.execute(arguments: [key.month, key.group, key.member, key.previous, delta])
    }
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
    var recount = OversightRollupRecount()
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT is_member, subject_id, rowid, kind_no, organ_no, month_no FROM inspection_subject
        ORDER BY is_member, subject_id, started, rowid
        """)
    while let row = try cursor.next() {
      recount.add(
        member: row[0], subjectID: row[1],
        try OversightVisit(row: row[2], kindNo: row[3], organNo: row[4], month: row[5]))
    }
    return recount.counts
  }

  /// The oversight figures of a month-aligned period from the rollup: lượt, and subjects whose previous lượt
  /// in the group is before the period's first month.
  static func read(
    into reader: inout OversightCountsReader, fromMonth: Int, throughMonth: Int, in db: Database
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT group_no, is_member, SUM(count), SUM(CASE WHEN previous_month_no < :from THEN count ELSE 0 END)
        FROM oversight_rollup WHERE month_no BETWEEN :from AND :through GROUP BY group_no, is_member
        """, arguments: ["from": fromMonth, "through": throughMonth])
    {
      try reader.group(row[0], member: row[1], visits: row[2], subjects: row[3])
    }
  }
}
