import DangVuCore

/// The main part of the package (word/document.xml): the header of a Party document, the title and
/// subject, the body, and the recipients beside the signature, on an A4 page with the guidance's margins.
enum WordDocumentBody {
  static func xml(_ document: PartyReportDocument) -> String {
    var body = header(document)
    body += titleAndSubject(document)
    for block in document.body {
      switch block {
      case .paragraph(let text):
        var p = WordParagraph(
          [WordRun(text: text, size: WordLayout.bodySize)], alignment: .both, style: WordStyles.body)
        p.firstLineIndent = WordLayout.firstLineIndent
        p.before = 120
        p.line = 276
        body += p.xml
      case .heading(let text):
        var p = WordParagraph(
          [WordRun(text: text, size: WordLayout.bodySize, bold: true)], alignment: .left, style: WordStyles.caption)
        p.before = 240
        p.after = 120
        p.keepWithNext = true
        body += p.xml
      case .table(let table):
        body += WordTable.xml(table)
      }
    }
    body += closing(document)
    body += section
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)</w:body></w:document>
      """
  }

  /// Two columns without borders: the issuing committee, its star and the number on the left; the Party's
  /// name over its rule, then the place and date, on the right.
  static func header(_ d: PartyReportDocument) -> String {
    var left: [WordParagraph] = []
    if let superior = d.issuer.superior {
      left.append(WordParagraph(superior, size: WordLayout.issuerSize, alignment: .center))
    }
    left.append(WordParagraph(d.issuer.name, size: WordLayout.issuerSize, bold: true, alignment: .center))
    left.append(WordParagraph("*", size: WordLayout.issuerSize, alignment: .center))
    left.append(WordParagraph(d.numberAndSymbol, size: WordLayout.numberSize, alignment: .center))
    var party = WordParagraph("ĐẢNG CỘNG SẢN VIỆT NAM", size: WordLayout.partyNameSize, bold: true, alignment: .center)
    // The rule is as long as the heading (36-HD/VPTW): the heading takes about 74 of the column's 90 mm in
    // Times New Roman 15 pt bold, so the rule is inset 7 mm each side.
    party.ruleBelowIndent = WordLayout.twips(millimetres: 7)
    var date = WordParagraph(d.placeAndDate, size: WordLayout.placeAndDateSize, italic: true, alignment: .center)
    date.before = 240
    return borderlessTable(
      widths: [WordLayout.headerLeftWidth, WordLayout.headerRightWidth], cells: [left, [party, date]])
  }

  static func titleAndSubject(_ d: PartyReportDocument) -> String {
    var title = WordParagraph(d.title, size: WordLayout.titleSize, bold: true, alignment: .center)
    title.before = 480
    var subject = WordParagraph(d.subject, size: WordLayout.subjectSize, bold: true, alignment: .center)
    subject.before = 60
    let dash = WordParagraph("-----", size: WordLayout.subjectSize, alignment: .center)
    return title.xml + subject.xml + dash.xml
  }

  /// "Nơi nhận:" and its list on the left, the signature block on the right, with room for the signature and
  /// the seal between the post and the name.
  static func closing(_ d: PartyReportDocument) -> String {
    var heading = WordParagraph("Nơi nhận:", size: WordLayout.recipientsHeadingSize, bold: true, italic: true)
    heading.before = 120
    let recipients = d.recipients.map { WordParagraph($0, size: WordLayout.recipientsSize) }
    var onBehalf = WordParagraph(
      d.signature.onBehalfOf, size: WordLayout.signatureSize, bold: true, alignment: .center)
    onBehalf.before = 120
    let post = WordParagraph(d.signature.post, size: WordLayout.signatureSize, bold: true, alignment: .center)
    let room = (0..<4).map { _ in WordParagraph("", size: WordLayout.signatureSize, alignment: .center) }
    let name = WordParagraph(d.signature.name, size: WordLayout.signatureSize, bold: true, alignment: .center)
    let spacer = WordParagraph("", size: WordLayout.bodySize)
    return spacer.xml
      + borderlessTable(
        widths: [WordLayout.textWidth / 2, WordLayout.textWidth - WordLayout.textWidth / 2],
        cells: [[heading] + recipients, [onBehalf, post] + room + [name]])
  }

  static func borderlessTable(widths: [Int], cells: [[WordParagraph]]) -> String {
    let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
    let row = zip(widths, cells).map { width, paragraphs in
      "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(paragraphs.map(\.xml).joined())</w:tc>"
    }.joined()
    return """
      <w:tbl><w:tblPr><w:tblW w:w="\(widths.reduce(0, +))" w:type="dxa"/><w:tblLayout w:type="fixed"/>\
      <w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>\
      <w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>\
      <w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>\
      <w:tblGrid>\(grid)</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>\(row)</w:tr></w:tbl>
      """
  }

  /// A4 portrait; the first page has no number, the others a centred one in the header (36-HD/VPTW).
  static var section: String {
    """
    <w:sectPr><w:headerReference w:type="default" r:id="\(WordPackage.headerRelationship)"/>\
    <w:pgSz w:w="\(WordLayout.pageWidth)" w:h="\(WordLayout.pageHeight)"/>\
    <w:pgMar w:top="\(WordLayout.marginTop)" w:right="\(WordLayout.marginRight)" w:bottom="\(WordLayout.marginBottom)" \
    w:left="\(WordLayout.marginLeft)" w:header="\(WordLayout.headerDistance)" w:footer="\(WordLayout.footerDistance)" \
    w:gutter="0"/><w:titlePg/></w:sectPr>
    """
  }
}
