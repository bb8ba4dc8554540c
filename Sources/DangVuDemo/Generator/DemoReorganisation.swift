import DangVuCore

/// The demo's 2025 reorganisation, planned from the tree as it stands on its first day (1 July 2025) before
/// anything changes: district-level committees end, commune-level committees are founded under the province,
/// grassroots units move under them, and merged provinces go under a new provincial committee.
///
/// Pure and seeded (its own stream), so the same demo always reorganises the same way. Members are not moved:
/// they stay in their cells, and the cells move with their grassroots units.
public enum DemoReorganisation {
  /// The day the district level ended and the merged provinces began.
  public static let day = Day(year: 2025, month: 7, day: 1)!
  /// Old communes and wards per new commune-level committee (the country went from about 10,000 to 3,321).
  static let communesPerNew = 3

  /// A provincial committee founded on `day`, at the top of the tree.
  public struct NewRoot: Hashable, Sendable {
    public var code: String
    public var name: String
    /// The old provinces it takes over.
    public var provinces: [String]

    public init(code: String, name: String, provinces: [String]) {
      self.code = code
      self.name = name
      self.provinces = provinces
    }
  }

  public struct Plan: Hashable, Sendable {
    /// Founded first (the changes below need them as parents).
    public var roots: [NewRoot]
    /// Founding of commune committees, then the moves, then the dissolutions, all on `day`.
    public var changes: [TreeChange]

    public var communes: Int { changes.count { if case .found = $0 { true } else { false } } }
    public var moves: Int { changes.count { if case .move = $0 { true } else { false } } }
  }

  /// `tree` is the tree on `day` before the change; `areaDistricts` are the codes of the district-level
  /// committees that cover an area (huyện, thành phố), whose grassroots units go under new communes; those of
  /// the sectors (agencies, armed forces) go straight under the province.
  public static func plan(tree: OrganisationTree, areaDistricts: Set<String>, seed: UInt64) -> Plan {
    var roots: [NewRoot] = []
    var rootOf: [String: String] = [:]
    for province in tree.roots where province.kind == .provincialCommittee {
      guard let group = DemoMergers2025.group(of: province.code) else {
        rootOf[province.code] = province.code
        continue
      }
      let code = DemoMergers2025.newRootCode(group)
      if let index = roots.firstIndex(where: { $0.code == code }) {
        roots[index].provinces.append(province.code)
      } else {
        roots.append(NewRoot(code: code, name: DemoMergers2025.newRootName(group), provinces: [province.code]))
      }
      rootOf[province.code] = code
    }

    var founds: [TreeChange] = []
    var moves: [TreeChange] = []
    var dissolutions: [TreeChange] = []
    var names: [String: Set<String>] = [:]
    var serial: [String: Int] = [:]
    var random = DemoRandom(seed: seed, stream: 0x2025_0701)
    for province in tree.roots where province.kind == .provincialCommittee {
      let root = rootOf[province.code]!
      for unit in tree.children(of: province.id) {
        guard unit.kind == .districtCommittee else {
          // Grassroots units of provincial agencies sit under the province in both shapes.
          if root != province.code { moves.append(.move(code: unit.code, parentCode: root, on: day)) }
          continue
        }
        let grassroots = tree.children(of: unit.id)
        var communes = areaDistricts.contains(unit.code) ? grassroots.filter(isCommune) : []
        guard !communes.isEmpty else {
          moves += grassroots.map { .move(code: $0.code, parentCode: root, on: day) }
          dissolutions.append(.dissolve(code: unit.code, on: day))
          continue
        }
        communes.sort { $0.code < $1.code }
        var groups = stride(from: 0, to: communes.count, by: communesPerNew).map {
          Array(communes[$0..<min($0 + communesPerNew, communes.count)])
        }
        // A single commune left over joins the group before it, as the small ones did.
        if groups.count > 1, groups.last!.count == 1 { groups[groups.count - 2] += groups.removeLast() }
        var newCodes: [String] = []
        for group in groups {
          serial[root, default: 0] += 1
          let code = "\(root).C\(DemoFormat.padded(serial[root]!, 3))"
          var name = communeName(after: group[0].name)
          if names[root, default: []].contains(name) {
            var n = 2
            while names[root]!.contains("\(name) \(n)") { n += 1 }
            name = "\(name) \(n)"
          }
          names[root, default: []].insert(name)
          founds.append(.found(code: code, name: name, kind: .communeCommittee, parentCode: root, on: day))
          newCodes.append(code)
          moves += group.map { .move(code: $0.code, parentCode: code, on: day) }
        }
        // The district's agencies and lone cells go to one of its new communes.
        let inCommunes = Set(communes.map(\.id))
        for other in grassroots where !inCommunes.contains(other.id) {
          moves.append(.move(code: other.code, parentCode: random.element(of: newCodes), on: day))
        }
        dissolutions.append(.dissolve(code: unit.code, on: day))
      }
      // A merge, not a dissolution: the new committee takes over the old one's records (decision 0040).
      if root != province.code { dissolutions.append(.merge(code: province.code, intoCode: root, on: day)) }
    }
    return Plan(roots: roots, changes: founds + moves + dissolutions)
  }

  private static let communeWords = ["xã ", "phường ", "thị trấn "]

  /// A grassroots committee of a commune, ward or township (the others are agencies and enterprises).
  static func isCommune(_ unit: Organisation) -> Bool {
    unit.kind == .grassrootsCommittee && communeWords.contains { unit.name.hasPrefix("Đảng bộ \($0)") }
  }

  /// The new commune takes the name of the first of its old ones; a township becomes a commune.
  static func communeName(after old: String) -> String {
    let rest = old.dropFirst("Đảng bộ ".count)
    guard let word = communeWords.first(where: { rest.hasPrefix($0) }) else { return old }
    return "Đảng bộ \(word == "phường " ? "phường" : "xã") \(rest.dropFirst(word.count))"
  }
}
