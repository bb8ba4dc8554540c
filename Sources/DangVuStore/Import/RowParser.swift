import DangVuCore

/// Reads typed values out of records, noting every bad value as an issue at its line and column
/// instead of stopping at the first: a person fixing a file wants the whole list at once.
struct RowParser<Column: FileColumn> {
  let header: Header<Column>
  var issues: [ImportIssue] = []
  /// Dates seen so far: a register repeats the same few thousand dates, and a lookup is far cheaper
  /// than parsing again (this was a fifth of a large import).
  private var days: [String: Day?] = [:]

  init(header: Header<Column>, issues: [ImportIssue] = []) {
    self.header = header
    self.issues = issues
  }

  mutating func report(_ record: CSVRecord, _ column: Column?, _ message: String) {
    issues.append(ImportIssue(line: record.line, column: column.map(header.name(of:)), message))
  }

  /// The text of a column; a required one may not be empty.
  mutating func text(_ column: Column, _ record: CSVRecord, required: Bool = false) -> String? {
    let value = header.field(column, in: record)
    if value.isEmpty {
      if required { report(record, column, "không được để trống.") }
      return nil
    }
    return value
  }

  /// A date in dd/mm/yyyy or ISO form; `.absent` when empty and not required.
  mutating func day(_ column: Column, _ record: CSVRecord, required: Bool = false) -> Parsed<Day> {
    guard let value = text(column, record, required: required) else { return required ? .bad : .absent }
    let parsed: Day?
    if let known = days[value] {
      parsed = known
    } else {
      parsed = Day(parsing: value)
      days[value] = parsed
    }
    guard let day = parsed else {
      report(record, column, "\"\(value)\" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).")
      return .bad
    }
    return .value(day)
  }

  /// A whole number, allowing the thousands separators Vietnamese spreadsheets show ("1.234.567").
  mutating func integer(_ column: Column, _ record: CSVRecord, in range: ClosedRange<Int>) -> Int? {
    guard let value = text(column, record, required: true) else { return nil }
    var digits = value
    let groups = value.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," || $0 == " " }
    if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count) {
      digits = groups.joined()
    }
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) else {
      report(record, column, "\"\(value)\" không phải số nguyên.")
      return nil
    }
    guard range.contains(number) else {
      report(record, column, "\(value) nằm ngoài khoảng cho phép (\(range.lowerBound)–\(range.upperBound)).")
      return nil
    }
    return number
  }
}

/// A parsed optional field: present and good, left empty, or bad (already reported).
enum Parsed<Value> {
  case value(Value)
  case absent
  case bad

  var value: Value? {
    if case .value(let v) = self { return v }
    return nil
  }

  var isAbsent: Bool {
    if case .absent = self { return true }
    return false
  }

  var isBad: Bool {
    if case .bad = self { return true }
    return false
  }
}
