/// Text made safe for an XML part: the five markup characters escaped, and the characters XML 1.0
/// forbids dropped (a pasted control character would otherwise make Word refuse the whole file).
enum XMLText {
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// XML 1.0's Char production: tab, line feed, carriage return, and from U+0020 on but U+FFFE and U+FFFF.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
