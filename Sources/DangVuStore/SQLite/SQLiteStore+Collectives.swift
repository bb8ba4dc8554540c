import DangVuCore
import Foundation
import GRDB

/// Leadership collectives and their seats, each write checked by `CollectiveRules` and audited in its transaction.
extension SQLiteStore {
  public func recordCollective(_ new: NewCollective, by actor: AuditActor) async throws -> CollectiveRecord {
    try await writer.write { db in
      let saved = try Self.insertCollective(new, in: db)
      try Self.auditLeadership(
        actor, "collective.record", subject: "collective:\(saved.collective.id)", scope: saved.unitCode,
        before: nil as CollectiveRecord?, after: saved, in: db)
      return saved
    }
  }

  public func seatInCollective(_ new: NewCollectiveSeat, by actor: AuditActor) async throws -> CollectiveRecord {
    try await writer.write { db in
      guard let before = try Self.collective(id: new.collectiveID, in: db) else {
        throw LeadershipWrites.unknownCollective(new.collectiveID)
      }
      let after = try Self.insertSeat(new, into: before, in: db)
      try Self.auditLeadership(
        actor, "collective.seat", subject: "collective:\(new.collectiveID)", scope: before.unitCode, before: before,
        after: after, in: db)
      return after
    }
  }

  public func importCollectives(_ rows: [CollectiveFileRow], audit: ImportAudit?) async throws {
    try await writer.write { db in
      for (index, row) in rows.enumerated() {
        do {
          // The same unit, name and first day of term is the same collective: a file may seat members in one
          // recorded earlier, or in one its earlier rows added.
          let unit = try Self.requireOrganisation(code: row.collective.unitCode, in: db)
          let name = row.collective.name.trimmingCharacters(in: .whitespacesAndNewlines)
          var collective: CollectiveRecord
          if let id = try Int64.fetchOne(
            db,
            sql: "SELECT id FROM leadership_collective WHERE organisation_id = ? AND name = ? AND formed = ?",
            arguments: [unit.id, name, row.collective.formed.daysSinceEpoch]),
            let stored = try Self.collective(id: id, in: db)
          {
            collective = stored
          } else {
            collective = try Self.insertCollective(row.collective, in: db)
          }
          if let seat = row.seat {
            var seat = seat
            seat.collectiveID = collective.collective.id
            collective = try Self.insertSeat(seat, into: collective, in: db)
          }
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try Self.append(audit, in: db)
    }
  }

  static func insertCollective(_ new: NewCollective, in db: Database) throws -> CollectiveRecord {
    let unit = try requireOrganisation(code: new.unitCode, in: db)
    let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
    let collective = Collective(
      unitID: unit.id, name: name, kindCode: new.kindCode, formed: new.formed, ended: new.ended)
    try CollectiveRules.check(collective, unitName: unit.name, unitExists: unit.exists(on:))
    _ = try LeadershipWrites.collectiveName(name)
    try db.execute(
      sql: "INSERT INTO leadership_collective(organisation_id, name, kind, formed, ended) VALUES (?, ?, ?, ?, ?)",
      arguments: [unit.id, name, new.kindCode, new.formed.daysSinceEpoch, new.ended?.daysSinceEpoch])
    return try Self.collective(id: db.lastInsertedRowID, in: db)!
  }

  static func insertSeat(_ new: NewCollectiveSeat, into before: CollectiveRecord, in db: Database) throws
    -> CollectiveRecord
  {
    guard let unit = try organisation(id: before.collective.unitID, in: db) else {
      throw unknownOrganisation(before.unitCode)
    }
    let seat = CollectiveSeat(
      collectiveID: before.collective.id, memberID: new.memberID, from: new.from, until: new.until)
    try CollectiveRules.check(
      seat, in: before.collective, memberName: try requireMemberName(new.memberID, in: db), unitName: unit.name,
      placements: try placements(ofMember: new.memberID, inside: unit, from: new.from, in: db),
      others: before.seats.map(\.seat))
    try db.execute(
      sql: "INSERT INTO collective_seat(collective_id, member_id, valid_from, valid_until) VALUES (?, ?, ?, ?)",
      arguments: [seat.collectiveID, seat.memberID, seat.from.daysSinceEpoch, seat.until?.daysSinceEpoch])
    return try collective(id: before.collective.id, in: db)!
  }

  public func collective(id: Int64) async throws -> CollectiveRecord? {
    try await writer.read { db in try Self.collective(id: id, in: db) }
  }

  public func collectives(ofUnit code: String) async throws -> [CollectiveRecord] {
    try await writer.read { db in
      let unit = try Self.requireOrganisation(code: code, in: db)
      let ids = try Int64.fetchAll(
        db, sql: "SELECT id FROM leadership_collective WHERE organisation_id = ? ORDER BY formed DESC, id DESC",
        arguments: [unit.id])
      return try ids.compactMap { try Self.collective(id: $0, in: db) }
    }
  }

  static func collective(id: Int64, in db: Database) throws -> CollectiveRecord? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT c.id, c.organisation_id, c.name, c.kind, c.formed, c.ended, o.code, o.name
          FROM leadership_collective c JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?
          """, arguments: [id])
    else { return nil }
    let seats = try Row.fetchAll(
      db,
      sql: """
        SELECT s.id, s.member_id, s.valid_from, s.valid_until, m.full_name
        FROM collective_seat s JOIN member m ON m.id = s.member_id
        WHERE s.collective_id = ? ORDER BY s.valid_from, s.id
        """, arguments: [id]
    ).map { seat in
      CollectiveRecord.Seat(
        seat: CollectiveSeat(
          id: seat[0], collectiveID: id, memberID: seat[1], from: Day(daysSinceEpoch: seat[2]),
          until: (seat[3] as Int?).map(Day.init(daysSinceEpoch:))), memberName: seat[4])
    }
    return CollectiveRecord(
      collective: Collective(
        id: row[0], unitID: row[1], name: row[2], kindCode: row[3], formed: Day(daysSinceEpoch: row[4]),
        ended: (row[5] as Int?).map(Day.init(daysSinceEpoch:))),
      unitCode: row[6], unitName: row[7], seats: seats)
  }
}
