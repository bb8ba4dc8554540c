import DangVuCore

/// A workbook's sheet as the records of a file of one kind, so that the rows go through exactly the checks a
/// CSV file of that kind goes through; and the issues found put back at the sheet's cells (`Sheet1!F12`).
///
/// A cell becomes the field a CSV file would have held: text as it is; a date serial (or any number in a
/// date column) as the day; a number in a number or text column as its digits. A number in a column of
/// codes (card numbers, national IDs, unit codes) is refused: Excel has dropped its leading zeros, and
/// guessing them back would store a wrong identity.
struct SheetDocument<Column: FileColumn> {
  let document: CSVDocument
  private let sheet: String
  private let headerRow: Int
  /// The sheet column of each header field, and the header's names.
  private let columns: [Int]
  private let names: [String]

  init(_ content: SheetContent, date1904: Bool) throws(ImportError) {
    sheet = content.name
    guard let header = content.rows.first else {
      throw ImportError([
        ImportIssue(
          line: nil, sheet: content.name,
          "trang tính trống: không có dòng tiêu đề. Dòng đầu tiên có dữ liệu phải ghi tên các cột.")
      ])
    }
    headerRow = header.number
    let mergedHere = content.merged.filter { $0.last.row >= header.number }
    guard mergedHere.isEmpty else {
      throw ImportError(
        mergedHere.map { range in
          ImportIssue(
            line: range.first.row, sheet: content.name, cell: range.first.name(onSheet: content.name),
            range.first.row == header.number
              ? "ô gộp \(range.name) ở dòng tiêu đề: mỗi cột cần một ô tiêu đề riêng. Hãy bỏ gộp ô (Merge & Center) "
                + "và ghi tên từng cột vào ô của nó."
              : "ô gộp \(range.name): giá trị chỉ nằm ở ô đầu nên các ô còn lại sẽ bị coi là trống. Hãy bỏ gộp ô và "
                + "ghi giá trị vào từng ô.")
        })
    }
    var columns: [Int] = []
    var names: [String] = []
    var issues: [ImportIssue] = []
    for cell in header.cells {
      let name = Self.headerText(cell.value)
      guard !name.isEmpty else { continue }
      columns.append(cell.column)
      names.append(name)
    }
    self.columns = columns
    self.names = names
    var position = [Int: Int]()
    for (index, column) in columns.enumerated() { position[column] = index }
    // What each header field holds, when the header names a column of this kind of file.
    var kinds = [CellKind](repeating: .text, count: names.count)
    var byName: [String: Column] = [:]
    for column in Column.allCases {
      byName[column.vietnamese] = column
      byName[column.english] = column
    }
    for (index, name) in names.enumerated() {
      if let column = byName[Header<Column>.key(name)] { kinds[index] = column.cellKind }
    }
    var records: [CSVRecord] = []
    records.reserveCapacity(content.rows.count)
    for row in content.rows.dropFirst() {
      var fields = [String](repeating: "", count: names.count)
      var good = true
      for cell in row.cells {
        // Named only when something is wrong: building the name for each of a province's million cells cost more
        // than reading them.
        var place: String { CellReference(column: cell.column, row: row.number).name(onSheet: content.name) }
        guard let index = position[cell.column] else {
          issues.append(
            ImportIssue(
              line: row.number, sheet: content.name, cell: place,
              "ô có dữ liệu nhưng cột \(CellReference.letters(cell.column)) không có tên ở dòng tiêu đề (dòng "
                + "\(header.number)); hãy ghi tên cột hoặc xóa dữ liệu thừa."))
          good = false
          continue
        }
        switch Self.field(cell.value, kind: kinds[index], column: names[index], date1904: date1904) {
        case .success(let text): fields[index] = text
        case .failure(let refusal):
          issues.append(
            ImportIssue(line: row.number, column: names[index], sheet: content.name, cell: place, refusal.message))
          good = false
        }
      }
      // A row of only empty text is what a spreadsheet leaves below the data, as a CSV file's blank line.
      if good && !fields.allSatisfy(\.isEmpty) { records.append(CSVRecord(line: row.number, fields: fields)) }
    }
    document = CSVDocument(header: names, records: records, issues: issues)
  }

