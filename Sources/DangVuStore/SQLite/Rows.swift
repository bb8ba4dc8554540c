import DangVuCore
import GRDB

/// Row → value mapping, in one place so every query reads the same columns the same way.
extension SQLiteStore {
  static let organisationColumns = "o.id, o.code, o.name, o.kind, o.founded, o.ended"

  static func organisation(_ row: Row) -> Organisation {
    Organisation(
      id: row[0], code: row[1], name: row[2], kind: UnitKind(row[3]),
      founded: Day(daysSinceEpoch: row[4]), ended: (row[5] as Int?).map(Day.init(daysSinceEpoch:)))
  }

  static func link(_ row: Row) -> ParentLink {
    ParentLink(
      child: row[0], parent: row[1], from: Day(daysSinceEpoch: row[2]),
      until: (row[3] as Int?).map(Day.init(daysSinceEpoch:)))
  }

  static let memberColumns = """
    m.id, m.full_name, m.gender, m.birth_date, m.ethnicity, m.religion, m.national_id, m.home_town,
    m.party_card_number, m.education, m.political_theory, m.occupation
    """

  /// Posts are loaded separately (`attachPosts`).
  static func member(_ row: Row) throws -> Member {
    Member(
      id: row[0], fullName: row[1], gender: try StoredValue.decode(row[2], column: "member.gender"),
      birthDate: Day(daysSinceEpoch: row[3]), ethnicity: row[4], religion: row[5], nationalID: row[6],
      homeTown: row[7], partyCardNumber: row[8], education: row[9], politicalTheory: row[10],
      occupation: row[11])
  }

  static func event(_ row: Row) throws -> MembershipEvent {
    MembershipEvent(
      memberID: row[0], kind: try StoredValue.decode(row[1], column: "membership_event.kind"),
      date: Day(daysSinceEpoch: row[2]), cellID: row[3], note: row[4])
  }

  static func organisation(id: Int64, in db: Database) throws -> Organisation? {
    try db.cachedRow(
      sql: "SELECT \(organisationColumns) FROM organisation o WHERE o.id = ?", arguments: [id]
    ).map(organisation)
  }

  static func organisation(code: String, in db: Database) throws -> Organisation? {
    try db.cachedRow(
      sql: "SELECT \(organisationColumns) FROM organisation o WHERE o.code = ?", arguments: [code]
    ).map(organisation)
  }

  static func attachPosts(to members: inout [Member], in db: Database) throws {
    guard !members.isEmpty else { return }
    func post(_ row: Row) -> LeadingPost {
      LeadingPost(
        title: row[1], organisationCode: row[2], from: Day(daysSinceEpoch: row[3]),
        until: (row[4] as Int?).map(Day.init(daysSinceEpoch:)))
    }
    // One member (a member's page, an edit) through a statement prepared once: that is the hot case.
    if members.count == 1 {
      members[0].posts += try db.cachedRows(
        sql: """
          SELECT member_id, title, organisation_code, valid_from, valid_until FROM member_post
          WHERE member_id = ? ORDER BY valid_from
          """, arguments: [members[0].id]
      ).map(post)
      return
    }
    var index: [Int64: Int] = [:]
    for (i, m) in members.enumerated() { index[m.id] = i }
    for chunk in stride(from: 0, to: members.count, by: 500) {
      let ids = members[chunk..<min(chunk + 500, members.count)].map(\.id)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT member_id, title, organisation_code, valid_from, valid_until FROM member_post
          WHERE member_id IN (\(ids.map { _ in "?" }.joined(separator: ","))) ORDER BY valid_from
          """, arguments: StatementArguments(ids))
      for row in rows { members[index[row[0]]!].posts.append(post(row)) }
    }
  }
}

/// Small lookups run thousands of times a transaction (a unit by id, a member's spans, a cycle) go through
/// statements prepared once per connection: preparing one, with GRDB's authorizer, costs more than running it.
extension Database {
  func cachedRow(sql: String, arguments: StatementArguments = []) throws -> Row? {
    try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }

  func cachedRows(sql: String, arguments: StatementArguments = []) throws -> [Row] {
    try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
  }

  func cachedValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ type: Value.Type, sql: String, arguments: StatementArguments = []
  ) throws -> Value? {
    try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }
}
