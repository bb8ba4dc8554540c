import DangVuCore
import DangVuStore

/// The root page: the top of the tree on a day — each root and the units directly under it. The whole
/// tree is 300,000 units at national scale, so deeper levels are reached through the unit pages.
struct TreePageModel: Sendable {
  struct Branch: Sendable {
    var root: UnitLine
    var children: [UnitLine]
  }

  var day: Day
  /// The day links carry: none when the page looks at today.
  var linkDay: Day?
  var branches: [Branch]
  var totalUnits: Int
  var totalMembers: Int

  /// The tree from `root` (the principal's scope) down, on `day`.
  static func load(from store: any RegisterStore, root: String, on day: Day, today: Day) async throws
    -> TreePageModel
  {
    async let kindsQuery = store.unitKinds()
    async let treeQuery = store.tree(on: day, root: root)
    async let countsQuery = store.memberCountsByCell(on: day)
    let (kinds, tree, cellCounts) = try await (kindsQuery, treeQuery, countsQuery)
    let counts = SubtreeCounts(tree: tree, cellCounts: cellCounts)
    let branches = tree.roots.map { root in
      Branch(
        root: UnitLine(root, tree: tree, kinds: kinds, counts: counts),
        children: tree.children(of: root.id).map { UnitLine($0, tree: tree, kinds: kinds, counts: counts) })
    }
    return TreePageModel(
      day: day, linkDay: day == today ? nil : day, branches: branches, totalUnits: tree.units.count,
      totalMembers: tree.roots.reduce(0) { $0 + counts[$1.id] })
  }
}
