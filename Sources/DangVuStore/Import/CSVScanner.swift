/// Finds the records and fields of CSV text on its UTF-8 bytes (decision 0007).
///
/// It reads exactly as CSV.swift's reader did (which CSVDocument used before): a field starting with a quote
/// runs to the quote that is followed by the separator, a line break or the end; `""` inside it is one quote;
/// a stray quote followed by anything else is kept and the character after it dropped; a line break is LF,
/// CR or CRLF. The separator, quotes and line breaks are ASCII, so they never occur inside a multi-byte
/// character and bytes can be compared directly. The text must already be valid UTF-8.
///
/// Sendable because it only reads, and the bytes outlive every piece of work given the scanner.
struct CSVScanner: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  let separator: UInt8

  static let quote = UInt8(ascii: "\"")
  static let cr: UInt8 = 0x0D
  static let lf: UInt8 = 0x0A

  /// One field: where its text lies, whether that text holds quotes to undo, and what follows it.
  struct Field {
    var start: Int
    var end: Int
    var quoted: Bool
    var escaped: Bool
    var endsRecord: Bool
    var next: Int
  }

  /// The field starting at `position` (which may be the end of the text: an empty last field).
  func field(at position: Int) -> Field {
    let n = bytes.count
    guard position < n, bytes[position] == Self.quote else {
      var i = position
      while i < n {
        let b = bytes[i]
        if b == separator {
          return Field(start: position, end: i, quoted: false, escaped: false, endsRecord: false, next: i + 1)
        }
        if b == Self.lf {
          return Field(start: position, end: i, quoted: false, escaped: false, endsRecord: true, next: i + 1)
        }
        if b == Self.cr {
          return Field(start: position, end: i, quoted: false, escaped: false, endsRecord: true, next: afterCR(i))
        }
        i += 1
      }
      return Field(start: position, end: n, quoted: false, escaped: false, endsRecord: true, next: n)
    }
    let start = position + 1
    var i = start
    var escaped = false
    while i < n {
      guard bytes[i] == Self.quote else {
        i += 1
        continue
      }
      let after = i + 1
      guard after < n else {
        return Field(start: start, end: i, quoted: true, escaped: escaped, endsRecord: true, next: n)
      }
      switch bytes[after] {
      case separator:
        return Field(start: start, end: i, quoted: true, escaped: escaped, endsRecord: false, next: after + 1)
      case Self.lf:
        return Field(start: start, end: i, quoted: true, escaped: escaped, endsRecord: true, next: after + 1)
      case Self.cr:
        return Field(start: start, end: i, quoted: true, escaped: escaped, endsRecord: true, next: afterCR(after))
      case Self.quote:
        escaped = true
        i = after + 1
      default:
        escaped = true
        i = after + Self.scalarLength(bytes[after])
      }
    }
    // No closing quote: the field runs to the end of the text.
    return Field(start: start, end: n, quoted: true, escaped: escaped, endsRecord: true, next: n)
  }

  private func afterCR(_ cr: Int) -> Int {
    cr + 1 < bytes.count && bytes[cr + 1] == Self.lf ? cr + 2 : cr + 1
  }

  /// The text of a field, its quotes undone.
  func text(of field: Field) -> String {
    guard field.escaped else {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(field.end - field.start)
    var i = field.start
    while i < field.end {
      let b = bytes[i]
      out.append(b)
      // A doubled quote is one quote; a stray one is kept and the character after it dropped.
      i += b == Self.quote ? 1 + (i + 1 < field.end ? Self.scalarLength(bytes[i + 1]) : 0) : 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Line breaks in a field's text, counted as `FieldText.clean` counts them (CRLF is one).
  func lineBreaks(in field: Field) -> Int {
    guard field.quoted else { return 0 }
    var breaks = 0
    var previousCR = false
    for i in field.start..<field.end {
      let b = bytes[i]
      if b == Self.cr || (b == Self.lf && !previousCR) { breaks += 1 }
      previousCR = b == Self.cr
    }
    return breaks
  }

  /// Bytes of the UTF-8 character that starts with `lead`.
  static func scalarLength(_ lead: UInt8) -> Int {
    switch lead {
    case ..<0xC0: 1
    case ..<0xE0: 2
    case ..<0xF0: 3
    default: 4
    }
  }

  /// Where the record starting at `position` ends, and the line breaks inside its fields.
  func skipRecord(at position: Int) -> (next: Int, lineBreaks: Int) {
    var p = position
    var breaks = 0
    while true {
      let f = field(at: p)
      breaks += lineBreaks(in: f)
      p = f.next
      if f.endsRecord { return (p, breaks) }
    }
  }

  /// Record starts that split the text from `position` (at `line`) into about `parts` pieces of similar size.
  func split(from position: Int, line: Int, parts: Int) -> [(position: Int, line: Int)] {
    var starts = [(position, line)]
    guard parts > 1 else { return starts }
    let step = (bytes.count - position) / parts
    var target = position + step
    var p = position
    var line = line
    while p < bytes.count {
      if p >= target {
        starts.append((p, line))
        target += step
        if starts.count == parts { break }
      }
      let (next, breaks) = skipRecord(at: p)
      p = next
      line += breaks + 1
    }
    return starts
  }
}
