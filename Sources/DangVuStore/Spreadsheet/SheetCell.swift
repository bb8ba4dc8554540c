/// One cell of a sheet as the workbook stores it, before any column gives it a meaning.
struct SheetCell: Sendable {
  enum Value: Sendable {
    case text(String)
    /// A number; `dateStyled` when the cell's style shows it as a date (a serial).
    case number(Double, dateStyled: Bool)
    case bool(Bool)
    /// An error value such as `#N/A` or `#REF!`.
    case error(String)
    /// A formula whose result was never saved (written by a program that does not calculate).
    case uncachedFormula
    /// A value that is not what its type says (a shared-string index past the end, a number that is not one).
    case unreadable(String)
  }

  /// 0 for column A.
  var column: Int
  var value: Value

  var isEmpty: Bool {
    if case .text(let text) = value { return text.isEmpty }
    return false
  }
}

/// A row of a sheet: its number (1 for the first) and its cells that hold something, left to right.
struct SheetRow: Sendable {
  var number: Int
  var cells: [SheetCell]
}

/// A sheet read from a workbook.
struct SheetContent: Sendable {
  var name: String
  var rows: [SheetRow]
  var merged: [CellRange]
}
