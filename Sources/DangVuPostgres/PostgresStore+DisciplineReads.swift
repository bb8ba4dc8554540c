import DangVuCore
import DangVuStore
import PostgresNIO

/// Discipline decisions read back with their appeals (SQLite's `disciplineHistory`, `disciplinedMembers`, …).
extension PostgresStore {
  public func disciplineDecision(id: Int64) async throws -> (history: DisciplineHistory, unitID: Int64)? {
    try await read { transaction in
      guard let history = try await Self.disciplineHistory(decisionID: id, in: transaction),
        let unitID: Int64 = try await transaction.rows(
          "SELECT unit_id FROM discipline_decision WHERE id = \(id)", columns: ["discipline_decision.unit_id"]
        ).first?.value(0)
      else { return nil }
      return (history, unitID)
    }
  }

  public func disciplineDecisionIDs(numbers: [String]) async throws -> [String: [Int64]] {
    try await read { transaction in
      var ids: [String: [Int64]] = Dictionary(numbers.map { ($0, []) }, uniquingKeysWith: { first, _ in first })
      for row in try await transaction.rows(
        "SELECT number, id FROM discipline_decision WHERE number = ANY(\(numbers)) ORDER BY id",
        columns: ["discipline_decision.number", "discipline_decision.id"])
      {
        ids[try row.value(0), default: []].append(try row.value(1))
      }
      return ids
    }
  }

  public func disciplineHistory(of subject: OversightSubject) async throws -> [DisciplineHistory] {
    try await read { transaction in
      let key: (Bool, Int64)
      switch subject {
      case .member(let id): key = (true, id)
      case .unit(let code): key = (false, try await Self.requireOrganisation(code: code, in: transaction).id)
      }
      var histories: [DisciplineHistory] = []
      for row in try await transaction.rows(
        """
        SELECT id FROM discipline_decision WHERE is_member = \(key.0) AND subject_id = \(key.1) ORDER BY decided, id
        """, columns: ["discipline_decision.id"])
      {
        if let history = try await Self.disciplineHistory(decisionID: try row.value(0), in: transaction) {
          histories.append(history)
        }
      }
      return histories
    }
  }

  public func disciplinedMembers(year: Int) async throws -> [Int64: Bool] {
    try await read { transaction in
      var members: [Int64: Bool] = [:]
      for row in try await transaction.rows(
        """
        SELECT subject_id, bool_and(self_corrected) FROM discipline_decision
        WHERE is_member AND decided BETWEEN \(Day.firstDay(ofYear: year).daysSinceEpoch)
          AND \(Day.lastDay(ofYear: year).daysSinceEpoch) AND form_now IS NOT NULL
        GROUP BY subject_id
        """, columns: ["discipline_decision.subject_id", "discipline_decision.self_corrected"])
      {
        members[try row.value(0)] = try row.value(1)
      }
      return members
    }
  }

  static func disciplineHistory(decisionID: Int64, in transaction: PostgresTransaction) async throws
    -> DisciplineHistory?
  {
    guard
      let row = try await transaction.rows(
        """
        SELECT d.is_member, d.subject_id, d.form, d.body_organ, o.code, d.number, d.decided, d.violated,
          d.inspection_id, d.self_corrected, d.note
        FROM discipline_decision d JOIN organisation o ON o.id = d.body_unit_id WHERE d.id = \(decisionID)
        """,
        columns: [
          "discipline_decision.is_member", "discipline_decision.subject_id", "discipline_decision.form",
          "discipline_decision.body_organ", "organisation.code", "discipline_decision.number",
          "discipline_decision.decided", "discipline_decision.violated", "discipline_decision.inspection_id",
          "discipline_decision.self_corrected", "discipline_decision.note",
        ]
      ).first
    else { return nil }
    let categories = try await transaction.rows(
      """
      SELECT v.category FROM discipline_violation v JOIN violation_category c ON c.code = v.category
      WHERE v.decision_id = \(decisionID) ORDER BY c.rank
      """, columns: ["discipline_violation.category"]
    ).map { try $0.value(0, as: String.self) }
    let decision = DisciplineDecision(
      id: decisionID, subject: try await subject(isMember: try row.value(0), id: try row.value(1), in: transaction),
      form: try StoredValue.decode(try row.value(2, as: String.self), column: "discipline_decision.form"),
      categories: categories,
      decidingBody: ConductingBody(
        try StoredValue.decode(try row.value(3, as: String.self), column: "discipline_decision.organ"),
        of: try row.value(4)),
      number: try row.value(5), decided: try row.day(6), violated: try row.day(7), inspectionID: try row.optional(8),
      selfCorrected: try row.value(9), note: try row.value(10))
    let appeals = try await transaction.rows(
      """
      SELECT id, lodged, decided, outcome, new_form, note FROM discipline_appeal WHERE decision_id = \(decisionID)
      ORDER BY decided, id
      """,
      columns: [
        "discipline_appeal.id", "discipline_appeal.lodged", "discipline_appeal.decided", "discipline_appeal.outcome",
        "discipline_appeal.new_form", "discipline_appeal.note",
      ]
    ).map { r in
      Appeal(
        id: try r.value(0), decisionID: decisionID, lodged: try r.day(1), decided: try r.day(2),
        outcome: try Appeal.Outcome.stored(try r.value(3), newForm: try r.optional(4)), note: try r.value(5))
    }
    return DisciplineHistory(decision: decision, appeals: appeals)
  }
}
