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
      let previous = try Self.membershipCounts(scope: code, period: period.sameTimeLastYear, in: db)
      var plan: Int?
      for year in period.from.year...period.through.year {
        if let p = try Self.admissionPlan(of: scopes, year: year, in: db) { plan = (plan ?? 0) + p }
      }
      var population: Int?
      for unit in scopes {
        if let people = try Int.fetchOne(
          db, sql: "SELECT people FROM population WHERE organisation_id = ? AND year = ?",
          arguments: [unit.id, period.through.year])
        {
          population = (population ?? 0) + people
        }
      }
      return MembershipReport(
        scopeCode: code ?? "", scopeName: scopes.count == 1 ? scopes[0].name : "toàn quốc", period: period,
        counts: counts, previous: previous, admissionPlan: plan, population: population)
    }
  }

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
        standing: Standing(rawValue: row[0]) ?? .official, exempt: row[1], inTransit: row[2],
        gender: Gender(rawValue: row[3]) ?? .male, ethnicity: row[4], religion: row[5], education: row[6],
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
    func flows(_ sql: String, _ apply: (String, Int) -> Void) throws {
      for row in try Row.fetchAll(db, sql: sql, arguments: scope.arguments) { apply(row[0], row[1]) }
    }
    // Into a cell named by the event.
    try flows(
      """
       SELECT e.kind, COUNT(*) FROM membership_event e
       WHERE e.kind IN ('admitted', 'transferredIn') AND e.date BETWEEN :from AND :through
         AND \(scope.periodCondition("e.cell_id"))
       GROUP BY e.kind
      """
    ) { kind, n in
      if kind == "admitted" { c.admitted = n } else { c.transfersInFromOutside = n }
    }
    // Out of the cell whose span the event closes; changes of standing in the cell whose span it opens.
    let placed: [(match: String, kinds: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>])] = [
      (
        "s.valid_until = e.date",
        [
          .struckOff: \.struckOff, .askedToLeave: \.askedToLeave, .expelled: \.expelled, .died: \.died,
          .notRecognised: \.notRecognised, .transferredOut: \.transfersOutToOutside,
        ]
      ),
      ("s.valid_from = e.date", [.madeOfficial: \.madeOfficial, .exempted: \.exempted, .restored: \.restored]),
    ]
    for (match, kinds) in placed {
      let list = kinds.keys.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      try flows(
        """
         SELECT e.kind, COUNT(*) FROM membership_event e \(scope.spanJoin(match))
         WHERE e.kind IN (\(list)) AND e.date BETWEEN :from AND :through AND \(scope.periodCondition("s.cell_id"))
         GROUP BY e.kind
        """
      ) { kind, n in
        if let path = MembershipEventKind(rawValue: kind).flatMap({ kinds[$0] }) { c[keyPath: path] = n }
      }
    }
    // Transfers inside the province cross the subtree's edge in one direction or the other; a merge of a
    // unit into one outside the subtree moves its members out, which is what the tree records.
    if code != nil {
      let sql =
        """
         SELECT
           SUM(\(scope.periodCondition("e.cell_id")) AND NOT \(scope.periodCondition("s.cell_id"))),
           SUM(NOT \(scope.periodCondition("e.cell_id")) AND \(scope.periodCondition("s.cell_id")))
         FROM membership_event e
         JOIN member_span s ON s.member_id = e.member_id AND s.valid_until = e.date
         WHERE e.kind IN ('transferred', 'transferReceived') AND e.date BETWEEN :from AND :through
        """
      if let row = try Row.fetchOne(db, sql: sql, arguments: scope.arguments) {
        c.transfersInWithinProvince = row[0] ?? 0
        c.transfersOutWithinProvince = row[1] ?? 0
      }
    }
    // The register on the last day, and who is in it: from the kept monthly sums for a whole province or
    // country, else from the spans holding that day.
    if let sums = try MemberStockRollup.sums(scope: code, on: period.through, in: db) {
      MemberStock.apply(sums, on: period.through, to: &c)
    } else {
      MemberStock.apply(try Self.stockByScan(scope, on: period.through, in: db), on: period.through, to: &c)
    }
    return c
  }
}
