import DangVuCore
import DangVuStore
import PostgresNIO

/// A row read back from PostgreSQL, each cell decoded as DangVu wrote it or refused with its column named
/// (`StoredValue.unknown`, as SQLite refuses a value it does not know): a column whose type was altered, or a
/// value written outside DangVu, stops the read instead of being read as something else or crashing.
struct StoredRow {
  let row: PostgresRandomAccessRow
  /// The columns' names as messages give them, `table.column`, in the order of the query's columns.
  let columns: [String]

  func value<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
    guard let value = try optional(index, as: type) else { throw StoredValue.unknown("NULL", column: columns[index]) }
    return value
  }

  func optional<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value? {
    let cell = row[index]
    guard cell.bytes != nil else { return nil }
    do {
      return try cell.decode(Value.self)
    } catch {
      throw StoredValue.unknown((try? cell.decode(String.self)) ?? "(\(cell.dataType))", column: columns[index])
    }
  }

  func day(_ index: Int) throws -> Day { Day(daysSinceEpoch: try value(index, as: Int.self)) }

  func optionalDay(_ index: Int) throws -> Day? {
    try optional(index, as: Int.self).map(Day.init(daysSinceEpoch:))
  }
}

extension PostgresTransaction {
  /// Every row of `query`, read as `StoredRow`s named by `columns`.
  func rows(_ query: PostgresQuery, columns: [String]) async throws -> [StoredRow] {
    var rows: [StoredRow] = []
    for try await row in try await self.query(query) {
      rows.append(StoredRow(row: row.makeRandomAccess(), columns: columns))
    }
    return rows
  }
}
