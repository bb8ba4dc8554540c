import DangVuCore
import Foundation

/// A report as a Word document (.docx): the parts of an Office Open XML package, generated as escaped
/// text, zipped with ZIPFoundation. Nothing is written to disk: the command line and the web send the bytes.
public enum WordPackage {
  public static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  static let headerRelationship = "rIdHeader1"

  public static func data(_ document: PartyReportDocument) throws -> Data {
    // The content types first, as Word and most readers expect; a fixed time, so the same report gives the
    // same bytes.
    let parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
      ("docProps/core.xml", coreProperties(title: document.subject)),
      ("word/document.xml", WordDocumentBody.xml(document)),
      ("word/_rels/document.xml.rels", documentRelationships), ("word/styles.xml", WordStyles.xml),
      ("word/settings.xml", settings), ("word/header1.xml", pageNumberHeader),
    ]
    do {
      return try OfficePackage.zip(parts.map { ($0.0, Array($0.1.utf8)) })
    } catch {
      throw DomainError(
        "document.zip", "Không tạo được tệp Word (.docx) cho báo cáo: \(error). Hãy thử lại hoặc tải bản CSV/TXT.")
    }
  }

  static let contentTypes = OfficePackage.contentTypes(
    [
      ("/word/document.xml", "wordprocessingml.document.main+xml"), ("/word/styles.xml", "wordprocessingml.styles+xml"),
      ("/word/settings.xml", "wordprocessingml.settings+xml"), ("/word/header1.xml", "wordprocessingml.header+xml"),
    ].map {
      OfficePackage.Override(partName: $0.0, contentType: "application/vnd.openxmlformats-officedocument.\($0.1)")
    }
      + [
        OfficePackage.Override(
          partName: "/docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml")
      ])

  static let packageRelationships = OfficePackage.packageRelationships(
    main: "word/document.xml",
    extra: [
      .init(
        id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml")
    ])

  static let documentRelationships = OfficePackage.relationships([
    .init(id: "rIdStyles", type: "\(OfficePackage.relationshipTypes)/styles", target: "styles.xml"),
    .init(id: "rIdSettings", type: "\(OfficePackage.relationshipTypes)/settings", target: "settings.xml"),
    .init(id: headerRelationship, type: "\(OfficePackage.relationshipTypes)/header", target: "header1.xml"),
  ])

  static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
    <w:themeFontLang w:val="vi-VN"/></w:settings>
    """

  /// The page number, centred at the top of every page but the first (the first page has `titlePg`).
  static var pageNumberHeader: String {
    let number = WordRun(text: "", size: WordLayout.bodySize).xml
    let field =
      number.replacingOccurrences(
        of: "<w:t xml:space=\"preserve\"></w:t>", with: "<w:fldChar w:fldCharType=\"begin\"/>")
      + number.replacingOccurrences(
        of: "<w:t xml:space=\"preserve\"></w:t>", with: "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
      + number.replacingOccurrences(
        of: "<w:t xml:space=\"preserve\"></w:t>", with: "<w:fldChar w:fldCharType=\"separate\"/>")
      + WordRun(text: "2", size: WordLayout.bodySize).xml
      + number.replacingOccurrences(
        of: "<w:t xml:space=\"preserve\"></w:t>", with: "<w:fldChar w:fldCharType=\"end\"/>")
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
      <w:p><w:pPr><w:jc w:val="center"/></w:pPr>\(field)</w:p></w:hdr>
      """
  }

  static func coreProperties(title: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
    <dc:title>\(XMLText.escaped(title))</dc:title><dc:creator>DangVu</dc:creator><dc:language>vi-VN</dc:language>\
    </cp:coreProperties>
    """
  }
}
