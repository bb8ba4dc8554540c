import DangVuCore
import GRDB

/// Posts and collectives one at a time, each checked by the core's rules and audited in its own transaction.
extension SQLiteStore {
  public func postKinds() async throws -> [PostKind] {
    try await writer.read { db in try Self.postKinds(in: db) }
  }

  static func postKinds(in db: Database) throws -> [PostKind] {
    try Row.fetchAll(
      db, sql: "SELECT code, name_vi, single_holder, valid_from, valid_until FROM post_kind ORDER BY rank, code"
    ).map { row in
      PostKind(
        code: row[0], nameVi: row[1], singleHolder: row[2],
        validFrom: (row[3] as Int?).map(Day.init(daysSinceEpoch:)),
        validUntil: (row[4] as Int?).map(Day.init(daysSinceEpoch:)))
    }
  }

  public func recordPost(_ new: NewPost, by actor: AuditActor) async throws -> PostRecord {
    try await writer.write { db in
      let saved = try Self.insertPost(new, kinds: try Self.postKinds(in: db), in: db)
      try Self.auditLeadership(
        actor, "post.record", subject: "post:\(saved.post.id)", scope: saved.unitCode, before: nil as PostRecord?,
        after: saved, in: db)
      return saved
    }
  }

  public func importPosts(_ batch: [NewPost], audit: ImportAudit?) async throws {
    try await writer.write { db in
      let kinds = try Self.postKinds(in: db)
      for (index, new) in batch.enumerated() {
        do {
          _ = try Self.insertPost(new, kinds: kinds, in: db)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try Self.append(audit, in: db)
    }
  }

  /// Checks one post against the rules and what is stored (earlier rows of the same transaction included), then
  /// writes it.
  static func insertPost(_ new: NewPost, kinds: [PostKind], in db: Database) throws -> PostRecord {
    let unit = try requireOrganisation(code: new.unitCode, in: db)
    let post = HeldPost(
      memberID: new.memberID, kindCode: new.kindCode, unitID: unit.id, from: new.from, until: new.until,
      note: new.note)
    let kind = kinds.first { $0.code == new.kindCode }
    try checkPost(post, kind: kind, unit: unit, in: db)
    try LeadershipWrites.checkNote(post)
    try db.execute(
      sql: """
        INSERT INTO member_post(member_id, title, organisation_code, valid_from, valid_until, kind, note)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        post.memberID, LeadershipWrites.title(of: post, kind: kind), unit.code, post.from.daysSinceEpoch,
        post.until?.daysSinceEpoch,
        post.kindCode, post.note,
      ])
    let saved = try Self.post(id: db.lastInsertedRowID, in: db)!
    try bumpVersion(ofMember: post.memberID, in: db)
    return saved
  }

  public func endPost(id: Int64, until: Day?, by actor: AuditActor) async throws -> PostRecord {
    try await writer.write { db in
      guard let before = try Self.post(id: id, in: db) else { throw LeadershipWrites.unknownPost(id) }
      guard let unit = try Self.organisation(id: before.post.unitID, in: db) else {
        throw Self.unknownOrganisation(before.unitCode)
      }
      var post = before.post
      post.until = until
      if post.kindCode.isEmpty {
        try LeadershipWrites.checkFreeTitleEnd(post)
      } else {
        let kind = try Self.postKinds(in: db).first { $0.code == post.kindCode }
        try Self.checkPost(post, kind: kind, unit: unit, in: db)
      }
      try db.execute(
        sql: "UPDATE member_post SET valid_until = ? WHERE id = ?", arguments: [until?.daysSinceEpoch, id])
      let saved = try Self.post(id: id, in: db)!
      try Self.bumpVersion(ofMember: post.memberID, in: db)
      try Self.auditLeadership(
        actor, "post.end", subject: "post:\(id)", scope: unit.code, before: before, after: saved, in: db)
      return saved
    }
  }

  /// The rules of `PostRules` with what they need read from the database. A post typed as a free title before kinds
  /// existed is compared as the kind its title names ("Bí thư chi bộ" is the cell's secretary), if it names one.
  static func checkPost(_ post: HeldPost, kind: PostKind?, unit: Organisation, in db: Database) throws {
    let memberName = try requireMemberName(post.memberID, in: db)
    let others = LeadershipWrites.others(
      of: post, among: try posts(where: "p.organisation_code = ?", [unit.code], in: db))
    var names: [Int64: String] = [:]
    for other in others where names[other.memberID] == nil {
      names[other.memberID] = try String.fetchOne(
        db, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [other.memberID])
    }
    try PostRules.check(
      post, kind: kind, memberName: memberName, unitName: unit.name, unitExists: unit.exists(on:),
      placements: try placements(ofMember: post.memberID, inside: unit, from: post.from, in: db), others: others,
      holderNames: names)
  }

  static func requireMemberName(_ id: Int64, in db: Database) throws -> String {
    guard let name = try String.fetchOne(db, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [id]) else {
      throw MemberRules.unknownMember(id)
    }
    return name
  }

  /// The member's register spans that reach `from` or later, each marked by whether its cell sat in or under
  /// the unit (as the tree stood on the span's first day inside the period asked about).
  static func placements(ofMember id: Int64, inside unit: Organisation, from: Day, in db: Database) throws
    -> [UnitPlacement]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT cell_id, valid_from, valid_until FROM member_span
        WHERE member_id = ? AND (valid_until IS NULL OR valid_until > ?) ORDER BY valid_from
        """, arguments: [id, from.daysSinceEpoch]
    ).map { row in
      let start = Day(daysSinceEpoch: row[1])
      let inside = try unitIsWithin(id: row[0], rootCode: unit.code, on: max(start, from), in: db)
      return UnitPlacement(from: start, until: (row[2] as Int?).map(Day.init(daysSinceEpoch:)), insideUnit: inside)
    }
  }

  public func post(id: Int64) async throws -> PostRecord? {
    try await writer.read { db in try Self.post(id: id, in: db) }
  }

  public func posts(ofMember id: Int64) async throws -> [PostRecord] {
    try await writer.read { db in try Self.posts(where: "p.member_id = ?", [id], in: db) }
  }

  public func posts(ofUnit code: String) async throws -> [PostRecord] {
    try await writer.read { db in
      _ = try Self.requireOrganisation(code: code, in: db)
      return try Self.posts(where: "p.organisation_code = ?", [code], in: db)
    }
  }

  static func post(id: Int64, in db: Database) throws -> PostRecord? {
    try posts(where: "p.id = ?", [id], in: db).first
  }

  static func posts(where condition: String, _ arguments: StatementArguments, in db: Database) throws
    -> [PostRecord]
  {
    // Prepared once per connection: `condition` is one of a few fixed texts, and a member's page asks this each time.
    try db.cachedRows(
      sql: """
        SELECT p.id, p.member_id, COALESCE(p.kind, ''), COALESCE(o.id, 0), p.valid_from, p.valid_until, p.note,
          p.title, m.full_name, COALESCE(o.code, ''), COALESCE(o.name, '')
        FROM member_post p JOIN member m ON m.id = p.member_id
        LEFT JOIN organisation o ON o.code = p.organisation_code
        WHERE \(condition) ORDER BY p.valid_from, p.id
        """, arguments: arguments
    ).map { row in
      PostRecord(
        post: HeldPost(
          id: row[0], memberID: row[1], kindCode: row[2], unitID: row[3], from: Day(daysSinceEpoch: row[4]),
          until: (row[5] as Int?).map(Day.init(daysSinceEpoch:)), note: row[6]),
        title: row[7], memberName: row[8], unitCode: row[9], unitName: row[10])
    }
  }

  static func auditLeadership<Before: Encodable, After: Encodable>(
    _ actor: AuditActor, _ action: String, subject: String, scope: String, before: Before?, after: After?,
    in db: Database
  ) throws {
    _ = try append(
      LeadershipWrites.entry(actor, action, subject: subject, scope: scope, before: before, after: after), in: db)
  }
}
