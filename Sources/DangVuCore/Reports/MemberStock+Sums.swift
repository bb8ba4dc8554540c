/// The register's per-month sums (decision 0006) as every engine keeps them: the rule that turns a member's
/// spans into deltas under `MemberStock` keys, for the root (province) each cell sat under at the time and for
/// everything together (unit 0). The engines store the rows `rows()` gives and read their sums back; only the SQL
/// differs (issue 23 part 1).
extension MemberStock {
  /// Which root (province) a unit sat under, over time, from its dated parent links.
  public struct RootHistory: Sendable {
    public typealias Link = (parent: Int64?, from: Int, until: Int?)
    public typealias Interval = (root: Int64, from: Int, until: Int?)
    private var links: [Int64: [Link]]?
    private var cache: [Int64: [Interval]] = [:]

    /// Links read unit by unit, through the `reading` given to `of(cell:reading:)`.
    public init() {}

    /// Every link needed given at once (a rebuild, or the ancestry of a batch's cells): a unit with none here has
    /// none at all, and nothing is read.
    public init(links: [Int64: [Link]]) { self.links = links }

    /// The roots `cell` sat under and when; `reading` gives a unit's own links when they were not given at once.
    public mutating func of(cell: Int64, reading: (Int64) throws -> [Link]) rethrows -> [Interval] {
      if let known = cache[cell] { return known }
      let own = try links.map { $0[cell] ?? [] } ?? reading(cell)
      var result: [Interval] = []
      for link in own {
        guard let parent = link.parent else {
          result.append((cell, link.from, link.until))
          continue
        }
        for up in try of(cell: parent, reading: reading) {
          let start = max(link.from, up.from)
          let end = [link.until, up.until].compactMap { $0 }.min()
          if end.map({ start < $0 }) ?? true { result.append((up.root, start, end)) }
        }
      }
      cache[cell] = result
      return result
    }

    /// The roots `unit` sits under from `day` on, as text to compare before and after a move: a move that leaves
    /// them as they were (inside one province) changes no sum.
    public mutating func roots(of unit: Int64, from day: Day, reading: (Int64) throws -> [Link]) rethrows -> [String] {
      let start = day.daysSinceEpoch
      return try of(cell: unit, reading: reading).compactMap { interval in
        guard interval.until.map({ $0 > start }) ?? true else { return nil }
        return "\(interval.root)@\(max(interval.from, start))-\(interval.until.map(String.init) ?? "")"
      }
    }
  }

  /// Deltas by (unit, key, month), packed into one integer: a rebuild adds a few hundred million of them.
  public struct Sums: Sendable {
    /// The unit id under which the whole register is summed.
    public static let everything: Int64 = 0

    public private(set) var keys = KeyTable()
    public private(set) var deltas: [Int: Int] = [:]
    private var scratch: [Int] = []

    public init() {}

    /// Whether sums read on `day` say the register then: on a month's last day only (every named period ends on
    /// one), as a span counts from the month it starts to the month it ends.
    public static func answer(on day: Day) -> Bool { day.adding(days: 1).components.day == 1 }

    public static func pack(unit: Int64, key: Int, month: Int) -> Int { (Int(unit) << 34) | (key << 17) | month }
    public static func unit(_ packed: Int) -> Int64 { Int64(packed >> 34) }
    public static func key(_ packed: Int) -> Int { (packed >> 17) & 0x1FFFF }
    public static func month(_ packed: Int) -> Int { packed & 0x1FFFF }

    /// Adds (`sign` 1) or takes away (−1) a span of a member with the member's facts.
    public mutating func add(
      _ span: MemberSpan, of member: Member, sign: Int = 1, roots: inout RootHistory,
      reading: (Int64) throws -> [RootHistory.Link] = { _ in [] }
    ) rethrows {
      let facts = Facts(
        standing: span.standing, exempt: span.exempt, inTransit: span.inTransit, gender: member.gender,
        ethnicity: member.ethnicity, religion: member.religion, education: member.education,
        birthDate: member.birthDate)
      try add(
        facts, cell: span.cellID, from: span.from.daysSinceEpoch, until: span.until?.daysSinceEpoch, sign: sign,
        roots: &roots, reading: reading)
    }

    /// +`sign` under each key in the month the span starts, −`sign` in the month it ends, for each root the cell
    /// sat under meanwhile.
    public mutating func add(
      _ facts: Facts, cell: Int64, from: Int, until: Int?, sign: Int, roots: inout RootHistory,
      reading: (Int64) throws -> [RootHistory.Link]
    ) rethrows {
      scratch.removeAll(keepingCapacity: true)
      keys.keys(facts, into: &scratch)
      func place(_ unit: Int64, _ start: Int, _ end: Int?) {
        let first = MemberStock.month(of: Day(daysSinceEpoch: start))
        let last = end.map { MemberStock.month(of: Day(daysSinceEpoch: $0)) }
        // A span that starts and ends within one month nets to nothing on any month's last day.
        if last == first { return }
        for key in scratch {
          deltas[Self.pack(unit: unit, key: key, month: first), default: 0] += sign
          if let last { deltas[Self.pack(unit: unit, key: key, month: last), default: 0] -= sign }
        }
      }
      // Unit 0 is the sum of the roots (a cell sits under exactly one root at a time): added in `rows`.
      for r in try roots.of(cell: cell, reading: reading) {
        let start = max(from, r.from)
        let end = [until, r.until].compactMap { $0 }.min()
        if end.map({ start < $0 }) ?? true { place(r.root, start, end) }
      }
    }

    public struct Row: Hashable, Sendable {
      public var unit: Int64
      public var key: String
      public var month: Int
      public var delta: Int
    }

    /// The rows to add to the stored sums, with unit 0 as the sum of the roots, none of them zero, ordered by unit,
    /// key and month: the stored table's order (far faster than random order for millions of rows), and one order
    /// for every writer, so two servers adding to the same rows at once take their locks in the same order.
    public func rows() -> [Row] {
      var all = deltas
      for (packed, n) in deltas {
        all[Self.pack(unit: Self.everything, key: Self.key(packed), month: Self.month(packed)), default: 0] += n
      }
      // Key ids follow first use: ranked by name so that the packed order is the table's.
      let ranked = keys.names.indices.sorted { keys.names[$0] < keys.names[$1] }
      var rank = [Int](repeating: 0, count: ranked.count)
      for (position, id) in ranked.enumerated() { rank[id] = position }
      let order = all.compactMap { packed, n in
        n == 0 ? nil : Self.pack(unit: Self.unit(packed), key: rank[Self.key(packed)], month: Self.month(packed))
      }.sorted()
      return order.map { byRank in
        let id = ranked[Self.key(byRank)]
        let packed = Self.pack(unit: Self.unit(byRank), key: id, month: Self.month(byRank))
        return Row(unit: Self.unit(byRank), key: keys.names[id], month: Self.month(byRank), delta: all[packed]!)
      }
    }
  }
}
