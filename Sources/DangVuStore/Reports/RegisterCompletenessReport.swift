import DangVuCore

/// The completeness of a unit's register today, and of each unit directly below it, worst first: what a campaign
/// to complete the register works down. Without a unit, the whole tree and its provinces.
public struct RegisterCompletenessReport: Encodable, Sendable {
  public struct Line: Encodable, Sendable {
    public var code: String
    public var name: String
    public var counts: RegisterCompleteness
  }

  public var day: Day
  public var unit: Line
  /// The units directly below, the one with the lowest share of any field first; units without members last.
  public var below: [Line]

  /// The report for `code` (nil: the whole tree) from the sums kept per unit (`RegisterCompletenessCache`); nil
  /// when there is no such unit today. Reads no database: a line per unit below is a lookup.
  public static func build(code: String?, totals: RegisterCompletenessTotals) -> Self? {
    let root: Organisation?
    if let code {
      guard let id = totals.idByCode[code], let found = totals.tree.units[id] else { return nil }
      root = found
    } else {
      root = nil
    }
    let tops = root.map { totals.tree.children(of: $0.id) } ?? totals.roots
    let below = tops.map { Line(code: $0.code, name: $0.name, counts: totals.byUnit[$0.id] ?? RegisterCompleteness()) }
    let counts = root.map { totals.byUnit[$0.id] ?? RegisterCompleteness() } ?? totals.all
    return RegisterCompletenessReport(
      day: totals.tree.day, unit: Line(code: root?.code ?? "", name: root?.name ?? "Toàn bộ", counts: counts),
      below: below.sorted { ($0.counts.weakest, $0.code) < ($1.counts.weakest, $1.code) })
  }

  /// The table as the CSV and workbook downloads carry it: counts and shares (in percent) per field.
  public var rows: [[String]] {
    let fields = RegisterCompleteness.Field.allCases
    let header =
      ["Mã", "Tổ chức đảng", "Đảng viên"]
      + fields.flatMap { ["\($0.nameVi) (số người có)", "\($0.nameVi) (%)"] }
    func row(_ line: Line) -> [String] {
      [line.code, line.name, String(line.counts.members)]
        + fields.flatMap { field in
          [String(line.counts.count(field)), line.counts.share(field)?.description ?? ""]
        }
    }
    return [header, row(unit)] + below.map(row)
  }
}

/// The register's completeness summed for every unit of today's tree: each cell's counts added to the cell and to
/// every unit above it (at most four steps in a five-level tree), once. Building a report from it is then a lookup
/// per line, so the country's page costs what a district's does.
public struct RegisterCompletenessTotals: Sendable {
  public let tree: OrganisationTree
  /// Every unit's sum over the cells of its subtree.
  public let byUnit: [Int64: RegisterCompleteness]
  /// The whole tree's sum.
  public let all: RegisterCompleteness
  /// The roots, sorted (`OrganisationTree.roots` walks every unit).
  public let roots: [Organisation]
  let idByCode: [String: Int64]

  public init(tree: OrganisationTree, cells: [Int64: RegisterCompleteness]) {
    var byUnit: [Int64: RegisterCompleteness] = [:]
    var all = RegisterCompleteness()
    for (cell, counts) in cells where tree.units[cell] != nil {
      all += counts
      var unit: Int64? = cell
      while let current = unit {
        byUnit[current, default: RegisterCompleteness()] += counts
        unit = tree.parentOf[current]
      }
    }
    self.tree = tree
    self.byUnit = byUnit
    self.all = all
    self.roots = tree.roots
    self.idByCode = Dictionary(tree.units.values.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The sums per unit (`RegisterCompletenessTotals`), kept while the store has not changed (`dataGeneration`) and
/// the day is the same: counting means one pass over every member and the tree of the day, and the page is asked
/// for unit after unit.
public actor RegisterCompletenessCache {
  private var kept: (generation: Int64, totals: RegisterCompletenessTotals)?

  public init() {}

  public func totals(of store: any PartyStore, on day: Day = .today) async throws -> RegisterCompletenessTotals {
    let generation = try await store.dataGeneration()
    if let kept, let generation, kept.generation == generation, kept.totals.tree.day == day { return kept.totals }
    let totals = RegisterCompletenessTotals(
      tree: try await store.tree(on: day, root: nil), cells: try await store.registerCompletenessByCell())
    if let generation { kept = (generation, totals) }
    return totals
  }
}