  /// The issues of a refused sheet, each at its cell: the row's number is the CSV line, and the column the
  /// header names is the cell's column. Issues already at a cell, or of the whole file, stay as they are.
  func relocated(_ error: ImportError) -> ImportError {
    ImportError(
      error.issues.map { issue in
        guard issue.cell == nil else { return issue }
        var moved = issue
        moved.sheet = sheet
        guard var line = issue.line else { return moved }
        // The checks name the header as line 1; in a sheet it is the first row that holds anything.
        if line == 1 { line = headerRow }
        moved.line = line
        if let column = issue.column, let index = names.firstIndex(of: column) {
          moved.cell = CellReference(column: columns[index], row: line).name(onSheet: sheet)
        }
        return moved
      })
  }

  /// Reads the sheet's records through `check`, and puts any issue back at its cell.
  func checked<T>(_ check: (CSVDocument) async throws -> T) async throws -> T {
    do {
      return try await check(document)
    } catch let refused as ImportError {
      throw relocated(refused)
    }
  }

  private static func headerText(_ value: SheetCell.Value) -> String {
    switch value {
    case .text(let text): FieldText.clean(text).text
    case .number(let number, _): plain(number)
    case .bool(let flag): flag ? "TRUE" : "FALSE"
    case .error(let code): code
    case .uncachedFormula, .unreadable: "?"
    }
  }

  /// A cell that cannot become a field, and why, in Vietnamese.
  struct Refusal: Error {
    var message: String
  }

  static func field(_ value: SheetCell.Value, kind: CellKind, column: String, date1904: Bool) -> Result<
    String, Refusal
  > {
    switch value {
    case .text(let text):
      return .success(FieldText.clean(text).text)
    case .bool(let flag):
      return .success(flag ? "có" : "không")
    case .error(let code):
      return .failure(Refusal(message: "ô có lỗi công thức \(code); hãy sửa công thức hoặc ghi giá trị vào ô."))
    case .uncachedFormula:
      return .failure(
        Refusal(
          message: "ô có công thức nhưng không có giá trị đã tính (tệp do chương trình không tính công thức ghi ra); "
            + "hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập, hoặc thay công thức bằng giá trị."))
    case .unreadable(let what):
      return .failure(Refusal(message: "ô không đọc được: \(what)."))
    case .number(let number, let dateStyled):
      switch kind {
      case .date:
        switch ExcelSerialDay.day(serial: number, date1904: date1904) {
        case .success(let day): return .success(day.iso)
        case .failure(.nonexistentLeapDay):
          return .failure(
            Refusal(
              message: "ngày 29/02/1900 không có thật (Excel vẫn coi năm 1900 là năm nhuận); hãy ghi lại đúng ngày."))
        case .failure(.outOfRange):
          return .failure(
            Refusal(
              message: "\(plain(number)) không phải ngày hợp lệ (ngày trong Excel là số ngày kể từ 1/1/1900); hãy ghi "
                + "ngày dạng dd/mm/yyyy."))
        }
      case .identifier:
        let digits = plain(number)
        var message =
          "Excel đã lưu ô này dạng số (\(digits)) nên các chữ số 0 ở đầu (nếu có) đã mất; không thể biết mã gốc. "
          + "Hãy định dạng cột \(column) là Văn bản (Text, hoặc gõ dấu ' trước số) và nhập lại đủ các chữ số."
        // A national ID always has 12 digits, and the first is 0 for every province code.
        if Header<Column>.key(column) == "so_cccd" || Header<Column>.key(column) == "national_id",
          digits.count < 12, digits.allSatisfy(\.isNumber)
        {
          message =
            "số căn cước phải có 12 chữ số nhưng Excel đã lưu ô này dạng số (\(digits), \(digits.count) chữ số): "
            + "số 0 ở đầu đã mất. Hãy định dạng cột \(column) là Văn bản (Text, hoặc gõ dấu ' trước số) và nhập lại đủ "
            + "12 chữ số."
        }
        return .failure(Refusal(message: message))
      case .number, .text:
        if dateStyled, case .success(let day) = ExcelSerialDay.day(serial: number, date1904: date1904) {
          return .success(day.vietnamese)
        }
        return .success(plain(number))
      }
    }
  }

  /// A number as a person would type it: whole numbers without a decimal point.
  static func plain(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }
}

extension SheetDocument.Refusal: Equatable {}
