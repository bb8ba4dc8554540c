import DangVuCore

extension ImportFileKind {
  /// Whether a file is a workbook (XLSX, a ZIP archive) rather than CSV text, by its first bytes: a CSV file
  /// never starts with `PK\u{3}\u{4}`, and an .xlsx saved under another name is still a workbook.
  public static func isWorkbook(_ bytes: [UInt8]) -> Bool { WorkbookArchive.looksLikeZIP(bytes) }
}

extension GradesFile {
  /// A year's grades from one sheet of a workbook, through the same checks as the CSV file.
  public static func importing(
    workbook bytes: [UInt8], sheet: String? = nil, year: Int, audit: ImportAudit? = nil, into store: some PartyStore
  ) async throws -> [RecordedGrade] {
    let (content, date1904) = try WorkbookReader.sheet(in: bytes, named: sheet)
    return try await SheetDocument<Column>(content, date1904: date1904).checked {
      try await importing($0, year: year, audit: audit, into: store)
    }
  }
}
