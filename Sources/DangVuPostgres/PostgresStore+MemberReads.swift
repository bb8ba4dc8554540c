import DangVuCore
import DangVuStore
import PostgresNIO

/// The member register's reads on PostgreSQL (SQLite's `SQLiteStore+Members.swift`), each on one snapshot.
extension PostgresStore {
  public func member(id: Int64) async throws -> Member? {
    try await read { transaction in try await Self.members(where: "m.id = \(id)", in: transaction).first }
  }

  public func member(cardNumber: String) async throws -> Member? {
    try await read { transaction in
      try await Self.members(where: "m.party_card_number = \(cardNumber)", in: transaction).first
    }
  }

  public func member(nationalID: String) async throws -> Member? {
    try await read { transaction in
      try await Self.members(where: "m.national_id = \(nationalID)", in: transaction).first
    }
  }

  public func existingCardNumbers(_ numbers: [String]) async throws -> Set<String> {
    Set(try await memberIDs(cardNumbers: numbers).keys)
  }

  public func memberIDs(cardNumbers: [String]) async throws -> [String: Int64] {
    var ids: [String: Int64] = [:]
    for row in try await statement(
      "SELECT party_card_number, id FROM member WHERE party_card_number = ANY(\(cardNumbers))",
      columns: ["member.party_card_number", "member.id"])
    {
      ids[try row.value(0)] = try row.value(1)
    }
    return ids
  }

  public func existingNationalIDs(_ numbers: [String]) async throws -> Set<String> {
    Set(
      try await statement(
        "SELECT national_id FROM member WHERE national_id = ANY(\(numbers))", columns: ["member.national_id"]
      ).map { try $0.value(0, as: String.self) })
  }

  // The folded name's index is in collation "C" (`PostgresMigrations.register`): compared in that collation, the
  // lookup is a walk of the index to the handful of namesakes.
  public func namesakeCounts(_ people: Set<NameAndBirth>) async throws -> [NameAndBirth: Int] {
    let people = Array(people)
    var counts: [NameAndBirth: Int] = [:]
    for row in try await statement(
      """
      SELECT m.search_name, m.birth_date, count(*) FROM member m
      JOIN unnest(\(people.map(\.searchName)), \(people.map(\.birth.daysSinceEpoch))) AS p(name, birth)
        ON m.search_name COLLATE "C" = p.name AND m.birth_date = p.birth
      GROUP BY m.search_name, m.birth_date
      """, columns: ["member.search_name", "member.birth_date", "count"])
    {
      counts[NameAndBirth(searchName: try row.value(0), birth: try row.day(1))] = try row.value(2)
    }
    return counts
  }

  public func nationalIDsWithBirthDates() async throws -> [(id: String, birth: Day)] {
    try await statement(
      "SELECT national_id, birth_date FROM member WHERE national_id IS NOT NULL",
      columns: ["member.national_id", "member.birth_date"]
    ).map { (try $0.value(0), try $0.day(1)) }
  }

  public func registerCompletenessByCell() async throws -> [Int64: RegisterCompleteness] {
    // One pass over the members; `current_cell_id` is empty for a member who has left.
    var byCell: [Int64: RegisterCompleteness] = [:]
    for row in try await statement(
      """
      SELECT current_cell_id, count(*), count(national_id), count(birth_date), count(party_card_number),
        count(*) FILTER (WHERE ethnicity <> ''), count(*) FILTER (WHERE education <> '')
      FROM member WHERE current_cell_id IS NOT NULL GROUP BY current_cell_id
      """, columns: ["member.current_cell_id", "count", "count", "count", "count", "count", "count"])
    {
      byCell[try row.value(0)] = RegisterCompleteness(
        members: try row.value(1), nationalID: try row.value(2), birthDate: try row.value(3),
        cardNumber: try row.value(4), ethnicity: try row.value(5), education: try row.value(6))
    }
    return byCell
  }

  public func timeline(ofMember id: Int64) async throws -> MemberTimeline {
    try await read { transaction in
      guard let member = try await Self.members(where: "m.id = \(id)", in: transaction).first else {
        throw MemberRules.unknownMember(id)
      }
      let events = try await Self.events(of: id, in: transaction)
      let cells = try await CellsRead.of(events, in: transaction)
      return try MemberTimeline(member: member, events: events, cell: cells.check)
    }
  }

  public func register(of code: String, on day: Day) async throws -> [RegisterEntry] {
    try await read { transaction in
      _ = try await Self.requireOrganisation(code: code, in: transaction)
      // Folded names in byte order, as SQLite orders text.
      let rows = try await transaction.rows(
        Self.inSubtree(
          of: code, on: day,
          """
          SELECT \(Self.memberColumns), s.cell_id, s.standing, s.exempt, s.in_transit
          FROM member_span s JOIN sub ON sub.id = s.cell_id JOIN member m ON m.id = s.member_id
          WHERE s.valid_from <= $2 AND (s.valid_until IS NULL OR s.valid_until > $2)
          ORDER BY m.search_name COLLATE "C", m.id
          """),
        columns: Self.memberColumnNames + [
          "member_span.cell_id", "member_span.standing", "member_span.exempt", "member_span.in_transit",
        ])
      var members = try rows.map(Self.member)
      try await Self.attachPosts(to: &members, in: transaction)
      return try zip(members, rows).map { member, row in
        RegisterEntry(
          member: member, cellID: try row.value(12), standing: try Self.standing(row, 13), exempt: try row.value(14),
          inTransit: try row.value(15))
      }
    }
  }

  public func memberCountsByCell(on day: Day) async throws -> [Int64: Int] {
    let d = day.daysSinceEpoch
    var counts: [Int64: Int] = [:]
    for row in try await statement(
      """
      SELECT cell_id, count(*) FROM member_span
      WHERE valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d)) GROUP BY cell_id
      """, columns: ["member_span.cell_id", "count"])
    {
      counts[try row.value(0)] = try row.value(1)
    }
    return counts
  }

  public func forEachMemberBatch(
    batchSize: Int, _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void
  ) async throws {
    try await MemberBatches.forEach(
      read: { from in
        try await read { transaction -> MemberBatches.Batch in
          let members = try await Self.members(
            where: "m.id > \(from) ORDER BY m.id LIMIT \(batchSize)", in: transaction)
          guard let first = members.first, let last = members.last else { return [] }
          let events = try await transaction.rows(
            """
            SELECT \(unescaped: Self.eventColumns) FROM membership_event e
            WHERE e.member_id BETWEEN \(first.id) AND \(last.id) ORDER BY e.id
            """, columns: Self.eventColumnNames
          ).map(Self.event)
          return MemberBatches.pairing(members, with: events)
        }
      }, body)
  }

  public func statistics() async throws -> StoreStatistics {
    try await read { transaction in
      let rows = try await transaction.rows(
        """
        SELECT (SELECT count(*) FROM organisation), (SELECT count(*) FROM member),
          (SELECT count(*) FROM membership_event),
          (SELECT version || ' ' || name FROM schema_version ORDER BY version DESC LIMIT 1)
        """, columns: ["organisation", "member", "membership_event", "schema_version"])
      return StoreStatistics(
        organisations: try rows[0].value(0), members: try rows[0].value(1), events: try rows[0].value(2),
        schemaVersion: try rows[0].optional(3) ?? "none")
    }
  }
}
