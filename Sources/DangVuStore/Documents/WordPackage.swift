import DangVuCore
import Foundation
import ZIPFoundation

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
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedTime,
          compressionMethod: .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw DomainError("document.zip", "") }
      return data
    } catch {
      throw DomainError(
        "document.zip", "Không tạo được tệp Word (.docx) cho báo cáo: \(error). Hãy thử lại hoặc tải bản CSV/TXT.")
    }
  }

  /// 1 January 2018, the year of Hướng dẫn 36-HD/VPTW: any fixed time after 1980 (ZIP's epoch) would do.
  static let fixedTime = Date(timeIntervalSince1970: 1_514_764_800)

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/header1.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>
    """

  static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" \
    Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
    Target="docProps/core.xml"/>\
    </Relationships>
    """

  static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rIdStyles" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rIdSettings" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="\(headerRelationship)" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
    </Relationships>
    """

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
