/// One run of text with its font, size and emphasis, and the paragraph that holds runs: the two pieces of
/// WordprocessingML every part of the document is made of. Fonts and sizes are set on each run, not only in
/// the styles, so the file reads the same in Word, LibreOffice and python-docx whatever their defaults.
struct WordRun {
  var text: String
  var size: Double
  var bold = false
  var italic = false

  var xml: String {
    let halfPoints = Int((size * 2).rounded())
    let font = WordLayout.font
    var properties =
      "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\" w:cs=\"\(font)\"/>"
    if bold { properties += "<w:b/><w:bCs/>" }
    if italic { properties += "<w:i/><w:iCs/>" }
    properties += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
    return "<w:r><w:rPr>\(properties)</w:rPr><w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r>"
  }
}

struct WordParagraph {
  enum Alignment: String {
    case left, center, right, both
  }

  var runs: [WordRun]
  var alignment: Alignment = .left
  var style: String?
  var firstLineIndent: Int?
  /// Space before and after, in twips.
  var before = 0
  var after = 0
  /// Line spacing in 240ths of a line (240 = single).
  var line = 240
  var keepWithNext = false
  /// A short rule under the paragraph (the one under "ĐẢNG CỘNG SẢN VIỆT NAM"), drawn between the indents.
  var ruleBelowIndent: Int?

  init(_ runs: [WordRun], alignment: Alignment = .left, style: String? = nil) {
    self.runs = runs
    self.alignment = alignment
    self.style = style
  }

  init(_ text: String, size: Double, bold: Bool = false, italic: Bool = false, alignment: Alignment = .left) {
    self.init([WordRun(text: text, size: size, bold: bold, italic: italic)], alignment: alignment)
  }

  var xml: String {
    var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
    if keepWithNext { properties += "<w:keepNext/>" }
    if ruleBelowIndent != nil {
      properties += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
    }
    properties += "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"auto\"/>"
    if let indent = ruleBelowIndent {
      properties += "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/>"
    } else if let firstLineIndent {
      properties += "<w:ind w:firstLine=\"\(firstLineIndent)\"/>"
    }
    properties += "<w:jc w:val=\"\(alignment.rawValue)\"/>"
    return "<w:p><w:pPr>\(properties)</w:pPr>\(runs.map(\.xml).joined())</w:p>"
  }
}
