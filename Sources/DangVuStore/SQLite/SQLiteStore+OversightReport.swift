import DangVuCore
import GRDB

/// The oversight report: a few grouped, indexed range queries per period (see docs/decisions/0005).
extension SQLiteStore {
  public func oversightReport(period: ReportPeriod, scope code: String?) async throws -> OversightReport {
    try await writer.read { db in
      let categories = try Self.violationCategories(in: db)
      var asked: Organisation?
      var everyone = true
      if let code {
        let unit = try Self.requireOrganisation(code: code, in: db)
        asked = unit
        everyone = try Self.holdsEveryone(unit.id, in: db)
      }
      let roots = asked == nil ? try Self.roots(on: period.through, in: db) : []
      let counted = everyone ? nil : asked?.code
      let comparison = ReportComparison.of(period, firstRecord: try Self.firstOversightRecord(in: db))
      return OversightReport.assembled(
        period: period, asked: asked, roots: roots, categories: categories,
        current: try Self.oversightCounts(period, scope: counted, categories: categories, in: db),
        previous: comparison.available
          ? try Self.oversightCounts(period.sameTimeLastYear, scope: counted, categories: categories, in: db) : nil,
        comparison: comparison)
    }
  }

  /// The counts of one period; `scope` nil counts everything (the only root holds everyone, and the subtree
  /// walk over 300,000 units is skipped).
  static func oversightCounts(
    _ period: ReportPeriod, scope: String?, categories: [ViolationCategory], in db: Database
  ) throws -> OversightCounts {
    var reader = OversightCountsReader(categories: categories)
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
        into: &reader, fromMonth: OversightRollup.monthNumber(period.from),
        throughMonth: OversightRollup.monthNumber(period.through), in: db)
    } else {
      try countVisits(into: &reader, cte: cte, source: from("inspection_subject"), args: args, in: db)
    }

    // Decisions of the period with the form in force on its last day: those no appeal had touched by then are
    // counted by form and set of categories from the index; the few appealed ones one by one, after their appeals.
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.is_member, t.form, t.categories, COUNT(*) FROM \(from("discipline_decision"))
         WHERE t.decided BETWEEN :from AND :through AND (t.first_appeal IS NULL OR t.first_appeal > :through)
         GROUP BY t.is_member, t.form, t.categories
        """, arguments: args)
    {
      try reader.decisions(member: row[0], form: row[1], categories: row[2], count: row[3])
    }
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.id, t.is_member, t.form, t.categories FROM \(from("discipline_decision"))
         WHERE t.decided BETWEEN :from AND :through AND t.first_appeal <= :through
        """, arguments: args)
    {
      try reader.appealedDecision(id: row[0], member: row[1], form: row[2], categories: row[3])
    }
    if !reader.appealedIDs.isEmpty {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT decision_id, outcome, new_form FROM discipline_appeal
          WHERE decision_id IN (\(reader.appealedIDs.map(String.init).joined(separator: ","))) AND decided <= ?
          ORDER BY decided, id
          """, arguments: [period.through.daysSinceEpoch])
      {
        try reader.appeal(decisionID: row[0], outcome: row[1], newForm: row[2])
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
      try reader.complaintsReceived(kind: row[0], member: row[1], count: row[2])
    }
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.kind, t.finding, t.is_member, COUNT(*) FROM \(from("complaint"))
         WHERE t.resolved BETWEEN :from AND :through GROUP BY t.kind, t.finding, t.is_member
        """, arguments: args)
    {
      try reader.complaintsResolved(kind: row[0], finding: row[1], member: row[2], count: row[3])
    }
    return reader.finish()
  }

  /// Lượt and distinct subjects from the lượt themselves: any subtree, any days.
  static func countVisits(
    into reader: inout OversightCountsReader, cte: String, source: String, args: StatementArguments, in db: Database
  ) throws {
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT t.kind_no, t.organ_no, t.is_member, COUNT(*) FROM \(source)
         WHERE t.started BETWEEN :from AND :through GROUP BY t.kind_no, t.organ_no, t.is_member
        """, arguments: args)
    {
      try reader.visits(kindNo: row[0], organNo: row[1], member: row[2], count: row[3])
    }
    // Each subject once, with the set of kinds-by-organ it was seen under as bits (SUM of DISTINCT powers of two
    // is their OR).
    for row in try Row.fetchAll(
      db,
      sql: cte + """
         SELECT is_member, runs, COUNT(*) FROM (
           SELECT t.is_member, t.subject_id,
             SUM(DISTINCT \(OversightCountsReader.runBitSQL(kindNo: "t.kind_no", organNo: "t.organ_no"))) AS runs
           FROM \(source) WHERE t.started BETWEEN :from AND :through
           GROUP BY t.is_member, t.subject_id)
         GROUP BY is_member, runs
        """, arguments: args)
    {
      try reader.subjects(member: row[0], runBits: row[1], count: row[2])
    }
  }
}
