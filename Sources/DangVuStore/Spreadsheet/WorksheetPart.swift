import Foundation

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`): its rows of cells, resolved against the shared
/// strings and the date styles, and its merged ranges.
enum WorksheetPart {
  static func read(
    _ data: Data, name: String, sharedStrings: [String], dateStyles: [Bool]
  ) throws(ImportError) -> SheetContent {
    var rows: [SheetRow] = []
    var merged: [CellRange] = []
    var row = SheetRow(number: 0, cells: [])
    var inRow = false
    // The cell being read: its place, type and style, and what its <v>, <is>/<t> and <f> held.
    var column = -1
    var type = "n"
    var style = 0
    var value: String?
    var inline: String?
    var formula = false
    var inInline = false
    var badReference: String?

    func finishCell() {
      // openpyxl writes a formula's missing result as an empty <v/>.
      if value?.isEmpty == true { value = nil }
      let cell: SheetCell.Value
      switch type {
      case "s":
        if let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
          sharedStrings.indices.contains(index)
        {
          cell = .text(sharedStrings[index])
        } else if value == nil {
          cell = .text("")
        } else {
          cell = .unreadable("chỉ số chuỗi dùng chung \"\(value ?? "")\" không có trong sổ tính")
        }
      case "inlineStr": cell = .text(inline ?? value ?? "")
      case "str": cell = value.map(SheetCell.Value.text) ?? (formula ? .uncachedFormula : .text(""))
      case "b":
        cell = value.map { SheetCell.Value.bool($0 == "1" || $0 == "true") } ?? (formula ? .uncachedFormula : .text(""))
      case "e": cell = .error(value ?? "#N/A")
      // ISO 8601 text in a cell typed as a date (rare; LibreOffice can write it).
      case "d": cell = .text(value.map { String($0.prefix(10)) } ?? "")
      default:
        if let value {
          if let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite {
            cell = .number(number, dateStyled: dateStyles.indices.contains(style) && dateStyles[style])
          } else {
            cell = .unreadable("\"\(value)\" không phải số")
          }
        } else {
          cell = formula ? .uncachedFormula : .text("")
        }
      }
      let sheetCell = SheetCell(column: column, value: cell)
      if !sheetCell.isEmpty { row.cells.append(sheetCell) }
    }

    let wellFormed = XMLEvents.parse(
      data,
      start: { events, element, attributes in
        switch element {
        case "row":
          let number = attributes["r"].flatMap { Int($0) } ?? (rows.last?.number ?? 0) + 1
          row = SheetRow(number: number, cells: [])
          inRow = true
          column = -1
        case "c" where inRow:
          if let r = attributes["r"] {
            if let reference = CellReference(r), reference.row == row.number {
              column = reference.column
            } else {
              badReference = badReference ?? r
              column += 1
            }
          } else {
            column += 1
          }
          type = attributes["t"] ?? "n"
          style = attributes["s"].flatMap { Int($0) } ?? 0
          value = nil
          inline = nil
          formula = false
        case "v":
          events.collecting = true
          events.text = ""
        case "f": formula = true
        case "is": inInline = true
        case "t" where inInline:
          events.collecting = true
          events.text = ""
        case "mergeCell":
          if let ref = attributes["ref"], let range = CellRange(ref) { merged.append(range) }
        default: break
        }
      },
      end: { events, element in
        switch element {
        case "v":
          value = events.text
          events.collecting = false
        case "t" where inInline && events.collecting:
          inline = (inline ?? "") + events.text
          events.collecting = false
        case "is": inInline = false
        case "c" where inRow: finishCell()
        case "row":
          if !row.cells.isEmpty { rows.append(row) }
          inRow = false
        default: break
        }
      })
    guard wellFormed else { throw WorkbookIndex.damaged("trang \(name) không phải XML hợp lệ") }
    if let badReference {
      throw WorkbookIndex.damaged("trang \(name) có ô mang địa chỉ sai \"\(badReference)\"")
    }
    guard rows.allSatisfy({ (1...CellReference.rows).contains($0.number) }),
      zip(rows, rows.dropFirst()).allSatisfy({ $0.number < $1.number }),
      rows.allSatisfy({ $0.cells.allSatisfy { (0..<CellReference.columns).contains($0.column) } })
    else {
      throw WorkbookIndex.damaged("các dòng của trang \(name) không theo thứ tự")
    }
    return SheetContent(name: name, rows: rows, merged: merged)
  }
}
