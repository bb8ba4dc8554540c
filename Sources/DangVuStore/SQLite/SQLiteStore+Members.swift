import DangVuCore
import GRDB

extension SQLiteStore {
  @discardableResult
  public func addMembers(_ batch: [NewMember], audit: ImportAudit?) async throws -> [Member] {
    try await addMembers(batch, bulk: nil, audit: audit)
  }

  /// `bulk` (for tests) forces the bulk path on or off; nil lets the sizes decide. `checked` is the batch as
  /// checked off the writer, if it was. Whichever path writes the batch, it is one transaction, and an import's
  /// `audit` entry is appended in it.
  func addMembers(_ batch: [NewMember], bulk: Bool?, checked: CheckedMembers? = nil, audit: ImportAudit? = nil)
    async throws -> [Member]
  {
    try await writer.writeWithoutTransaction { db in
      // During `loadingInBulk` the indexes are already dropped and the search index is filled at its end.
      if try RegisterIndexes.isDeferred(in: db) {
        let aside = registerAside.current
        let added = try RegisterIndexes.bulkTransaction(in: db) {
          let added = try Self.add(batch, checked: checked, bulk: true, forAside: aside != nil, in: db)
          try Self.append(audit, in: db)
          return added
        }
        if let aside, let written = added.forAside { aside.add(written) }
        return added.members
      }
      // A large batch into a small register (a first import) is written with the secondary indexes dropped
      // and built again at the end, inside its one transaction: a refusal rolls the drop back too.
      if try bulk ?? RegisterIndexes.worthDropping(for: batch.count, in: db) {
        var timer = PhaseTimer()
        let added = try RegisterIndexes.bulkTransaction(in: db) {
          let dropped = try RegisterIndexes.drop(in: db)
          let added = try Self.add(batch, checked: checked, bulk: true, in: db).members
          timer.lap("  rows")
          try Self.indexForSearch(added, in: db)
          timer.lap("  search index")
          try RegisterIndexes.create(dropped, in: db)
          timer.lap("  secondary indexes")
          try Self.append(audit, in: db)
          return added
        }
        timer.lap("  commit")
        return added
      }
      var added: [Member] = []
      try db.inTransaction {
        added = try Self.add(batch, checked: checked, bulk: false, in: db).members
        try Self.indexForSearch(added, in: db)
        try Self.append(audit, in: db)
        return .commit
      }
      return added
    }
  }

  /// One statement indexes a whole batch for search: far cheaper than a statement per member.
  static func indexForSearch(_ added: [Member], in db: Database) throws {
    guard let first = added.first?.id, let last = added.last?.id else { return }
    try db.execute(
      sql: """
        INSERT INTO member_search(rowid, search_name)
        SELECT id, search_name FROM member WHERE id BETWEEN ? AND ?
        """,
      arguments: [first, last])
  }

