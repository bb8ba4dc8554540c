/// One record of a CSV file: its fields, cleaned, and the physical line it starts on.
struct CSVRecord: Sendable {
  let line: Int
  let fields: [String]
}

/// A CSV file as spreadsheets in Vietnam save it, read into cleaned records.
///
/// Accepts UTF-8 with or without a BOM, comma or semicolon separators (Excel with Vietnamese regional
/// settings writes semicolons), quoted fields spanning lines, and NFC or NFD text. Parsing itself is
/// CSVScanner's (byte-level, reading as CSV.swift did; decision 0007); this layer adds encoding errors
/// with a line, separator detection, line numbers per record, normalisation, and reading a large file in
/// pieces on every core.
struct CSVDocument: Sendable {
  let separator: Unicode.Scalar
  let header: [String]
  let records: [CSVRecord]
  /// Records with the wrong number of fields: reported, and left out of `records`.
  let issues: [ImportIssue]

  /// Reads the file; `pieces` (for tests) sets how many pieces it is read in, otherwise its size decides.
  init(bytes: [UInt8], pieces: Int? = nil) throws(ImportError) {
    let body = try Self.validatedBody(bytes)
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      let text = UnsafeBufferPointer(rebasing: buffer[body...])
      let parts = pieces ?? (text.count >= Self.parallelBytes ? ParallelWork.cores * 2 : 1)
      return Self.read(CSVScanner(bytes: text, separator: Self.separator(ofHeaderIn: text)), pieces: parts)
    }
    guard let header = parsed.header else {
      throw ImportError([ImportIssue(line: nil, "Tệp trống: không có dòng tiêu đề.")])
    }
    separator = parsed.separator
    self.header = header
    self.records = parsed.records
    self.issues = parsed.issues
  }

  /// Records read by another reader (a workbook's sheet): the same checks then run on them as on a CSV file's.
  init(header: [String], records: [CSVRecord], issues: [ImportIssue]) {
    separator = ","
    self.header = header
    self.records = records
    self.issues = issues
  }

  /// Files at least this large are read in pieces on every core; below it, the split is not worth its pass.
  static let parallelBytes = 1 << 20

  private static func read(_ scanner: CSVScanner, pieces: Int) -> (
    separator: Unicode.Scalar, header: [String]?, records: [CSVRecord], issues: [ImportIssue]
  ) {
    let separator = Unicode.Scalar(scanner.separator)
    // The header is the first record that is not blank.
    var position = 0
    var line = 1
    var header: [String]?
    while header == nil, position < scanner.bytes.count {
      let record = Self.record(at: position, line: line, scanner)
      position = record.next
      line = record.nextLine
      if !record.fields.allSatisfy(\.isEmpty) { header = record.fields }
    }
    guard let header else { return (separator, nil, [], []) }
    let starts = scanner.split(from: position, line: line, parts: pieces)
    let pieces = ParallelWork.map(starts.count) { i in
      let end = i + 1 < starts.count ? starts[i + 1].position : scanner.bytes.count
      return Self.records(from: starts[i].position, to: end, line: starts[i].line, columns: header.count, scanner)
    }
    var records: [CSVRecord] = []
    records.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
    var issues: [ImportIssue] = []
    for piece in pieces {
      records += piece.records
      issues += piece.issues
    }
    return (separator, header, records, issues)
  }

  /// The records between two record starts, each checked against the header's number of columns.
  private static func records(from start: Int, to end: Int, line: Int, columns: Int, _ scanner: CSVScanner) -> (
    records: [CSVRecord], issues: [ImportIssue]
  ) {
    var records: [CSVRecord] = []
    var issues: [ImportIssue] = []
    var position = start
    var line = line
    while position < end {
      let record = Self.record(at: position, line: line, scanner)
      position = record.next
      defer { line = record.nextLine }
      // A blank line (or one of only separators) is what spreadsheets leave at the end; skip it.
      if record.fields.allSatisfy(\.isEmpty) { continue }
      if record.fields.count != columns {
        issues.append(
          ImportIssue(
            line: line,
            "có \(record.fields.count) cột trong khi dòng tiêu đề có \(columns) cột"
              + " (dấu phân cách là \"\(Unicode.Scalar(scanner.separator))\"; ô có dấu phân cách hoặc xuống dòng"
              + " phải đặt trong ngoặc kép)."))
        continue
      }
      records.append(CSVRecord(line: line, fields: record.fields))
    }
    return (records, issues)
  }

  /// One record's cleaned fields, and where and on which line the next one starts.
  private static func record(at position: Int, line: Int, _ scanner: CSVScanner) -> (
    fields: [String], next: Int, nextLine: Int
  ) {
    var fields: [String] = []
    var p = position
    var line = line
    while true {
      let field = scanner.field(at: p)
      let (clean, breaks) = FieldText.clean(scanner.text(of: field))
      fields.append(clean)
      line += breaks
      p = field.next
      if field.endsRecord { return (fields, p, line + 1) }
    }
  }

  /// Where the file's text starts (after a BOM), or the line of the first byte that is not UTF-8.
  private static func validatedBody(_ bytes: [UInt8]) throws(ImportError) -> Int {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw ImportError([
        ImportIssue(
          line: 1, "tệp được lưu dạng UTF-16 (Unicode); hãy lưu lại dưới dạng \"CSV UTF-8 (Comma delimited)\".")
      ])
    }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let issue: ImportIssue? = bytes.withUnsafeBufferPointer { whole in
      let buffer = UnsafeBufferPointer(rebasing: whole[start...])
      guard let bad = UTF8Validation.firstInvalidByte(in: buffer) else { return nil }
      let line = UTF8Validation.line(ofOffset: bad, in: buffer)
      let byte = "0x" + String(buffer[bad], radix: 16, uppercase: true)
      return ImportIssue(
        line: line,
        "tệp không được mã hóa UTF-8 (gặp byte \(byte) không hợp lệ); có thể tệp được lưu bằng bảng mã cũ "
          + "(TCVN3, VNI, Windows-1258). Hãy lưu lại dưới dạng \"CSV UTF-8\".")
    }
    if let issue { throw ImportError([issue]) }
    return start
  }

  /// Semicolon when the header line holds more semicolons than commas, comma otherwise.
  private static func separator(ofHeaderIn text: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for b in text {
      switch b {
      case UInt8(ascii: "\""): quoted.toggle()
      case UInt8(ascii: ",") where !quoted: commas += 1
      case UInt8(ascii: ";") where !quoted: semicolons += 1
      case 0x0A where !quoted && commas + semicolons > 0, 0x0D where !quoted && commas + semicolons > 0:
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
      default: break
      }
    }
    return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }
}
