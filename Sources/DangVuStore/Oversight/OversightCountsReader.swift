import DangVuCore

/// The oversight report's counts from what the engines' queries return, row by row: the same decoding and the same
/// counting on SQLite and PostgreSQL, only the SQL apart. A stored code this build does not know stops the report
/// (`StoredValue.unknown`) rather than being left out of it.
public struct OversightCountsReader: Sendable {
  public private(set) var counts: OversightCounts
  /// Decisions of the period appealed by its last day, by id: the form in force after their appeals so far.
  private var appealed: [Int64: (member: Bool, form: DisciplineForm?, categories: Set<String>)] = [:]

  public init(categories: [ViolationCategory]) { counts = OversightCounts(categories: categories) }

  /// `count` lượt of one kind (`kind_no`) run by one organ (`organ_no`).
  public mutating func visits(kindNo: Int, organNo: Int, member: Bool, count: Int) throws {
    let visit = try OversightVisit(row: 0, kindNo: kindNo, organNo: organNo, month: 0)
    counts.addVisits(kind: visit.kind, organ: visit.organ, members: member, count: count)
  }

  /// The bit of a lượt's kind by organ in a subject's set of runs: a query ORs them per subject (7 kinds × 2 organs
  /// = 14 bits), so one pass gives the distinct count of every group, the kind × body ones included.
  public static func runBitSQL(kindNo: String, organNo: String) -> String {
    "(1 << (\(kindNo) * \(ConductingBody.Organ.allCases.count) + \(organNo)))"
  }

  /// `count` distinct subjects seen in the period under exactly the runs whose bits are set in `runBits`.
  public mutating func subjects(member: Bool, runBits bits: Int, count: Int) throws {
    let organs = ConductingBody.Organ.allCases
    var runs: Set<OversightCounts.Run> = []
    for kind in OversightKind.allCases {
      for (o, organ) in organs.enumerated() where bits & (1 << (kind.number * organs.count + o)) != 0 {
        runs.insert(.init(kind, by: organ))
      }
    }
    let known = (1 << (OversightKind.allCases.count * organs.count)) - 1
    guard bits & ~known == 0 else { throw StoredValue.unknown(bits, column: "inspection_subject.kind_no") }
    counts.addSubjects(runs: runs, members: member, count: count)
  }

  /// `count` decisions of the period no appeal had touched by its last day, of one form and set of categories.
  public mutating func decisions(member: Bool, form: String, categories: String, count: Int) throws {
    counts.addDiscipline(
      member: member, form: try StoredValue.decode(form, column: "discipline_decision.form"),
      categories: DisciplineCategories.decode(categories), count: count)
  }

  /// A decision of the period appealed by its last day, counted once its appeals are read (`appeal`, `finish`).
  public mutating func appealedDecision(id: Int64, member: Bool, form: String, categories: String) throws {
    appealed[id] = (
      member, try StoredValue.decode(form, column: "discipline_decision.form") as DisciplineForm,
      DisciplineCategories.decode(categories)
    )
  }

  /// The decisions whose appeals the engine reads next.
  public var appealedIDs: [Int64] { appealed.keys.sorted() }

  /// One appeal settled by the period's last day, in the order they were settled.
  public mutating func appeal(decisionID id: Int64, outcome: String, newForm: String?) throws {
    switch try Appeal.Outcome.stored(outcome, newForm: newForm) {
    case .upheld: break
    case .changed(let form): appealed[id]?.form = form
    case .annulled: appealed[id]?.form = nil
    }
  }

  public mutating func complaintsReceived(kind: String, member: Bool, count: Int) throws {
    counts.addComplaints(
      kind: try StoredValue.decode(kind, column: "complaint.kind"), finding: nil, members: member, received: count,
      resolved: 0)
  }

  public mutating func complaintsResolved(kind: String, finding: String?, member: Bool, count: Int) throws {
    counts.addComplaints(
      kind: try StoredValue.decode(kind, column: "complaint.kind"),
      finding: try Complaint.Finding.stored(finding), members: member, received: 0, resolved: count)
  }

  /// The counts, the appealed decisions in force added by the form their appeals left.
  public mutating func finish() -> OversightCounts {
    for id in appealedIDs {
      guard let decision = appealed[id], let form = decision.form else { continue }
      counts.addDiscipline(member: decision.member, form: form, categories: decision.categories)
    }
    appealed = [:]
    return counts
  }
}

/// `discipline_decision.categories`: the violation codes, sorted, joined by |; what the report groups decisions by.
public enum DisciplineCategories {
  public static func encode(_ codes: [String]) -> String { Set(codes).sorted().joined(separator: "|") }

  public static func decode(_ stored: String) -> Set<String> {
    Set(stored.split(separator: "|").map(String.init))
  }
}

extension Appeal.Outcome {
  /// An appeal's outcome as stored (`discipline_appeal.outcome`, `new_form`).
  public static func stored(_ code: String, newForm form: String?) throws -> Appeal.Outcome {
    switch code {
    case "annulled": .annulled
    case "changed": .changed(try StoredValue.decode(form ?? "", column: "discipline_appeal.new_form"))
    case "upheld": .upheld
    case let other: throw StoredValue.unknown(other, column: "discipline_appeal.outcome")
    }
  }

  /// The form an appeal changed the decision to, as `discipline_appeal.new_form` stores it.
  public var newForm: DisciplineForm? {
    if case .changed(let form) = self { return form }
    return nil
  }
}

extension Complaint.Finding {
  /// `complaint.finding` as stored: NULL for none yet.
  public static func stored(_ raw: String?) throws -> Complaint.Finding? {
    try raw.map { try StoredValue.decode($0, column: "complaint.finding") }
  }
}

extension OversightReport {
  /// The report of `period` for `scope` (the unit asked for, or for everything the only root, or "Đảng" when the
  /// database holds several), compared with `previous` when `comparison` allows (`ReportComparison.of`).
  public static func assembled(
    period: ReportPeriod, asked: Organisation?, roots: [Organisation], categories: [ViolationCategory],
    current: OversightCounts, previous: OversightCounts?, comparison: ReportComparison
  ) -> OversightReport {
    let scope =
      asked
      ?? (roots.count == 1
        ? roots[0] : Organisation(id: 0, code: "*", name: "Đảng", kind: .provincialCommittee, founded: period.from))
    return OversightReport(
      period: period, scopeCode: scope.code, scopeName: scope.name, categories: categories, current: current,
      previous: previous ?? OversightCounts(categories: categories), comparison: comparison)
  }
}

extension OversightCountsReader {
  /// A group's lượt and distinct subjects read whole from `oversight_rollup` (its `group_no`).
  public mutating func group(_ index: Int, member: Bool, visits: Int, subjects: Int) throws {
    guard OversightCounts.groups.indices.contains(index) else {
      throw StoredValue.unknown(index, column: "oversight_rollup.group_no")
    }
    counts.setGroup(index, members: member, visits: visits, subjects: subjects)
  }
}