  /// Writes each checked member with its history (checking the batch here unless `checked` still holds).
  /// In a bulk load SQLite's foreign key lookups are off: every unit written must then have been found by
  /// the check. `forAside` also returns what the aside needs of the batch (`RegisterAside.Batch`).
  static func add(
    _ batch: [NewMember], checked: CheckedMembers?, bulk: Bool, forAside: Bool = false, in db: Database
  ) throws -> (members: [Member], forAside: RegisterAside.Batch?) {
    let checks: CheckedMembers
    if let checked, try stillHolds(checked, in: db) {
      checks = checked
    } else {
      checks = try check(batch, cells: CellLookup(db: db))
    }
    let insert = try PreparedInsert(
      sql: """
        INSERT INTO member(full_name, search_name, gender, birth_date, ethnicity, religion, national_id, home_town,
          party_card_number, education, political_theory, occupation, current_cell_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, in: db)
    var result: [Member] = []
    result.reserveCapacity(batch.count)
    let hasAdmissions = batch.contains { $0.admission != nil }
    var admissions: [(index: Int, decision: AdmissionDecision, member: Member, timeline: MemberTimeline)] = []
    var spans: [Int64: [MemberSpan]] = [:]
    var kept = RegisterAside.Batch(members: [], searchNames: [], spans: [])
    var eventRows = Self.eventRows(in: db)
    var spanRows = Self.spanRows(in: db)
    for (index, (new, checkedMember)) in zip(batch, checks.members).enumerated() {
      do {
        var member = new.member
        let timeline = checkedMember.timeline
        if bulk, let unknown = timeline.events.lazy.compactMap(\.cellID).first(where: { !checks.found($0) }) {
          throw DatabaseError(
            resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY, message: "FOREIGN KEY constraint failed (unit \(unknown))")
        }
        insert.bind(1, member.fullName)
        insert.bind(2, checkedMember.searchName)
        insert.bind(3, member.gender.rawValue)
        insert.bind(4, member.birthDate.daysSinceEpoch)
        insert.bind(5, member.ethnicity)
        insert.bind(6, member.religion)
        insert.bind(7, member.nationalID)
        insert.bind(8, member.homeTown)
        insert.bind(9, member.partyCardNumber)
        insert.bind(10, member.education)
        insert.bind(11, member.politicalTheory)
        insert.bind(12, member.occupation)
        insert.bind(13, timeline.currentCellID)
        do {
          try insert.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
          // The unique indexes answer "already in the register?" without a lookup per member.
          if error.message?.contains("national_id") == true, let nid = member.nationalID {
            throw MemberRules.duplicateNationalID(nid)
          }
          throw MemberRules.duplicateCard(member.partyCardNumber ?? "")
        }
        member.id = db.lastInsertedRowID
        try Self.insertPosts(member, in: db)
        for event in timeline.events { try eventRows.append((member.id, event)) }
        for span in timeline.spans { try spanRows.append((member.id, span)) }
        if let decision = new.admission { admissions.append((index, decision, member, timeline)) }
        if hasAdmissions { spans[member.id] = timeline.spans }
        if forAside {
          kept.searchNames.append(checkedMember.searchName)
          kept.spans.append(timeline.spans)
        }
        result.append(member)
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    // Written before anything below reads them (a sponsor's standing, the monthly sums).
    try eventRows.flush()
    try spanRows.flush()
    // Admissions last: a sponsor may come later in the batch than the member sponsored. Sponsors in the batch
    // are looked up in its own spans (in a bulk load the span indexes are not there yet).
    for (index, decision, member, timeline) in admissions {
      do {
        try Self.insertAdmission(decision, of: member, timeline, in: db) { id, day in
          spans[id].map { $0.first { $0.holds(on: day) }?.standing }
        }
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    // The register's monthly sums: kept member by member for a few, rebuilt once after a bulk load, or
    // summed by the aside from the spans it is handed.
    // (Kept spans are summed by the aside; should anything else have made the sums stale meanwhile, they stay
    // stale and the aside's are not used.)
    if forAside {
    } else if bulk || result.count > MemberStockRollup.bulkThreshold {
      try MemberStockRollup.markStale(db)
    } else {
      for member in result { try MemberStockRollup.apply(member: member.id, sign: 1, in: db) }
    }
    kept.members = result
    return (result, forAside ? kept : nil)
  }

  public func recordEvents(_ events: [MembershipEvent], audit: ImportAudit?) async throws {
    try await writer.write { db in
      try Self.record(events, in: db)
      try Self.append(audit, in: db)
    }
  }

  static func record(_ events: [MembershipEvent], in db: Database) throws {
    let cells = try CellLookup(db: db)
    for (memberID, new) in events.groupedByMember() {
      do {
        guard
          var member = try Row.fetchOne(
            db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id = ?", arguments: [memberID]
          ).map(Self.member)
        else {
          throw MemberRules.unknownMember(memberID)
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
        try Self.bumpVersion(ofMember: memberID, in: db)
        // A receipt recorded by any path (the command line, an import) completes the member's letter too.
        try Self.keepLettersInStep(ofMember: memberID, in: db)
      } catch let error as DomainError {
        throw BatchItemError(index: new[0].index, error: error)
      }
    }
  }

  public func updateMember(_ member: Member) async throws {
    try await writer.write { db in try Self.update(member, in: db) }
  }

  /// Replaces a member's identity fields and posts inside the caller's transaction (`updateMember`, and the
  /// version-checked edit of `RegisterEditing`).
  static func update(_ member: Member, in db: Database) throws {
    try MemberRules.checkIdentity(member)
    guard
      let oldName = try String.fetchOne(
        db, sql: "SELECT search_name FROM member WHERE id = ?", arguments: [member.id])
    else { throw MemberRules.unknownMember(member.id) }
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
    // Posts are not part of the identity record: they are recorded one by one (LeadershipRecording), with ids
    // and kinds an identity edit must not rewrite.
    // A changed birth date may make the recorded admission impossible: check the history again.
    let cells = try CellLookup(db: db)
    _ = try MemberTimeline(member: member, events: try Self.events(of: member.id, in: db), cell: cells.check)
    try Self.bumpVersion(ofMember: member.id, in: db)
  }

  public func member(id: Int64) async throws -> Member? {
    try await fetchMember(where: "m.id = ?", id)
  }

  public func member(cardNumber: String) async throws -> Member? {
    try await fetchMember(where: "m.party_card_number = ?", cardNumber)
  }

  public func member(nationalID: String) async throws -> Member? {
    try await fetchMember(where: "m.national_id = ?", nationalID)
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

  public func namesakeCounts(_ people: Set<NameAndBirth>) async throws -> [NameAndBirth: Int] {
    try await writer.read { db in
      // The search_name index narrows to a handful of namesakes; their birth dates are then compared.
      let statement = try db.cachedStatement(
        sql: "SELECT COUNT(*) FROM member WHERE search_name = ? AND birth_date = ?")
      var counts: [NameAndBirth: Int] = [:]
      for person in people {
        let count =
          try Int.fetchOne(statement, arguments: [person.searchName, person.birth.daysSinceEpoch]) ?? 0
        if count > 0 { counts[person] = count }
      }
      return counts
    }
  }

  public func nationalIDsWithBirthDates() async throws -> [(id: String, birth: Day)] {
    try await writer.read { db in
      var all: [(id: String, birth: Day)] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT national_id, birth_date FROM member WHERE national_id IS NOT NULL")
      while let row = try rows.next() { all.append((row[0], Day(daysSinceEpoch: row[1]))) }
      return all
    }
  }

  public func registerCompletenessByCell() async throws -> [Int64: RegisterCompleteness] {
    try await writer.read { db in
      // One pass over the members table; `current_cell_id` is empty for a member who has left.
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT current_cell_id, COUNT(*), COUNT(national_id), COUNT(birth_date), COUNT(party_card_number),
            SUM(ethnicity <> ''), SUM(education <> '')
          FROM member WHERE current_cell_id IS NOT NULL GROUP BY current_cell_id
          """)
      var byCell: [Int64: RegisterCompleteness] = [:]
      while let row = try rows.next() {
        byCell[row[0]] = RegisterCompleteness(
          members: row[1], nationalID: row[2], birthDate: row[3], cardNumber: row[4], ethnicity: row[5],
          education: row[6])
      }
      return byCell
    }
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
    try await writer.read { db in try Self.timeline(ofMember: id, in: db) }
  }

  static func timeline(ofMember id: Int64, in db: Database) throws -> MemberTimeline {
    guard
      var member = try db.cachedRow(
        sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id = ?", arguments: [id]
      ).map(Self.member)
    else { throw MemberRules.unknownMember(id) }
    var list = [member]
    try Self.attachPosts(to: &list, in: db)
    member = list[0]
    return try MemberTimeline(
      member: member, events: try Self.events(of: id, in: db), cell: try CellLookup(db: db).check)
  }

  public func register(of code: String, on day: Day) async throws -> [RegisterEntry] {
    try await writer.read { db in
      guard try Self.organisation(code: code, in: db) != nil else { throw Self.unknownOrganisation(code) }
      // A cursor reuses one row for the whole walk: copying each row (with its column names) cost a tenth of
      // the time of a district's register.
      let rows = try Row.fetchCursor(
        db,
        sql: Self.subtreeCTE + """
           SELECT \(Self.memberColumns), s.cell_id, s.standing, s.exempt, s.in_transit
           FROM member_span s JOIN sub ON sub.id = s.cell_id JOIN member m ON m.id = s.member_id
           WHERE s.valid_from <= :day AND (s.valid_until IS NULL OR s.valid_until > :day)
           ORDER BY m.search_name, m.id
          """, arguments: ["code": code, "day": day.daysSinceEpoch])
      var members: [Member] = []
      var places: [(cellID: Int64, standing: Standing, exempt: Bool, inTransit: Bool)] = []
      while let row = try rows.next() {
        members.append(try Self.member(row))
        places.append((row[12], try StoredValue.decode(row[13], column: "member_span.standing"), row[14], row[15]))
      }
      try Self.attachPosts(to: &members, in: db)
      return zip(members, places).map { member, place in
        RegisterEntry(
          member: member, cellID: place.cellID, standing: place.standing, exempt: place.exempt,
          inTransit: place.inTransit)
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
    try await MemberBatches.forEach(
      read: { from in
        try await writer.read { db -> MemberBatches.Batch in
          var members = try Row.fetchAll(
            db, sql: "SELECT \(Self.memberColumns) FROM member m WHERE m.id > ? ORDER BY m.id LIMIT ?",
            arguments: [from, batchSize]
          ).map(Self.member)
          guard let first = members.first, let last = members.last else { return [] }
          try Self.attachPosts(to: &members, in: db)
          let events = try Row.fetchAll(
            db,
            sql:
              "SELECT member_id, kind, date, cell_id, note FROM membership_event WHERE member_id BETWEEN ? AND ? ORDER BY id",
            arguments: [first.id, last.id]
          ).map(Self.event)
          return MemberBatches.pairing(members, with: events)
        }
      }, body)
  }

  // MARK: Writing a history

  static func events(of memberID: Int64, in db: Database) throws -> [MembershipEvent] {
    try db.cachedRows(
      sql: "SELECT member_id, kind, date, cell_id, note FROM membership_event WHERE member_id = ? ORDER BY id",
      arguments: [memberID]
    ).map(event)
  }

  static func insertEvents(_ events: [MembershipEvent], of memberID: Int64, in db: Database) throws {
    var rows = eventRows(in: db)
    for event in events { try rows.append((memberID, event)) }
    try rows.flush()
  }

  /// Membership events, many to a statement.
  static func eventRows(in db: Database) -> BatchedInsert<(memberID: Int64, event: MembershipEvent)> {
    BatchedInsert(into: "membership_event", columns: ["member_id", "kind", "date", "cell_id", "note"], in: db) {
      statement, base, row in
      statement.bind(base + 1, row.memberID)
      statement.bind(base + 2, row.event.kind.rawValue)
      statement.bind(base + 3, row.event.date.daysSinceEpoch)
      statement.bind(base + 4, row.event.cellID)
      statement.bind(base + 5, row.event.note)
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
    var rows = spanRows(in: db)
    for span in timeline.spans { try rows.append((memberID, span)) }
    try rows.flush()
  }

  /// A register's spans, many to a statement.
  static func spanRows(in db: Database) -> BatchedInsert<(memberID: Int64, span: MemberSpan)> {
    BatchedInsert(
      into: "member_span",
      columns: ["member_id", "cell_id", "valid_from", "valid_until", "standing", "exempt", "in_transit"], in: db
    ) { statement, base, row in
      statement.bind(base + 1, row.memberID)
      statement.bind(base + 2, row.span.cellID)
      statement.bind(base + 3, row.span.from.daysSinceEpoch)
      statement.bind(base + 4, row.span.until?.daysSinceEpoch)
      statement.bind(base + 5, row.span.standing.rawValue)
      statement.bind(base + 6, row.span.exempt)
      statement.bind(base + 7, row.span.inTransit)
    }
  }

}
