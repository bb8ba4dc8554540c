import DangVuCore
import DangVuStore
import PostgresNIO

/// The member register's writes on PostgreSQL (SQLite's `SQLiteStore+Members.swift`): each one transaction, every
/// history checked by Core's `MemberTimeline` through the same batch check (`CheckedMember.check`), the spans it
/// yields written beside the events, an import's entry appended in the transaction.
///
/// SQLite has one writer; here many servers write at once. A register write checks histories against the tree, so
/// it holds the tree's lock shared until it commits: register writes run side by side, a tree change (which takes
/// the lock alone) waits for them and they for it. A member whose history is being extended is locked by its row,
/// so two servers adding events to the same member check one after the other.
extension PostgresStore: RegisterStore {
  /// Runs `body` as `write` does, holding the tree's lock shared until the transaction ends.
  func writeRegister<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws
    -> Result
  {
    try await write { transaction in
      try await transaction.query("SELECT pg_advisory_xact_lock_shared(\(Self.treeLock))")
      return try await body(transaction)
    }
  }

  @discardableResult
  public func addMembers(_ batch: [NewMember], audit: ImportAudit?) async throws -> [Member] {
    try await writeRegister { transaction in
      let added = try await Self.add(batch, in: transaction)
      try await Self.append(audit, in: transaction)
      return added
    }
  }

