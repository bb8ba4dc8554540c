/// word/styles.xml: Times New Roman 14 pt as the default, so text typed later in Word matches the report,
/// and the two named styles the body uses ("Body Text" for the narrative, "Caption" for table titles),
/// which let an editor (or a test) find the narrative again.
enum WordStyles {
  static let body = "BodyText"
  static let caption = "Caption"

  static var xml: String {
    let font = WordLayout.font
    let size = Int(WordLayout.bodySize * 2)
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:eastAsia="\(font)" \
      w:cs="\(font)"/><w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" \
      w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" \
      w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
      <w:style w:type="paragraph" w:styleId="\(body)"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>\
      <w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>\
      <w:style w:type="paragraph" w:styleId="\(caption)"><w:name w:val="Caption"/><w:basedOn w:val="Normal"/>\
      <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
      <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
      <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
      <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
      </w:tblCellMar></w:tblPr></w:style>\
      </w:styles>
      """
  }
}
