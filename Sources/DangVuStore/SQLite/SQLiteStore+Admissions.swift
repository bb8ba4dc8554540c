import DangVuCore
import GRDB

extension SQLiteStore {
  public func setAdmissionPlans(_ plans: [AdmissionPlanEntry]) async throws {
    try await writer.write { db in try Self.setAdmissionPlans(plans, in: db) }
  }

  static func setAdmissionPlans(_ plans: [AdmissionPlanEntry], in db: Database) throws {
    let upsert = try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO admission_plan(organisation_id, year, planned) VALUES (?, ?, ?)")
    for (index, plan) in plans.enumerated() {
      do {
        let unit = try Self.requireOrganisation(code: plan.organisationCode, in: db)
        try AdmissionPlan.check(planned: plan.planned, year: plan.year, unitCode: unit.code)
        try upsert.execute(arguments: [unit.id, plan.year, plan.planned])
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
  }

  public func admissionPlan(of code: String, year: Int) async throws -> Int? {
    try await writer.read { db in
      try Self.admissionPlan(of: [Self.requireOrganisation(code: code, in: db)], year: year, in: db)
    }
  }

  /// The plans the units are held to in a year, summed: a unit's own plan, else the sum of the plans of the
  /// units below it not already counted in a planned unit above them; the tree as it stood at the end of
  /// the year. Walks up from the planned units (a few thousand at most), not down the whole tree.
  static func admissionPlan(of scopes: [Organisation], year: Int, in db: Database) throws -> Int? {
    let day = Day.lastDay(ofYear: year).daysSinceEpoch
    var plans: [Int64: Int] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT organisation_id, planned FROM admission_plan WHERE year = ?", arguments: [year])
    {
      plans[row[0]] = row[1]
    }
    return try AdmissionPlan.total(of: plans, scopes: Set(scopes.map(\.id))) { id in
      try db.cachedValue(
        Int64.self,
        sql: """
          SELECT parent_id FROM organisation_parent
          WHERE child_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
          """, arguments: [id, day, day])
    }
  }

  public func recordAdmission(_ admission: Admission) async throws {
    try await writer.write { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT m.full_name, e.date FROM member m
            LEFT JOIN membership_event e ON e.member_id = m.id AND e.kind = 'admitted' WHERE m.id = ?
            """, arguments: [admission.memberID])
      else { throw MemberRules.unknownMember(admission.memberID) }
      let name: String = row[0]
      guard let admitted = (row[1] as Int?).map(Day.init(daysSinceEpoch:)) else {
        throw DomainError(
          "admission.noEvent", "\(name) chưa có sự kiện kết nạp trong danh sách; hãy ghi sự kiện kết nạp trước.")
      }
      try Self.insertAdmission(admission, memberName: name, admittedOn: admitted, in: db)
    }
  }

  /// Records the admission of a member being added with its history. `known` answers for the sponsors the
  /// caller has the spans of (the batch being added): `.some(standing)` when it knows, nil to ask the store.
  static func insertAdmission(
    _ decision: AdmissionDecision, of member: Member, _ timeline: MemberTimeline, in db: Database,
    known: (Int64, Day) -> Standing?? = { _, _ in nil }
  ) throws {
    let admitted = try AdmissionRules.admissionDay(of: timeline, memberName: member.fullName)
    try insertAdmission(
      Admission(memberID: member.id, decisionNumber: decision.decisionNumber, sponsorIDs: decision.sponsorIDs),
      memberName: member.fullName, admittedOn: admitted, in: db, known: known)
  }

  private static func insertAdmission(
    _ admission: Admission, memberName: String, admittedOn admitted: Day, in db: Database,
    known: (Int64, Day) -> Standing?? = { _, _ in nil }
  )
    throws
  {
    var standing: [Int64: Standing] = [:]
    var unknown: [Int64] = []
    for id in admission.sponsorIDs {
      if let answer = known(id, admitted) { standing[id] = answer } else { unknown.append(id) }
    }
    if !unknown.isEmpty { standing.merge(try standings(of: unknown, on: admitted, in: db)) { a, _ in a } }
    try AdmissionRules.check(admission, memberName: memberName, admittedOn: admitted) { standing[$0] }
    try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO admission(member_id, decision_number, sponsor_1, sponsor_2) VALUES (?, ?, ?, ?)"
    ).execute(arguments: [
      admission.memberID, admission.decisionNumber, admission.sponsorIDs[0], admission.sponsorIDs[1],
    ])
  }

  /// Where each member stood on `day`; members not in the register then are left out.
  static func standings(of ids: [Int64], on day: Day, in db: Database) throws -> [Int64: Standing] {
    var result: [Int64: Standing] = [:]
    for id in ids {
      let standing = try db.cachedValue(
        String.self,
        sql: """
          SELECT standing FROM member_span
          WHERE member_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
          """, arguments: [id, day.daysSinceEpoch, day.daysSinceEpoch])
      result[id] = standing.flatMap(Standing.init(rawValue:))
    }
    return result
  }

  public func admission(ofMember id: Int64) async throws -> Admission? {
    try await writer.read { db in try Self.admission(ofMember: id, in: db) }
  }

  static func admission(ofMember id: Int64, in db: Database) throws -> Admission? {
    try db.cachedRow(
      sql: "SELECT member_id, decision_number, sponsor_1, sponsor_2 FROM admission WHERE member_id = ?",
      arguments: [id]
    ).map { Admission(memberID: $0[0], decisionNumber: $0[1], sponsorIDs: [$0[2], $0[3]]) }
  }

  // Each span finds its admission through the member's own events: left to itself SQLite walked every
  // admission in the database through the (kind, date) index instead, three times slower on a province.
  public func overdueProbations(within code: String?, on day: Day) async throws -> [ProbationEntry] {
    try await writer.read { db in
      let scope = try ScopeFilter(code: code, day: day, in: db)
      let rows = try Row.fetchAll(
        db,
        sql: """
           SELECT m.id, m.full_name, o.code, e.date FROM member_span s
           JOIN member m ON m.id = s.member_id
           JOIN organisation o ON o.id = s.cell_id
           JOIN membership_event e INDEXED BY membership_event_member
             ON e.member_id = s.member_id AND e.kind = 'admitted'
           WHERE s.standing = 'probationary' AND s.valid_from <= :day AND (s.valid_until IS NULL OR s.valid_until > :day)
             AND \(scope.condition("s.cell_id"))
           ORDER BY e.date, m.id
          """, arguments: scope.arguments)
      return rows.compactMap { row in
        ProbationEntry.overdue(
          memberID: row[0], fullName: row[1], cellCode: row[2], admitted: Day(daysSinceEpoch: row[3]), on: day)
      }
    }
  }

  public func membersInTransit(within code: String?, on day: Day) async throws -> [TransitEntry] {
    try await writer.read { db in
      let scope = try ScopeFilter(code: code, day: day, in: db)
      let rows = try Row.fetchAll(
        db,
        sql: """
           SELECT m.id, m.full_name, o.code, d.code, e.date FROM member_span s
           JOIN member m ON m.id = s.member_id
           JOIN organisation o ON o.id = s.cell_id
           JOIN membership_event e ON e.member_id = s.member_id AND e.kind = 'transferSent' AND e.date = s.valid_from
           JOIN organisation d ON d.id = e.cell_id
           WHERE s.in_transit = 1 AND s.valid_from <= :day AND (s.valid_until IS NULL OR s.valid_until > :day)
             AND \(scope.condition("s.cell_id"))
           ORDER BY e.date, m.id
          """, arguments: scope.arguments)
      return rows.map { row in
        TransitEntry(
          memberID: row[0], fullName: row[1], fromCellCode: row[2], toCellCode: row[3],
          sent: Day(daysSinceEpoch: row[4]), on: day)
      }
    }
  }
}
