import DangVuCore
import GRDB

/// Two-step transfers: the letter issued with the `transferSent` event, received with `transferReceived`.
extension SQLiteStore {
  public func issueTransferLetter(_ letter: NewTransferLetter, expectedVersion: Int?, by actor: AuditActor)
    async throws -> TransferLetter
  {
    try TextRules.check(letter.number, .letterNumber)
    try TextRules.check(letter.note, .note)
    return try await writer.write { db in
      let before = try Self.checkedVersion(of: letter.memberID, expected: expectedVersion, in: db)
      try Self.recordOne(LifecycleWrites.sending(letter), in: db)
      let eventID = try Int64.fetchOne(
        db, sql: "SELECT MAX(id) FROM membership_event WHERE member_id = ?", arguments: [letter.memberID])!
      try db.execute(
        sql: """
          INSERT INTO transfer_letter(sent_event_id, member_id, from_cell_id, to_cell_id, number, note, issued, deadline,
            issued_by)
          SELECT ?, ?, cell_id, ?, ?, ?, ?, ?, ? FROM member_span
          WHERE member_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1
          """,
        arguments: [
          eventID, letter.memberID, letter.toCellID, letter.number, letter.note, letter.issued.daysSinceEpoch,
          TransferLetter.deadline(issued: letter.issued).daysSinceEpoch, actor.login, letter.memberID,
          letter.issued.daysSinceEpoch,
        ])
      let issued = try Self.transferLetter(id: eventID, in: db)!
      try Self.audit(actor, "member.transferSent", member: letter.memberID, before: before, after: issued, in: db)
      return issued
    }
  }

  public func receiveTransferLetter(id: Int64, on day: Day, by actor: AuditActor) async throws -> TransferLetter {
    try await writer.write { db in
      guard let letter = try Self.transferLetter(id: id, in: db) else { throw LifecycleWrites.unknownLetter }
      if let received = letter.received { throw LifecycleWrites.alreadyReceived(letter, on: received) }
      try Self.recordOne(LifecycleWrites.receipt(of: letter, on: day), in: db)
      let received = try Self.transferLetter(id: id, in: db)!
      try Self.audit(actor, "member.transferReceived", member: letter.memberID, before: letter, after: received, in: db)
      return received
    }
  }

  public func transferLetter(id: Int64) async throws -> TransferLetter? {
    try await writer.read { db in try Self.transferLetter(id: id, in: db) }
  }

  public func pendingTransferLetters(within code: String, direction: TransferDirection, on day: Day) async throws
    -> [TransferLetter]
  {
    try await writer.read { db in
      let scope = try ScopeFilter(code: code, day: day, in: db)
      // Starts from the members in transit now (a partial index of a few rows), each with its last sending found
      // through the member's own events: left to itself SQLite walked every sending in the database for each.
      let ids = try Int64.fetchAll(
        db,
        sql: """
          SELECT e.id FROM member_span s
          JOIN membership_event e ON e.id = (
            SELECT id FROM membership_event INDEXED BY membership_event_member
            WHERE member_id = s.member_id AND kind = 'transferSent'
            ORDER BY date DESC, id DESC LIMIT 1)
          WHERE s.in_transit = 1 AND s.valid_until IS NULL
            AND \(scope.condition(direction == .incoming ? "e.cell_id" : "s.cell_id"))
          ORDER BY e.date, e.id
          """, arguments: scope.arguments)
      return try ids.compactMap { try Self.transferLetter(id: $0, in: db) }
    }
  }

  /// The letter behind a `transferSent` event, or what a transfer sent without one stands for.
  static func transferLetter(id: Int64, in db: Database) throws -> TransferLetter? {
    guard
      let row = try db.cachedRow(
        sql: """
          SELECT e.member_id, m.full_name, e.date, e.cell_id, l.from_cell_id, l.number, l.note, l.deadline
          FROM membership_event e JOIN member m ON m.id = e.member_id
          LEFT JOIN transfer_letter l ON l.sent_event_id = e.id
          WHERE e.id = ? AND e.kind = 'transferSent'
          """, arguments: [id])
    else { return nil }
    let memberID: Int64 = row[0]
    let issued = Day(daysSinceEpoch: row[2])
    let fromID =
      try (row[4] as Int64?)
      ?? db.cachedValue(
        Int64.self,
        sql: "SELECT cell_id FROM member_span WHERE member_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
        arguments: [memberID, issued.daysSinceEpoch])
    guard let fromID, let from = try organisation(id: fromID, in: db), let to = try organisation(id: row[3], in: db)
    else { return nil }
    let received = try receivedEvent(after: id, member: memberID, sent: issued, in: db)
    return TransferLetter(
      id: id, memberID: memberID, memberName: row[1], fromCell: .init(id: from.id, code: from.code, name: from.name),
      toCell: .init(id: to.id, code: to.code, name: to.name), issued: issued,
      deadline: (row[7] as Int?).map(Day.init(daysSinceEpoch:)) ?? TransferLetter.deadline(issued: issued),
      number: row[5] as String? ?? "", note: row[6] as String? ?? "", received: received?.date)
  }

  /// The `transferReceived` event that completes the sending `id`: the first after it (the history allows no
  /// other sending in between).
  private static func receivedEvent(after id: Int64, member: Int64, sent: Day, in db: Database) throws -> (
    id: Int64, date: Day
  )? {
    try db.cachedRow(
      sql: """
        SELECT id, date FROM membership_event INDEXED BY membership_event_member
        WHERE member_id = ? AND kind = 'transferReceived' AND (date > ? OR (date = ? AND id > ?))
        ORDER BY date, id LIMIT 1
        """, arguments: [member, sent.daysSinceEpoch, sent.daysSinceEpoch, id]
    ).map { ($0[0], Day(daysSinceEpoch: $0[1])) }
  }

  /// Keeps a member's letters in step with the history after any change to it: a letter whose sending event
  /// is gone (or is no longer a sending) goes; the others take the event's date, cell and receipt.
  static func keepLettersInStep(ofMember memberID: Int64, in db: Database) throws {
    let letters = try Row.fetchAll(
      db,
      sql: """
        SELECT l.sent_event_id, e.kind, e.date, e.cell_id FROM transfer_letter l
        LEFT JOIN membership_event e ON e.id = l.sent_event_id WHERE l.member_id = ?
        """, arguments: [memberID])
    for letter in letters {
      let id: Int64 = letter[0]
      guard letter[1] as String? == MembershipEventKind.transferSent.rawValue, let day = letter[2] as Int? else {
        try db.execute(sql: "DELETE FROM transfer_letter WHERE sent_event_id = ?", arguments: [id])
        continue
      }
      let issued = Day(daysSinceEpoch: day)
      let received = try receivedEvent(after: id, member: memberID, sent: issued, in: db)
      try db.execute(
        sql: """
          UPDATE transfer_letter SET issued = ?, deadline = ?, to_cell_id = ?, received = ?, received_event_id = ?,
            from_cell_id = COALESCE((SELECT cell_id FROM member_span WHERE member_id = ? AND valid_from <= ?
              ORDER BY valid_from DESC LIMIT 1), from_cell_id)
          WHERE sent_event_id = ?
          """,
        arguments: [
          day, TransferLetter.deadline(issued: issued).daysSinceEpoch, letter[3] as Int64?,
          received?.date.daysSinceEpoch, received?.id, memberID, day, id,
        ])
    }
  }
}
