import DangVuCore
import GRDB

/// The lists behind the inspection commission's pages: a subtree's records in a date range.
extension SQLiteStore {
  static let complaintColumns = "id, kind, is_member, subject_id, received, resolved, finding, summary, unit_id"

  static func complaint(_ row: Row, in db: Database) throws -> Complaint {
    Complaint(
      id: row[0], kind: try StoredValue.decode(row[1], column: "complaint.kind"),
      subject: try subject(isMember: row[2], id: row[3], in: db), received: Day(daysSinceEpoch: row[4]),
      resolved: (row[5] as Int?).map(Day.init(daysSinceEpoch:)),
      finding: try Complaint.Finding.stored(row[6]), summary: row[7])
  }

  public func complaint(id: Int64) async throws -> (complaint: Complaint, unitID: Int64)? {
    try await writer.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.complaintColumns) FROM complaint WHERE id = ?", arguments: [id])
      else { return nil }
      return (try Self.complaint(row, in: db), row[8])
    }
  }

  public func oversightRecords(scope code: String, from: Day, to: Day, limit: Int) async throws
    -> OversightRecords
  {
    try await writer.read { db in
      // Units of the subtree on either end of the range, so a record of a unit that moved still shows.
      let scope = try ScopeFilter(
        code: code, day: to, periodStart: from,
        extra: ["from": from.daysSinceEpoch, "to": to.daysSinceEpoch, "limit": limit], in: db)
      // An inspection shows when one of its subjects is counted in the subtree, or its body belongs to it.
      let inspectionIDs = try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM (
            SELECT inspection_id AS id, started FROM inspection_subject
            WHERE \(scope.periodCondition("unit_id")) AND started BETWEEN :from AND :to
            UNION
            SELECT id, started FROM inspection
            WHERE \(scope.periodCondition("body_unit_id")) AND started BETWEEN :from AND :to)
          ORDER BY started DESC, id DESC LIMIT :limit
          """, arguments: scope.arguments)
      let inspections = try inspectionIDs.compactMap { try Self.inspection(id: $0, in: db) }
      let disciplineIDs = try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM discipline_decision
          WHERE \(scope.periodCondition("unit_id")) AND decided BETWEEN :from AND :to
          ORDER BY decided DESC, id DESC LIMIT :limit
          """, arguments: scope.arguments)
      let discipline = try disciplineIDs.compactMap { try Self.disciplineHistory(decisionID: $0, in: db) }
      let complaints = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.complaintColumns) FROM complaint
          WHERE \(scope.periodCondition("unit_id")) AND received BETWEEN :from AND :to
          ORDER BY received DESC, id DESC LIMIT :limit
          """, arguments: scope.arguments
      ).map { try Self.complaint($0, in: db) }
      let subjects =
        inspections.flatMap { $0.subjects.map(\.subject) } + discipline.map(\.decision.subject)
        + complaints.map(\.subject)
      var memberNames: [String: String] = [:]
      var unitNames: [String: String] = [:]
      for subject in Set(subjects) {
        switch subject {
        case .member(let id):
          memberNames[String(id)] = try String.fetchOne(
            db, sql: "SELECT full_name FROM member WHERE id = ?", arguments: [id])
        case .unit(let code):
          unitNames[code] = try Self.organisation(code: code, in: db)?.name
        }
      }
      return OversightRecords(
        inspections: inspections, discipline: discipline, complaints: complaints, memberNames: memberNames,
        unitNames: unitNames)
    }
  }
}
