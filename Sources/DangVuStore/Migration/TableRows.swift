/// One value of a row read as the database holds it, for copying a database to another engine
/// (`dangvu migrate`): the copier turns it into the target column's type and refuses what does not fit.
public enum TableValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

/// A table of the source database as the copier sees it: its name, its columns in order, and whether its rows are
/// read in batches by rowid (a table without one is small and read whole).
public struct SourceTable: Sendable, Hashable {
  public var name: String
  public var columns: [String]
  public var hasRowID: Bool

  public init(name: String, columns: [String], hasRowID: Bool) {
    self.name = name
    self.columns = columns
    self.hasRowID = hasRowID
  }
}

/// A database read table by table for a copy to another engine: the SQLite file, today.
public protocol CopySource: Sendable {
  /// Every table the source keeps, with its columns in order.
  func sourceTables() async throws -> [SourceTable]

  /// How many rows `table` holds.
  func rowCount(of table: SourceTable) async throws -> Int

  /// The rows of `table`, only `columns` in that order, in batches.
  func forEachBatch(
    of table: SourceTable, columns: [String], batchSize: Int, _ body: ([[TableValue]]) async throws -> Void
  ) async throws
}
