import DangVuCore

/// Opens an XLSX workbook and reads one sheet: the first, or the one named.
enum WorkbookReader {
  static func sheet(in bytes: [UInt8], named wanted: String?) throws(ImportError) -> (
    content: SheetContent, date1904: Bool
  ) {
    let archive = try WorkbookArchive(bytes: bytes)
    let index = try WorkbookIndex(archive)
    guard let first = index.sheets.first else { throw WorkbookIndex.damaged("không có trang tính nào") }
    var chosen = first
    if let wanted {
      let key = SearchFolding.fold(wanted)
      guard
        let found = index.sheets.first(where: { $0.name == wanted })
          ?? index.sheets.first(where: { SearchFolding.fold($0.name) == key })
      else {
        throw ImportError([
          ImportIssue(
            line: nil,
            "sổ tính không có trang \"\(wanted)\"; các trang có: "
              + index.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ") + ".")
        ])
      }
      chosen = found
    }
    guard let data = try archive.part(chosen.path) else {
      throw WorkbookIndex.damaged("không có phần \(chosen.path) của trang \(chosen.name)")
    }
    let shared = try SharedStrings.read(archive.part("xl/sharedStrings.xml"))
    let styles = try CellStyles.dateStyles(archive.part("xl/styles.xml"))
    let content = try WorksheetPart.read(data, name: chosen.name, sharedStrings: shared, dateStyles: styles)
    return (content, index.date1904)
  }
}
