import DangVuCore
import DangVuStore
import PostgresNIO

/// The membership report's SQL on PostgreSQL (SQLite's `SQLiteStore+MembershipReport.swift`): flows are events of a
/// kind in the period, placed in a unit by the event's cell or by the member's span that the event ends or starts;
/// the register on the last day comes from the kept monthly sums for a whole province or the country, else from the
/// spans holding then. The report itself is put together by Core (`MembershipReport.assembled`).
extension PostgresStore {
  public func membershipCounts(scope code: String?, period: ReportPeriod) async throws -> MembershipCounts {
    try await refreshMemberStockIfStale()
    return try await read { transaction in try await Self.membershipCounts(scope: code, period: period, in: transaction)
    }
  }

  public func membershipReport(scope code: String?, period: ReportPeriod) async throws -> MembershipReport {
    try await refreshMemberStockIfStale()
    return try await read { transaction in
      let scopes: [Organisation] =
        if let code { [try await Self.requireOrganisation(code: code, in: transaction)] } else {
          try await Self.roots(on: period.through, in: transaction)
        }
      let counts = try await Self.membershipCounts(scope: code, period: period, in: transaction)
      let comparison = ReportComparison.of(
        period, firstRecord: try await Self.membershipBound("min", upTo: nil, in: transaction))
      let previous =
        comparison.available
        ? try await Self.membershipCounts(scope: code, period: period.sameTimeLastYear, in: transaction)
        : MembershipCounts()
      var plans: [Int?] = []
      for year in MembershipReport.planYears(of: period) {
        plans.append(try await Self.admissionPlan(of: scopes, year: year, in: transaction))
      }
      var populations: [Int?] = []
      for unit in scopes {
        populations.append(
          try await transaction.rows(
            "SELECT people FROM population WHERE organisation_id = \(unit.id) AND year = \(period.through.year)",
            columns: ["population.people"]
          ).first?.value(0))
      }
      let target =
        MembershipReport.readsATarget(period)
        ? try await Self.bindingTarget(
          .admissionsPerYear, scope: code == nil ? nil : scopes.first, year: period.through.year, in: transaction)
        : nil
      return MembershipReport.assembled(
        scope: code, scopes: scopes, period: period, counts: counts, previous: previous, comparison: comparison,
        plans: plans, populations: populations, target: target)
    }
  }

