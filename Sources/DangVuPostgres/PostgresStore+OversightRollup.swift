import DangVuCore
import DangVuStore
import PostgresNIO

/// The rollup's changes of one write transaction (SQLite's `OversightRollup`): each lượt's subject read with its
/// lượt in order, the changes gathered by the shared rule, and written once, by adding to the rows' counts.
struct OversightRollupWrites {
  private var changes = OversightRollupChanges()

  /// `sign` 1 for lượt just inserted (rows `seq`), -1 for lượt about to be deleted; the subjects are distinct (one
  /// record's), their lượt read in one query.
  mutating func relink(
    _ luot: [(member: Bool, subjectID: Int64, seq: Int64)], sign: Int, in transaction: PostgresTransaction
  ) async throws {
    guard !luot.isEmpty else { return }
    var visits: [Int64: [OversightVisit]] = [:]
    var memberVisits: [Int64: [OversightVisit]] = [:]
    for row in try await transaction.rows(
      """
      SELECT t.is_member, t.subject_id, t.seq, t.kind_no, t.organ_no, t.month_no FROM inspection_subject t
      JOIN unnest(\(luot.map(\.member))::boolean[], \(luot.map(\.subjectID))::bigint[]) AS l(m, id)
        ON t.is_member = l.m AND t.subject_id = l.id
      ORDER BY t.is_member, t.subject_id, t.started, t.seq
      """,
      columns: [
        "inspection_subject.is_member", "inspection_subject.subject_id", "inspection_subject.seq",
        "inspection_subject.kind_no", "inspection_subject.organ_no", "inspection_subject.month_no",
      ])
    {
      let visit = try OversightVisit(
        row: try row.value(2), kindNo: try row.value(3), organNo: try row.value(4), month: try row.value(5))
      if try row.value(0, as: Bool.self) {
        memberVisits[try row.value(1), default: []].append(visit)
      } else {
        visits[try row.value(1), default: []].append(visit)
      }
    }
    for l in luot {
      changes.relink(
        member: l.member, visits: (l.member ? memberVisits : visits)[l.subjectID] ?? [], row: l.seq, sign: sign)
    }
  }

  /// One statement for every changed row, in key order.
  mutating func flush(in transaction: PostgresTransaction) async throws {
    let rows = changes.take()
    guard !rows.isEmpty else { return }
    try await transaction.query(
      """
      INSERT INTO oversight_rollup(month_no, group_no, is_member, previous_month_no, count)
      SELECT * FROM unnest(\(rows.map(\.key.month))::integer[], \(rows.map(\.key.group))::integer[],
        \(rows.map(\.key.member))::boolean[], \(rows.map(\.key.previous))::integer[], \(rows.map(\.delta))::integer[])
      ON CONFLICT (month_no, group_no, is_member, previous_month_no)
      DO UPDATE SET count = oversight_rollup.count + EXCLUDED.count
      """)
  }
}

/// The rollup read and counted again (SQLite's `OversightRollup.read`, `recount`).
extension PostgresStore {
  /// The figures of a month-aligned period from the rollup: lượt, and subjects whose previous lượt in the group is
  /// before the period's first month.
  static func readRollup(
    into reader: inout OversightCountsReader, fromMonth: Int, throughMonth: Int, in transaction: PostgresTransaction
  ) async throws {
    for row in try await transaction.rows(
      """
      SELECT group_no, is_member, sum(count), sum(CASE WHEN previous_month_no < \(fromMonth) THEN count ELSE 0 END)
      FROM oversight_rollup WHERE month_no BETWEEN \(fromMonth) AND \(throughMonth) GROUP BY group_no, is_member
      """,
      columns: ["oversight_rollup.group_no", "oversight_rollup.is_member", "oversight_rollup.count", "count"])
    {
      try reader.group(try row.value(0), member: try row.value(1), visits: try row.value(2), subjects: try row.value(3))
    }
  }

  /// The table's rows as the lượt give them, by the rule both engines share (`OversightRollupRecount`): what a check
  /// compares the kept table with.
  static func recountRollup(in transaction: PostgresTransaction) async throws -> [OversightRollupKey: Int] {
    var recount = OversightRollupRecount()
    for row in try await transaction.rows(
      """
      SELECT is_member, subject_id, seq, kind_no, organ_no, month_no FROM inspection_subject
      ORDER BY is_member, subject_id, started, seq
      """,
      columns: [
        "inspection_subject.is_member", "inspection_subject.subject_id", "inspection_subject.seq",
        "inspection_subject.kind_no", "inspection_subject.organ_no", "inspection_subject.month_no",
      ])
    {
      recount.add(
        member: try row.value(0), subjectID: try row.value(1),
        try OversightVisit(
          row: try row.value(2), kindNo: try row.value(3), organNo: try row.value(4), month: try row.value(5)))
    }
    return recount.counts
  }

  /// Writes the whole table again from the lượt: after rows were copied in without their rollup (`copyIn`), or to
  /// repair it should it ever drift. Meant for a database no server writes to meanwhile (a copy's own transaction):
  /// it takes no subject's lock.
  static func rebuildRollup(in transaction: PostgresTransaction) async throws {
    try await transaction.query("DELETE FROM oversight_rollup")
    let rows = try await recountRollup(in: transaction).filter { $0.value != 0 }.map { (key: $0.key, count: $0.value) }
    guard !rows.isEmpty else { return }
    try await transaction.query(
      """
      INSERT INTO oversight_rollup(month_no, group_no, is_member, previous_month_no, count)
      SELECT * FROM unnest(\(rows.map(\.key.month))::integer[], \(rows.map(\.key.group))::integer[],
        \(rows.map(\.key.member))::boolean[], \(rows.map(\.key.previous))::integer[], \(rows.map(\.count))::integer[])
      """)
  }

  /// The table as kept, rows of count 0 left out.
  static func keptRollup(in transaction: PostgresTransaction) async throws -> [OversightRollupKey: Int] {
    var kept: [OversightRollupKey: Int] = [:]
    for row in try await transaction.rows(
      """
      SELECT month_no, group_no, is_member, previous_month_no, count FROM oversight_rollup WHERE count <> 0
      """,
      columns: [
        "oversight_rollup.month_no", "oversight_rollup.group_no", "oversight_rollup.is_member",
        "oversight_rollup.previous_month_no", "oversight_rollup.count",
      ])
    {
      kept[
        OversightRollupKey(
          month: try row.value(0), group: try row.value(1), member: try row.value(2), previous: try row.value(3))] =
        try row.value(4)
    }
    return kept
  }
}
