import Foundation

/// A cell's place as Excel names it: column letters and a row number (`F12`).
struct CellReference: Hashable, Sendable {
  /// 0 for column A.
  var column: Int
  /// 1 for the first row.
  var row: Int

  /// Excel's limits: columns A…XFD, rows 1…1,048,576. A reference outside them is a damaged file.
  static let columns = 16_384
  static let rows = 1_048_576

  init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// Parses `F12` (or `$F$12`); nil for anything else.
  init?(_ text: some StringProtocol) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in text.utf8 where byte != UInt8(ascii: "$") {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0 && letters < 3:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0 && letters < 3:
        column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0 && digits < 7:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
    }
    guard letters > 0, digits > 0, column <= Self.columns, (1...Self.rows).contains(row) else { return nil }
    self.init(column: column - 1, row: row)
  }

  /// `A`, `Z`, `AA`, … for a 0-based column.
  static func letters(_ column: Int) -> String {
    var n = column + 1
    var scalars: [Unicode.Scalar] = []
    while n > 0 {
      let r = (n - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r)))
      n = (n - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars.reversed()))
  }

  var name: String { Self.letters(column) + String(row) }

  /// `Sheet1!F12`, with the sheet name quoted as Excel quotes it when it holds more than letters and digits.
  func name(onSheet sheet: String) -> String {
    let plain = sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    let quoted = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return quoted + "!" + name
  }
}

/// A rectangle of cells, as a merged range names it (`A1:C1`).
struct CellRange: Hashable, Sendable {
  var first: CellReference
  var last: CellReference

  init?(_ text: some StringProtocol) {
    let ends = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(ends.count), let first = CellReference(ends[0]),
      let last = CellReference(ends[ends.count - 1])
    else { return nil }
    self.first = first
    self.last = last
  }

  var name: String { first.name + ":" + last.name }
}
