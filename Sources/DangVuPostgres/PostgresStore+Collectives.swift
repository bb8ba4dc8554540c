import DangVuCore
import DangVuStore
import PostgresNIO

/// Leadership collectives and their seats on PostgreSQL (SQLite's `SQLiteStore+Collectives.swift`), each write
/// checked by Core's `CollectiveRules` and audited in its transaction. A seat is checked against the collective's
/// other seats, so seating takes the collective's row lock; a file's find-or-add of a collective takes the unit's, so
/// two servers importing the same collective add it once.
extension PostgresStore {
  public func recordCollective(_ new: NewCollective, by actor: AuditActor) async throws -> CollectiveRecord {
    try await writeRegister { transaction in
      let saved = try await Self.insertCollective(new, in: transaction)
      _ = try await Self.append(
        LeadershipWrites.entry(
          actor, "collective.record", subject: "collective:\(saved.collective.id)", scope: saved.unitCode,
          before: nil as CollectiveRecord?, after: saved), in: transaction)
      return saved
    }
  }

  public func seatInCollective(_ new: NewCollectiveSeat, by actor: AuditActor) async throws -> CollectiveRecord {
    try await writeRegister { transaction in
      guard let before = try await Self.lockedCollective(id: new.collectiveID, in: transaction) else {
        throw LeadershipWrites.unknownCollective(new.collectiveID)
      }
      let after = try await Self.insertSeat(new, into: before, in: transaction)
      _ = try await Self.append(
        LeadershipWrites.entry(
          actor, "collective.seat", subject: "collective:\(new.collectiveID)", scope: before.unitCode, before: before,
          after: after), in: transaction)
      return after
    }
  }

  public func importCollectives(_ rows: [CollectiveFileRow], audit: ImportAudit?) async throws {
    try await writeRegister { transaction in
      for (index, row) in rows.enumerated() {
        do {
          // The same unit, name and first day of term is the same collective: a file may seat members in one
          // recorded earlier, or in one its earlier rows added.
          let unit = try await Self.requireOrganisation(code: row.collective.unitCode, in: transaction)
          try await transaction.query("SELECT 1 FROM organisation WHERE id = \(unit.id) FOR NO KEY UPDATE")
          let name = row.collective.name.trimmingCharacters(in: .whitespacesAndNewlines)
          var collective: CollectiveRecord
          if let id: Int64 = try await transaction.rows(
            """
            SELECT id FROM leadership_collective
            WHERE organisation_id = \(unit.id) AND name = \(name) AND formed = \(row.collective.formed.daysSinceEpoch)
            ORDER BY id LIMIT 1
            """, columns: ["leadership_collective.id"]
          ).first?.value(0), let stored = try await Self.lockedCollective(id: id, in: transaction) {
            collective = stored
          } else {
            collective = try await Self.insertCollective(row.collective, in: transaction)
          }
          if var seat = row.seat {
            seat.collectiveID = collective.collective.id
            collective = try await Self.insertSeat(seat, into: collective, in: transaction)
          }
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try await Self.append(audit, in: transaction)
    }
  }

  static func insertCollective(_ new: NewCollective, in transaction: PostgresTransaction) async throws
    -> CollectiveRecord
  {
    let unit = try await requireOrganisation(code: new.unitCode, in: transaction)
    let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
    let checked = Collective(
      unitID: unit.id, name: name, kindCode: new.kindCode, formed: new.formed, ended: new.ended)
    try CollectiveRules.check(checked, unitName: unit.name, unitExists: unit.exists(on:))
    _ = try LeadershipWrites.collectiveName(name)
    let id: Int64 = try await transaction.rows(
      """
      INSERT INTO leadership_collective(organisation_id, name, kind, formed, ended)
      VALUES (\(unit.id), \(name), \(new.kindCode), \(new.formed.daysSinceEpoch), \(new.ended?.daysSinceEpoch))
      RETURNING id
      """, columns: ["leadership_collective.id"]
    )[0].value(0)
    return try await collective(id: id, in: transaction)!
  }

  static func insertSeat(_ new: NewCollectiveSeat, into before: CollectiveRecord, in transaction: PostgresTransaction)
    async throws -> CollectiveRecord
  {
    guard let unit = try await organisation(id: before.collective.unitID, in: transaction) else {
      throw TreeRules.unknownUnit(before.unitCode)
    }
    let seat = CollectiveSeat(
      collectiveID: before.collective.id, memberID: new.memberID, from: new.from, until: new.until)
    try CollectiveRules.check(
      seat, in: before.collective, memberName: try await requireMemberName(new.memberID, in: transaction),
      unitName: unit.name,
      placements: try await placements(ofMember: new.memberID, inside: unit, from: new.from, in: transaction),
      others: before.seats.map(\.seat))
    try await transaction.query(
      """
      INSERT INTO collective_seat(collective_id, member_id, valid_from, valid_until)
      VALUES (\(seat.collectiveID), \(seat.memberID), \(seat.from.daysSinceEpoch), \(seat.until?.daysSinceEpoch))
      """)
    return try await collective(id: before.collective.id, in: transaction)!
  }

  public func collective(id: Int64) async throws -> CollectiveRecord? {
    try await read { transaction in try await Self.collective(id: id, in: transaction) }
  }

  public func collectives(ofUnit code: String) async throws -> [CollectiveRecord] {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: code, in: transaction)
      var records: [CollectiveRecord] = []
      for row in try await transaction.rows(
        "SELECT id FROM leadership_collective WHERE organisation_id = \(unit.id) ORDER BY formed DESC, id DESC",
        columns: ["leadership_collective.id"])
      {
        if let record = try await Self.collective(id: try row.value(0), in: transaction) { records.append(record) }
      }
      return records
    }
  }

