import GRDB

/// An INSERT of many rows per statement, for the register's small rows (a member's events and spans).
///
/// Row by row, a bulk load spent more of SQLite's time in each statement's own work (opening and closing
/// cursors, starting and ending the statement) than in the inserts; the `sqlite3` shell copying the same
/// rows by `INSERT … SELECT` was more than twice as fast. So rows wait here, `rowsPerStatement` at a time,
/// and go in one multi-row statement; `flush()` writes the rest with a statement for that many. Values are
/// bound through SQLite's C interface (`PreparedInsert`).
struct BatchedInsert<Row> {
  /// 64 rows of 7 columns is 448 parameters, well under SQLite's limit of 32,766.
  static var rowsPerStatement: Int { 64 }

  private let head: String
  private let placeholders: String
  private let columns: Int32
  private let bindRow: (PreparedInsert, Int32, Row) -> Void
  private let db: Database
  private var pending: [Row] = []

  /// `bindRow` binds a row's values at parameters `base + 1`, `base + 2`, …, in the order of `columns`.
  init(
    into table: String, columns: [String], in db: Database,
    bindRow: @escaping (_ statement: PreparedInsert, _ base: Int32, _ row: Row) -> Void
  ) {
    head = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
    placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    self.columns = Int32(columns.count)
    self.bindRow = bindRow
    self.db = db
    pending.reserveCapacity(Self.rowsPerStatement)
  }

  mutating func append(_ row: Row) throws {
    pending.append(row)
    if pending.count == Self.rowsPerStatement { try flush() }
  }

  /// Writes the rows still waiting. Call it before anything reads the table.
  mutating func flush() throws {
    guard !pending.isEmpty else { return }
    let sql = head + Array(repeating: placeholders, count: pending.count).joined(separator: ", ")
    let statement = try PreparedInsert(sql: sql, in: db)
    for (index, row) in pending.enumerated() { bindRow(statement, Int32(index) * columns, row) }
    pending.removeAll(keepingCapacity: true)
    try statement.run()
  }
}
