import DangVuCore
import GRDB

/// The membership report's SQL: flows are events of a kind in the period (index `membership_event_kind_date`),
/// placed in a unit by the event's cell or by the member's span that the event ends or starts; the
/// register on the last day is the spans holding then.
extension SQLiteStore {
  public func membershipCounts(scope code: String?, period: ReportPeriod) async throws -> MembershipCounts {
    try await refreshMemberStockIfStale()
    return try await writer.read { db in try Self.membershipCounts(scope: code, period: period, in: db) }
  }

  public func membershipReport(scope code: String?, period: ReportPeriod) async throws -> MembershipReport {
    try await refreshMemberStockIfStale()
    return try await writer.read { db in
      let scopes: [Organisation] =
        if let code { [try Self.requireOrganisation(code: code, in: db)] } else {
          try Self.roots(on: period.through, in: db)
        }
      let counts = try Self.membershipCounts(scope: code, period: period, in: db)
      let comparison = ReportComparison.of(period, firstRecord: try Self.firstMembershipRecord(in: db))
      let previous =
        comparison.available
        ? try Self.membershipCounts(scope: code, period: period.sameTimeLastYear, in: db) : MembershipCounts()
      let plans = try MembershipReport.planYears(of: period).map {
        try Self.admissionPlan(of: scopes, year: $0, in: db)
      }
      let populations = try scopes.map { unit in
        try Int.fetchOne(
          db, sql: "SELECT people FROM population WHERE organisation_id = ? AND year = ?",
          arguments: [unit.id, period.through.year])
      }
      let target =
        MembershipReport.readsATarget(period)
        ? try Self.bindingTarget(
          .admissionsPerYear, scope: code == nil ? nil : scopes.first, year: period.through.year, in: db) : nil
      return MembershipReport.assembled(
        scope: code, scopes: scopes, period: period, counts: counts, previous: previous, comparison: comparison,
        plans: plans, populations: populations, target: target)
    }
  }

  public func prepareMembershipReports() async throws { try await refreshMemberStockIfStale() }

  /// Rebuilds the register's monthly sums after a bulk load or a change of the tree, once.
  func refreshMemberStockIfStale() async throws {
    guard try await writer.read({ db in try MemberStockRollup.isStale(db) }) else { return }
    try await writer.write { db in
      if try MemberStockRollup.isStale(db) { try MemberStockRollup.rebuild(in: db) }
    }
  }

  /// The register on `day` under `MemberStock` keys, counted from the spans holding then.
  static func stockByScan(_ scope: ScopeFilter, on day: Day, in db: Database) throws -> [String: Int] {
    var sums: [String: Int] = [:]
    let groups = try Row.fetchCursor(
      db,
      sql: """
         SELECT s.standing, s.exempt, s.in_transit, m.gender, m.ethnicity, m.religion, m.education, m.birth_date,
           COUNT(*)
         FROM member_span s JOIN member m ON m.id = s.member_id
         WHERE s.valid_from <= :through AND (s.valid_until IS NULL OR s.valid_until > :through)
           AND \(scope.condition("s.cell_id"))
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        """, arguments: scope.arguments)
    while let row = try groups.next() {
      let facts = MemberStock.Facts(
        standing: try StoredValue.decode(row[0], column: "member_span.standing"), exempt: row[1], inTransit: row[2],
        gender: try StoredValue.decode(row[3], column: "member.gender"), ethnicity: row[4], religion: row[5],
        education: row[6],
        birthDate: Day(daysSinceEpoch: row[7]))
      let n: Int = row[8]
      for key in MemberStock.keys(facts, exactBirthDay: true) { sums[key, default: 0] += n }
    }
    return sums
  }

