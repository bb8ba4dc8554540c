import DangVuCore
import GRDB

/// The oversight report: a few grouped, indexed range queries per period (see docs/decisions/0005).
extension SQLiteStore {
  public func oversightReport(period: ReportPeriod, scope code: String?) async throws -> OversightReport {
    try await writer.read { db in
      let categories = try Self.violationCategories(in: db)
      let scope: Organisation
      var everyone = true
      if let code {
        scope = try Self.requireOrganisation(code: code, in: db)
        everyone = try Self.holdsEveryone(scope.id, in: db)
      } else {
        let roots = try Self.roots(on: period.through, in: db)
        scope =
          roots.count == 1
          ? roots[0] : Organisation(id: 0, code: "*", name: "Đảng", kind: .provincialCommittee, founded: period.from)
      }
      let current = try Self.oversightCounts(
        period, scope: everyone ? nil : scope.code, categories: categories, in: db)
      let comparison = ReportComparison.of(period, firstRecord: try Self.firstOversightRecord(in: db))
      let previous =
        comparison.available
        ? try Self.oversightCounts(
          period.sameTimeLastYear, scope: everyone ? nil : scope.code, categories: categories, in: db)
        : OversightCounts(categories: categories)
      return OversightReport(
        period: period, scopeCode: scope.code, scopeName: scope.name, categories: categories, current: current,
        previous: previous, comparison: comparison)
    }
  }

  /// The counts of one period; `scope` nil counts everything (the only root holds everyone, and the subtree
  /// walk over 300,000 units is skipped).
  static func oversightCounts(
    _ period: ReportPeriod, scope: String?, categories: [ViolationCategory], in db: Database
  ) throws -> OversightCounts {
    var counts = OversightCounts(categories: categories)
    // The subtree as it stands on the period's last day, walked first: each of its units is one range of an index
    // that leads with the unit (CROSS JOIN keeps SQLite from starting at the country's dates instead).
    let cte = scope == nil ? "" : subtreeCTE
    func from(_ table: String) -> String {
      scope == nil ? "\(table) t" : "sub CROSS JOIN \(table) t ON t.unit_id = sub.id"
    }
    var args: StatementArguments = ["from": period.from.daysSinceEpoch, "through": period.through.daysSinceEpoch]
    if let scope { args += ["code": scope, "day": period.through.daysSinceEpoch] }
    // Everything, over whole months: the rollup answers without touching the lượt.
    if scope == nil && period.from.components.day == 1 && period.through.adding(days: 1).components.day == 1 {
      try OversightRollup.read(
        into: &counts, fromMonth: OversightRollup.monthNumber(period.from),
        throughMonth: OversightRollup.monthNumber(period.through), in: db)
    } else {
      try countVisits(into: &counts, cte: cte, source: from("inspection_subject"), args: args, in: db)
    }

    // Decisions of the period with the form in force on its last day: those no appeal had touched by then are
    // counted by form and set of categories from the index; the few appealed ones one by one, after their appeals.
    var appealed: [Int64: (member: Bool, form: DisciplineForm?, categories: Set<String>)] = [:]
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.is_member, t.form, t.categories, COUNT(*) FROM \(from("discipline_decision"))
         WHERE t.decided BETWEEN :from AND :through AND (t.first_appeal IS NULL OR t.first_appeal > :through)
         GROUP BY t.is_member, t.form, t.categories
        """, arguments: args)
    {
      let categories = Set((row[2] as String).split(separator: "|").map(String.init))
      if let form = DisciplineForm(rawValue: row[1]) {
        counts.addDiscipline(member: row[0], form: form, categories: categories, count: row[3])
      }
    }
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.id, t.is_member, t.form, t.categories FROM \(from("discipline_decision"))
         WHERE t.decided BETWEEN :from AND :through AND t.first_appeal <= :through
        """, arguments: args)
    {
      appealed[row[0]] = (
        row[1], DisciplineForm(rawValue: row[2]), Set((row[3] as String).split(separator: "|").map(String.init))
      )
    }
    if !appealed.isEmpty {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT decision_id, outcome, new_form FROM discipline_appeal
          WHERE decision_id IN (\(appealed.keys.map(String.init).joined(separator: ","))) AND decided <= ?
          ORDER BY decided, id
          """, arguments: [period.through.daysSinceEpoch])
      {
        let id: Int64 = row[0]
        switch try appealOutcome(row[1], row[2]) {
        case .upheld: break
        case .changed(let form): appealed[id]?.form = form
        case .annulled: appealed[id]?.form = nil
        }
      }
      for decision in appealed.values {
        guard let form = decision.form else { continue }
        counts.addDiscipline(member: decision.member, form: form, categories: decision.categories)
      }
    }

    // Complaints received in the period, and resolved in it (with their findings): two index ranges, by whom
    // they are about (the summaries count them by subject kind).
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.kind, t.is_member, COUNT(*) FROM \(from("complaint")) WHERE t.received BETWEEN :from AND :through
         GROUP BY t.kind, t.is_member
        """, arguments: args)
    {
      counts.addComplaints(
        kind: try StoredValue.decode(row[0], column: "complaint.kind"), finding: nil, members: row[1], received: row[2],
        resolved: 0)
    }
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.kind, t.finding, t.is_member, COUNT(*) FROM \(from("complaint"))
         WHERE t.resolved BETWEEN :from AND :through GROUP BY t.kind, t.finding, t.is_member
        """, arguments: args)
    {
      counts.addComplaints(
        kind: try StoredValue.decode(row[0], column: "complaint.kind"),
        finding: (row[1] as String?).flatMap(Complaint.Finding.init(rawValue:)), members: row[2], received: 0,
        resolved: row[3])
    }
    return counts
  }

  /// Lượt and distinct subjects from the lượt themselves: any subtree, any days.
  static func countVisits(
    into counts: inout OversightCounts, cte: String, source: String, args: StatementArguments, in db: Database
  ) throws {
    let kinds = OversightKind.allCases
    let organs = ConductingBody.Organ.allCases
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.kind_no, t.organ_no, t.is_member, COUNT(*) FROM \(source)
         WHERE t.started BETWEEN :from AND :through GROUP BY t.kind_no, t.organ_no, t.is_member
        """, arguments: args)
    {
      counts.addVisits(kind: kinds[row[0]], organ: organs[row[1]], members: row[2], count: row[3])
    }
    // Each subject once, with the set of kinds-by-organ it was seen under as bits (SUM of DISTINCT powers of two
    // is their OR; 7 kinds × 2 organs = 14 bits): one pass gives the distinct count of every group, the kind ×
    // body ones included, which separate kind bits and organ bits could not tell apart.
    let organCount = organs.count
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT is_member, runs, COUNT(*) FROM (
           SELECT t.is_member, t.subject_id, SUM(DISTINCT 1 << (t.kind_no * \(organCount) + t.organ_no)) AS runs
           FROM \(source) WHERE t.started BETWEEN :from AND :through
           GROUP BY t.is_member, t.subject_id)
         GROUP BY is_member, runs
        """, arguments: args)
    {
      let bits: Int = row[1]
      var runs: Set<OversightCounts.Run> = []
      for kind in kinds {
        for (o, organ) in organs.enumerated() where bits & (1 << (kind.number * organCount + o)) != 0 {
          runs.insert(.init(kind, by: organ))
        }
      }
      counts.addSubjects(runs: runs, members: row[0], count: row[2])
    }
  }
}
