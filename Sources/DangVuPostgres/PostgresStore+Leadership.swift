import DangVuCore
import DangVuStore
import PostgresNIO

/// Posts on PostgreSQL (SQLite's `SQLiteStore+Leadership.swift`), each checked by Core's `PostRules` and audited in
/// its transaction. A post is checked against the unit's other posts (one secretary at a time, no overlap) and the
/// member's place in the register: a read, then a write. Two servers recording posts in one unit at once take the
/// unit's row lock in turn (`FOR NO KEY UPDATE`, which leaves rows that merely reference the unit free), so the
/// second checks against the first's post; the member's row lock orders the version each post moves on.
extension PostgresStore: LeadershipRecording {
  public func postKinds() async throws -> [PostKind] {
    try await read { transaction in try await Self.postKinds(in: transaction) }
  }

  static func postKinds(in transaction: PostgresTransaction) async throws -> [PostKind] {
    try await transaction.rows(
      "SELECT code, name_vi, single_holder, valid_from, valid_until FROM post_kind ORDER BY rank, code",
      columns: [
        "post_kind.code", "post_kind.name_vi", "post_kind.single_holder", "post_kind.valid_from",
        "post_kind.valid_until",
      ]
    ).map { row in
      PostKind(
        code: try row.value(0), nameVi: try row.value(1), singleHolder: try row.value(2),
        validFrom: try row.optionalDay(3), validUntil: try row.optionalDay(4))
    }
  }

  public func recordPost(_ new: NewPost, by actor: AuditActor) async throws -> PostRecord {
    try await writeRegister { transaction in
      let saved = try await Self.insertPost(new, kinds: try await Self.postKinds(in: transaction), in: transaction)
      _ = try await Self.append(
        LeadershipWrites.entry(
          actor, "post.record", subject: "post:\(saved.post.id)", scope: saved.unitCode, before: nil as PostRecord?,
          after: saved), in: transaction)
      return saved
    }
  }

