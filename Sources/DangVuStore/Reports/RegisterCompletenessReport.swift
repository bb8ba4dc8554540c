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
  /// When the register was counted: a report may be read from the last counts while a change is counted again.
  public var counted: AuditTime
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
      day: totals.tree.day, counted: totals.counted,
      unit: Line(code: root?.code ?? "", name: root?.name ?? "Toàn bộ", counts: counts),
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
  public let counted: AuditTime
  let idByCode: [String: Int64]

  public init(tree: OrganisationTree, cells: [Int64: RegisterCompleteness], counted: AuditTime = .now) {
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
    self.counted = counted
    self.idByCode = Dictionary(tree.units.values.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The sums per unit (`RegisterCompletenessTotals`) of the day, kept between changes: counting means one pass over
/// every member and the tree (about 7 s for the 6.1 million members of the national demo), and the page is asked
/// for unit after unit. After a change the last counts answer at once, saying when they were made, while the
/// register is counted again aside; only the first report of a day waits for its count. A store without a change
/// counter (in memory) is counted every time.
public actor RegisterCompletenessCache {
  private var kept: (generation: Int64, totals: RegisterCompletenessTotals)?
  private var recount: Task<Void, Never>?

  public init() {}

  public func totals(of store: any RegisterStore, on day: Day) async throws -> RegisterCompletenessTotals {
    guard let generation = try await store.dataGeneration() else { return try await Self.count(store, on: day) }
    if let kept, kept.totals.tree.day == day {
      if kept.generation != generation && recount == nil {
        recount = Task { [weak self] in
          let fresh = try? await Self.count(store, on: day)
          await self?.counted(fresh, generation: generation)
        }
      }
      return kept.totals
    }
    let totals = try await Self.count(store, on: day)
    kept = (generation, totals)
    return totals
  }

  /// Waits for a count started aside (for tests and the benchmark).
  public func settled() async { await recount?.value }

  private func counted(_ totals: RegisterCompletenessTotals?, generation: Int64) {
    if let totals, totals.tree.day >= kept?.totals.tree.day ?? totals.tree.day { kept = (generation, totals) }
    recount = nil
  }

  private static func count(_ store: any RegisterStore, on day: Day) async throws -> RegisterCompletenessTotals {
    RegisterCompletenessTotals(
      tree: try await store.tree(on: day, root: nil), cells: try await store.registerCompletenessByCell())
  }
}
