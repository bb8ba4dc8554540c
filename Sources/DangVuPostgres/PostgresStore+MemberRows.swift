import DangVuCore
import DangVuStore
import PostgresNIO

/// The register's rows on PostgreSQL, read and written in one place (SQLite's `Rows.swift` and the writes of
/// `SQLiteStore+Members.swift`): every query reads the same columns the same way, and a value DangVu did not write
/// (an unknown gender, event kind or standing) is refused naming its column.
extension PostgresStore {
  static let memberColumns = """
    m.id, m.full_name, m.gender, m.birth_date, m.ethnicity, m.religion, m.national_id, m.home_town,
    m.party_card_number, m.education, m.political_theory, m.occupation
    """
  static let memberColumnNames = [
    "member.id", "member.full_name", "member.gender", "member.birth_date", "member.ethnicity", "member.religion",
    "member.national_id", "member.home_town", "member.party_card_number", "member.education",
    "member.political_theory", "member.occupation",
  ]

  /// Posts are read separately (`attachPosts`).
  static func member(_ row: StoredRow) throws -> Member {
    Member(
      id: try row.value(0), fullName: try row.value(1),
      gender: try StoredValue.decode(try row.value(2, as: String.self), column: "member.gender"),
      birthDate: try row.day(3), ethnicity: try row.value(4), religion: try row.value(5),
      nationalID: try row.optional(6), homeTown: try row.value(7), partyCardNumber: try row.optional(8),
      education: try row.value(9), politicalTheory: try row.value(10), occupation: try row.value(11))
  }

  static let eventColumns = "e.member_id, e.kind, e.date, e.cell_id, e.note"
  static let eventColumnNames = [
    "membership_event.member_id", "membership_event.kind", "membership_event.date", "membership_event.cell_id",
    "membership_event.note",
  ]

  static func event(_ row: StoredRow) throws -> MembershipEvent {
    MembershipEvent(
      memberID: try row.value(0),
      kind: try StoredValue.decode(try row.value(1, as: String.self), column: "membership_event.kind"),
      date: try row.day(2), cellID: try row.optional(3), note: try row.value(4))
  }

  static func standing(_ row: StoredRow, _ index: Int) throws -> Standing {
    try StoredValue.decode(try row.value(index, as: String.self), column: "member_span.standing")
  }

  /// Members by a condition on `m`, with their posts.
  static func members(where condition: PostgresQuery, in transaction: PostgresTransaction) async throws -> [Member] {
    var members = try await transaction.rows(
      PostgresQuery(
        unsafeSQL: "SELECT \(memberColumns) FROM member m WHERE \(condition.sql)", binds: condition.binds),
      columns: memberColumnNames
    ).map(member)
    try await attachPosts(to: &members, in: transaction)
    return members
  }

  static func attachPosts(to members: inout [Member], in transaction: PostgresTransaction) async throws {
    guard !members.isEmpty else { return }
    var index: [Int64: Int] = [:]
    for (i, m) in members.enumerated() { index[m.id] = i }
    let rows = try await transaction.rows(
      """
      SELECT member_id, title, organisation_code, valid_from, valid_until FROM member_post
      WHERE member_id = ANY(\(members.map(\.id))) ORDER BY valid_from, id
      """,
      columns: [
        "member_post.member_id", "member_post.title", "member_post.organisation_code", "member_post.valid_from",
        "member_post.valid_until",
      ])
    for row in rows {
      guard let i = index[try row.value(0, as: Int64.self)] else { continue }
      members[i].posts.append(
        LeadingPost(
          title: try row.value(1), organisationCode: try row.optional(2), from: try row.day(3),
          until: try row.optionalDay(4)))
    }
  }

  /// A member's events in the order they were recorded.
  static func events(of memberID: Int64, in transaction: PostgresTransaction) async throws -> [MembershipEvent] {
    try await transaction.rows(
      "SELECT \(unescaped: eventColumns) FROM membership_event e WHERE e.member_id = \(memberID) ORDER BY e.id",
      columns: eventColumnNames
    ).map(event)
  }

  // MARK: Writing

