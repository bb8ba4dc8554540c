import DangVuCore
import DangVuStore
import PostgresNIO

/// The oversight report and the commission's lists on PostgreSQL (SQLite's `SQLiteStore+OversightReport.swift`,
/// `+OversightLists.swift`, `+FirstRecord.swift`): the same queries over the same columns, the rows counted by the
/// shared reader (`OversightCountsReader`) and the report put together by `OversightReport.assembled`.
extension PostgresStore {
  public func oversightReport(period: ReportPeriod, scope code: String?) async throws -> OversightReport {
    try await read { transaction in
      let categories = try await Self.violationCategories(in: transaction)
      var asked: Organisation?
      var everyone = true
      if let code {
        let unit = try await Self.requireOrganisation(code: code, in: transaction)
        asked = unit
        everyone = try await Self.holdsEveryone(unit.id, in: transaction)
      }
      let roots = asked == nil ? try await Self.roots(on: period.through, in: transaction) : []
      let counted = everyone ? nil : asked?.code
      let comparison = ReportComparison.of(
        period, firstRecord: try await Self.oversightBound(upTo: nil, in: transaction))
      let current = try await Self.oversightCounts(period, scope: counted, categories: categories, in: transaction)
      let previous =
        comparison.available
        ? try await Self.oversightCounts(
          period.sameTimeLastYear, scope: counted, categories: categories, in: transaction) : nil
      return OversightReport.assembled(
        period: period, asked: asked, roots: roots, categories: categories, current: current, previous: previous,
        comparison: comparison)
    }
  }

  /// The counts of one period; `scope` nil counts everything (the only root holds everyone).
  static func oversightCounts(
    _ period: ReportPeriod, scope: String?, categories: [ViolationCategory], in transaction: PostgresTransaction
  ) async throws -> OversightCounts {
    var reader = OversightCountsReader(categories: categories)
    // The subtree as it stands on the period's last day, walked once and handed to each query as a list of ids.
    let units: [Int64]? =
      if let scope { try await subtreeIDs(of: scope, on: period.through, in: transaction) } else { nil }
    let from = period.from.daysSinceEpoch
    let through = period.through.daysSinceEpoch
    /// `period` placeholders first, the units' list (when scoped) last: "`column` is in the subtree".
    func query(_ sql: (_ inScope: (String) -> String) -> String) -> PostgresQuery {
      scoped(sql, from: from, through: through, units: units)
    }
    // Everything, over whole months: the rollup answers without touching the lượt.
    if scope == nil && period.from.components.day == 1 && period.through.adding(days: 1).components.day == 1 {
      try await readRollup(
        into: &reader, fromMonth: OversightVisit.monthNumber(period.from),
        throughMonth: OversightVisit.monthNumber(period.through), in: transaction)
    } else {
      try await countVisits(into: &reader, query: query, in: transaction)
    }

    // Decisions of the period with the form in force on its last day: those no appeal had touched by then by form and
    // set of categories; the appealed ones one by one, after their appeals.
    for row in try await transaction.rows(
      query {
        """
        SELECT is_member, form, categories, count(*) FROM discipline_decision
        WHERE decided BETWEEN $1 AND $2 AND (first_appeal IS NULL OR first_appeal > $2) AND \($0("unit_id"))
        GROUP BY is_member, form, categories
        """
      },
      columns: ["discipline_decision.is_member", "discipline_decision.form", "discipline_decision.categories", "count"])
    {
      try reader.decisions(
        member: try row.value(0), form: try row.value(1), categories: try row.value(2), count: try row.value(3))
    }
    for row in try await transaction.rows(
      query {
        """
        SELECT id, is_member, form, categories FROM discipline_decision
        WHERE decided BETWEEN $1 AND $2 AND first_appeal <= $2 AND \($0("unit_id"))
        """
      },
      columns: [
        "discipline_decision.id", "discipline_decision.is_member", "discipline_decision.form",
        "discipline_decision.categories",
      ])
    {
      try reader.appealedDecision(
        id: try row.value(0), member: try row.value(1), form: try row.value(2), categories: try row.value(3))
    }
    if !reader.appealedIDs.isEmpty {
      for row in try await transaction.rows(
        """
        SELECT decision_id, outcome, new_form FROM discipline_appeal
        WHERE decision_id = ANY(\(reader.appealedIDs)) AND decided <= \(through) ORDER BY decided, id
        """,
        columns: ["discipline_appeal.decision_id", "discipline_appeal.outcome", "discipline_appeal.new_form"])
      {
        try reader.appeal(decisionID: try row.value(0), outcome: try row.value(1), newForm: try row.optional(2))
      }
    }

    // Complaints received in the period, and resolved in it (with their findings).
    for row in try await transaction.rows(
      query {
        """
        SELECT kind, is_member, count(*) FROM complaint WHERE received BETWEEN $1 AND $2 AND \($0("unit_id"))
        GROUP BY kind, is_member
        """
      }, columns: ["complaint.kind", "complaint.is_member", "count"])
    {
      try reader.complaintsReceived(kind: try row.value(0), member: try row.value(1), count: try row.value(2))
    }
    for row in try await transaction.rows(
      query {
        """
        SELECT kind, finding, is_member, count(*) FROM complaint WHERE resolved BETWEEN $1 AND $2 AND \($0("unit_id"))
        GROUP BY kind, finding, is_member
        """
      }, columns: ["complaint.kind", "complaint.finding", "complaint.is_member", "count"])
    {
      try reader.complaintsResolved(
        kind: try row.value(0), finding: try row.optional(1), member: try row.value(2), count: try row.value(3))
    }
    return reader.finish()
  }

