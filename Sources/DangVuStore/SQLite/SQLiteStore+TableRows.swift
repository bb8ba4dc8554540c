import DangVuCore
import GRDB

/// The file read table by table, for copying it to PostgreSQL (`dangvu migrate`, issue 23 part 5). The copier
/// knows the tables by name, not by type: a table this build added is copied without the copier changing, and one
/// the target lacks is named in its refusal, never dropped unseen.
extension SQLiteStore: CopySource {
  /// Every table DangVu keeps in the file (not SQLite's own, not GRDB's migration log, not the full-text index's
  /// shadow tables), with its columns in order.
  public func sourceTables() async throws -> [SourceTable] {
    try await writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT LIKE 'grdb_%' ORDER BY name
          """)
      var tables: [SourceTable] = []
      for row in rows {
        let name: String = row[0]
        let sql: String = row[1] ?? ""
        // A virtual table's shadow tables (member_fts_data, …) belong to it, and it is rebuilt, not copied.
        if sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") { continue }
        if rows.contains(where: { other in
          let otherSQL: String = other[1] ?? ""
          return otherSQL.uppercased().hasPrefix("CREATE VIRTUAL TABLE") && name.hasPrefix((other[0] as String) + "_")
        }) {
          continue
        }
        let columns = try db.columns(in: name).map(\.name)
        tables.append(
          SourceTable(
            name: name, columns: columns, hasRowID: !sql.uppercased().contains("WITHOUT ROWID")))
      }
      return tables
    }
  }

  public func rowCount(of table: SourceTable) async throws -> Int {
    try await writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table.name)\"") ?? 0 }
  }

  /// The table's rows in rowid order, `batchSize` at a time, each batch after the one before (keyset: no batch
  /// rereads the rows before it); a table without rowid comes whole in one batch. The file must not change
  /// meanwhile: the command refuses a file another process has open.
  public func forEachBatch(
    of table: SourceTable, columns: [String], batchSize: Int = 10_000,
    _ body: ([[TableValue]]) async throws -> Void
  ) async throws {
    let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    guard table.hasRowID else {
      let rows = try await writer.read { db in
        try Row.fetchAll(db, sql: "SELECT \(list) FROM \"\(table.name)\"").map(Self.values)
      }
      if !rows.isEmpty { try await body(rows) }
      return
    }
    var last: Int64 = .min
    while true {
      let after = last
      let (rows, next) = try await writer.read { db -> ([[TableValue]], Int64?) in
        let rows = try Row.fetchAll(
          db, sql: "SELECT rowid, \(list) FROM \"\(table.name)\" WHERE rowid > ? ORDER BY rowid LIMIT ?",
          arguments: [after, batchSize])
        return (rows.map { Array(Self.values($0).dropFirst()) }, rows.last.map { $0[0] })
      }
      if !rows.isEmpty { try await body(rows) }
      guard let next, rows.count == batchSize else { return }
      last = next
    }
  }

  private static func values(_ row: Row) -> [TableValue] {
    row.databaseValues.map { value in
      switch value.storage {
      case .null: .null
      case .int64(let number): .integer(number)
      case .double(let number): .real(number)
      case .string(let text): .text(text)
      case .blob(let data): .blob([UInt8](data))
      }
    }
  }
}