  static func membershipCounts(scope code: String?, period: ReportPeriod, in db: Database) throws -> MembershipCounts {
    let scope = try ScopeFilter(
      code: code, day: period.through, periodStart: period.from,
      extra: ["from": period.from.daysSinceEpoch, "through": period.through.daysSinceEpoch], in: db)
    var c = MembershipCounts()
    let opening = MembershipCounts.flowsOpeningASpan
    let closing = MembershipCounts.flowsClosingASpan
    func kinds(_ list: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>]) -> String {
      MembershipCounts.sqlList(list.keys)
    }
    func count(_ sql: String, _ paths: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>]) throws {
      for row in try Row.fetchAll(db, sql: sql, arguments: scope.arguments) {
        if let path = MembershipEventKind(rawValue: row[0]).flatMap({ paths[$0] }) { c[keyPath: path] = row[1] }
      }
    }
    // The only province of the database, all through the period, holds every event: no need to place them.
    let wholeDatabase =
      try code.map { code in
        try [period.from, period.through].allSatisfy { try Self.roots(on: $0, in: db).map(\.code) == [code] }
      } ?? true
    guard !wholeDatabase else {
      // The whole database: events by kind and date, nothing to place.
      let all = opening.merging(closing) { a, _ in a }
      try count(
        """
        SELECT kind, COUNT(*) FROM membership_event
        WHERE kind IN (\(kinds(all))) AND date BETWEEN :from AND :through GROUP BY kind
        """, all)
      try Self.addRegister(scope: code, period: period, filter: scope, to: &c, in: db)
      return c
    }
    // A subtree: from its spans that open or close in the period (index member_span_cell on the cells), then
    // each span's events by member, so the cost follows the subtree. CROSS JOIN and INDEXED BY keep SQLite
    // from walking the country's events of the period for every span instead.
    let cells = scope.periodCondition("s.cell_id")
    try count(
      """
      SELECT e.kind, COUNT(*) FROM member_span s
      CROSS JOIN membership_event e INDEXED BY membership_event_member ON e.member_id = s.member_id AND e.date = s.valid_from
      WHERE \(cells) AND s.valid_from BETWEEN :from AND :through AND e.kind IN (\(kinds(opening)))
      GROUP BY e.kind
      """, opening)
    try count(
      """
      SELECT e.kind, COUNT(*) FROM member_span s
      CROSS JOIN membership_event e INDEXED BY membership_event_member ON e.member_id = s.member_id AND e.date = s.valid_until
      WHERE \(cells) AND s.valid_until BETWEEN :from AND :through AND e.kind IN (\(kinds(closing)))
      GROUP BY e.kind
      """, closing)
    // Transfers inside the province count where they cross the subtree's edge: into a span here from a
    // cell outside, or out of a span here into a cell outside.
    let transfers = MembershipCounts.transfersWithinProvince
    c.transfersInWithinProvince =
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM member_span s
          CROSS JOIN membership_event e INDEXED BY membership_event_member ON e.member_id = s.member_id AND e.date = s.valid_from
          CROSS JOIN member_span p ON p.member_id = s.member_id AND p.valid_until = s.valid_from
          WHERE \(cells) AND s.valid_from BETWEEN :from AND :through AND e.kind IN (\(transfers))
            AND NOT \(scope.periodCondition("p.cell_id"))
          """, arguments: scope.arguments) ?? 0
    c.transfersOutWithinProvince =
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM member_span s
          CROSS JOIN membership_event e INDEXED BY membership_event_member ON e.member_id = s.member_id AND e.date = s.valid_until
          WHERE \(cells) AND s.valid_until BETWEEN :from AND :through AND e.kind IN (\(transfers))
            AND NOT \(scope.periodCondition("e.cell_id"))
          """, arguments: scope.arguments) ?? 0
    try Self.addRegister(scope: code, period: period, filter: scope, to: &c, in: db)
    return c
  }

  /// The register on the period's last day, and who is in it: from the kept monthly sums for a whole
  /// province or country, else from the spans holding that day.
  private static func addRegister(
    scope code: String?, period: ReportPeriod, filter: ScopeFilter, to c: inout MembershipCounts, in db: Database
  ) throws {
    if let sums = try MemberStockRollup.sums(scope: code, on: period.through, in: db) {
      MemberStock.apply(sums, on: period.through, to: &c)
    } else {
      MemberStock.apply(try Self.stockByScan(filter, on: period.through, in: db), on: period.through, to: &c)
    }
  }
}