  static let memberRows = PostgresBatchInsert<(member: Member, checked: CheckedMember)>(
    table: "member",
    columns: [
      "id", "full_name", "search_name", "search_words", "gender", "birth_date", "ethnicity", "religion", "national_id",
      "home_town", "party_card_number", "education", "political_theory", "occupation", "current_cell_id",
    ]
  ) { row, binds in
    let m = row.member
    binds.append(m.id)
    binds.append(m.fullName)
    binds.append(row.checked.searchName)
    binds.append(searchWords(m.fullName))
    binds.append(m.gender.rawValue)
    binds.append(m.birthDate.daysSinceEpoch)
    binds.append(m.ethnicity)
    binds.append(m.religion)
    binds.append(m.nationalID)
    binds.append(m.homeTown)
    binds.append(m.partyCardNumber)
    binds.append(m.education)
    binds.append(m.politicalTheory)
    binds.append(m.occupation)
    binds.append(row.checked.timeline.currentCellID)
  }

  static let postRows = PostgresBatchInsert<(memberID: Int64, post: LeadingPost)>(
    table: "member_post", columns: ["member_id", "title", "organisation_code", "valid_from", "valid_until"]
  ) { row, binds in
    binds.append(row.memberID)
    binds.append(row.post.title)
    binds.append(row.post.organisationCode)
    binds.append(row.post.from.daysSinceEpoch)
    binds.append(row.post.until?.daysSinceEpoch)
  }

  static let eventRows = PostgresBatchInsert<(memberID: Int64, event: MembershipEvent)>(
    table: "membership_event", columns: ["member_id", "kind", "date", "cell_id", "note"]
  ) { row, binds in
    binds.append(row.memberID)
    binds.append(row.event.kind.rawValue)
    binds.append(row.event.date.daysSinceEpoch)
    binds.append(row.event.cellID)
    binds.append(row.event.note)
  }

  static let spanRows = PostgresBatchInsert<(memberID: Int64, span: MemberSpan)>(
    table: "member_span",
    columns: ["member_id", "cell_id", "valid_from", "valid_until", "standing", "exempt", "in_transit"]
  ) { row, binds in
    binds.append(row.memberID)
    binds.append(row.span.cellID)
    binds.append(row.span.from.daysSinceEpoch)
    binds.append(row.span.until?.daysSinceEpoch)
    binds.append(row.span.standing.rawValue)
    binds.append(row.span.exempt)
    binds.append(row.span.inTransit)
  }

  /// The folded name's words between single spaces, and around them: what `LIKE '% word %'` finds a word in
  /// (`PostgresMigrations.register`).
  static func searchWords(_ name: String) -> String {
    " " + SearchFolding.words(name).joined(separator: " ") + " "
  }

  /// A unique index refused a member: the number already in the register, as SQLite's store says it.
  static func duplicate(_ error: PSQLError, of member: Member) -> DomainError? {
    guard error.serverInfo?[.sqlState] == "23505" else { return nil }
    if error.serverInfo?[.constraintName]?.contains("national_id") == true, let nid = member.nationalID {
      return MemberRules.duplicateNationalID(nid)
    }
    return MemberRules.duplicateCard(member.partyCardNumber ?? "")
  }
}

/// The units the histories being checked name, read at once, so `MemberTimeline`'s check of a cell on a day (which
/// is synchronous) asks no query: SQLite's `CellLookup`, with the same rule (`CellCheck.of`).
struct CellsRead {
  let units: [Int64: Organisation]
  let kinds: UnitKindTable

  static func of(_ events: [MembershipEvent], in transaction: PostgresTransaction) async throws -> CellsRead {
    let ids = Array(Set(events.compactMap(\.cellID)))
    let units = try await transaction.rows(
      """
      SELECT \(unescaped: PostgresStore.organisationColumns) FROM organisation o WHERE o.id = ANY(\(ids))
      """, columns: PostgresStore.organisationColumnNames
    ).map(PostgresStore.organisation)
    return CellsRead(
      units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) }),
      kinds: try await PostgresStore.unitKinds(in: transaction))
  }

  func check(_ id: Int64, on day: Day) -> CellCheck { .of(units[id], on: day, kinds: kinds) }
}