  /// A query on one period (`$1`, `$2`) whose rows are those of the subtree's units (`$3`) when `units` is given:
  /// `sql` is handed the condition "`column` is in the subtree" (true for everything).
  static func scoped(_ sql: (_ inScope: (String) -> String) -> String, from: Int, through: Int, units: [Int64]?)
    -> PostgresQuery
  {
    var binds = PostgresBindings()
    binds.append(from)
    binds.append(through)
    if let units { binds.append(units) }
    return PostgresQuery(unsafeSQL: sql { units == nil ? "true" : "\($0) = ANY($3)" }, binds: binds)
  }

  /// Lượt and distinct subjects from the lượt themselves: any subtree, any days.
  static func countVisits(
    into reader: inout OversightCountsReader, query: ((_ inScope: (String) -> String) -> String) -> PostgresQuery,
    in transaction: PostgresTransaction
  ) async throws {
    for row in try await transaction.rows(
      query {
        """
        SELECT kind_no, organ_no, is_member, count(*) FROM inspection_subject
        WHERE started BETWEEN $1 AND $2 AND \($0("unit_id")) GROUP BY kind_no, organ_no, is_member
        """
      },
      columns: ["inspection_subject.kind_no", "inspection_subject.organ_no", "inspection_subject.is_member", "count"])
    {
      try reader.visits(
        kindNo: try row.value(0), organNo: try row.value(1), member: try row.value(2), count: try row.value(3))
    }
    // Each subject once, with the set of kinds-by-organ it was seen under as bits (`runBitSQL`).
    let bit = OversightCountsReader.runBitSQL(kindNo: "kind_no", organNo: "organ_no")
    for row in try await transaction.rows(
      query {
        """
        SELECT is_member, runs, count(*) FROM (
          SELECT is_member, subject_id, bit_or(\(bit)) AS runs FROM inspection_subject
          WHERE started BETWEEN $1 AND $2 AND \($0("unit_id")) GROUP BY is_member, subject_id) AS s
        GROUP BY is_member, runs
        """
      }, columns: ["inspection_subject.is_member", "inspection_subject.kind_no", "count"])
    {
      try reader.subjects(member: try row.value(0), runBits: try row.value(1), count: try row.value(2))
    }
  }

