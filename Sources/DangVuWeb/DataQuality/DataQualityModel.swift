import DangVuCore
import DangVuStore

/// The completeness of a unit's register today, and of each unit directly below it, worst first: what a campaign
/// to complete the register works down.
struct DataQualityModel: Encodable, Sendable {
  struct Line: Encodable, Sendable {
    var code: String
    var name: String
    var counts: RegisterCompleteness
  }

  var day: Day
  var unit: Line
  /// The units directly below, the one with the lowest share of any field first; units without members last.
  var below: [Line]

  static func build(code: String, store: any PartyStore, cells: [Int64: RegisterCompleteness]) async throws -> Self {
    let day = Day.today
    let tree = try await store.tree(on: day, root: code)
    guard let root = tree.roots.first else { throw AccessError.unitNotFound(code) }
    var totals: [Int64: RegisterCompleteness] = [:]
    var all = RegisterCompleteness()
    for (cell, counts) in cells where tree.units[cell] != nil {
      all += counts
      // Up to the unit directly below the root (at most four steps in a five-level tree).
      var unit = cell
      while let parent = tree.parentOf[unit], parent != root.id { unit = parent }
      if unit != root.id { totals[unit, default: RegisterCompleteness()] += counts }
    }
    let below = tree.children(of: root.id).map {
      Line(code: $0.code, name: $0.name, counts: totals[$0.id] ?? RegisterCompleteness())
    }
    return DataQualityModel(
      day: day, unit: Line(code: root.code, name: root.name, counts: all),
      below: below.sorted { ($0.counts.weakest, $0.code) < ($1.counts.weakest, $1.code) })
  }

  /// The table as the CSV and workbook downloads carry it: counts and shares (in percent) per field.
  var rows: [[String]] {
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
actor RegisterCompletenessCache {
  private var kept: (generation: Int64, cells: [Int64: RegisterCompleteness])?

  func cells(of store: any PartyStore) async throws -> [Int64: RegisterCompleteness] {
    let generation = try await store.dataGeneration()
    if let kept, let generation, kept.generation == generation { return kept.cells }
    let cells = try await store.registerCompletenessByCell()
    if let generation { kept = (generation, cells) }
    return cells
  }
}
