import DangVuCore
import DangVuStore
import PostgresNIO

/// Two-step transfers on PostgreSQL (SQLite's `SQLiteStore+TransferLetters.swift`): the letter issued with the
/// `transferSent` event, received with `transferReceived`. A letter's receipt is read from the member's events, so a
/// receipt recorded by any path (the command line, an import, a merge) completes it (`PostgresMigrations.lifecycle`).
extension PostgresStore {
  public func issueTransferLetter(_ letter: NewTransferLetter, expectedVersion: Int?, by actor: AuditActor)
    async throws -> TransferLetter
  {
    try TextRules.check(letter.number, .letterNumber)
    try TextRules.check(letter.note, .note)
    return try await writeRegister { transaction in
      let before = try await Self.checkedVersion(of: letter.memberID, expected: expectedVersion, in: transaction)
      try await Self.recordOne(LifecycleWrites.sending(letter), in: transaction)
      // The member's row is locked: the newest event of the member is the one just recorded.
      let eventID: Int64 = try await transaction.rows(
        "SELECT max(id) FROM membership_event WHERE member_id = \(letter.memberID)", columns: ["membership_event.id"]
      )[0].value(0)
      let issued = letter.issued.daysSinceEpoch
      try await transaction.query(
        """
        INSERT INTO transfer_letter(sent_event_id, member_id, from_cell_id, to_cell_id, number, note, issued, deadline,
          issued_by)
        SELECT \(eventID), \(letter.memberID), cell_id, \(letter.toCellID), \(letter.number), \(letter.note), \(issued),
          \(TransferLetter.deadline(issued: letter.issued).daysSinceEpoch), \(actor.login)
        FROM member_span WHERE member_id = \(letter.memberID) AND valid_from <= \(issued)
        ORDER BY valid_from DESC LIMIT 1
        """)
      let saved = try await Self.transferLetter(id: eventID, in: transaction)!
      try await Self.appendMemberEntry(
        actor, "member.transferSent", member: letter.memberID, before: before, after: saved, in: transaction)
      return saved
    }
  }

  // Two servers receiving one letter at once: the member's row lock makes the second read the letter after the
  // first's commit, received, and refuse it as received, rather than record a second arrival.
  public func receiveTransferLetter(id: Int64, on day: Day, by actor: AuditActor) async throws -> TransferLetter {
    try await writeRegister { transaction in
      guard
        let memberID: Int64 = try await transaction.rows(
          "SELECT member_id FROM membership_event WHERE id = \(id) AND kind = 'transferSent'",
          columns: ["membership_event.member_id"]
        ).first?.value(0),
        try await Self.lockedVersion(of: memberID, in: transaction) != nil,
        let letter = try await Self.transferLetter(id: id, in: transaction)
      else { throw LifecycleWrites.unknownLetter }
      if let received = letter.received { throw LifecycleWrites.alreadyReceived(letter, on: received) }
      try await Self.recordOne(LifecycleWrites.receipt(of: letter, on: day), in: transaction)
      let received = try await Self.transferLetter(id: id, in: transaction)!
      try await Self.appendMemberEntry(
        actor, "member.transferReceived", member: letter.memberID, before: letter, after: received, in: transaction)
      return received
    }
  }

  public func transferLetter(id: Int64) async throws -> TransferLetter? {
    try await read { transaction in try await Self.transferLetter(id: id, in: transaction) }
  }

  // Starts from the members in transit now (a partial index of a few rows), each with its last sending.
  public func pendingTransferLetters(within code: String, direction: TransferDirection, on day: Day) async throws
    -> [TransferLetter]
  {
    try await read { transaction in
      _ = try await Self.requireOrganisation(code: code, in: transaction)
      let units = try await Self.subtreeIDs(of: code, on: day, in: transaction)
      let ids: [Int64] = try await transaction.rows(
        """
        SELECT e.id FROM member_span s
        CROSS JOIN LATERAL (
          SELECT id, date, cell_id FROM membership_event
          WHERE member_id = s.member_id AND kind = 'transferSent' ORDER BY date DESC, id DESC LIMIT 1) e
        WHERE s.in_transit AND s.valid_until IS NULL
          AND \(unescaped: direction == .incoming ? "e.cell_id" : "s.cell_id") = ANY(\(units))
        ORDER BY e.date, e.id
        """, columns: ["membership_event.id"]
      ).map { try $0.value(0) }
      var letters: [TransferLetter] = []
      for id in ids {
        if let letter = try await Self.transferLetter(id: id, in: transaction) { letters.append(letter) }
      }
      return letters
    }
  }

