/// One thing wrong with an import file: where (line, column) and what, in Vietnamese.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible {
  /// The physical line of the file (1 = the header), or the row number of a workbook's sheet; nil for a fault
  /// of the whole file.
  public var line: Int?
  /// The column as the file's header names it; nil when the fault is the whole row.
  public var column: String?
  /// For a workbook: the sheet the row is on.
  public var sheet: String?
  /// For a workbook: the cell, as Excel names it (`Sheet1!F12`), when the fault is one cell's.
  public var cell: String?
  public var message: String

  public init(line: Int?, column: String? = nil, sheet: String? = nil, cell: String? = nil, _ message: String) {
    self.line = line
    self.column = column
    self.sheet = sheet
    self.cell = cell
    self.message = message
  }

  /// Where the fault is, as the person will look for it: a line and column of a CSV file, a cell of a workbook.
  public var place: String? {
    if let cell { return column.map { "ô \(cell) (cột \($0))" } ?? "ô \(cell)" }
    let row: String? =
      switch (sheet, line) {
      case (let sheet?, let line?): "trang \(sheet), dòng \(line)"
      case (let sheet?, nil): "trang \(sheet)"
      case (nil, let line?): "dòng \(line)"
      case (nil, nil): nil
      }
    switch (row, column) {
    case (let row?, let column?): return "\(row), cột \(column)"
    case (let row?, nil): return row
    case (nil, let column?): return "cột \(column)"
    case (nil, nil): return nil
    }
  }

  public var description: String { place.map { "\($0): \(message)" } ?? message }
}

/// A file was refused: every issue found, and nothing of it written.
public struct ImportError: Error, Sendable, CustomStringConvertible {
  public var issues: [ImportIssue]

  /// Past this many, the printed list is cut short; the count still tells how many there are.
  public static let printedLimit = 200

  public init(_ issues: [ImportIssue]) {
    // File-level faults first, then by line; issues of one line keep the order they were found in.
    self.issues = issues.enumerated().sorted { a, b in
      (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
    }.map(\.element)
  }

  public var description: String {
    var lines = [
      "Tệp có \(issues.count) lỗi nên không có dòng nào được ghi; hãy sửa các lỗi dưới đây rồi nhập lại cả tệp:"
    ]
    lines += issues.prefix(Self.printedLimit).map { "  - \($0)" }
    if issues.count > Self.printedLimit {
      lines.append("  … và \(issues.count - Self.printedLimit) lỗi khác")
    }
    return lines.joined(separator: "\n")
  }
}

extension ImportError {
  /// Writes a checked file through one store batch. The rows were checked above; a refusal now is what
  /// changed in the database in between, reported at the line of the item the store refused.
  @discardableResult
  static func writing<T>(lines: [Int], _ write: () async throws -> T) async throws -> T {
    do {
      return try await write()
    } catch let refused as BatchItemError {
      throw ImportError([ImportIssue(line: lines[refused.index], refused.error.message)])
    }
  }
}
