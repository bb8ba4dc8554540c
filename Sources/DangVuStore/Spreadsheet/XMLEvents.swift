import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads one XML part of a workbook as a stream of events, with namespace prefixes dropped from element and
/// attribute names: generators differ (`<x:c>` from some .NET writers, `<c>` from Excel), the meaning does not.
/// A stream, not a tree: a province's sheet has a million cells, and a tree of them would cost gigabytes.
final class XMLEvents: NSObject, XMLParserDelegate {
  typealias Start = (_ events: XMLEvents, _ name: Substring, _ attributes: [String: String]) -> Void
  typealias End = (_ events: XMLEvents, _ name: Substring) -> Void

  private let onStart: Start
  private let onEnd: End
  /// Characters are collected only while this says so (inside `<v>` or `<t>`), into `text`.
  var collecting = false
  var text = ""

  private init(start: @escaping Start, end: @escaping End) {
    onStart = start
    onEnd = end
  }

  /// Runs the parser over `data`; false when the XML is not well formed.
  static func parse(_ data: Data, start: @escaping Start, end: @escaping End = { _, _ in }) -> Bool {
    guard isPlainUTF8(data) else { return false }
    let events = XMLEvents(start: start, end: end)
    // Fed as a stream, in chunks: given the whole part at once, FoundationXML hands libxml2 one chunk, and past
    // 10 MB (a sheet of about 12,000 members) libxml2 refuses it as huge input at the end of the document.
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = events
    // Entities declared in a DTD are the "billion laughs" attack; a workbook part never needs them.
    parser.shouldResolveExternalEntities = false
    return parser.parse()
  }

  /// FoundationXML force-unwraps element, prefix and namespace names as UTF-8 and stops the process when one is
  /// not (seen with a mutated workbook, `_NSXMLParserStartElementNs`). So only a part that is valid UTF-8,
  /// declares no other encoding and has no DTD (the entity attacks live there) reaches the parser; every
  /// program that writes workbooks writes their parts that way.
  static func isPlainUTF8(_ data: Data) -> Bool {
    guard String(data: data, encoding: .utf8) != nil else { return false }
    let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
    if head.contains("<!doctype") || head.contains("<!entity") { return false }
    if let declaration = head.range(of: "?>").map({ head[..<$0.lowerBound] }),
      let encoding = declaration.range(of: "encoding=")
    {
      let value = declaration[encoding.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
      return value == "utf-8" || value == "utf8"
    }
    return true
  }

  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    // Most parts use no prefixed attributes but `r:id`; only then is a second dictionary worth building.
    guard attributeDict.keys.contains(where: { $0.contains(":") }) else {
      onStart(self, Self.local(elementName), attributeDict)
      return
    }
    var attributes: [String: String] = [:]
    for (key, value) in attributeDict {
      // `r:id` and `id` would collide; keep the prefixed one under its full name too.
      attributes[String(Self.local(key))] = value
      if key.contains(":") { attributes[key] = value }
    }
    onStart(self, Self.local(elementName), attributes)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    onEnd(self, Self.local(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if collecting { text += string }
  }
}