  public func lastOversightRecord(onOrBefore day: Day) async throws -> Day? {
    try await read { transaction in try await Self.oversightBound(upTo: day, in: transaction) }
  }

  /// The latest lượt, decision or complaint received on or before `day`; with no day, the earliest of all.
  static func oversightBound(upTo day: Day?, in transaction: PostgresTransaction) async throws -> Day? {
    let aggregate = day == nil ? "min" : "max"
    let until = day?.daysSinceEpoch ?? Int(Int32.max)
    return try await transaction.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT \(aggregate)(d) FROM (
            SELECT \(aggregate)(started) AS d FROM inspection_subject WHERE started <= $1
            UNION ALL SELECT \(aggregate)(decided) FROM discipline_decision WHERE decided <= $1
            UNION ALL SELECT \(aggregate)(received) FROM complaint WHERE received <= $1) AS bounds
          """,
        binds: {
          var b = PostgresBindings()
          b.append(until)
          return b
        }()), columns: ["day"]
    ).first?.optionalDay(0)
  }

  public func oversightRecords(scope code: String, from: Day, to: Day, limit: Int) async throws -> OversightRecords {
    try await read { transaction in
      _ = try await Self.requireOrganisation(code: code, in: transaction)
      // Units of the subtree on either end of the range, so a record of a unit that moved still shows.
      let units = Array(
        Set(try await Self.subtreeIDs(of: code, on: to, in: transaction))
          .union(try await Self.subtreeIDs(of: code, on: from, in: transaction))
      ).sorted()
      let (f, t) = (from.daysSinceEpoch, to.daysSinceEpoch)
      // An inspection shows when one of its subjects is counted in the subtree, or its body belongs to it.
      var inspections: [Inspection] = []
      for row in try await transaction.rows(
        """
        SELECT id FROM (
          SELECT inspection_id AS id, started FROM inspection_subject
          WHERE unit_id = ANY(\(units)) AND started BETWEEN \(f) AND \(t)
          UNION
          SELECT id, started FROM inspection WHERE body_unit_id = ANY(\(units)) AND started BETWEEN \(f) AND \(t)) AS i
        ORDER BY started DESC, id DESC LIMIT \(limit)
        """, columns: ["inspection.id"])
      {
        if let inspection = try await Self.inspection(id: try row.value(0), in: transaction) {
          inspections.append(inspection)
        }
      }
      var discipline: [DisciplineHistory] = []
      for row in try await transaction.rows(
        """
        SELECT id FROM discipline_decision WHERE unit_id = ANY(\(units)) AND decided BETWEEN \(f) AND \(t)
        ORDER BY decided DESC, id DESC LIMIT \(limit)
        """, columns: ["discipline_decision.id"])
      {
        if let history = try await Self.disciplineHistory(decisionID: try row.value(0), in: transaction) {
          discipline.append(history)
        }
      }
      let complaints = try await Self.complaints(
        """
        SELECT \(unescaped: Self.complaintColumns) FROM complaint
        WHERE unit_id = ANY(\(units)) AND received BETWEEN \(f) AND \(t) ORDER BY received DESC, id DESC LIMIT \(limit)
        """, in: transaction
      ).map(\.complaint)
      let subjects = Set(
        inspections.flatMap { $0.subjects.map(\.subject) } + discipline.map(\.decision.subject)
          + complaints.map(\.subject))
      var memberNames: [String: String] = [:]
      var unitNames: [String: String] = [:]
      for subject in subjects {
        switch subject {
        case .member(let id):
          memberNames[String(id)] = try await transaction.rows(
            "SELECT full_name FROM member WHERE id = \(id)", columns: ["member.full_name"]
          ).first?.value(0)
        case .unit(let code):
          unitNames[code] = try await Self.organisation(code: code, in: transaction)?.name
        }
      }
      return OversightRecords(
        inspections: inspections, discipline: discipline, complaints: complaints, memberNames: memberNames,
        unitNames: unitNames)
    }
  }
}