  public func importPosts(_ batch: [NewPost], audit: ImportAudit?) async throws {
    try await writeRegister { transaction in
      let kinds = try await Self.postKinds(in: transaction)
      for (index, new) in batch.enumerated() {
        do {
          _ = try await Self.insertPost(new, kinds: kinds, in: transaction)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try await Self.append(audit, in: transaction)
    }
  }

  /// Checks one post against the rules and what is stored (earlier rows of the same transaction included), then
  /// writes it.
  static func insertPost(_ new: NewPost, kinds: [PostKind], in transaction: PostgresTransaction) async throws
    -> PostRecord
  {
    let unit = try await requireOrganisation(code: new.unitCode, in: transaction)
    let post = HeldPost(
      memberID: new.memberID, kindCode: new.kindCode, unitID: unit.id, from: new.from, until: new.until,
      note: new.note)
    let kind = kinds.first { $0.code == new.kindCode }
    try await lockPosts(of: unit, member: post.memberID, in: transaction)
    try await checkPost(post, kind: kind, unit: unit, in: transaction)
    try LeadershipWrites.checkNote(post)
    let id: Int64 = try await transaction.rows(
      """
      INSERT INTO member_post(member_id, title, organisation_code, valid_from, valid_until, kind, note)
      VALUES (\(post.memberID), \(LeadershipWrites.title(of: post, kind: kind)), \(unit.code),
        \(post.from.daysSinceEpoch), \(post.until?.daysSinceEpoch), \(post.kindCode), \(post.note))
      RETURNING id
      """, columns: ["member_post.id"]
    )[0].value(0)
    try await transaction.query("UPDATE member SET version = version + 1 WHERE id = \(post.memberID)")
    return try await Self.post(id: id, in: transaction)!
  }

  public func endPost(id: Int64, until: Day?, by actor: AuditActor) async throws -> PostRecord {
    try await writeRegister { transaction in
      guard let found = try await Self.post(id: id, in: transaction) else { throw LeadershipWrites.unknownPost(id) }
      guard let unit = try await Self.organisation(id: found.post.unitID, in: transaction) else {
        throw TreeRules.unknownUnit(found.unitCode)
      }
      try await Self.lockPosts(of: unit, member: found.post.memberID, in: transaction)
      // Read again under the locks: another server may have ended it meanwhile.
      let before = try await Self.post(id: id, in: transaction)!
      var post = before.post
      post.until = until
      if post.kindCode.isEmpty {
        try LeadershipWrites.checkFreeTitleEnd(post)
      } else {
        let kind = try await Self.postKinds(in: transaction).first { $0.code == post.kindCode }
        try await Self.checkPost(post, kind: kind, unit: unit, in: transaction)
      }
      try await transaction.query("UPDATE member_post SET valid_until = \(until?.daysSinceEpoch) WHERE id = \(id)")
      try await transaction.query("UPDATE member SET version = version + 1 WHERE id = \(post.memberID)")
      let saved = try await Self.post(id: id, in: transaction)!
      _ = try await Self.append(
        LeadershipWrites.entry(
          actor, "post.end", subject: "post:\(id)", scope: unit.code, before: before, after: saved),
        in: transaction)
      return saved
    }
  }

  /// The unit's row, then the member's, locked until the transaction ends, always in that order.
  static func lockPosts(of unit: Organisation, member: Int64, in transaction: PostgresTransaction) async throws {
    try await transaction.query("SELECT 1 FROM organisation WHERE id = \(unit.id) FOR NO KEY UPDATE")
    guard try await lockedVersion(of: member, in: transaction) != nil else { throw MemberRules.unknownMember(member) }
  }

  /// The rules of `PostRules` with what they need read from the database.
  static func checkPost(_ post: HeldPost, kind: PostKind?, unit: Organisation, in transaction: PostgresTransaction)
    async throws
  {
    let memberName = try await requireMemberName(post.memberID, in: transaction)
    let others = LeadershipWrites.others(
      of: post, among: try await posts(where: "p.organisation_code = \(unit.code)", in: transaction))
    var names: [Int64: String] = [:]
    for row in try await transaction.rows(
      "SELECT id, full_name FROM member WHERE id = ANY(\(Array(Set(others.map(\.memberID)))))",
      columns: ["member.id", "member.full_name"])
    {
      names[try row.value(0)] = try row.value(1)
    }
    try PostRules.check(
      post, kind: kind, memberName: memberName, unitName: unit.name, unitExists: unit.exists(on:),
      placements: try await placements(ofMember: post.memberID, inside: unit, from: post.from, in: transaction),
      others: others, holderNames: names)
  }

  static func requireMemberName(_ id: Int64, in transaction: PostgresTransaction) async throws -> String {
    guard
      let name: String = try await transaction.rows(
        "SELECT full_name FROM member WHERE id = \(id)", columns: ["member.full_name"]
      ).first?.value(0)
    else { throw MemberRules.unknownMember(id) }
    return name
  }

  /// The member's register spans that reach `from` or later, each marked by whether its cell sat in or under the
  /// unit (as the tree stood on the span's first day inside the period asked about).
  static func placements(
    ofMember id: Int64, inside unit: Organisation, from: Day, in transaction: PostgresTransaction
  ) async throws -> [UnitPlacement] {
    var placements: [UnitPlacement] = []
    for row in try await transaction.rows(
      """
      SELECT cell_id, valid_from, valid_until FROM member_span
      WHERE member_id = \(id) AND (valid_until IS NULL OR valid_until > \(from.daysSinceEpoch)) ORDER BY valid_from
      """, columns: ["member_span.cell_id", "member_span.valid_from", "member_span.valid_until"])
    {
      let start = try row.day(1)
      let inside = try await unitIsWithin(
        id: try row.value(0), rootCode: unit.code, on: max(start, from), in: transaction)
      placements.append(UnitPlacement(from: start, until: try row.optionalDay(2), insideUnit: inside))
    }
    return placements
  }

  public func post(id: Int64) async throws -> PostRecord? {
    try await read { transaction in try await Self.post(id: id, in: transaction) }
  }

  public func posts(ofMember id: Int64) async throws -> [PostRecord] {
    try await read { transaction in try await Self.posts(where: "p.member_id = \(id)", in: transaction) }
  }

  public func posts(ofUnit code: String) async throws -> [PostRecord] {
    try await read { transaction in
      _ = try await Self.requireOrganisation(code: code, in: transaction)
      return try await Self.posts(where: "p.organisation_code = \(code)", in: transaction)
    }
  }

  static func post(id: Int64, in transaction: PostgresTransaction) async throws -> PostRecord? {
    try await posts(where: "p.id = \(id)", in: transaction).first
  }

  static func posts(where condition: PostgresQuery, in transaction: PostgresTransaction) async throws -> [PostRecord] {
    try await transaction.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT p.id, p.member_id, COALESCE(p.kind, ''), COALESCE(o.id, 0), p.valid_from, p.valid_until, p.note,
            p.title, m.full_name, COALESCE(o.code, ''), COALESCE(o.name, '')
          FROM member_post p JOIN member m ON m.id = p.member_id
          LEFT JOIN organisation o ON o.code = p.organisation_code
          WHERE \(condition.sql) ORDER BY p.valid_from, p.id
          """, binds: condition.binds),
      columns: [
        "member_post.id", "member_post.member_id", "member_post.kind", "organisation.id", "member_post.valid_from",
        "member_post.valid_until", "member_post.note", "member_post.title", "member.full_name", "organisation.code",
        "organisation.name",
      ]
    ).map { row in
      PostRecord(
        post: HeldPost(
          id: try row.value(0), memberID: try row.value(1), kindCode: try row.value(2), unitID: try row.value(3),
          from: try row.day(4), until: try row.optionalDay(5), note: try row.value(6)),
        title: try row.value(7), memberName: try row.value(8), unitCode: try row.value(9),
        unitName: try row.value(10))
    }
  }
}
