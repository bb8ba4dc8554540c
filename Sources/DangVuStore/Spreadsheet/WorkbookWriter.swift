import DangVuCore
import Foundation
import ZIPFoundation

/// Writes sheets as an XLSX workbook: the XML parts generated here, the ZIP archive by ZIPFoundation.
/// Strings are written inline in their cells (no shared-string table to build for a one-pass export); every
/// reader (Excel, LibreOffice, openpyxl) reads them.
public enum WorkbookWriter {
  /// Styles of `cellXfs` in styles.xml, by index.
  enum Style: Int {
    case plain = 0
    case header = 1
    case date = 2
    case text = 3
    case decimal = 4
  }

  /// The rows a drop-down list covers below the header of a template.
  static let validatedRows = 5_000

  public static func bytes(_ sheets: [WorkbookSheet]) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    try add("[Content_Types].xml", contentTypes(sheets.count), to: archive)
    try add("_rels/.rels", Array(rootRelationships.utf8), to: archive)
    try add("xl/workbook.xml", workbook(sheets), to: archive)
    try add("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count), to: archive)
    try add("xl/styles.xml", Array(styles.utf8), to: archive)
    for (index, sheet) in sheets.enumerated() {
      try add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet), to: archive)
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return [UInt8](data)
  }

  private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
    // A fixed date: the same sheets give the same bytes, so an export can be compared with an earlier one.
    let stamp = Date(timeIntervalSince1970: 1_577_836_800)
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
      compressionMethod: .deflate
    ) { position, size in
      let start = Int(position)
      return Data(bytes[start..<min(start + size, bytes.count)])
    }
  }

  static func worksheet(_ sheet: WorkbookSheet) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(64 + sheet.rows.count * sheet.columns.count * 24)
    out += Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
      state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>
      """.utf8)
    for index in sheet.columns.indices {
      let style = sheet.columns[index].keepsText ? " style=\"\(Style.text.rawValue)\"" : ""
      out += Array(
        "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(sheet.width(of: index))\" customWidth=\"1\"\(style)/>"
          .utf8)
    }
    out += Array("</cols><sheetData>".utf8)
    let letters = sheet.columns.indices.map { Array(CellReference.letters($0).utf8) }
    appendRow(1, sheet.columns.map { .text($0.header) }, style: .header, letters: letters, to: &out)
    for (offset, row) in sheet.rows.enumerated() {
      appendRow(offset + 2, row, style: nil, letters: letters, to: &out)
    }
    out += Array("</sheetData>".utf8)
    let lists = sheet.columns.enumerated().compactMap { index, column in column.choices.map { (index, $0) } }
    if !lists.isEmpty {
      out += Array("<dataValidations count=\"\(lists.count)\">".utf8)
      for (index, source) in lists {
        let column = CellReference.letters(index)
        out += Array(
          ("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(column)2:\(column)"
            + "\(validatedRows + 1)\"><formula1>").utf8)
        XMLText.append(source, to: &out)
        out += Array("</formula1></dataValidation>".utf8)
      }
      out += Array("</dataValidations>".utf8)
    }
    out += Array("</worksheet>".utf8)
    return out
  }

  private static func appendRow(
    _ number: Int, _ cells: [WorkbookCell], style: Style?, letters: [[UInt8]], to out: inout [UInt8]
  ) {
    let row = Array(String(number).utf8)
    out += Array("<row r=\"".utf8) + row + Array("\">".utf8)
    for (index, cell) in cells.enumerated() where index < letters.count {
      let opening = Array("<c r=\"".utf8) + letters[index] + row + Array("\"".utf8)
      let styled: (Style) -> [UInt8] = { s in Array(" s=\"\((style ?? s).rawValue)\"".utf8) }
      switch cell {
      case .empty:
        continue
      case .text(let text):
        out += opening
        if let style { out += styled(style) }
        out += Array(" t=\"inlineStr\"><is><t".utf8)
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
          out += Array(" xml:space=\"preserve\"".utf8)
        }
        out.append(UInt8(ascii: ">"))
        XMLText.append(text, to: &out)
        out += Array("</t></is></c>".utf8)
      case .integer(let n):
        out += opening + (style.map(styled) ?? []) + Array("><v>\(n)</v></c>".utf8)
      case .decimal(let x):
        out += opening + styled(.decimal) + Array("><v>\(x)</v></c>".utf8)
      case .date(let day):
        out += opening + styled(.date) + Array("><v>\(ExcelSerialDay.serial(of: day))</v></c>".utf8)
      }
    }
    out += Array("</row>".utf8)
  }

  private static func contentTypes(_ sheets: Int) -> [UInt8] {
    var text = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
      """
    for n in 1...max(sheets, 1) where n <= sheets {
      text +=
        "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return Array((text + "</Types>").utf8)
  }

  private static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="xl/workbook.xml"/></Relationships>
    """

  private static func workbook(_ sheets: [WorkbookSheet]) -> [UInt8] {
    var text = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      """
    for (index, sheet) in sheets.enumerated() {
      text += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    return Array((text + "</sheets></workbook>").utf8)
  }

  private static func workbookRelationships(_ sheets: Int) -> [UInt8] {
    var text = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      """
    for n in 1...max(sheets, 1) where n <= sheets {
      text +=
        "<Relationship Id=\"rId\(n)\" "
        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        + "Target=\"worksheets/sheet\(n).xml\"/>"
    }
    text +=
      "<Relationship Id=\"rId\(sheets + 1)\" "
      + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    return Array((text + "</Relationships>").utf8)
  }

  /// Times New Roman is what the committee's documents use; the header is bold on a grey fill. Style 2 shows a
  /// date as dd/mm/yyyy (Vietnamese order, whatever the reader's locale), 3 is text, 4 two decimals.
  private static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
    <fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font>\
    <font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
