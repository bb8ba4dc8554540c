import DangVuCore
import DangVuStore

/// Fills a loaded demo with `DemoOversightPlan.years` of inspections and supervisions, discipline (with a few
/// appeals), complaints and programmes. Deterministic for a seed.
///
/// The lượt (about a fifth of the members a year: over three million at national scale) are drawn from one pass
/// over the register's spans and written by the store in the same transaction, the rollup rebuilt once
/// (`BulkLoading.addOversightInBulk`); decisions, appeals and complaints are few and go through the store's own
/// checked methods, so expulsions end memberships like any other.
public enum DemoOversightLoader {
  public struct Summary: Hashable, Sendable {
    public var inspections = 0
    public var visits = 0
    public var decisions = 0
    public var appeals = 0
    public var complaints = 0
  }

  /// A member in a cell over some days, as `member_span` holds it.
  struct Span {
    var member: Int64
    var cell: Int64
    var from: Day
    var until: Day?
    var official: Bool

    func covers(_ day: Day) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
  }

  struct InspectionKey: Hashable {
    var body: Int64
    var organ: Int
    var kind: Int
    var year: Int
  }

  /// `window` keeps only the records that begin and end inside it (the second era's years, cut at 1 July 2025 and
  /// at today); the draws are the same with or without it, so the first era's years come out as they always did.
  @discardableResult
  public static func load(
    into store: any BulkLoading, seed: UInt64, years: [Int] = DemoOversightPlan.years, window: ClosedRange<Day>? = nil,
    progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> Summary {
    var summary = Summary()
    var timer = PhaseTimer()
    let picked = try await store.addOversightInBulk(progress: progress) { register in
      try pickVisits(register, seed: seed, years: years, window: window, progress: progress)
    }
    timer.lap("oversight: inspections and visits")
    summary.inspections = picked.inspections
    summary.visits = picked.visits
    // Decisions and complaints, a year at a time, through the checked store methods.
    for (index, year) in years.enumerated() {
      let decided = try await store.recordDiscipline(picked.decisions[year] ?? [])
      summary.decisions += decided.count
      var r = DemoRandom(seed: seed, stream: 0xA_77EA1, UInt64(year))
      var appeals: [Appeal] = []
      for d in decided where r.unit() < DemoOversightPlan.appealRate {
        let lodged = d.decided.adding(days: 10)
        if let window, !window.contains(lodged.adding(days: 30)) { continue }
        let outcome: Appeal.Outcome
        switch r.below(10) {
        case 0: outcome = .annulled
        case 1, 2: outcome = d.form == .reprimand ? .upheld : .changed(.reprimand)
        default: outcome = .upheld
        }
        appeals.append(Appeal(decisionID: d.id, lodged: lodged, decided: lodged.adding(days: 30), outcome: outcome))
      }
      summary.appeals += try await store.recordAppeals(appeals).count
      summary.complaints += try await store.recordComplaints(picked.complaints[year] ?? []).count
      progress(WorkProgress(phase: "kỷ luật, khiếu nại, tố cáo", done: index + 1, total: years.count))
    }
    timer.lap("oversight: discipline, appeals and complaints")
    return summary
  }

  struct Picked {
    var inspections = 0
    var visits = 0
    var decisions: [Int: [DisciplineDecision]] = [:]
    var complaints: [Int: [Complaint]] = [:]
  }

  /// Draws the year's inspections and lượt from the register as it stands, and the decisions and complaints
  /// the load records next.
  static func pickVisits(
    _ register: BulkRegisterReader, seed: UInt64, years: [Int], window: ClosedRange<Day>?,
    progress: @Sendable (WorkProgress) -> Void
  ) throws -> (BulkOversight, Picked) {
    /// Whether work from `start` to `end` lies inside the window (always, without one).
    func inWindow(_ start: Day, _ end: Day) -> Bool {
      window.map { $0.contains(start) && $0.contains(end) } ?? true
    }
    var picked = Picked()
    var timer = PhaseTimer()
    // Where each unit sits now, and its code: the demo's tree barely changes over these years.
    let parent = try register.currentParents()
    var code: [Int64: String] = [:]
    var units: [BulkRegisterReader.Unit] = []
    for unit in try register.units() {
      code[unit.id] = unit.code
      if parent[unit.id] != nil { units.append(unit) }
    }
    let posts = try register.posts()
    let kinds = OversightKind.allCases
    let organs = ConductingBody.Organ.allCases
    var lists: [InspectionKey: [(member: Bool, subject: Int64, unit: Int64)]] = [:]
    var keyOrder: [InspectionKey] = []
    func add(_ key: InspectionKey, member: Bool, subject: Int64, unit: Int64) {
      if lists[key] == nil { keyOrder.append(key) }
      lists[key, default: []].append((member, subject, unit))
    }
    func body(of unit: Int64) -> Int64 { parent[unit] ?? unit }

    // Members: one pass over the spans, every year at once.
    var r = DemoRandom(seed: seed, stream: 0x0_5EE_0001)
    var decidedMembers = Set<Int64>()
    let spanCount = try register.spanCountBound()
    let picking = "chọn đối tượng kiểm tra, giám sát"
    progress(WorkProgress(phase: picking, done: 0, total: spanCount))
    var spansRead = 0
    try register.forEachSpan { stored in
      spansRead += 1
      if spansRead % 500_000 == 0 { progress(WorkProgress(phase: picking, done: spansRead, total: spanCount)) }
      let span = Span(
        member: stored.memberID, cell: stored.cellID, from: stored.from, until: stored.until,
        official: stored.standing == .official)
      // Discipline first: an expulsion ends the span, and nothing of the member may follow it.
      var expelled: Day?
      for year in years where r.unit() < DemoOversightPlan.disciplineRate {
        var form = DemoOversightPlan.memberForm(&r)
        let decided = Day.firstDay(ofYear: year).adding(days: r.below(360))
        let categories = DemoOversightPlan.categories(&r)
        let violated = decided.adding(days: -(30 + r.below(400)))
        let selfCorrected = r.below(5) == 0
        let holdsPost = posts[span.member]?.contains { $0.from <= decided && ($0.until.map { decided < $0 } ?? true) }
        // The rules hold here too: probationary members only reprimanded or warned, dismissal needs a post,
        // expulsion only from a member's last span; one decision a member.
        if form == .dismissal && holdsPost != true { form = .warning }
        if form == .expulsion && span.until != nil { form = .warning }
        if !span.official && form > .warning { form = .warning }
        guard expelled == nil, span.covers(decided), inWindow(decided, decided),
          decidedMembers.insert(span.member).inserted
        else { continue }
        if form == .expulsion { expelled = decided }
        let number = (picked.decisions[year]?.count ?? 0) + 1
        picked.decisions[year, default: []].append(
          DisciplineDecision(
            subject: .member(span.member), form: form, categories: categories,
            decidingBody: ConductingBody(.inspectionCommission, of: code[body(of: span.cell)]!),
            number: "\(number)/\(year)-QĐ/UBKT", decided: decided, violated: violated, selfCorrected: selfCorrected))
      }
      func inRegister(_ day: Day) -> Bool { span.covers(day) && expelled.map { day < $0 } ?? true }
      for year in years {
        if r.unit() < DemoOversightPlan.memberVisitRate {
          let (kind, organ) = DemoOversightPlan.visitKind(&r)
          // The committee above the cell (or its inspection commission) runs one of each kind a year.
          let bodyUnit = body(of: span.cell)
          let key = InspectionKey(body: bodyUnit, organ: organs.firstIndex(of: organ)!, kind: kind.number, year: year)
          let start = DemoOversightPlan.startDay(
            body: key.body, organ: key.organ, kind: key.kind, year: year, seed: seed)
          if inRegister(start) && inWindow(start, start.adding(days: DemoOversightPlan.duration(kind))) {
            add(key, member: true, subject: span.member, unit: span.cell)
          }
        }
        if r.unit() < DemoOversightPlan.complaintRate {
          let received = Day.firstDay(ofYear: year).adding(days: r.below(360))
          let open = received.adding(days: 20 + r.below(100))
          var resolved = open.year == year || r.below(2) == 0 ? open : nil
          if let window, let day = resolved, !window.contains(day) { resolved = nil }
          let finding = DemoOversightPlan.finding(&r)
          let kind: Complaint.Kind = r.below(3) == 0 ? .complaint : .denunciation
          if inRegister(received) && inWindow(received, received) {
            picked.complaints[year, default: []].append(
              Complaint(
                kind: kind, subject: .member(span.member), received: received, resolved: resolved,
                finding: resolved == nil ? nil : finding))
          }
        }
      }
    }
    progress(WorkProgress(phase: picking, done: spanCount, total: spanCount))
    timer.lap("oversight: members picked from the spans")
    // Units: inspected and supervised by the committee above them.
    for unit in units {
      for year in years where r.unit() < DemoOversightPlan.unitVisitRate {
        let (kind, organ) = DemoOversightPlan.visitKind(&r)
        let key = InspectionKey(
          body: body(of: unit.id), organ: organs.firstIndex(of: organ)!, kind: kind.number, year: year)
        let start = DemoOversightPlan.startDay(body: key.body, organ: key.organ, kind: key.kind, year: year, seed: seed)
        if unit.founded <= start && (unit.ended.map { start < $0 } ?? true)
          && inWindow(start, start.adding(days: DemoOversightPlan.duration(kind)))
        {
          add(key, member: false, subject: unit.id, unit: unit.id)
        }
      }
    }

    // The lượt as the store writes them, in the order of their bodies and kinds, with the draws of what each
    // found (the store builds the indexes once and rebuilds the rollup).
    var inspections: [BulkInspection] = []
    inspections.reserveCapacity(keyOrder.count)
    for key in keyOrder {
      let kind = kinds[key.kind]
      let start = DemoOversightPlan.startDay(
        body: key.body, organ: key.organ, kind: key.kind, year: key.year, seed: seed)
      let subjects = lists.removeValue(forKey: key)!.map { s in
        let found = kind == .inspection(.signsOfViolation) ? r.below(10) < 6 : r.below(100) < 3
        return BulkInspection.Subject(isMember: s.member, subjectID: s.subject, unitID: s.unit, violationFound: found)
      }
      inspections.append(
        BulkInspection(
          kind: kind, organ: organs[key.organ], bodyUnitID: key.body,
          title: "\(kind.nameVi.capitalisedFirstLetter) năm \(key.year)", started: start,
          concluded: start.adding(days: DemoOversightPlan.duration(kind)), subjects: subjects))
      picked.visits += subjects.count
      picked.inspections += 1
    }
    // Each inspection commission plans about what it then does: one or two of each kind it runs in the year.
    let programmes = keyOrder.filter { organs[$0.organ] == .inspectionCommission }.map { key in
      BulkProgramme(
        organ: organs[key.organ], bodyUnitID: key.body, year: key.year, kind: kinds[key.kind], planned: 1 + r.below(2))
    }
    return (BulkOversight(inspections: inspections, programmes: programmes), picked)
  }
}

extension String {
  fileprivate var capitalisedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