  static func membershipCounts(scope code: String?, period: ReportPeriod, in transaction: PostgresTransaction)
    async throws -> MembershipCounts
  {
    let scope = try await PostgresScope(
      code: code, day: period.through, periodStart: period.from, in: transaction)
    let from = period.from.daysSinceEpoch
    let through = period.through.daysSinceEpoch
    var c = MembershipCounts()
    // Which events are which flow is Core's rule.
    let opening = MembershipCounts.flowsOpeningASpan
    let closing = MembershipCounts.flowsClosingASpan
    func kinds(_ list: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>]) -> String {
      MembershipCounts.sqlList(list.keys)
    }
    func count(_ sql: String, _ paths: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>]) async throws {
      for row in try await transaction.rows(
        PostgresQuery(unsafeSQL: sql), columns: ["membership_event.kind", "count"])
      {
        let kind: MembershipEventKind = try StoredValue.decode(
          try row.value(0, as: String.self), column: "membership_event.kind")
        if let path = paths[kind] { c[keyPath: path] = Int(try row.value(1, as: Int64.self)) }
      }
    }
    func number(_ sql: String) async throws -> Int {
      Int(
        try await transaction.rows(PostgresQuery(unsafeSQL: sql), columns: ["count"]).first?.value(0, as: Int64.self)
          ?? 0)
    }
    // The only province of the database, all through the period, holds every event: no need to place them.
    var wholeDatabase = true
    if let code {
      for day in [period.from, period.through] where try await roots(on: day, in: transaction).map(\.code) != [code] {
        wholeDatabase = false
      }
    }
    if wholeDatabase {
      try await count(
        """
        SELECT kind, count(*) FROM membership_event
        WHERE kind IN (\(kinds(opening.merging(closing) { a, _ in a }))) AND date BETWEEN \(from) AND \(through)
        GROUP BY kind
        """, opening.merging(closing) { a, _ in a })
    } else {
      // A subtree: from its spans that open or close in the period, then each span's events by member.
      let cells = scope.periodCondition("s.cell_id")
      try await count(
        """
        SELECT e.kind, count(*) FROM member_span s
        JOIN membership_event e ON e.member_id = s.member_id AND e.date = s.valid_from
        WHERE \(cells) AND s.valid_from BETWEEN \(from) AND \(through) AND e.kind IN (\(kinds(opening)))
        GROUP BY e.kind
        """, opening)
      try await count(
        """
        SELECT e.kind, count(*) FROM member_span s
        JOIN membership_event e ON e.member_id = s.member_id AND e.date = s.valid_until
        WHERE \(cells) AND s.valid_until BETWEEN \(from) AND \(through) AND e.kind IN (\(kinds(closing)))
        GROUP BY e.kind
        """, closing)
      // Transfers inside the province count where they cross the subtree's edge: into a span here from a cell
      // outside, or out of a span here into a cell outside.
      let transfers = MembershipCounts.transfersWithinProvince
      c.transfersInWithinProvince = try await number(
        """
        SELECT count(*) FROM member_span s
        JOIN membership_event e ON e.member_id = s.member_id AND e.date = s.valid_from
        JOIN member_span p ON p.member_id = s.member_id AND p.valid_until = s.valid_from
        WHERE \(cells) AND s.valid_from BETWEEN \(from) AND \(through) AND e.kind IN (\(transfers))
          AND NOT \(scope.periodCondition("p.cell_id"))
        """)
      c.transfersOutWithinProvince = try await number(
        """
        SELECT count(*) FROM member_span s
        JOIN membership_event e ON e.member_id = s.member_id AND e.date = s.valid_until
        WHERE \(cells) AND s.valid_until BETWEEN \(from) AND \(through) AND e.kind IN (\(transfers))
          AND NOT \(scope.periodCondition("e.cell_id"))
        """)
    }
    let sums: [String: Int]
    if let kept = try await memberStockSums(scope: code, on: period.through, in: transaction) {
      sums = kept
    } else {
      sums = try await stockByScan(scope, on: period.through, in: transaction)
    }
    MemberStock.apply(sums, on: period.through, to: &c)
    return c
  }

  /// The register on `day` under `MemberStock` keys, counted from the spans holding then.
  static func stockByScan(_ scope: PostgresScope, on day: Day, in transaction: PostgresTransaction) async throws
    -> [String: Int]
  {
    let d = day.daysSinceEpoch
    var sums: [String: Int] = [:]
    for row in try await transaction.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT s.standing, s.exempt, s.in_transit, m.gender, m.ethnicity, m.religion, m.education, m.birth_date,
            count(*)
          FROM member_span s JOIN member m ON m.id = s.member_id
          WHERE s.valid_from <= \(d) AND (s.valid_until IS NULL OR s.valid_until > \(d)) AND \(scope.condition("s.cell_id"))
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
          """),
      columns: [
        "member_span.standing", "member_span.exempt", "member_span.in_transit", "member.gender", "member.ethnicity",
        "member.religion", "member.education", "member.birth_date", "count",
      ])
    {
      let facts = MemberStock.Facts(
        standing: try standing(row, 0), exempt: try row.value(1), inTransit: try row.value(2),
        gender: try StoredValue.decode(try row.value(3, as: String.self), column: "member.gender"),
        ethnicity: try row.value(4), religion: try row.value(5), education: try row.value(6),
        birthDate: try row.day(7))
      let n = Int(try row.value(8, as: Int64.self))
      for key in MemberStock.keys(facts, exactBirthDay: true) { sums[key, default: 0] += n }
    }
    return sums
  }
}
