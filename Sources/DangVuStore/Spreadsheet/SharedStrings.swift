import Foundation

/// The workbook's shared strings (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
enum SharedStrings {
  /// Each item's text: its `<t>` runs joined, without the phonetic guides (`<rPh>`) East Asian Excel adds.
  static func read(_ data: Data?) throws(ImportError) -> [String] {
    guard let data else { return [] }
    var strings: [String] = []
    var current = ""
    var phonetic = false
    let wellFormed = XMLEvents.parse(
      data,
      start: { events, name, _ in
        switch name {
        case "si": current = ""
        case "rPh": phonetic = true
        case "t" where !phonetic:
          events.collecting = true
          events.text = ""
        default: break
        }
      },
      end: { events, name in
        switch name {
        case "t" where events.collecting:
          current += events.text
          events.collecting = false
        case "rPh": phonetic = false
        case "si": strings.append(current)
        default: break
        }
      })
    guard wellFormed else { throw WorkbookIndex.damaged("phần sharedStrings.xml không phải XML hợp lệ") }
    return strings
  }
}
