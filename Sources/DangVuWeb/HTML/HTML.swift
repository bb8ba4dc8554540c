/// A fragment of HTML. Interpolating a `String` (or anything else) escapes it; only another `HTML`
/// goes in as markup. So a name containing `<script>` can only ever show as text.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var markup: String

  public init(stringLiteral literal: String) { markup = literal }

  public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

  public var description: String { markup }

  public static let empty: HTML = ""

  public struct Interpolation: StringInterpolationProtocol {
    var markup = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      markup.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    public mutating func appendLiteral(_ literal: String) { markup += literal }

    public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

    public mutating func appendInterpolation(_ fragments: [HTML]) {
      for fragment in fragments { markup += fragment.markup }
    }

    public mutating func appendInterpolation(_ text: some StringProtocol) { HTML.escape(text, into: &markup) }

    public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      HTML.escape(value.description, into: &markup)
    }
  }

  /// The one escaping function: text into element content or a quoted attribute value.
  public static func escape(_ text: some StringProtocol) -> String {
    var out = ""
    escape(text, into: &out)
    return out
  }

  /// Appends `text` escaped. The five characters are ASCII, so the walk is over UTF-8 bytes, and text
  /// without any of them (nearly every name and date) is appended whole: a page escapes hundreds of
  /// values, and a walk by Unicode scalar was a tenth of a member page's time.
  static func escape(_ text: some StringProtocol, into out: inout String) {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: needsEscape) else {
      out.append(contentsOf: text)
      return
    }
    var bytes = Array(utf8[..<first])
    bytes.reserveCapacity(utf8.count + 16)
    for byte in utf8[first...] {
      switch byte {
      case UInt8(ascii: "&"): bytes += "&amp;".utf8
      case UInt8(ascii: "<"): bytes += "&lt;".utf8
      case UInt8(ascii: ">"): bytes += "&gt;".utf8
      case UInt8(ascii: "\""): bytes += "&quot;".utf8
      case UInt8(ascii: "'"): bytes += "&#39;".utf8
      default: bytes.append(byte)
      }
    }
    out += String(decoding: bytes, as: UTF8.self)
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
  }

  public static func + (a: HTML, b: HTML) -> HTML { "\(a)\(b)" }
}
