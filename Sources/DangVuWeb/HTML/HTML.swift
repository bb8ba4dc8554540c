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

    public mutating func appendInterpolation(_ text: some StringProtocol) { markup += HTML.escape(text) }

    public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      markup += HTML.escape(value.description)
    }
  }

  /// The one escaping function: text into element content or a quoted attribute value.
  public static func escape(_ text: some StringProtocol) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  public static func + (a: HTML, b: HTML) -> HTML { "\(a)\(b)" }
}
