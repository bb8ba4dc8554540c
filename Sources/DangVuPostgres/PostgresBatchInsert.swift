import PostgresNIO

/// Rows inserted many to a statement (SQLite's `BatchedInsert`): a history of seventy events is one round trip,
/// not seventy. Each row binds one value per column, in order.
struct PostgresBatchInsert<Row>: Sendable {
  let table: String
  let columns: [String]
  let bind: @Sendable (Row, inout PostgresBindings) -> Void

  /// Well under PostgreSQL's 65,535 parameters a statement for every table here.
  private static var rowsPerStatement: Int { 1000 }

  func insert(_ rows: some Collection<Row>, in transaction: PostgresTransaction) async throws {
    let rows = Array(rows)
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(start + Self.rowsPerStatement, rows.count)]
      var binds = PostgresBindings(capacity: chunk.count * columns.count)
      var values: [String] = []
      values.reserveCapacity(chunk.count)
      for (offset, row) in chunk.enumerated() {
        bind(row, &binds)
        let base = offset * columns.count
        values.append("(" + (1...columns.count).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
      }
      try await transaction.query(
        PostgresQuery(
          unsafeSQL:
            "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES \(values.joined(separator: ", "))",
          binds: binds))
      start += chunk.count
    }
  }
}
