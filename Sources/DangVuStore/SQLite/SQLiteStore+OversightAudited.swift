import DangVuCore
import GRDB

/// The oversight writes people make on the web, the API and the command line: each with its audit entry in the
/// transaction of the write, so an entry that cannot be written leaves the records as they were.
extension SQLiteStore {
  @discardableResult
  public func recordAppeal(_ appeal: Appeal, by actor: AuditActor) async throws -> Appeal {
    try await writer.write { db in
      guard let before = try Self.disciplineHistory(decisionID: appeal.decisionID, in: db) else {
        throw DomainError("appeal.unknownDecision", "Không tìm thấy quyết định kỷ luật số \(appeal.decisionID).")
      }
      let saved = try Self.insert(appeal, in: db)
      let after = DisciplineHistory(decision: before.decision, appeals: before.appeals + [saved])
      _ = try Self.append(
        NewAuditEntry(
          actorLogin: actor.login, actorRole: actor.role, action: "discipline.appeal",
          subject: "discipline:\(appeal.decisionID)", scopeCode: before.decision.decidingBody.unitCode,
          before: try NewAuditEntry.json(before), after: try NewAuditEntry.json(after)), in: db)
      return saved
    }
  }

  public func disciplineDecision(id: Int64) async throws -> (history: DisciplineHistory, unitID: Int64)? {
    try await writer.read { db in
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
      _ = try Self.append(
        NewAuditEntry(
          actorLogin: actor.login, actorRole: actor.role, action: "programme.set",
          subject: "programme:\(programme.body.organ.rawValue):\(programme.body.unitCode):\(programme.year)",
          scopeCode: programme.body.unitCode, before: try before.map { try NewAuditEntry.json($0) },
          after: try NewAuditEntry.json(programme)), in: db)
    }
  }
}
