import DangVuCore

/// One row of `oversight_rollup`: the lượt of a month in a report group, about members or units, whose subject's
/// previous lượt in that group was in month `previous` (-1: none).
public struct OversightRollupKey: Hashable, Sendable {
  public var month: Int
  public var group: Int
  public var member: Bool
  public var previous: Int

  public init(month: Int, group: Int, member: Bool, previous: Int) {
    self.month = month
    self.group = group
    self.member = member
    self.previous = previous
  }
}

/// One lượt as the rollup reads it: its row (what orders lượt of one day), its kind and organ by number as
/// `inspection_subject` stores them, and its month.
public struct OversightVisit: Sendable {
  public var row: Int64
  public var kind: OversightKind
  public var organ: ConductingBody.Organ
  public var month: Int

  /// A kind or organ number this build does not know is an error (`StoredValue.unknown`), never a group guessed.
  public init(row: Int64, kindNo: Int, organNo: Int, month: Int) throws {
    let kinds = OversightKind.allCases
    let organs = ConductingBody.Organ.allCases
    guard kinds.indices.contains(kindNo) else {
      throw StoredValue.unknown(kindNo, column: "inspection_subject.kind_no")
    }
    guard organs.indices.contains(organNo) else {
      throw StoredValue.unknown(organNo, column: "inspection_subject.organ_no")
    }
    self.row = row
    self.kind = kinds[kindNo]
    self.organ = organs[organNo]
    self.month = month
  }

  /// `year * 12 + month - 1`: consecutive months are consecutive numbers.
  public static func monthNumber(_ day: Day) -> Int {
    let c = day.components
    return c.year * 12 + c.month - 1
  }

  /// The number `inspection_subject.organ_no` stores for an organ.
  public static func organNumber(_ organ: ConductingBody.Organ) -> Int {
    ConductingBody.Organ.allCases.firstIndex(of: organ)!
  }
}

/// How one lượt written or taken out changes `oversight_rollup`: the rule both engines keep the table by. The
/// engine reads the subject's lượt (the one changed among them, in date order, then row order) under whatever makes
/// that read current until its commit (SQLite's single writer; a lock per subject on PostgreSQL), gathers the changes
/// here and writes them once.
public struct OversightRollupChanges: Sendable {
  public private(set) var changes: [OversightRollupKey: Int] = [:]

  public init() {}

  /// In each group the lượt `row` counts in, the lượt (month, previous) and its next one (next, month) against
  /// (next, previous): `sign` 1 puts the lượt between its neighbours (just inserted), -1 takes it out (about to be
  /// deleted). `visits` are the subject's lượt in order, `row` among them; a row not among them changes nothing.
  public mutating func relink(member: Bool, visits: [OversightVisit], row: Int64, sign: Int) {
    guard let visit = visits.first(where: { $0.row == row }) else { return }
    for group in OversightCounts.groupIndexes(kind: visit.kind, organ: visit.organ) {
      let inGroup = visits.filter {
        OversightCounts.groups[group].kinds.contains($0.kind) && OversightCounts.groups[group].organs.contains($0.organ)
      }
      let i = inGroup.firstIndex { $0.row == row }!
      let previous = i > 0 ? inGroup[i - 1].month : -1
      changes[OversightRollupKey(month: visit.month, group: group, member: member, previous: previous), default: 0] +=
        sign
      if i + 1 < inGroup.count {
        let next = inGroup[i + 1].month
        changes[OversightRollupKey(month: next, group: group, member: member, previous: previous), default: 0] -= sign
        changes[OversightRollupKey(month: next, group: group, member: member, previous: visit.month), default: 0] +=
          sign
      }
    }
  }

  /// The changes to write, zeros left out, in key order (so two writers touch rows in one order), and none kept.
  public mutating func take() -> [(key: OversightRollupKey, delta: Int)] {
    defer { changes = [:] }
    return changes.filter { $0.value != 0 }.map { (key: $0.key, delta: $0.value) }.sorted {
      ($0.key.month, $0.key.group, $0.key.member ? 1 : 0, $0.key.previous)
        < ($1.key.month, $1.key.group, $1.key.member ? 1 : 0, $1.key.previous)
    }
  }
}

/// The whole table counted from the lượt, read subject by subject in date order: what a rebuild writes and a check
/// compares the kept table with.
public struct OversightRollupRecount: Sendable {
  public private(set) var counts: [OversightRollupKey: Int] = [:]
  private var last = [Int](repeating: -1, count: OversightCounts.groups.count)
  private var current: (member: Bool, id: Int64)?
  /// Which groups each kind-by-organ counts in, worked out once.
  private let groupsOf: [[Int]] = OversightKind.allCases.flatMap { kind in
    ConductingBody.Organ.allCases.map { OversightCounts.groupIndexes(kind: kind, organ: $0) }
  }

  public init() {}

  /// The next lượt, in the order of (subject, day, row).
  public mutating func add(member: Bool, subjectID: Int64, _ visit: OversightVisit) {
    if current == nil || current! != (member, subjectID) {
      current = (member, subjectID)
      for g in last.indices { last[g] = -1 }
    }
    let pair = visit.kind.number * ConductingBody.Organ.allCases.count + OversightVisit.organNumber(visit.organ)
    for group in groupsOf[pair] {
      counts[OversightRollupKey(month: visit.month, group: group, member: member, previous: last[group]), default: 0] +=
        1
      last[group] = visit.month
    }
  }
}
