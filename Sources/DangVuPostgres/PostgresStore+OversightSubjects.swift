import DangVuCore
import DangVuStore
import PostgresNIO

/// Where an oversight record is counted (SQLite's `ResolvedSubject`): a member in the cell they were in on the
/// record's day, a unit in itself; resolved once, on write.
struct ResolvedOversightSubject: Sendable {
  var isMember: Bool
  var id: Int64
  var unitID: Int64
  var name: String
  /// For members: probationary on the day.
  var probationary = false
}

/// The locks oversight writes take where SQLite relies on its single writer. Advisory locks of the two-key form (a
/// space apart from the one-key locks of the tree, the trail and the accounts), by class and id; an id past 32 bits
/// shares its key with another, which only makes the two wait for each other.
enum OversightLock: Int32 {
  /// A member's lượt ("DVOM"): the rollup reads the subject's lượt and must see every one committed before it.
  case member = 0x4456_4F4D
  /// A unit's lượt ("DVOU").
  case unit = 0x4456_4F55
  /// A body's programmes ("DVOP"): the one replaced is read, deleted and written again.
  case programme = 0x4456_4F50

  static func subject(isMember: Bool) -> OversightLock { isMember ? .member : .unit }
}

extension PostgresStore {
  /// Takes the locks in one order (class, then key), so two writes that need some of the same never wait on each
  /// other in a circle; held until the transaction ends.
  static func lock(_ keys: some Sequence<(OversightLock, Int64)>, in transaction: PostgresTransaction) async throws {
    let sorted = Set(keys.map { [$0.0.rawValue, Int32(truncatingIfNeeded: $0.1)] }).sorted {
      ($0[0], $0[1]) < ($1[0], $1[1])
    }
    guard !sorted.isEmpty else { return }
    // unnest keeps the arrays' order, and the locks are taken row by row in it.
    try await transaction.query(
      """
      SELECT pg_advisory_xact_lock(c, k) FROM unnest(\(sorted.map { $0[0] })::integer[], \(sorted.map { $0[1] })::integer[])
        WITH ORDINALITY AS l(c, k, n) ORDER BY n
      """)
  }

  /// The lock keys of the subjects a batch of records names, units by their ids (a code not found takes no lock: the
  /// record is refused when it is resolved).
  static func subjectLocks(_ subjects: [OversightSubject], in transaction: PostgresTransaction) async throws
    -> [(OversightLock, Int64)]
  {
    var keys: [(OversightLock, Int64)] = []
    var codes: [String] = []
    for subject in subjects {
      switch subject {
      case .member(let id): keys.append((.member, id))
      case .unit(let code): codes.append(code)
      }
    }
    if !codes.isEmpty {
      for row in try await transaction.rows(
        "SELECT id FROM organisation WHERE code = ANY(\(Array(Set(codes))))", columns: ["organisation.id"])
      {
        keys.append((.unit, try row.value(0)))
      }
    }
    return keys
  }

  static func resolve(_ subject: OversightSubject, on day: Day, in transaction: PostgresTransaction) async throws
    -> ResolvedOversightSubject
  {
    try await resolve([subject], on: day, in: transaction)[0]
  }

  /// Several subjects of one record resolved with two queries, in order; the first that cannot be is refused as it
  /// would be alone.
  static func resolve(_ subjects: [OversightSubject], on day: Day, in transaction: PostgresTransaction) async throws
    -> [ResolvedOversightSubject]
  {
    var memberIDs: [Int64] = []
    var codes: [String] = []
    for subject in subjects {
      switch subject {
      case .member(let id): memberIDs.append(id)
      case .unit(let code): codes.append(code)
      }
    }
    let d = day.daysSinceEpoch
    var members: [Int64: (name: String, cell: Int64?, standing: Standing?)] = [:]
    if !memberIDs.isEmpty {
      for row in try await transaction.rows(
        """
        SELECT m.id, m.full_name, s.cell_id, s.standing FROM member m
        LEFT JOIN member_span s ON s.member_id = m.id AND s.valid_from <= \(d) AND (s.valid_until IS NULL OR s.valid_until > \(d))
        WHERE m.id = ANY(\(memberIDs))
        """, columns: ["member.id", "member.full_name", "member_span.cell_id", "member_span.standing"])
      {
        let cell: Int64? = try row.optional(2)
        members[try row.value(0)] = (try row.value(1), cell, cell == nil ? nil : try standing(row, 3))
      }
    }
    var units: [String: Organisation] = [:]
    if !codes.isEmpty {
      for row in try await transaction.rows(
        "SELECT \(unescaped: organisationColumns) FROM organisation o WHERE o.code = ANY(\(codes))",
        columns: organisationColumnNames)
      {
        let unit = try organisation(row)
        units[unit.code] = unit
      }
    }
    return try subjects.map { subject in
      switch subject {
      case .member(let id):
        guard let member = members[id] else { throw MemberRules.unknownMember(id) }
        guard let cell = member.cell else { throw OversightRules.memberNotInRegister(member.name, on: day) }
        return ResolvedOversightSubject(
          isMember: true, id: id, unitID: cell, name: member.name, probationary: member.standing == .probationary)
      case .unit(let code):
        guard let unit = units[code] else { throw TreeRules.unknownUnit(code) }
        try OversightRules.checkExists(unit, on: day)
        return ResolvedOversightSubject(isMember: false, id: unit.id, unitID: unit.id, name: unit.name)
      }
    }
  }

  /// The subject back from the stored pair: a member id, or a unit's code.
  static func subject(isMember: Bool, id: Int64, in transaction: PostgresTransaction) async throws
    -> OversightSubject
  {
    if isMember { return .member(id) }
    return .unit(code: try await organisation(id: id, in: transaction)?.code ?? String(id))
  }

  /// Sets of subjects read back at once: units' codes by their ids.
  static func unitCodes(_ ids: [Int64], in transaction: PostgresTransaction) async throws -> [Int64: String] {
    guard !ids.isEmpty else { return [:] }
    var codes: [Int64: String] = [:]
    for row in try await transaction.rows(
      "SELECT id, code FROM organisation WHERE id = ANY(\(Array(Set(ids))))",
      columns: ["organisation.id", "organisation.code"])
    {
      codes[try row.value(0)] = try row.value(1)
    }
    return codes
  }
}
