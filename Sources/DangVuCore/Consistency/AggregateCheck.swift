/// The sums a store keeps current on every write (grades per unit and year, the register per province and
/// month, oversight per month, the excellent cap per grassroots unit), each compared with the same sums
/// recomputed from the records alone. Reports read the kept sums, so a difference here is a report that
/// would print a wrong figure: after a crash, a bug, or a change made behind the store's back.
public struct AggregateCheck: Hashable, Sendable {
  /// One kept sum that is not what the records give.
  public struct Difference: Hashable, Sendable {
    public var table: String
    /// Which row: the table's key columns, `name=value` separated by spaces.
    public var key: String
    public var stored: Int
    public var recomputed: Int

    public init(table: String, key: String, stored: Int, recomputed: Int) {
      self.table = table
      self.key = key
      self.stored = stored
      self.recomputed = recomputed
    }
  }

  /// One table's outcome.
  public struct Table: Hashable, Sendable {
    public var name: String
    /// Non-zero rows compared (the larger of the two sides).
    public var rows: Int
    /// The first differences, at most `AggregateCheck.shownDifferences`.
    public var differences: [Difference]
    /// How many rows differ in all.
    public var differing: Int
    /// The store marked the table stale: the next report rebuilds it from the records, nothing to compare.
    public var stale: Bool

    public init(name: String, rows: Int, differences: [Difference], differing: Int, stale: Bool = false) {
      self.name = name
      self.rows = rows
      self.differences = differences
      self.differing = differing
      self.stale = stale
    }
  }

  public static let shownDifferences = 20

  public var tables: [Table]

  public init(tables: [Table]) { self.tables = tables }

  public var isConsistent: Bool { tables.allSatisfy { $0.differing == 0 } }

  /// Compares kept sums with recomputed ones; a row missing on one side counts as 0 there.
  public static func compare(table: String, stored: [String: Int], recomputed: [String: Int]) -> Table {
    let keys = Set(stored.keys).union(recomputed.keys).filter { (stored[$0] ?? 0) != (recomputed[$0] ?? 0) }
    let differences = keys.sorted().prefix(shownDifferences).map {
      Difference(table: table, key: $0, stored: stored[$0] ?? 0, recomputed: recomputed[$0] ?? 0)
    }
    let rows = max(stored.values.filter { $0 != 0 }.count, recomputed.values.filter { $0 != 0 }.count)
    return Table(name: table, rows: rows, differences: Array(differences), differing: keys.count)
  }

  /// What a person reads, in Vietnamese, one line a table and one a difference shown.
  public var linesVi: [String] {
    var lines: [String] = []
    for table in tables {
      if table.stale {
        lines.append("\(table.name): đang chờ tính lại (báo cáo kế tiếp sẽ tính lại từ hồ sơ), không cần đối chiếu.")
      } else if table.differing == 0 {
        lines.append("\(table.name): \(table.rows) dòng khớp với tính lại từ hồ sơ.")
      } else {
        lines.append("\(table.name): \(table.differing) trên \(table.rows) dòng KHÔNG khớp với tính lại từ hồ sơ:")
        for d in table.differences {
          lines.append("  \(d.key): đang lưu \(d.stored), tính lại được \(d.recomputed)")
        }
      }
    }
    return lines
  }
}
