import DangVuCore
import Foundation

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
    var parts: [(path: String, bytes: [UInt8])] = [
      ("[Content_Types].xml", Array(contentTypes(sheets.count).utf8)),
      ("_rels/.rels", Array(OfficePackage.packageRelationships(main: "xl/workbook.xml").utf8)),
      ("xl/workbook.xml", workbook(sheets)),
      ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets.count).utf8)),
      ("xl/styles.xml", Array(styles.utf8)),
    ]
    for (index, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
    }
    return [UInt8](try OfficePackage.zip(parts))
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

  private static func contentTypes(_ sheets: Int) -> String {
    let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return OfficePackage.contentTypes(
      [
        .init(partName: "/xl/workbook.xml", contentType: "\(spreadsheet).sheet.main+xml"),
        .init(partName: "/xl/styles.xml", contentType: "\(spreadsheet).styles+xml"),
      ]
        + (0..<sheets).map {
          .init(partName: "/xl/worksheets/sheet\($0 + 1).xml", contentType: "\(spreadsheet).worksheet+xml")
        })
  }

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

  private static func workbookRelationships(_ sheets: Int) -> String {
    OfficePackage.relationships(
      (0..<sheets).map {
        .init(
          id: "rId\($0 + 1)", type: "\(OfficePackage.relationshipTypes)/worksheet",
          target: "worksheets/sheet\($0 + 1).xml")
      } + [.init(id: "rId\(sheets + 1)", type: "\(OfficePackage.relationshipTypes)/styles", target: "styles.xml")])
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
