import DangVuCore

/// The first rows of a file as DangVu read them, for the person to look at before confirming: only the
/// columns the file's kind knows, in the file's order, dates written the Vietnamese way whatever form the file
/// used, and each row marked when it has an issue.
public struct ImportPreview: Sendable, Codable, Hashable {
  public struct Row: Sendable, Codable, Hashable {
    /// The line of the file (a CSV line, or a sheet's row number).
    public var line: Int
    public var cells: [String]
    public var hasIssue: Bool
  }

  /// The column names as the file's header writes them.
  public var columns: [String]
  public var rows: [Row]
  /// How many rows of data the file has in all.
  public var totalRows: Int

  /// How many rows a preview shows.
  public static let shownRows = 20

  /// The preview of a document of one kind; nil when its header is refused (the issues then say why).
  static func of<Column: FileColumn>(
    _ document: CSVDocument, _ column: Column.Type, issues: [ImportIssue], limit: Int = shownRows
  ) -> ImportPreview? {
    guard let header = try? Header<Column>(document.header) else { return nil }
    let shown = Column.allCases.filter(header.has)
    let troubled = Set(issues.compactMap(\.line))
    return ImportPreview(
      columns: shown.map(header.name(of:)),
      rows: document.records.prefix(limit).map { record in
        Row(
          line: record.line,
          cells: shown.map { column in
            let text = header.field(column, in: record)
            guard column.cellKind == .date, let day = Day(parsing: text) else { return text }
            return day.vietnamese
          },
          hasIssue: troubled.contains(record.line))
      },
      totalRows: document.records.count)
  }
}
