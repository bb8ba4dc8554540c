/// Numbers as the published reports print them: `48.805`, `85,94`.
public enum VietnameseNumber {
  /// Thousands grouped with dots: 56787 → "56.787".
  public static func count(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
      out.append(ch)
    }
    return n < 0 ? "-" + out : out
  }

  /// A percentage with a decimal comma: 85.94 → "85,94".
  public static func percent(_ p: Percent) -> String {
    count(p.scaled / p.scale) + p.fractionText(separator: ",")
  }
}

/// A share computed exactly: `part / whole × 100`, rounded half up to `decimals` places, kept as an
/// integer so nothing is lost to binary floating point (13,525 must print 13,53, never 13,52).
public struct Percent: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The percentage times 10^decimals.
  public let scaled: Int
  public let decimals: Int

  public init?(_ part: Int, of whole: Int, decimals: Int = 2) {
    guard whole > 0, part >= 0 else { return nil }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    // round half up of part * 100 * scale / whole, in integers
    let numerator = part * 100 * scale
    self.scaled = (2 * numerator + whole) / (2 * whole)
    self.decimals = decimals
  }

  var scale: Int {
    var s = 1
    for _ in 0..<decimals { s *= 10 }
    return s
  }

  public var value: Double { Double(scaled) / Double(scale) }
  /// "85,94"
  public var vietnamese: String { VietnameseNumber.percent(self) }
  /// "85.94", for JSON and CSV.
  public var description: String { String(scaled / scale) + fractionText(separator: ".") }

  func fractionText(separator: String) -> String {
    guard decimals > 0 else { return "" }
    let frac = String(scaled % scale)
    return separator + String(repeating: "0", count: decimals - frac.count) + frac
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
