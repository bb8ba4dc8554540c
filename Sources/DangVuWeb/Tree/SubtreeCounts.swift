import DangVuCore

/// Members in each unit's subtree on the tree's day, summed up from the per-cell counts once, so a
/// page of many units costs one pass over the tree rather than one query per unit.
struct SubtreeCounts {
  private var totals: [Int64: Int] = [:]

  init(tree: OrganisationTree, cellCounts: [Int64: Int]) {
    // Children before parents: reverse a depth-first order from every root.
    var order: [Int64] = []
    order.reserveCapacity(tree.units.count)
    var stack = tree.roots.map(\.id)
    while let id = stack.popLast() {
      order.append(id)
      stack.append(contentsOf: tree.childrenOf[id] ?? [])
    }
    for id in order.reversed() {
      var sum = cellCounts[id] ?? 0
      for child in tree.childrenOf[id] ?? [] { sum += totals[child] ?? 0 }
      totals[id] = sum
    }
  }

  subscript(id: Int64) -> Int { totals[id] ?? 0 }
}
