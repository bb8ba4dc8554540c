import DangVuCore
import GRDB

/// The oversight writes people make on the web, the API and the command line: each with its audit entry in the
/// transaction of the write, so an entry that cannot be written leaves the records as they were.
extension SQLiteStore {
  @discardableResult
  public func recordAppeal(_ appeal: Appeal, by actor: AuditActor) async throws -> Appeal {
    try await writer.write { db in
      guard let before = try Self.disciplineHistory(decisionID: appeal.decisionID, in: db) else {
        throw OversightRules.unknownAppealedDecision(appeal.decisionID)
      }
      let saved = try Self.insert(appeal, in: db)
      _ = try Self.append(.disciplineAppealed(before: before, saved: saved, by: actor), in: db)
      return saved
    }
  }

  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func disciplineDecision(id: Int64) async throws -> (history: DisciplineHistory, unitID: Int64)? {
    try readOnCallingThread { db in
      guard let history = try Self.disciplineHistory(decisionID: id, in: db),
        let unitID = try Int64.fetchOne(
          db, sql: "SELECT unit_id FROM discipline_decision WHERE id = ?", arguments: [id])
      else { return nil }
      return (history, unitID)
    }
  }

  public func setProgramme(_ programme: OversightProgramme, by actor: AuditActor) async throws {
    try await writer.write { db in
      let before = try Self.programme(body: programme.body, year: programme.year, in: db)
      try Self.setProgramme(programme, in: db)
      _ = try Self.append(.programmeSet(programme, before: before, by: actor), in: db)
    }
  }
}

extension SQLiteStore {
  public func correctDiscipline(_ correction: DisciplineCorrection, by actor: AuditActor) async throws
    -> DisciplineDecision
  {
    try await writer.write { db in
      guard let before = try Self.disciplineHistory(decisionID: correction.decisionID, in: db)?.decision else {
        throw OversightRules.unknownDecision(correction.decisionID)
      }
      try OversightRules.check(correction, of: before)
      try OversightRules.checkCategories(
        correction.categories, known: Set(try String.fetchAll(db, sql: "SELECT code FROM violation_category")))
      let after = correction.applied(to: before)
      try db.execute(
        sql: """
          UPDATE discipline_decision SET number = ?, violated = ?, categories = ?, self_corrected = ?, note = ?
          WHERE id = ?
          """,
        arguments: [
          after.number, after.violated.daysSinceEpoch, DisciplineCategories.encode(after.categories),
          after.selfCorrected, after.note, after.id,
        ])
      try db.execute(sql: "DELETE FROM discipline_violation WHERE decision_id = ?", arguments: [after.id])
      for code in Set(after.categories).sorted() {
        try db.execute(
          sql: "INSERT INTO discipline_violation(decision_id, category) VALUES (?, ?)", arguments: [after.id, code])
      }
      // An expulsion's event cites the decision by its number (`expulsionNote`): it cites the corrected one, so the
      // member's history reads right and an appeal that annuls the decision later still finds its event.
      if before.number != after.number {
        let subjectID = try Int64.fetchOne(
          db, sql: "SELECT subject_id FROM discipline_decision WHERE id = ? AND is_member = 1", arguments: [after.id])
        if let subjectID {
          try db.execute(
            sql: "UPDATE membership_event SET note = ? WHERE member_id = ? AND kind = ? AND note = ?",
            arguments: [
              after.expulsionNote, subjectID, MembershipEventKind.expelled.rawValue, before.expulsionNote,
            ])
        }
      }
      _ = try Self.append(
        .disciplineCorrected(before: before, after: after, reason: correction.reason, by: actor), in: db)
      return after
    }
  }
}

extension SQLiteStore {
  public func correctComplaint(_ correction: ComplaintCorrection, by actor: AuditActor) async throws -> Complaint {
    try await writer.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.complaintColumns) FROM complaint WHERE id = ?", arguments: [correction.complaintID])
      else { throw OversightRules.unknownComplaint(correction.complaintID) }
      let before = try Self.complaint(row, in: db)
      try OversightRules.check(correction, of: before)
      let after = correction.applied(to: before)
      try db.execute(
        sql: "UPDATE complaint SET kind = ?, summary = ?, resolved = ?, finding = ? WHERE id = ?",
        arguments: [
          after.kind.rawValue, after.summary, after.resolved?.daysSinceEpoch, after.finding?.rawValue, after.id,
        ])
      let unit = try Self.organisation(id: row[8], in: db)
      _ = try Self.append(
        .complaintCorrected(before: before, after: after, reason: correction.reason, scope: unit?.code, by: actor),
        in: db)
      return after
    }
  }
}
