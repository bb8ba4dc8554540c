import DangVuCore

/// A column of an import file: a Vietnamese name without marks (what the committee's staff type),
/// an English one (what other systems export), and whether the header must have it.
protocol FileColumn: CaseIterable, RawRepresentable, Sendable where RawValue == Int, AllCases == [Self] {
  var vietnamese: String { get }
  var english: String { get }
  var isRequired: Bool { get }
  /// How a workbook cell of this column is read and written (a number or a date, or text to keep whole).
  var cellKind: CellKind { get }
  /// What a value of this column names, for keeping an import inside the importer's subtree; nil for none.
  var scopeReference: ScopeReference? { get }
}

/// What a column's cells hold in a workbook. Excel turns what looks like a number into one, so a column
/// of codes must know that a number there has lost its leading zeros, and a date column that a number
/// there is a date serial.
enum CellKind: Sendable {
  case text
  /// Card numbers, national IDs, unit codes: text whose leading zeros matter.
  case identifier
  case date
  case number
}

extension FileColumn {
  /// By the column's name, in one place for every file: dates are the `ngay…` columns, codes and numbers are
  /// listed. A column may say otherwise in its own type.
  var cellKind: CellKind {
    let name = vietnamese
    if name == "ngay" || name.hasPrefix("ngay_") { return .date }
    if ["so_the", "so_cccd", "ma", "ma_chi_bo", "ma_cap_tren", "ma_to_chuc", "ma_doi_tuong", "don_vi"].contains(name) {
      return .identifier
    }
    if ["nam", "dan_so", "diem", "nghi_om_thang", "cuoc_kiem_tra"].contains(name) { return .number }
    return .text
  }
}

extension FileColumn {
  var scopeReference: ScopeReference? { nil }
}

/// Where each known column sits in one file's records.
struct Header<Column: FileColumn>: Sendable {
  /// By column raw value: the field index, or nil when the file leaves the column out.
  private let positions: [Int?]
  /// The name the file itself uses, for messages that point at a column.
  private let names: [String]

  /// Matches the header case- and mark-insensitively, with spaces or underscores ("Số thẻ" = "so_the");
  /// an unknown or repeated column, or a missing required one, is an issue naming it.
  init(_ header: [String]) throws(ImportError) {
    var positions = [Int?](repeating: nil, count: Column.allCases.count)
    var names = Column.allCases.map(\.vietnamese)
    var issues: [ImportIssue] = []
    var byName: [String: Column] = [:]
    for column in Column.allCases {
      byName[column.vietnamese] = column
      byName[column.english] = column
    }
    for (index, name) in header.enumerated() {
      guard let column = byName[Self.key(name)] else {
        issues.append(
          ImportIssue(
            line: 1, column: name,
            "không phải cột của loại tệp này; các cột được nhận: "
              + Column.allCases.map { "\($0.vietnamese) (\($0.english))" }.joined(separator: ", ") + "."))
        continue
      }
      if positions[column.rawValue] != nil {
        issues.append(ImportIssue(line: 1, column: name, "cột này xuất hiện hai lần."))
        continue
      }
      positions[column.rawValue] = index
      names[column.rawValue] = name
    }
    for column in Column.allCases where column.isRequired && positions[column.rawValue] == nil {
      issues.append(
        ImportIssue(
          line: 1, column: column.vietnamese,
          "thiếu cột bắt buộc \(column.vietnamese) (hoặc \(column.english)) trong dòng tiêu đề."))
    }
    if !issues.isEmpty { throw ImportError(issues) }
    self.positions = positions
    self.names = names
  }

  static func key(_ name: String) -> String {
    String(SearchFolding.fold(name).map { $0 == " " || $0 == "-" ? "_" : $0 })
  }

  func has(_ column: Column) -> Bool { positions[column.rawValue] != nil }

  func name(of column: Column) -> String { names[column.rawValue] }

  /// The field of `column` in `record`; empty when the file has no such column.
  func field(_ column: Column, in record: CSVRecord) -> String {
    guard let index = positions[column.rawValue] else { return "" }
    return record.fields[index]
  }
}
