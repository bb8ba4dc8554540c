/// The tree as it stood on one day: the units that existed then, each under the parent it had then.
public struct OrganisationTree: Sendable {
  public let day: Day
  public private(set) var units: [Int64: Organisation] = [:]
  public private(set) var parentOf: [Int64: Int64] = [:]
  public private(set) var childrenOf: [Int64: [Int64]] = [:]

  /// Builds the tree on `day` from every unit and every parent link ever recorded.
  public init(day: Day, organisations: some Sequence<Organisation>, links: some Sequence<ParentLink>) {
    self.day = day
    for org in organisations where org.exists(on: day) { units[org.id] = org }
    for link in links where link.holds(on: day) && units[link.child] != nil {
      guard let parent = link.parent, units[parent] != nil else { continue }
      parentOf[link.child] = parent
      childrenOf[parent, default: []].append(link.child)
    }
    for key in childrenOf.keys {
      childrenOf[key]!.sort { units[$0]!.code < units[$1]!.code }
    }
  }

  public var roots: [Organisation] {
    units.values.filter { parentOf[$0.id] == nil }.sorted { $0.code < $1.code }
  }

  public func children(of id: Int64) -> [Organisation] {
    (childrenOf[id] ?? []).compactMap { units[$0] }
  }

  /// The unit and everything below it, depth first, the unit first.
  public func subtree(of id: Int64) -> [Organisation] {
    guard let root = units[id] else { return [] }
    var out = [root]
    var stack = (childrenOf[id] ?? []).reversed().map { $0 }
    while let next = stack.popLast() {
      out.append(units[next]!)
      stack.append(contentsOf: (childrenOf[next] ?? []).reversed())
    }
    return out
  }

  /// From the unit up to its root.
  public func ancestry(of id: Int64) -> [Organisation] {
    var out: [Organisation] = []
    var current: Int64? = id
    while let c = current, let unit = units[c] {
      out.append(unit)
      current = parentOf[c]
    }
    return out
  }

  public func isDescendant(_ id: Int64, of ancestor: Int64) -> Bool {
    ancestry(of: id).contains { $0.id == ancestor }
  }
}
