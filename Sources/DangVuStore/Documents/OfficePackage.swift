import Foundation
import ZIPFoundation

/// An Office Open XML package, what a .docx and an .xlsx both are: named XML parts, a `[Content_Types].xml`
/// that says what each part is, relationship files that link them, all zipped. The Word report and the
/// workbook writers give their parts; this zips them in memory with ZIPFoundation.
enum OfficePackage {
  /// A part's content type, for an `Override` of `[Content_Types].xml`.
  struct Override {
    var partName: String
    var contentType: String
  }

  /// One link of a relationships part.
  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// A fixed modification time (1 January 2018; any time after ZIP's 1980 epoch would do): the same content
  /// gives the same bytes, so a file can be compared with one made earlier.
  static let fixedTime = Date(timeIntervalSince1970: 1_514_764_800)

  static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// The parts zipped in the order given (content types first, as Word and most readers expect).
  static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, bytes) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedTime,
        compressionMethod: .deflate
      ) { position, size in
        let start = Int(position)
        return Data(bytes[start..<min(start + size, bytes.count)])
      }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }

  static func contentTypes(_ overrides: [Override]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>
    """
      + overrides.map { "<Override PartName=\"\($0.partName)\" ContentType=\"\($0.contentType)\"/>" }.joined()
      + "</Types>"
  }

  static func relationships(_ links: [Relationship]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    """
      + links.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
      + "</Relationships>"
  }

  /// The package's own link to its main part (`word/document.xml`, `xl/workbook.xml`).
  static func packageRelationships(main: String, extra: [Relationship] = []) -> String {
    relationships([Relationship(id: "rId1", type: "\(relationshipTypes)/officeDocument", target: main)] + extra)
  }
}
