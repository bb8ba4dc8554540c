import DangVuCore
import DangVuStore

/// How the tables of a SQLite file map onto this database's, decided before a row moves (`dangvu migrate`, issue 23
/// part 5): the tables mean the same on both engines and carry the same names and columns, so the plan is made from
/// the two catalogues, not from a list of tables that would age. What does not map is named with its reason: a
/// table or column the target lacks stops the copy (its data would be lost), a derived one is left to the target.
struct CopyPlan: Sendable {
  struct Column: Sendable, Hashable {
    var name: String
    /// PostgreSQL's name of the type (`format_type`): what the source's value is turned into.
    var type: String
    /// NOT NULL without a default: the copy must give it a value.
    var required: Bool
    var identity: Bool
  }

  struct Table: Sendable {
    var name: String
    var source: SourceTable
    /// The target's columns filled from the source's of the same name, in the source's order.
    var copied: [Column]
    /// The target's columns computed from the copied ones (`derived`).
    var computed: [Column]
    var rows: Int
  }

  /// Tables in the order their foreign keys need (a unit before its links, a member before its events).
  var tables: [Table]
  /// Source tables not copied, with why.
  var leftOut: [(table: String, reason: String)]

  /// Target tables the target keeps itself: its schema's log, its change counter, the trail's head (moved by the
  /// trigger with each entry copied).
  static let keptByTarget: Set<String> = ["schema_version", "data_generation", "audit_head"]

  /// Source tables that are SQLite's way of doing what the target does another way; the reports are compared
  /// after the copy, so a sum kept differently that came out different would show.
  static let sqliteOnly: [String: String] = [
    "member_stock": "số tổng hợp theo tháng của SQLite; PostgreSQL giữ số của mình",
    "member_stock_state": "trạng thái số tổng hợp của SQLite",
    "grade_rollup": "số tổng hợp xếp loại của SQLite; PostgreSQL giữ số của mình",
    "oversight_rollup": "số tổng hợp kiểm tra, giám sát của SQLite; PostgreSQL giữ số của mình",
    "audit_head": "đầu chuỗi nhật ký: PostgreSQL dời nó theo từng mục được chép",
  ]

  /// Target columns whose value is computed from the row, not copied: the words of a member's name under the
  /// trigram index (SQLite keeps them in its full-text index instead).
  static let derived: [String: [String: @Sendable ([String: TableValue]) -> TableValue]] = [
    "member": [
      "search_words": { row in
        guard case .text(let name) = row["full_name"] ?? .null else { return .null }
        return .text(PostgresStore.searchWords(name))
      }
    ]
  ]

  static func make(
    source: [SourceTable], rowCounts: [String: Int], target: [String: [Column]], order: [String]
  ) throws -> CopyPlan {
    var tables: [Table] = []
    var leftOut: [(String, String)] = []
    let sourceByName = Dictionary(uniqueKeysWithValues: source.map { ($0.name, $0) })
    for table in source where target[table.name] == nil || keptByTarget.contains(table.name) {
      // An empty table loses nothing by staying behind.
      guard let reason = sqliteOnly[table.name] ?? (rowCounts[table.name] == 0 ? "trống" : nil) else {
        throw DomainError(
          "migrate.tableMissing",
          "Bảng \(table.name) có trong tệp SQLite nhưng cơ sở dữ liệu PostgreSQL không có: không chép để khỏi mất "
            + "dữ liệu. Hãy dùng bản DangVu mới hơn, cùng phiên bản với tệp.")
      }
      leftOut.append((table.name, reason))
    }
    for name in order where !keptByTarget.contains(name) {
      guard let columns = target[name], let sourceTable = sourceByName[name] else { continue }
      let sourceColumns = Set(sourceTable.columns)
      let targetNames = Set(columns.map(\.name))
      if let lost = sourceTable.columns.first(where: { !targetNames.contains($0) }) {
        throw DomainError(
          "migrate.columnMissing",
          "Cột \(name).\(lost) có trong tệp SQLite nhưng PostgreSQL không có: không chép để khỏi mất dữ liệu.")
      }
      let computers = derived[name] ?? [:]
      let computed = columns.filter { computers[$0.name] != nil && !sourceColumns.contains($0.name) }
      if let unfilled = columns.first(where: {
        $0.required && !sourceColumns.contains($0.name) && computers[$0.name] == nil
      }) {
        throw DomainError(
          "migrate.columnUnfilled",
          "Cột \(name).\(unfilled.name) bắt buộc trên PostgreSQL nhưng tệp SQLite không có giá trị cho nó.")
      }
      let byName = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
      tables.append(
        Table(
          name: name, source: sourceTable, copied: sourceTable.columns.compactMap { byName[$0] }, computed: computed,
          rows: rowCounts[name] ?? 0))
    }
    return CopyPlan(tables: tables, leftOut: leftOut)
  }

  /// Tables ordered so that each comes after those its foreign keys name (`references`: table → the tables it
  /// names). A table naming itself is its own business (rows are copied in the source's order).
  static func order(_ names: [String], references: [String: Set<String>]) throws -> [String] {
    var ordered: [String] = []
    var placed: Set<String> = []
    var remaining = names.sorted()
    while !remaining.isEmpty {
      let ready = remaining.filter { name in
        (references[name] ?? []).allSatisfy { $0 == name || placed.contains($0) || !names.contains($0) }
      }
      guard !ready.isEmpty else {
        throw DomainError(
          "migrate.cycle",
          "Các bảng \(remaining.joined(separator: ", ")) tham chiếu vòng nhau: không xếp được thứ tự chép.")
      }
      ordered += ready
      placed.formUnion(ready)
      remaining.removeAll { placed.contains($0) }
    }
    return ordered
  }
}
