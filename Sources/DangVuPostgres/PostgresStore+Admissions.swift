import DangVuCore
import DangVuStore
import PostgresNIO

/// Admissions, plans, probations owed a decision and members in transit (`MembershipStore`), as SQLite keeps them
/// (`SQLiteStore+Admissions.swift`): the rules are Core's (`AdmissionRules`, `AdmissionPlan`), the SQL is here.
extension PostgresStore: MembershipStore {
  public func setAdmissionPlans(_ plans: [AdmissionPlanEntry]) async throws {
    try await write { transaction in try await Self.setAdmissionPlans(plans, in: transaction) }
  }

  static func setAdmissionPlans(_ plans: [AdmissionPlanEntry], in transaction: PostgresTransaction) async throws {
    for (index, plan) in plans.enumerated() {
      do {
        let unit = try await requireOrganisation(code: plan.organisationCode, in: transaction)
        try AdmissionPlan.check(planned: plan.planned, year: plan.year, unitCode: unit.code)
        try await transaction.query(
          """
          INSERT INTO admission_plan(organisation_id, year, planned) VALUES (\(unit.id), \(plan.year), \(plan.planned))
          ON CONFLICT (organisation_id, year) DO UPDATE SET planned = EXCLUDED.planned
          """)
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
  }

  public func admissionPlan(of code: String, year: Int) async throws -> Int? {
    try await read { transaction in
      try await Self.admissionPlan(
        of: [Self.requireOrganisation(code: code, in: transaction)], year: year, in: transaction)
    }
  }

  /// The plans the units are held to in a year, summed by Core's rule (`AdmissionPlan.total`) on the tree of the
  /// year's last day: the parents of the planned units and of the units above them, read in one walk up.
  static func admissionPlan(of scopes: [Organisation], year: Int, in transaction: PostgresTransaction) async throws
    -> Int?
  {
    let plans = try await admissionPlans(year: year, in: transaction)
    guard !plans.isEmpty else { return nil }
    let d = Day.lastDay(ofYear: year).daysSinceEpoch
    var parents: [Int64: Int64] = [:]
    for row in try await transaction.rows(
      """
      WITH RECURSIVE up(id) AS (
        SELECT unnest(\(Array(plans.keys))::bigint[])
        UNION
        SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
        WHERE p.parent_id IS NOT NULL AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d)))
      SELECT p.child_id, p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
      WHERE p.parent_id IS NOT NULL AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
      """, columns: ["organisation_parent.child_id", "organisation_parent.parent_id"])
    {
      parents[try row.value(0)] = try row.value(1)
    }
    return AdmissionPlan.total(of: plans, scopes: Set(scopes.map(\.id))) { parents[$0] }
  }

  /// Every unit's own plan for a year, by unit id.
  static func admissionPlans(year: Int, in transaction: PostgresTransaction) async throws -> [Int64: Int] {
    var plans: [Int64: Int] = [:]
    for row in try await transaction.rows(
      "SELECT organisation_id, planned FROM admission_plan WHERE year = \(year)",
      columns: ["admission_plan.organisation_id", "admission_plan.planned"])
    {
      plans[try row.value(0)] = try row.value(1)
    }
    return plans
  }

  /// The member's row is locked: another server changing the history (its admission) is read once it commits.
  public func recordAdmission(_ admission: Admission) async throws {
    try await writeRegister { transaction in
      guard
        let row = try await transaction.rows(
          """
          SELECT m.full_name, (SELECT e.date FROM membership_event e WHERE e.member_id = m.id AND e.kind = 'admitted'
            ORDER BY e.date LIMIT 1)
          FROM member m WHERE m.id = \(admission.memberID) FOR UPDATE OF m
          """, columns: ["member.full_name", "membership_event.date"]
        ).first
      else { throw MemberRules.unknownMember(admission.memberID) }
      let name: String = try row.value(0)
      guard let admitted = try row.optionalDay(1) else {
        throw DomainError(
          "admission.noEvent", "\(name) chưa có sự kiện kết nạp trong danh sách; hãy ghi sự kiện kết nạp trước.")
      }
      try await Self.insertAdmission(admission, memberName: name, admittedOn: admitted, in: transaction)
    }
  }

  public func admission(ofMember id: Int64) async throws -> Admission? {
    try await read { transaction in
      try await transaction.rows(
        "SELECT member_id, decision_number, sponsor_1, sponsor_2 FROM admission WHERE member_id = \(id)",
        columns: ["admission.member_id", "admission.decision_number", "admission.sponsor_1", "admission.sponsor_2"]
      ).first.map { row in
        Admission(
          memberID: try row.value(0), decisionNumber: try row.value(1),
          sponsorIDs: [try row.value(2), try row.value(3)])
      }
    }
  }

  public func overdueProbations(within code: String?, on day: Day) async throws -> [ProbationEntry] {
    try await read { transaction in
      let scope = try await PostgresScope(code: code, day: day, in: transaction)
      let d = day.daysSinceEpoch
      return try await transaction.rows(
        PostgresQuery(
          unsafeSQL: """
            SELECT m.id, m.full_name, o.code, e.date FROM member_span s
            JOIN member m ON m.id = s.member_id
            JOIN organisation o ON o.id = s.cell_id
            JOIN membership_event e ON e.member_id = s.member_id AND e.kind = 'admitted'
            WHERE s.standing = 'probationary' AND s.valid_from <= \(d) AND (s.valid_until IS NULL OR s.valid_until > \(d))
              AND \(scope.condition("s.cell_id"))
            ORDER BY e.date, m.id
            """),
        columns: ["member.id", "member.full_name", "organisation.code", "membership_event.date"]
      ).compactMap { row in
        ProbationEntry.overdue(
          memberID: try row.value(0), fullName: try row.value(1), cellCode: try row.value(2), admitted: try row.day(3),
          on: day)
      }
    }
  }

  public func membersInTransit(within code: String?, on day: Day) async throws -> [TransitEntry] {
    try await read { transaction in
      let scope = try await PostgresScope(code: code, day: day, in: transaction)
      let d = day.daysSinceEpoch
      return try await transaction.rows(
        PostgresQuery(
          unsafeSQL: """
            SELECT m.id, m.full_name, o.code, t.code, e.date FROM member_span s
            JOIN member m ON m.id = s.member_id
            JOIN organisation o ON o.id = s.cell_id
            JOIN membership_event e ON e.member_id = s.member_id AND e.kind = 'transferSent' AND e.date = s.valid_from
            JOIN organisation t ON t.id = e.cell_id
            WHERE s.in_transit AND s.valid_from <= \(d) AND (s.valid_until IS NULL OR s.valid_until > \(d))
              AND \(scope.condition("s.cell_id"))
            ORDER BY e.date, m.id
            """),
        columns: ["member.id", "member.full_name", "organisation.code", "organisation.code", "membership_event.date"]
      ).map { row in
        TransitEntry(
          memberID: try row.value(0), fullName: try row.value(1), fromCellCode: try row.value(2),
          toCellCode: try row.value(3), sent: try row.day(4), on: day)
      }
    }
  }

  public func prepareMembershipReports() async throws { try await refreshMemberStockIfStale() }

  public func lastMembershipRecord(onOrBefore day: Day) async throws -> Day? {
    try await read { transaction in try await Self.membershipBound("max", upTo: day, in: transaction) }
  }

  /// `min` or `max` of the events' dates, kind by kind so that each is a seek on `(kind, date)`.
  static func membershipBound(_ aggregate: String, upTo day: Day?, in transaction: PostgresTransaction) async throws
    -> Day?
  {
    let kinds = MembershipEventKind.allCases.map(\.rawValue)
    return try await transaction.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT \(aggregate)(bound) FROM (
            SELECT (SELECT \(aggregate)(date) FROM membership_event WHERE kind = k AND date <= $2) AS bound
            FROM unnest($1::text[]) AS k) AS kinds
          """,
        binds: {
          var binds = PostgresBindings()
          binds.append(kinds)
          binds.append(day?.daysSinceEpoch ?? Int(Int32.max))
          return binds
        }()), columns: ["membership_event.date"]
    ).first?.optionalDay(0)
  }
}

/// A report's subtree as SQL (SQLite's `ScopeFilter`): the units under a code on a day, or with no code every unit;
/// with `periodStart`, also those under it on the period's first day. Walked once, handed to each query as a list.
struct PostgresScope {
  private let onDay: String?
  private let inPeriod: String?

  init(code: String?, day: Day, periodStart: Day? = nil, in transaction: PostgresTransaction) async throws {
    guard let code else {
      onDay = nil
      inPeriod = nil
      return
    }
    _ = try await PostgresStore.requireOrganisation(code: code, in: transaction)
    let units = try await PostgresStore.subtreeIDs(of: code, on: day, in: transaction)
    // Ids are numbers the store read: written into the statement, as SQLite's filter writes them.
    onDay = units.map(String.init).joined(separator: ",")
    if let periodStart, periodStart != day {
      let either = Set(units).union(try await PostgresStore.subtreeIDs(of: code, on: periodStart, in: transaction))
      inPeriod = either.sorted().map(String.init).joined(separator: ",")
    } else {
      inPeriod = onDay
    }
  }

  /// "`column` is a unit of the subtree" (on the day).
  func condition(_ column: String) -> String { onDay.map { $0.isEmpty ? "false" : "\(column) IN (\($0))" } ?? "true" }

  /// "`column` is a unit of the subtree on the period's first or last day".
  func periodCondition(_ column: String) -> String {
    inPeriod.map { $0.isEmpty ? "false" : "\(column) IN (\($0))" } ?? "true"
  }
}
