import DangVuCore
import DangVuStore

/// A source value written as a field of PostgreSQL's COPY text format for a column of the given type. SQLite stores
/// flags as 0/1 and lets any column hold any value; what would not mean the same in the target column is refused
/// with the table, column and value, never guessed.
enum CopyText {
  static let null = "\\N"

  static func field(_ value: TableValue, type: String, table: String, column: String) throws -> String {
    func refuse() -> DomainError {
      DomainError(
        "migrate.badValue",
        "Giá trị \(value) của cột \(table).\(column) không chép được vào cột kiểu \(type) của PostgreSQL.")
    }
    switch (value, type) {
    case (.null, _): return null
    case (.integer(let number), "boolean"):
      guard number == 0 || number == 1 else { throw refuse() }
      return number == 1 ? "t" : "f"
    case (.integer(let number), "bigint"), (.integer(let number), "integer"), (.integer(let number), "smallint"):
      return String(number)
    case (.real(let number), "bigint"), (.real(let number), "integer"), (.real(let number), "smallint"):
      guard number.rounded() == number, let whole = Int64(exactly: number) else { throw refuse() }
      return String(whole)
    case (.integer(let number), "double precision"): return String(number)
    case (.real(let number), "double precision"):
      guard number.isFinite else { throw refuse() }
      return "\(number)"
    case (.text(let text), "text"): return escaped(text)
    case (.integer(let number), "text"): return String(number)
    case (.blob(let bytes), "bytea"):
      // `\x` then hex, its backslash doubled for COPY's own escaping.
      return "\\\\x" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    default: throw refuse()
    }
  }

  /// COPY's text escapes: backslash, and the characters that end a field or a row.
  static func escaped(_ text: String) -> String {
    guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\r\n": out += "\\r\\n"
      default: out.append(character)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
