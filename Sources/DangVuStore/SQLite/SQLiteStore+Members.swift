import DangVuCore
import GRDB

extension SQLiteStore {
  @discardableResult
  public func addMembers(_ batch: [NewMember]) async throws -> [Member] {
    try await writer.write { db in
      let cells = try CellLookup(db: db)
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO member(full_name, search_name, gender, birth_date, ethnicity, religion, national_id, home_town,
            party_card_number, education, political_theory, occupation, current_cell_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      var cards = Set<String>()
      var nationalIDs = Set<String>()
      var result: [Member] = []
      result.reserveCapacity(batch.count)
      for (index, new) in batch.enumerated() {
        do {
          var member = new.member
          try MemberRules.checkIdentity(member)
          if let card = member.partyCardNumber, !cards.insert(card).inserted { throw MemberRules.duplicateCard(card) }
          if let nid = member.nationalID, !nationalIDs.insert(nid).inserted {
            throw MemberRules.duplicateNationalID(nid)
          }
          // The history is checked before anything of the member is written.
          let timeline = try MemberTimeline(member: member, events: new.events, cell: cells.check)
          do {
            try insert.execute(arguments: [
              member.fullName, SearchFolding.fold(member.fullName), member.gender.rawValue,
              member.birthDate.daysSinceEpoch, member.ethnicity, member.religion, member.nationalID, member.homeTown,
              member.partyCardNumber, member.education, member.politicalTheory, member.occupation,
              timeline.currentCellID,
            ])
          } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The unique indexes answer "already in the register?" without a lookup per member.
            if error.message?.contains("national_id") == true, let nid = member.nationalID {
              throw MemberRules.duplicateNationalID(nid)
            }
            throw MemberRules.duplicateCard(member.partyCardNumber ?? "")
          }
          member.id = db.lastInsertedRowID
          try Self.insertPosts(member, in: db)
          try Self.insertEvents(timeline.events, of: member.id, in: db)
          try Self.insertSpans(of: member.id, timeline, in: db)
          if let decision = new.admission { try Self.insertAdmission(decision, of: member, timeline, in: db) }
          result.append(member)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      if result.count > MemberStockRollup.bulkThreshold {
        try MemberStockRollup.markStale(db)
      } else {
        for member in result { try MemberStockRollup.apply(member: member.id, sign: 1, in: db) }
      }
      // One statement indexes the whole batch for search: far cheaper than a statement per member.
      if let first = result.first?.id, let last = result.last?.id {
        try db.execute(
          sql: """
            INSERT INTO member_search(rowid, search_name)
            SELECT id, search_name FROM member WHERE id BETWEEN ? AND ?
            """,
          arguments: [first, last])
      }
      return result
    }
  }

  public func recordEvents(_ events: [MembershipEvent]) async throws {
    try await writer.write { db in try Self.record(events, in: db) }
  }

  static func record(_ events: [MembershipEvent], in db: Database) throws {
    let cells = try CellLookup(db: db)
    // Check each member's whole history with all of its new events at once, in the order given.
    var order: [Int64] = []
    var byMember: [Int64: [(index: Int, event: MembershipEvent)]] = [:]
    for (index, event) in events.enumerated() {
      if byMember[event.memberID] == nil { order.append(event.memberID) }
      byMember[event.memberID, default: []].append((index, event))
    }
    for memberID in order {
      let new = byMember[memberID]!
      do {
        guard
          var member = try Row.fetchOne(
            db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id = ?", arguments: [memberID]
          ).map(Self.member)
        else {
          throw DomainError("member.unknown", "Không tìm thấy đảng viên có mã số \(memberID).")
        }
        var list = [member]
        try Self.attachPosts(to: &list, in: db)
        member = list[0]
        let existing = try Self.events(of: memberID, in: db)
        let timeline = try MemberTimeline(member: member, events: existing + new.map(\.event), cell: cells.check)
        try Self.insertEvents(new.map(\.event), of: memberID, in: db)
        try MemberStockRollup.apply(member: memberID, sign: -1, in: db)
        try db.execute(sql: "DELETE FROM member_span WHERE member_id = ?", arguments: [memberID])
        try Self.insertSpans(of: memberID, timeline, in: db)
        try MemberStockRollup.apply(member: memberID, sign: 1, in: db)
        try db.cachedStatement(sql: "UPDATE member SET current_cell_id = ? WHERE id = ?").execute(arguments: [
          timeline.currentCellID, memberID,
        ])
      } catch let error as DomainError {
        throw BatchItemError(index: new[0].index, error: error)
      }
    }
  }

  public func updateMember(_ member: Member) async throws {
    try await writer.write { db in
      try MemberRules.checkIdentity(member)
      guard
        let oldName = try String.fetchOne(
          db, sql: "SELECT search_name FROM member WHERE id = ?", arguments: [member.id])
      else { throw DomainError("member.unknown", "Không tìm thấy đảng viên có mã số \(member.id).") }
      if let card = member.partyCardNumber,
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM member WHERE party_card_number = ? AND id <> ?", arguments: [card, member.id]) != nil
      {
        throw MemberRules.duplicateCard(card)
      }
      if let nid = member.nationalID,
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM member WHERE national_id = ? AND id <> ?", arguments: [nid, member.id]) != nil
      {
        throw MemberRules.duplicateNationalID(nid)
      }
      // Gender, ethnicity, religion, education and birth date are keys of the register's monthly sums.
      try MemberStockRollup.apply(member: member.id, sign: -1, in: db)
      let searchName = SearchFolding.fold(member.fullName)
      try db.execute(
        sql: "INSERT INTO member_search(member_search, rowid, search_name) VALUES ('delete', ?, ?)",
        arguments: [member.id, oldName])
      try db.execute(
        sql: """
          UPDATE member SET full_name = ?, search_name = ?, gender = ?, birth_date = ?, ethnicity = ?, religion = ?,
            national_id = ?, home_town = ?, party_card_number = ?, education = ?, political_theory = ?, occupation = ?
          WHERE id = ?
          """,
        arguments: [
          member.fullName, searchName, member.gender.rawValue, member.birthDate.daysSinceEpoch, member.ethnicity,
          member.religion, member.nationalID, member.homeTown, member.partyCardNumber, member.education,
          member.politicalTheory, member.occupation, member.id,
        ])
      try db.execute(
        sql: "INSERT INTO member_search(rowid, search_name) VALUES (?, ?)", arguments: [member.id, searchName])
      try MemberStockRollup.apply(member: member.id, sign: 1, in: db)
      try db.execute(sql: "DELETE FROM member_post WHERE member_id = ?", arguments: [member.id])
      try Self.insertPosts(member, in: db)
      // A changed birth date may make the recorded admission impossible: check the history again.
      let cells = try CellLookup(db: db)
      _ = try MemberTimeline(member: member, events: try Self.events(of: member.id, in: db), cell: cells.check)
    }
  }

  public func member(id: Int64) async throws -> Member? {
    try await fetchMember(where: "m.id = ?", id)
  }

  public func member(cardNumber: String) async throws -> Member? {
    try await fetchMember(where: "m.party_card_number = ?", cardNumber)
  }

  private func fetchMember(where condition: String, _ value: some DatabaseValueConvertible & Sendable) async throws
    -> Member?
  {
    try await writer.read { db in
      guard
        let member = try Row.fetchOne(
          db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE \(condition)", arguments: [value]
        ).map(Self.member)
      else { return nil }
      var list = [member]
      try Self.attachPosts(to: &list, in: db)
      return list[0]
    }
  }

  public func existingCardNumbers(_ numbers: [String]) async throws -> Set<String> {
    try await existing(column: "party_card_number", numbers)
  }

  public func memberIDs(cardNumbers: [String]) async throws -> [String: Int64] {
    try await writer.read { db in
      var ids: [String: Int64] = [:]
      let statement = try db.cachedStatement(sql: "SELECT id FROM member WHERE party_card_number = ?")
      for card in cardNumbers {
        if let id = try Int64.fetchOne(statement, arguments: [card]) { ids[card] = id }
      }
      return ids
    }
  }

  public func existingNationalIDs(_ numbers: [String]) async throws -> Set<String> {
    try await existing(column: "national_id", numbers)
  }

  private func existing(column: String, _ values: [String]) async throws -> Set<String> {
    try await writer.read { db in
      var found = Set<String>()
      let statement = try db.cachedStatement(sql: "SELECT 1 FROM member WHERE \(column) = ?")
      for value in values where try Bool.fetchOne(statement, arguments: [value]) != nil {
        found.insert(value)
      }
      return found
    }
  }

  public func timeline(ofMember id: Int64) async throws -> MemberTimeline {
    try await writer.read { db in
      guard
        var member = try Row.fetchOne(
          db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id = ?", arguments: [id]
        ).map(Self.member)
      else { throw DomainError("member.unknown", "Không tìm thấy đảng viên có mã số \(id).") }
      var list = [member]
      try Self.attachPosts(to: &list, in: db)
      member = list[0]
      return try MemberTimeline(
        member: member, events: try Self.events(of: id, in: db), cell: try CellLookup(db: db).check)
    }
  }

  public func register(of code: String, on day: Day) async throws -> [RegisterEntry] {
    try await writer.read { db in
      guard try Self.organisation(code: code, in: db) != nil else { throw Self.unknownOrganisation(code) }
      let rows = try Row.fetchAll(
        db,
        sql: Self.subtreeCTE + """
           SELECT \(Self.memberColumns), s.cell_id, s.standing, s.exempt, s.in_transit
           FROM member_span s JOIN sub ON sub.id = s.cell_id JOIN member m ON m.id = s.member_id
           WHERE s.valid_from <= :day AND (s.valid_until IS NULL OR s.valid_until > :day)
           ORDER BY m.search_name, m.id
          """, arguments: ["code": code, "day": day.daysSinceEpoch])
      var members = rows.map(Self.member)
      try Self.attachPosts(to: &members, in: db)
      return zip(members, rows).map { member, row in
        RegisterEntry(
          member: member, cellID: row[12], standing: Standing(rawValue: row[13]) ?? .official, exempt: row[14],
          inTransit: row[15])
      }
    }
  }

  public func memberCountsByCell(on day: Day) async throws -> [Int64: Int] {
    try await writer.read { db in
      var counts: [Int64: Int] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT cell_id, COUNT(*) FROM member_span
          WHERE valid_from <= :day AND (valid_until IS NULL OR valid_until > :day) GROUP BY cell_id
          """, arguments: ["day": day.daysSinceEpoch])
      while let row = try rows.next() { counts[row[0]] = row[1] }
      return counts
    }
  }

  public func forEachMemberBatch(
    batchSize: Int, _ body: ([(member: Member, events: [MembershipEvent])]) throws -> Void
  ) async throws {
    var after: Int64 = 0
    while true {
      let from = after
      let batch = try await writer.read { db -> [(member: Member, events: [MembershipEvent])] in
        var members = try Row.fetchAll(
          db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id > ? ORDER BY m.id LIMIT ?",
          arguments: [from, batchSize]
        ).map(Self.member)
        guard let first = members.first, let last = members.last else { return [] }
        try Self.attachPosts(to: &members, in: db)
        var events: [Int64: [MembershipEvent]] = [:]
        let rows = try Row.fetchCursor(
          db,
          sql:
            "SELECT member_id, kind, date, cell_id, note FROM membership_event WHERE member_id BETWEEN ? AND ? ORDER BY id",
          arguments: [first.id, last.id])
        while let row = try rows.next() {
          let event = Self.event(row)
          events[event.memberID, default: []].append(event)
        }
        return members.map { ($0, events[$0.id] ?? []) }
      }
      guard let last = batch.last else { return }
      try body(batch)
      after = last.member.id
    }
  }

  // MARK: Writing a history

  static func events(of memberID: Int64, in db: Database) throws -> [MembershipEvent] {
    try Row.fetchAll(
      db, sql: "SELECT member_id, kind, date, cell_id, note FROM membership_event WHERE member_id = ? ORDER BY id",
      arguments: [memberID]
    ).map(event)
  }

  static func insertEvents(_ events: [MembershipEvent], of memberID: Int64, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: "INSERT INTO membership_event(member_id, kind, date, cell_id, note) VALUES (?, ?, ?, ?, ?)")
    for e in events {
      try statement.execute(arguments: [memberID, e.kind.rawValue, e.date.daysSinceEpoch, e.cellID, e.note])
    }
  }

  static func insertPosts(_ member: Member, in db: Database) throws {
    guard !member.posts.isEmpty else { return }
    let statement = try db.cachedStatement(
      sql:
        "INSERT INTO member_post(member_id, title, organisation_code, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)")
    for p in member.posts {
      try statement.execute(arguments: [
        member.id, p.title, p.organisationCode, p.from.daysSinceEpoch, p.until?.daysSinceEpoch,
      ])
    }
  }

  /// Writes the derived spans of a checked history.
  static func insertSpans(of memberID: Int64, _ timeline: MemberTimeline, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO member_span(member_id, cell_id, valid_from, valid_until, standing, exempt, in_transit)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for s in timeline.spans {
      try statement.execute(arguments: [
        memberID, s.cellID, s.from.daysSinceEpoch, s.until?.daysSinceEpoch, s.standing.rawValue, s.exempt,
        s.inTransit,
      ])
    }
  }
}
