import DangVuCore

/// A report table in Word: ruled cells, the header row bold and repeated on every page, rows never split
/// across a page, names on the left and figures on the right, then the note under it.
enum WordTable {
  static func xml(_ table: PartyReportDocument.Table) -> String {
    let columns = max(1, table.header.count)
    // Eight figures across 160 mm leave 14 mm a column: at 11 pt "100,00" and "thành" still fit on one line,
    // at 12 pt headers broke inside words (seen in LibreOffice). The names get what the figures leave.
    let wide = columns > 6
    let size = wide ? WordLayout.wideTableSize : WordLayout.tableSize
    let figureWidth = columns > 1 ? min(1400, WordLayout.textWidth * (wide ? 7 : 6) / 10 / (columns - 1)) : 0
    let nameWidth = WordLayout.textWidth - figureWidth * (columns - 1)
    let widths = [nameWidth] + Array(repeating: figureWidth, count: columns - 1)
    let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
    var xml = """
      <w:tbl><w:tblPr><w:tblW w:w="\(WordLayout.textWidth)" w:type="dxa"/><w:tblLayout w:type="fixed"/>\
      <w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>\
      <w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>\
      <w:tblCellMar><w:left w:w="\(wide ? 40 : 60)" w:type="dxa"/><w:right w:w="\(wide ? 40 : 60)" w:type="dxa"/>\
      </w:tblCellMar></w:tblPr>\
      <w:tblGrid>\(grid)</w:tblGrid>
      """
    xml += row(table.header, widths: widths, size: size, header: true)
    for cells in table.rows { xml += row(cells, widths: widths, size: size, header: false) }
    xml += "</w:tbl>"
    if let note = table.note {
      var p = WordParagraph(note, size: WordLayout.tableSize, italic: true)
      p.before = 60
      xml += p.xml
    }
    return xml
  }

  static func row(_ cells: [String], widths: [Int], size: Double, header: Bool) -> String {
    let properties = header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
    let padded = cells + Array(repeating: "", count: max(0, widths.count - cells.count))
    let tcs = zip(widths, padded).enumerated().map { index, pair in
      let alignment: WordParagraph.Alignment = header ? .center : (index == 0 ? .left : .right)
      var p = WordParagraph(pair.1, size: size, bold: header, alignment: alignment)
      p.before = 20
      p.after = 20
      let shade = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>" : ""
      return "<w:tc><w:tcPr><w:tcW w:w=\"\(pair.0)\" w:type=\"dxa\"/>\(shade)<w:vAlign w:val=\"center\"/></w:tcPr>"
        + p.xml + "</w:tc>"
    }.joined()
    return "<w:tr>\(properties)\(tcs)</w:tr>"
  }
}
