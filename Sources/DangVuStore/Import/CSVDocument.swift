import CSV

/// One record of a CSV file: its fields, cleaned, and the physical line it starts on.
struct CSVRecord: Sendable {
  let line: Int
  let fields: [String]
}

/// A CSV file as spreadsheets in Vietnam save it, read into cleaned records.
///
/// Accepts UTF-8 with or without a BOM, comma or semicolon separators (Excel with Vietnamese regional
/// settings writes semicolons), quoted fields spanning lines, and NFC or NFD text. Parsing itself is
/// CSV.swift's; this layer adds what it does not do: encoding errors with a line, separator detection,
/// line numbers per record, and normalisation.
struct CSVDocument: Sendable {
  let separator: Unicode.Scalar
  let header: [String]
  let records: [CSVRecord]
  /// Records with the wrong number of fields: reported, and left out of `records`.
  let issues: [ImportIssue]

  init(bytes: [UInt8]) throws(ImportError) {
    let text = try Self.decode(bytes)
    separator = Self.separator(ofHeaderIn: text)
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: separator)
    } catch {
      throw ImportError([ImportIssue(line: nil, "Không đọc được tệp CSV: \(error).")])
    }
    var line = 1
    var header: [String]?
    var records: [CSVRecord] = []
    var issues: [ImportIssue] = []
    while let raw = reader.next() {
      let start = line
      var fields: [String] = []
      fields.reserveCapacity(raw.count)
      for field in raw {
        let (clean, breaks) = FieldText.clean(field)
        line += breaks
        fields.append(clean)
      }
      line += 1
      // A blank line (or one of only separators) is what spreadsheets leave at the end; skip it.
      if fields.allSatisfy(\.isEmpty) { continue }
      guard let columns = header?.count else {
        header = fields
        continue
      }
      if fields.count != columns {
        issues.append(
          ImportIssue(
            line: start,
            "có \(fields.count) cột trong khi dòng tiêu đề có \(columns) cột"
              + " (dấu phân cách là \"\(separator)\"; ô có dấu phân cách hoặc xuống dòng phải đặt trong ngoặc kép)."))
        continue
      }
      records.append(CSVRecord(line: start, fields: fields))
    }
    guard let header else {
      throw ImportError([ImportIssue(line: nil, "Tệp trống: không có dòng tiêu đề.")])
    }
    self.header = header
    self.records = records
    self.issues = issues
  }

  /// The file's text without a BOM, or the line of the first byte that is not UTF-8.
  private static func decode(_ bytes: [UInt8]) throws(ImportError) -> String {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw ImportError([
        ImportIssue(
          line: 1, "tệp được lưu dạng UTF-16 (Unicode); hãy lưu lại dưới dạng \"CSV UTF-8 (Comma delimited)\".")
      ])
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    let result: Result<String, ImportError> = body.withUnsafeBufferPointer { buffer in
      if let bad = UTF8Validation.firstInvalidByte(in: buffer) {
        let line = UTF8Validation.line(ofOffset: bad, in: buffer)
        let byte = "0x" + String(buffer[bad], radix: 16, uppercase: true)
        return .failure(
          ImportError([
            ImportIssue(
              line: line,
              "tệp không được mã hóa UTF-8 (gặp byte \(byte) không hợp lệ); có thể tệp được lưu bằng bảng mã cũ "
                + "(TCVN3, VNI, Windows-1258). Hãy lưu lại dưới dạng \"CSV UTF-8\".")
          ]))
      }
      return .success(String(decoding: buffer, as: UTF8.self))
    }
    return try result.get()
  }

  /// Semicolon when the header line holds more semicolons than commas, comma otherwise.
  private static func separator(ofHeaderIn text: String) -> Unicode.Scalar {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "\""): quoted.toggle()
      case UInt8(ascii: ",") where !quoted: commas += 1
      case UInt8(ascii: ";") where !quoted: semicolons += 1
      case 0x0A where !quoted && commas + semicolons > 0, 0x0D where !quoted && commas + semicolons > 0:
        return semicolons > commas ? ";" : ","
      default: break
      }
    }
    return semicolons > commas ? ";" : ","
  }
}
