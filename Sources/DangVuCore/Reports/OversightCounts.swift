/// The raw counts of the oversight report for one subtree and period, each under a stable key
/// (`oversight.thematic.unitsDistinct`, `discipline.members.warning`, `complaints.received`, …).
///
/// The store feeds it what its queries return (lượt by kind and body, subjects by the set of kinds and
/// bodies they were seen under, each discipline decision in force, each complaint); the grouping into the
/// report's figures is here, pure, so it is tested without a database.
public struct OversightCounts: Hashable, Sendable, Codable {
  public private(set) var values: [String: Int] = [:]

  /// Every key starts at 0, so a report always has the same figures whatever the records hold.
  public init(categories: [ViolationCategory]) {
    for group in Self.groups {
      for measure in ["units", "unitsDistinct", "members", "membersDistinct"] {
        values["oversight.\(group.key).\(measure)"] = 0
      }
    }
    for side in ["members", "units"] {
      values["discipline.\(side)"] = 0
      for form in side == "members" ? DisciplineForm.forMembers : DisciplineForm.forUnits {
        values["discipline.\(side).\(form.rawValue)"] = 0
      }
      for category in categories { values["discipline.\(side).category.\(category.code)"] = 0 }
    }
    values["discipline.members.prohibitedOrPopulation"] = 0
    for kind in ["all"] + Complaint.Kind.allCases.map(\.rawValue) {
      for action in ["received", "resolved"] {
        values["complaints.\(kind).\(action)"] = 0
        for side in ["units", "members"] { values["complaints.\(kind).\(side).\(action)"] = 0 }
      }
    }
    for finding in Complaint.Finding.allCases { values["complaints.all.resolved.\(finding.rawValue)"] = 0 }
  }

  public subscript(key: String) -> Int { values[key] ?? 0 }

  /// A group of kinds and bodies the report counts together.
  public struct Group: Sendable {
    public var key: String
    public var kinds: Set<OversightKind>
    public var organs: Set<ConductingBody.Organ>
  }

  /// "all" (kiểm tra, giám sát), "inspection", "supervision", "regular" (thường xuyên), "thematic"
  /// (chuyên đề: every kind but the two regular ones), each kind, each conducting organ, and each kind as
  /// each organ ran it (`body.inspectionCommission.kind.supervision.thematic`): the term summaries give every
  /// kind separately for the committees and for the commissions. New groups go at the end: the rollup
  /// stores groups by their index.
  public static let groups: [Group] = {
    let all = Set(OversightKind.allCases)
    let organs = Set(ConductingBody.Organ.allCases)
    var groups = [
      Group(key: "all", kinds: all, organs: organs),
      Group(key: "inspection", kinds: all.filter(\.isInspection), organs: organs),
      Group(key: "supervision", kinds: all.filter { !$0.isInspection }, organs: organs),
      Group(key: "regular", kinds: all.filter { !$0.isThematic }, organs: organs),
      Group(key: "thematic", kinds: all.filter(\.isThematic), organs: organs),
    ]
    groups += OversightKind.allCases.map { Group(key: "kind.\($0.code)", kinds: [$0], organs: organs) }
    groups += ConductingBody.Organ.allCases.map { Group(key: "body.\($0.rawValue)", kinds: all, organs: [$0]) }
    for organ in ConductingBody.Organ.allCases {
      groups += OversightKind.allCases.map {
        Group(key: kindByBodyKey(kind: $0, organ: organ), kinds: [$0], organs: [organ])
      }
    }
    return groups
  }()

  /// The group key of one kind run by one organ: `body.partyCommittee.kind.inspection.regular`.
  public static func kindByBodyKey(kind: OversightKind, organ: ConductingBody.Organ) -> String {
    "body.\(organ.rawValue).kind.\(kind.code)"
  }

  /// One kind run by one organ: what a subject was seen under.
  public struct Run: Hashable, Sendable {
    public var kind: OversightKind
    public var organ: ConductingBody.Organ

    public init(_ kind: OversightKind, by organ: ConductingBody.Organ) {
      self.kind = kind
      self.organ = organ
    }
  }

  /// `count` lượt (subject-inspections) of one kind run by one organ.
  public mutating func addVisits(kind: OversightKind, organ: ConductingBody.Organ, members: Bool, count: Int) {
    for group in Self.groups where group.kinds.contains(kind) && group.organs.contains(organ) {
      values["oversight.\(group.key).\(members ? "members" : "units")", default: 0] += count
    }
  }

  /// `count` distinct subjects, each seen in the period under exactly these runs (kind by organ): a subject
  /// counts once in every group one of its runs falls in. The pairs matter: a unit inspected by the committee
  /// and supervised by the commission was not supervised by the committee.
  public mutating func addSubjects(runs: Set<Run>, members: Bool, count: Int) {
    for group in Self.groups
    where runs.contains(where: { group.kinds.contains($0.kind) && group.organs.contains($0.organ) }) {
      values["oversight.\(group.key).\(members ? "membersDistinct" : "unitsDistinct")", default: 0] += count
    }
  }

  /// `count` distinct subjects seen under every one of these kinds by every one of these organs (one kind by
  /// one organ, usually).
  public mutating func addSubjects(
    kinds: Set<OversightKind>, organs: Set<ConductingBody.Organ>, members: Bool, count: Int
  ) {
    addSubjects(runs: Set(kinds.flatMap { kind in organs.map { Run(kind, by: $0) } }), members: members, count: count)
  }

  /// A group's figures read whole from a rollup: lượt and distinct subjects.
  public mutating func setGroup(_ index: Int, members: Bool, visits: Int, subjects: Int) {
    let key = Self.groups[index].key
    values["oversight.\(key).\(members ? "members" : "units")"] = visits
    values["oversight.\(key).\(members ? "membersDistinct" : "unitsDistinct")"] = subjects
  }

  /// The indexes of the groups a lượt of this kind by this organ counts in.
  public static func groupIndexes(kind: OversightKind, organ: ConductingBody.Organ) -> [Int] {
    groups.indices.filter { groups[$0].kinds.contains(kind) && groups[$0].organs.contains(organ) }
  }

  /// One discipline decision in force at the end of the period, with its form after appeals.
  /// `count` such decisions.
  public mutating func addDiscipline(member: Bool, form: DisciplineForm, categories: Set<String>, count: Int = 1) {
    let side = member ? "members" : "units"
    values["discipline.\(side)", default: 0] += count
    values["discipline.\(side).\(form.rawValue)", default: 0] += count
    for category in categories { values["discipline.\(side).category.\(category)", default: 0] += count }
    if member && !categories.isDisjoint(with: ViolationCategory.prohibitedOrPopulation) {
      values["discipline.members.prohibitedOrPopulation", default: 0] += count
    }
  }

  /// Complaints of one kind and finding about members or about units: how many were received in the period
  /// and how many resolved in it ("giải quyết tố cáo với 2 tổ chức đảng và 9 đảng viên"; one subject each).
  public mutating func addComplaints(
    kind: Complaint.Kind, finding: Complaint.Finding?, members: Bool, received: Int, resolved: Int
  ) {
    let side = members ? "members" : "units"
    for k in ["all", kind.rawValue] {
      values["complaints.\(k).received", default: 0] += received
      values["complaints.\(k).resolved", default: 0] += resolved
      values["complaints.\(k).\(side).received", default: 0] += received
      values["complaints.\(k).\(side).resolved", default: 0] += resolved
    }
    if let finding { values["complaints.all.resolved.\(finding.rawValue)", default: 0] += resolved }
  }
}
