import DangVuCore

/// A report's table as a workbook sheet: the rows of the report's CSV (EvaluationReportCSV,
/// MembershipReportCSV, OversightReportCSV in the core), with counts and changes as numbers, shares as numbers
/// with two decimals, the period's ends as dates, and headers in Vietnamese with their marks.
public enum ReportWorkbook {
  /// `rows` is the CSV's, header first.
  public static func sheet(name: String, rows: [[String]]) -> WorkbookSheet {
    guard let header = rows.first else { return WorkbookSheet(name: name, columns: [], rows: []) }
    let body = rows.dropFirst().map { row in
      row.enumerated().map { index, field in cell(field, column: index < header.count ? header[index] : "") }
    }
    return WorkbookSheet(
      name: name, columns: header.map { WorkbookSheet.Column(header: ColumnLabels.label($0)) }, rows: Array(body))
  }

  /// The workbook of one report table.
  public static func bytes(name: String, rows: [[String]]) throws -> [UInt8] {
    try WorkbookWriter.bytes([sheet(name: name, rows: rows)])
  }

  static func cell(_ field: String, column: String) -> WorkbookCell {
    if field.isEmpty { return .empty }
    // Codes and keys are text even when they look like numbers.
    if ["pham_vi", "chi_tieu", "doi_tuong", "ten"].contains(column) { return .text(field) }
    if column == "tu_ngay" || column == "den_ngay", let day = Day(parsing: field) { return .date(day) }
    if column.hasPrefix("ty_le"), let share = Double(field) { return .decimal(share) }
    if let number = Int(field) { return .integer(number) }
    if let number = Double(field), number.isFinite { return .decimal(number) }
    return .text(field)
  }
}