  /// The collective with its seats, its row locked until the transaction ends: seats are checked one after another.
  static func lockedCollective(id: Int64, in transaction: PostgresTransaction) async throws -> CollectiveRecord? {
    guard try await exists("SELECT 1 FROM leadership_collective WHERE id = \(id) FOR NO KEY UPDATE", in: transaction)
    else { return nil }
    return try await collective(id: id, in: transaction)
  }

  static func collective(id: Int64, in transaction: PostgresTransaction) async throws -> CollectiveRecord? {
    guard
      let row = try await transaction.rows(
        """
        SELECT c.id, c.organisation_id, c.name, c.kind, c.formed, c.ended, o.code, o.name
        FROM leadership_collective c JOIN organisation o ON o.id = c.organisation_id WHERE c.id = \(id)
        """,
        columns: [
          "leadership_collective.id", "leadership_collective.organisation_id", "leadership_collective.name",
          "leadership_collective.kind", "leadership_collective.formed", "leadership_collective.ended",
          "organisation.code", "organisation.name",
        ]
      ).first
    else { return nil }
    let seats = try await transaction.rows(
      """
      SELECT s.id, s.member_id, s.valid_from, s.valid_until, m.full_name
      FROM collective_seat s JOIN member m ON m.id = s.member_id
      WHERE s.collective_id = \(id) ORDER BY s.valid_from, s.id
      """,
      columns: [
        "collective_seat.id", "collective_seat.member_id", "collective_seat.valid_from", "collective_seat.valid_until",
        "member.full_name",
      ]
    ).map { seat in
      CollectiveRecord.Seat(
        seat: CollectiveSeat(
          id: try seat.value(0), collectiveID: id, memberID: try seat.value(1), from: try seat.day(2),
          until: try seat.optionalDay(3)), memberName: try seat.value(4))
    }
    return CollectiveRecord(
      collective: Collective(
        id: try row.value(0), unitID: try row.value(1), name: try row.value(2), kindCode: try row.value(3),
        formed: try row.day(4), ended: try row.optionalDay(5)),
      unitCode: try row.value(6), unitName: try row.value(7), seats: seats)
  }
}