  /// The letter behind a `transferSent` event, or what a transfer sent without one stands for.
  static func transferLetter(id: Int64, in transaction: PostgresTransaction) async throws -> TransferLetter? {
    guard
      let row = try await transaction.rows(
        """
        SELECT e.member_id, m.full_name, e.date, e.cell_id, l.from_cell_id, l.number, l.note, l.deadline
        FROM membership_event e JOIN member m ON m.id = e.member_id
        LEFT JOIN transfer_letter l ON l.sent_event_id = e.id
        WHERE e.id = \(id) AND e.kind = 'transferSent'
        """,
        columns: [
          "membership_event.member_id", "member.full_name", "membership_event.date", "membership_event.cell_id",
          "transfer_letter.from_cell_id", "transfer_letter.number", "transfer_letter.note", "transfer_letter.deadline",
        ]
      ).first
    else { return nil }
    let memberID: Int64 = try row.value(0)
    let issued = try row.day(2)
    var fromID: Int64? = try row.optional(4)
    if fromID == nil {
      fromID = try await cellOf(memberID, on: issued, in: transaction)
    }
    guard let fromID, let from = try await organisation(id: fromID, in: transaction),
      let toID: Int64 = try row.optional(3), let to = try await organisation(id: toID, in: transaction)
    else { return nil }
    let received = try await transaction.rows(
      """
      SELECT date FROM membership_event
      WHERE member_id = \(memberID) AND kind = 'transferReceived'
        AND (date > \(issued.daysSinceEpoch) OR (date = \(issued.daysSinceEpoch) AND id > \(id)))
      ORDER BY date, id LIMIT 1
      """, columns: ["membership_event.date"]
    ).first?.day(0)
    return TransferLetter(
      id: id, memberID: memberID, memberName: try row.value(1),
      fromCell: .init(id: from.id, code: from.code, name: from.name),
      toCell: .init(id: to.id, code: to.code, name: to.name), issued: issued,
      deadline: try row.optionalDay(7) ?? TransferLetter.deadline(issued: issued), number: try row.optional(5) ?? "",
      note: try row.optional(6) ?? "", received: received)
  }

  /// The cell of the member's span that covers `day` (the last one starting by then).
  static func cellOf(_ memberID: Int64, on day: Day, in transaction: PostgresTransaction) async throws -> Int64? {
    try await transaction.rows(
      """
      SELECT cell_id FROM member_span WHERE member_id = \(memberID) AND valid_from <= \(day.daysSinceEpoch)
      ORDER BY valid_from DESC LIMIT 1
      """, columns: ["member_span.cell_id"]
    ).first?.value(0)
  }

  /// Keeps a member's letters in step with the history after a correction: a letter whose sending event is gone (or
  /// is no longer a sending) goes; the others take the event's day, cell and the cell it was sent from.
  static func keepLettersInStep(ofMember memberID: Int64, in transaction: PostgresTransaction) async throws {
    let letters = try await transaction.rows(
      """
      SELECT l.sent_event_id, e.kind, e.date, e.cell_id FROM transfer_letter l
      LEFT JOIN membership_event e ON e.id = l.sent_event_id WHERE l.member_id = \(memberID)
      """,
      columns: [
        "transfer_letter.sent_event_id", "membership_event.kind", "membership_event.date", "membership_event.cell_id",
      ])
    for letter in letters {
      let id: Int64 = try letter.value(0)
      guard try letter.optional(1, as: String.self) == MembershipEventKind.transferSent.rawValue,
        let issued = try letter.optionalDay(2)
      else {
        try await transaction.query("DELETE FROM transfer_letter WHERE sent_event_id = \(id)")
        continue
      }
      let from = try await cellOf(memberID, on: issued, in: transaction)
      try await transaction.query(
        """
        UPDATE transfer_letter SET issued = \(issued.daysSinceEpoch),
          deadline = \(TransferLetter.deadline(issued: issued).daysSinceEpoch),
          to_cell_id = \(try letter.optional(3, as: Int64.self)), from_cell_id = COALESCE(\(from), from_cell_id)
        WHERE sent_event_id = \(id)
        """)
    }
  }
}