  static func add(_ batch: [NewMember], in transaction: PostgresTransaction) async throws -> [Member] {
    let cells = try await CellsRead.of(batch.flatMap(\.events), in: transaction)
    let checked = try CheckedMember.check(batch, cell: cells.check)
    try await refuseNumbersTaken(batch, in: transaction)
    // Ids in batch order, as SQLite gives them, so the identities go in many to a statement.
    let ids = try await transaction.rows(
      "SELECT nextval(pg_get_serial_sequence('member', 'id')) FROM generate_series(1, \(batch.count))",
      columns: ["member.id"]
    ).map { try $0.value(0, as: Int64.self) }.sorted()
    let added = zip(batch, ids).map { new, id in
      var member = new.member
      member.id = id
      return member
    }
    do {
      try await memberRows.insert(zip(added, checked).map { (member: $0, checked: $1) }, in: transaction)
    } catch let error as PSQLError {
      throw takenMeanwhile(error, in: batch) ?? error
    }
    try await postRows.insert(added.flatMap { m in m.posts.map { (m.id, $0) } }, in: transaction)
    try await eventRows.insert(
      zip(added, checked).flatMap { m, c in c.timeline.events.map { (m.id, $0) } }, in: transaction)
    try await spanRows.insert(
      zip(added, checked).flatMap { m, c in c.timeline.spans.map { (m.id, $0) } }, in: transaction)
    // The register's monthly sums, from the spans in hand: however large the batch, they stay current.
    if try await memberStockKept(in: transaction) {
      try await addToMemberStock(
        removing: [], adding: zip(added, checked).map { ($0, $1.timeline.spans) }, in: transaction)
    }
    // Admissions last: a sponsor may come later in the batch than the member sponsored; the batch's spans are
    // written by now, so the sponsors' standings are read as for anyone in the register.
    for (index, new) in batch.enumerated() {
      guard let decision = new.admission else { continue }
      do {
        try await insertAdmission(decision, of: added[index], checked[index].timeline, in: transaction)
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    return added
  }

  /// A card or ID number already in the register refuses its member at its place in the batch, the ID number first,
  /// as SQLite's unique indexes do.
  private static func refuseNumbersTaken(_ batch: [NewMember], in transaction: PostgresTransaction) async throws {
    let cards = batch.compactMap(\.member.partyCardNumber)
    let nationalIDs = batch.compactMap(\.member.nationalID)
    guard !cards.isEmpty || !nationalIDs.isEmpty else { return }
    var takenCards = Set<String>()
    var takenIDs = Set<String>()
    for row in try await transaction.rows(
      """
      SELECT party_card_number, national_id FROM member
      WHERE party_card_number = ANY(\(cards)) OR national_id = ANY(\(nationalIDs))
      """, columns: ["member.party_card_number", "member.national_id"])
    {
      if let card = try row.optional(0, as: String.self) { takenCards.insert(card) }
      if let nid = try row.optional(1, as: String.self) { takenIDs.insert(nid) }
    }
    for (index, new) in batch.enumerated() {
      if let nid = new.member.nationalID, takenIDs.contains(nid) {
        throw BatchItemError(index: index, error: MemberRules.duplicateNationalID(nid))
      }
      if let card = new.member.partyCardNumber, takenCards.contains(card) {
        throw BatchItemError(index: index, error: MemberRules.duplicateCard(card))
      }
    }
  }

  /// A number another server put in the register after `refuseNumbersTaken` read it: the unique index's refusal
  /// (its detail reads "Key (party_card_number)=(10000001) already exists."), at the place of the member holding it.
  private static func takenMeanwhile(_ error: PSQLError, in batch: [NewMember]) -> BatchItemError? {
    guard error.serverInfo?[.sqlState] == "23505", let detail = error.serverInfo?[.detail] else { return nil }
    for (index, new) in batch.enumerated() {
      if let nid = new.member.nationalID, detail.contains("(national_id)=(\(nid))") {
        return BatchItemError(index: index, error: MemberRules.duplicateNationalID(nid))
      }
      if let card = new.member.partyCardNumber, detail.contains("(party_card_number)=(\(card))") {
        return BatchItemError(index: index, error: MemberRules.duplicateCard(card))
      }
    }
    return nil
  }

  /// Records the admission decision of a member being added (SQLite's `insertAdmission`).
  private static func insertAdmission(
    _ decision: AdmissionDecision, of member: Member, _ timeline: MemberTimeline, in transaction: PostgresTransaction
  ) async throws {
    let admitted = try AdmissionRules.admissionDay(of: timeline, memberName: member.fullName)
    try await insertAdmission(
      Admission(memberID: member.id, decisionNumber: decision.decisionNumber, sponsorIDs: decision.sponsorIDs),
      memberName: member.fullName, admittedOn: admitted, in: transaction)
  }

  /// Records an admission decision, here or later (`recordAdmission`): the rules are Core's (`AdmissionRules`), the
  /// sponsors' standings on the admission day read from the spans. The sponsors' rows are locked shared first: a
  /// history being changed by another server (a sponsor struck off that day) is read once it commits.
  static func insertAdmission(
    _ admission: Admission, memberName: String, admittedOn admitted: Day, in transaction: PostgresTransaction
  ) async throws {
    let sponsors = admission.sponsorIDs
    try await transaction.query("SELECT id FROM member WHERE id = ANY(\(sponsors)) ORDER BY id FOR SHARE")
    let d = admitted.daysSinceEpoch
    var standings: [Int64: Standing] = [:]
    for row in try await transaction.rows(
      """
      SELECT member_id, standing FROM member_span
      WHERE member_id = ANY(\(sponsors)) AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
      """, columns: ["member_span.member_id", "member_span.standing"])
    {
      standings[try row.value(0)] = try standing(row, 1)
    }
    try AdmissionRules.check(admission, memberName: memberName, admittedOn: admitted) { standings[$0] }
    try await transaction.query(
      """
      INSERT INTO admission(member_id, decision_number, sponsor_1, sponsor_2)
      VALUES (\(admission.memberID), \(admission.decisionNumber), \(sponsors[0]), \(sponsors[1]))
      ON CONFLICT (member_id) DO UPDATE SET decision_number = EXCLUDED.decision_number,
        sponsor_1 = EXCLUDED.sponsor_1, sponsor_2 = EXCLUDED.sponsor_2
      """)
  }

  public func recordEvents(_ events: [MembershipEvent], audit: ImportAudit?) async throws {
    try await writeRegister { transaction in
      try await Self.record(events, in: transaction)
      try await Self.append(audit, in: transaction)
    }
  }

  /// Appends events to members' histories inside the caller's transaction (`recordEvents`, a merge's transfers):
  /// each member's whole history is checked with all of its new events at once, in the order given.
  static func record(_ events: [MembershipEvent], in transaction: PostgresTransaction) async throws {
    // The register's monthly sums: what each history's spans contributed is taken away and what they now
    // contribute added, all at once after the last member.
    let keepingSums = try await memberStockKept(in: transaction)
    var before: [(member: Member, spans: [MemberSpan])] = []
    var after: [(member: Member, spans: [MemberSpan])] = []
    for (memberID, new) in events.groupedByMember() {
      do {
        // The row lock: another server extending this history waits until this one commits.
        guard let member = try await members(where: "m.id = \(memberID) FOR UPDATE", in: transaction).first else {
          throw MemberRules.unknownMember(memberID)
        }
        let history = try await Self.events(of: memberID, in: transaction) + new.map(\.event)
        let cells = try await CellsRead.of(history, in: transaction)
        let timeline = try MemberTimeline(member: member, events: history, cell: cells.check)
        try await eventRows.insert(new.map { (memberID, $0.event) }, in: transaction)
        if keepingSums {
          before.append((member, try await storedSpans(of: memberID, in: transaction)))
          after.append((member, timeline.spans))
        }
        try await transaction.query("DELETE FROM member_span WHERE member_id = \(memberID)")
        try await spanRows.insert(timeline.spans.map { (memberID, $0) }, in: transaction)
        try await transaction.query(
          """
          UPDATE member SET current_cell_id = \(timeline.currentCellID), version = version + 1
          WHERE id = \(memberID)
          """)
      } catch let error as DomainError {
        throw BatchItemError(index: new[0].index, error: error)
      }
    }
    if keepingSums { try await addToMemberStock(removing: before, adding: after, in: transaction) }
  }

  public func updateMember(_ member: Member) async throws {
    try await writeRegister { transaction in try await Self.update(member, in: transaction) }
  }

}
