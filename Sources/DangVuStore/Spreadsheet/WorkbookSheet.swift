import DangVuCore

/// A value written into a workbook cell: text stays text (codes keep their zeros), numbers are numbers Excel
/// can sum, and days are real dates (serials in a date style), not text that looks like one.
public enum WorkbookCell: Sendable, Equatable {
  case empty
  case text(String)
  case integer(Int)
  /// A number shown with two decimals (shares in percent).
  case decimal(Double)
  case date(Day)
}

/// A sheet to write: a header row, the rows, and for some columns a list to pick values from.
public struct WorkbookSheet: Sendable {
  public struct Column: Sendable {
    public var header: String
    /// Cells typed into this column later stay text (`@`), so Excel keeps a code's leading zeros.
    public var keepsText: Bool
    /// Values offered in a drop-down: where they are listed (`'Danh sách chọn'!$A$2:$A$9`).
    public var choices: String?

    public init(header: String, keepsText: Bool = false, choices: String? = nil) {
      self.header = header
      self.keepsText = keepsText
      self.choices = choices
    }
  }

  public var name: String
  public var columns: [Column]
  public var rows: [[WorkbookCell]]

  public init(name: String, columns: [Column], rows: [[WorkbookCell]]) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }

  /// A column's width in characters: the longest of its header and its first thousand values, within bounds
  /// that keep a sheet readable.
  func width(of column: Int) -> Int {
    var widest = columns[column].header.count
    for row in rows.prefix(1000) where column < row.count {
      let length: Int =
        switch row[column] {
        case .empty: 0
        case .text(let text): text.count
        case .integer(let n): String(n).count
        case .decimal: 6
        case .date: 10
        }
      widest = max(widest, length)
    }
    return min(max(widest + 2, 8), 60)
  }
}
