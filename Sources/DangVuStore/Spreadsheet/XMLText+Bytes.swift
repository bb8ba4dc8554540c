extension XMLText {
  /// Appends `text`, escaped as `escaped(_:)` escapes it, to a part being built as bytes: a province's sheet
  /// has a million cells, and one String per cell cost more than the cells' bytes. Only text that may hold
  /// U+FFFE or U+FFFF (which XML forbids; lead byte 0xEF) goes the slower way.
  static func append(_ text: String, to out: inout [UInt8]) {
    if text.utf8.contains(0xEF) {
      out += Array(escaped(text).utf8)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): out += Array("&amp;".utf8)
      case UInt8(ascii: "<"): out += Array("&lt;".utf8)
      case UInt8(ascii: ">"): out += Array("&gt;".utf8)
      case UInt8(ascii: "\""): out += Array("&quot;".utf8)
      case 0x09, 0x0A, 0x0D: out.append(byte)
      case 0x00..<0x20: continue
      default: out.append(byte)
      }
    }
  }
}
