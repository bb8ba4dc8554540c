import DangVuCore
import DangVuStore

/// A unit on a day: where it sat (then and over time), the units directly under it, and its register.
struct UnitPageModel: Sendable {
  struct UnitRef: Sendable {
    var code: String
    var name: String
  }

  struct ParentPeriod: Sendable {
    var from: Day
    var until: Day?
    /// nil for the period the unit was a root.
    var parent: UnitRef?
  }

  struct RegisterLine: Sendable {
    var entry: RegisterEntry
    /// The cell the member is in, when the page is a committee's.
    var cell: UnitRef?
  }

  enum Register: Sendable {
    case shown([RegisterLine])
    /// Too many to list on one page; the cells' pages list them.
    case tooLarge(Int)
  }

  /// A committee lists its whole register on its own page only up to this many members.
  static let registerLimit = 500

  var day: Day
  /// The day links carry: none when the page looks at today.
  var linkDay: Day?
  /// Whether the unit exists today, when units may be admitted into it or posts recorded.
  var existsToday = false
  var unit: Organisation
  var kindName: String
  var holdsMembers: Bool
  var existsOnDay: Bool
  /// From the root down to the unit's parent, as the tree stood on the day.
  var ancestry: [UnitRef]
  var parentHistory: [ParentPeriod]
  /// Every name the unit had, oldest first.
  var names: [NamePeriod]
  var children: [UnitLine]
  var members: Int
  var register: Register
  /// Links to what the signed-in role may do with this unit; set by the controller.
  var actions = Actions()
  /// Every post held in the unit itself, and its collectives (newest term first).
  var posts: [PostRecord] = []
  var collectives: [CollectiveRecord] = []

  struct Actions: Sendable {
    var addMembers = false
    var grade = false
    var oversight = false
    /// Admission with the decision and two sponsors (`recordLifecycle`).
    var admit = false
    /// Posts and collectives (`recordPosts`).
    var recordPosts = false
    /// Changing the tree (`editTree` with a province as scope); set by the controller, which checks the scope.
    var editTree = false

    init(_ principal: Principal? = nil) {
      addMembers = principal?.allows(.editRegister) ?? false
      admit = principal?.allows(.recordLifecycle) ?? false
      recordPosts = principal?.allows(.recordPosts) ?? false
      grade = principal?.allows(.editGrades) ?? false
      oversight = principal?.allows(.readRecords) ?? false
    }
  }

  static func load(from store: any RegisterStore & TreeEditing, code: String, on day: Day, today: Day) async throws
    -> UnitPageModel
  {
    guard let unit = try await store.organisation(code: code) else {
      throw PageError(
        status: .notFound, title: "Không tìm thấy tổ chức",
        message: "Không có tổ chức đảng nào mang mã “\(code)”. Hãy kiểm tra lại mã, hoặc tìm từ trang cây tổ chức.")
    }
    async let kindsQuery = store.unitKinds()
    async let treeQuery = store.tree(on: day, root: unit.code)
    async let countsQuery = store.memberCountsByCell(on: day)
    async let historyQuery = store.parentHistory(ofCode: unit.code)
    async let namesQuery = store.nameHistory(ofCode: unit.code)
    let (kinds, tree, cellCounts, links, namePeriods) = try await (
      kindsQuery, treeQuery, countsQuery, historyQuery, namesQuery
    )
    let counts = SubtreeCounts(tree: tree, cellCounts: cellCounts)

    var names: [Int64: UnitRef] = [:]
    for id in Set(links.compactMap(\.parent)) {
      if let parent = try await store.organisation(id: id) { names[id] = UnitRef(code: parent.code, name: parent.name) }
    }
    let history = links.map { ParentPeriod(from: $0.from, until: $0.until, parent: $0.parent.flatMap { names[$0] }) }

    let members = counts[unit.id]
    let holdsMembers = kinds.holdsMembers(unit.kind)
    let register: Register
    if !unit.exists(on: day) || (!holdsMembers && members > registerLimit) {
      register = .tooLarge(members)
    } else {
      let entries = try await store.register(of: unit.code, on: day)
      register = .shown(
        entries.map { entry in
          let cell = holdsMembers ? nil : tree.units[entry.cellID].map { UnitRef(code: $0.code, name: $0.name) }
          return RegisterLine(entry: entry, cell: cell)
        })
    }

    return UnitPageModel(
      day: day, linkDay: day == today ? nil : day, existsToday: unit.exists(on: today), unit: unit,
      kindName: kinds.nameVi(of: unit.kind), holdsMembers: holdsMembers,
      existsOnDay: unit.exists(on: day), ancestry: try await ancestry(of: unit, on: day, links: links, in: store),
      parentHistory: history, names: namePeriods,
      children: tree.children(of: unit.id).map { UnitLine($0, tree: tree, kinds: kinds, counts: counts) },
      members: members, register: register)
  }

  /// Walks up the parent links that held on the day; a handful of lookups, the tree being five levels deep.
  private static func ancestry(
    of unit: Organisation, on day: Day, links: [ParentLink], in store: any TreeStore
  ) async throws -> [UnitRef] {
    var chain: [UnitRef] = []
    var seen: Set<Int64> = [unit.id]
    var parentID = links.first { $0.holds(on: day) }?.parent
    while let id = parentID, seen.insert(id).inserted, let parent = try await store.organisation(id: id) {
      chain.append(UnitRef(code: parent.code, name: parent.name))
      parentID = try await store.parentHistory(ofCode: parent.code).first { $0.holds(on: day) }?.parent
    }
    return chain.reversed()
  }
}
