import DangVuCore

/// One unit as a line of a list: what it is called, its kind in Vietnamese and its members that day.
struct UnitLine: Sendable {
  var code: String
  var name: String
  var kindName: String
  var members: Int
  var hasChildren: Bool

  init(_ unit: Organisation, tree: OrganisationTree, kinds: UnitKindTable, counts: SubtreeCounts) {
    code = unit.code
    name = unit.name
    kindName = kinds.nameVi(of: unit.kind)
    members = counts[unit.id]
    hasChildren = !(tree.childrenOf[unit.id] ?? []).isEmpty
  }

  /// `day`: the day the page looks at, nil for today (links then carry no date).
  func render(day: Day?) -> HTML {
    """
    <a href="\(Links.unit(code, day: day))">\(name)</a> <span class="kind">\(kindName) · mã \(code)</span> \
    <span class="count">· \(VietnameseNumber.count(members)) đảng viên</span>
    """
  }
}
