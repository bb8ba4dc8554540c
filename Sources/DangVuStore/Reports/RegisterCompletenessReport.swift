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

  /// The report for `code` (nil: the whole tree) from the per-cell counts (`RegisterCompletenessCache`); nil when
  /// there is no such unit today.
  public static func build(code: String?, store: any PartyStore, cells: [Int64: RegisterCompleteness]) async throws
    -> Self?
  {
    let day = Day.today
    let tree = try await store.tree(on: day, root: code)
    // The units the lines are for: the root's children, or without a root the roots themselves.
    let root: Organisation?
    if let code {
      guard let found = tree.roots.first, found.code == code else { return nil }
      root = found
    } else {
      root = nil
    }
    let tops = root.map { tree.children(of: $0.id) } ?? tree.roots
    let topIDs = Set(tops.map(\.id))
    var totals: [Int64: RegisterCompleteness] = [:]
    var all = RegisterCompleteness()
    for (cell, counts) in cells where tree.units[cell] != nil {
      all += counts
      // Up to the line's unit (at most four steps in a five-level tree).
      var unit = cell
      while !topIDs.contains(unit), let parent = tree.parentOf[unit] { unit = parent }
      if topIDs.contains(unit) { totals[unit, default: RegisterCompleteness()] += counts }
    }
    let below = tops.map { Line(code: $0.code, name: $0.name, counts: totals[$0.id] ?? RegisterCompleteness()) }
    return RegisterCompletenessReport(
      day: day, unit: Line(code: root?.code ?? "", name: root?.name ?? "Toàn bộ", counts: all),
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

/// The per-cell counts of the whole register, kept while the store has not changed (`dataGeneration`): counting
/// means one pass over every member, and the page is asked for unit after unit.
public actor RegisterCompletenessCache {
  private var kept: (generation: Int64, cells: [Int64: RegisterCompleteness])?

  public init() {}

  public func cells(of store: any PartyStore) async throws -> [Int64: RegisterCompleteness] {
    let generation = try await store.dataGeneration()
    if let kept, let generation, kept.generation == generation { return kept.cells }
    let cells = try await store.registerCompletenessByCell()
    if let generation { kept = (generation, cells) }
    return cells
  }
}
