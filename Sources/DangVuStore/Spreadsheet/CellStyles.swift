import Foundation

/// Which cell styles show a number as a date (`xl/styles.xml`): a date cell is a number (a serial) whose
/// style's number format is a date format, built in or written out.
enum CellStyles {
  /// Excel's built-in date and time formats (ECMA-376 §18.8.30), and the East Asian ones Excel also uses.
  private static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  /// For each style index of `cellXfs`, whether it formats a date.
  static func dateStyles(_ data: Data?) throws(ImportError) -> [Bool] {
    guard let data else { return [] }
    var customDates: Set<Int> = []
    var styleFormats: [Int] = []
    var inCellXfs = false
    let wellFormed = XMLEvents.parse(
      data,
      start: { _, name, attributes in
        switch name {
        case "numFmt":
          if let id = attributes["numFmtId"].flatMap({ Int($0) }), isDateFormat(attributes["formatCode"] ?? "") {
            customDates.insert(id)
          }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
      },
      end: { _, name in
        if name == "cellXfs" { inCellXfs = false }
      })
    guard wellFormed else { throw WorkbookIndex.damaged("phần styles.xml không phải XML hợp lệ") }
    return styleFormats.map { builtInDates.contains($0) || customDates.contains($0) }
  }

  /// A format shows a date when, outside quoted text, escapes and `[…]` sections (colours, locales), it has a
  /// day or year code; `0.00` or `#,##0` have none.
  static func isDateFormat(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var escaped = false
    for c in code {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\"": quoted.toggle()
      case "\\" where !quoted: escaped = true
      case "[" where !quoted: bracket = true
      case "]" where !quoted: bracket = false
      case "d", "D", "y", "Y":
        if !quoted && !bracket { return true }
      default: break
      }
    }
    return false
  }
}
