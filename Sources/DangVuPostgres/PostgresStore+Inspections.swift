import DangVuCore
import DangVuStore
import PostgresNIO

/// Inspections and supervisions with their subjects (lượt) and findings on PostgreSQL (SQLite's
/// `SQLiteStore+Oversight.swift` and `+OversightRecordsAudited.swift`), the rollup kept by the rule both engines
/// share (`OversightRollupChanges`).
///
/// Each lượt written or taken out re-links its subject's neighbouring lượt in the rollup, reading the subject's lượt
/// first: SQLite's single writer keeps that read current until the commit; here a write locks each subject it names
/// (`OversightLock`) before reading, so two servers recording lượt of one subject at once count them one after the
/// other. The rollup's rows are then changed by adding to their counts, in one order, which any number of writers
/// may do at once.
extension PostgresStore: OversightStore {
  @discardableResult
  public func recordInspections(_ batch: [Inspection], audit: ImportAudit?) async throws -> [Inspection] {
    try await writeRegister { transaction in
      try await Self.lock(
        Self.subjectLocks(batch.flatMap { $0.subjects.map(\.subject) }, in: transaction), in: transaction)
      var rollup = OversightRollupWrites()
      var result: [Inspection] = []
      for (index, inspection) in batch.enumerated() {
        do {
          result.append(try await Self.insert(inspection, rollup: &rollup, in: transaction))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try await rollup.flush(in: transaction)
      try await Self.append(audit, in: transaction)
      return result
    }
  }

  public func recordInspection(_ inspection: Inspection, by actor: AuditActor) async throws -> Inspection {
    try await writeRegister { transaction in
      try await Self.lock(Self.subjectLocks(inspection.subjects.map(\.subject), in: transaction), in: transaction)
      var rollup = OversightRollupWrites()
      let saved = try await Self.insert(inspection, rollup: &rollup, in: transaction)
      try await rollup.flush(in: transaction)
      _ = try await Self.append(.inspectionAdded(saved, by: actor), in: transaction)
      return saved
    }
  }

  static func insert(_ inspection: Inspection, rollup: inout OversightRollupWrites, in transaction: PostgresTransaction)
    async throws -> Inspection
  {
    var inspection = inspection
    try OversightRules.check(inspection)
    let body = try await requireOrganisation(code: inspection.body.unitCode, in: transaction)
    inspection.id = try await transaction.rows(
      """
      INSERT INTO inspection(kind, body_organ, body_unit_id, title, started, concluded)
      VALUES (\(inspection.kind.code), \(inspection.body.organ.rawValue), \(body.id), \(inspection.title),
        \(inspection.started.daysSinceEpoch), \(inspection.concluded?.daysSinceEpoch))
      RETURNING id
      """, columns: ["inspection.id"]
    )[0].value(0)
    try await insertSubjects(of: inspection, rollup: &rollup, in: transaction)
    return inspection
  }

  /// One `inspection_subject` row per subject (a lượt), each counted in the rollup: members in the cell they were in
  /// on the day the inspection began, with the kind, organ and month copied for the report's index.
  static func insertSubjects(
    of inspection: Inspection, rollup: inout OversightRollupWrites, in transaction: PostgresTransaction
  ) async throws {
    let organNo = OversightVisit.organNumber(inspection.body.organ)
    let month = OversightVisit.monthNumber(inspection.started)
    let resolved = try await resolve(inspection.subjects.map(\.subject), on: inspection.started, in: transaction)
    let s = inspection.subjects
    // One statement for the inspection's lượt, numbered in the order given (the order they read back in); a finding
    // not yet made goes as -1 (the arrays hold no NULL).
    let rows = try await transaction.rows(
      """
      INSERT INTO inspection_subject(inspection_id, is_member, subject_id, unit_id, started, concluded, kind_no,
        organ_no, month_no, violation_found, conclusion, follow_up)
      SELECT \(inspection.id), m, id, u, \(inspection.started.daysSinceEpoch), \(inspection.concluded?.daysSinceEpoch),
        \(inspection.kind.number), \(organNo), \(month), CASE found WHEN -1 THEN NULL ELSE found = 1 END, c, f
      FROM unnest(\(resolved.map(\.isMember))::boolean[], \(resolved.map(\.id))::bigint[],
        \(resolved.map(\.unitID))::bigint[], \(s.map { $0.violationFound.map { $0 ? 1 : 0 } ?? -1 })::integer[],
        \(s.map(\.conclusion))::text[], \(s.map(\.followUp))::text[]) WITH ORDINALITY AS l(m, id, u, found, c, f, n)
      ORDER BY n
      RETURNING is_member, subject_id, seq
      """,
      columns: ["inspection_subject.is_member", "inspection_subject.subject_id", "inspection_subject.seq"])
    try await rollup.relink(
      rows.map { (member: try $0.value(0), subjectID: try $0.value(1), seq: try $0.value(2)) }, sign: 1,
      in: transaction)
  }

  @discardableResult
  public func concludeInspection(id: Int64, on day: Day, findings: [InspectionSubject], by actor: AuditActor)
    async throws -> Inspection
  {
    try await writeRegister { transaction in
      // The row lock: a second conclusion or correction of this inspection reads it as this one leaves it.
      guard let before = try await Self.inspection(id: id, forUpdate: true, in: transaction) else {
        throw OversightRules.unknownInspection(id)
      }
      try OversightRules.checkConclusion(of: before, on: day)
      let d = day.daysSinceEpoch
      try await transaction.query("UPDATE inspection SET concluded = \(d) WHERE id = \(id)")
      try await transaction.query("UPDATE inspection_subject SET concluded = \(d) WHERE inspection_id = \(id)")
      for finding in findings {
        try OversightRules.check(finding: finding)
        let resolved = try await Self.resolve(finding.subject, on: before.started, in: transaction)
        let updated = try await transaction.rows(
          """
          UPDATE inspection_subject SET violation_found = \(finding.violationFound), conclusion = \(finding.conclusion),
            follow_up = \(finding.followUp)
          WHERE inspection_id = \(id) AND is_member = \(resolved.isMember) AND subject_id = \(resolved.id)
          RETURNING seq
          """, columns: ["inspection_subject.seq"])
        guard updated.count == 1 else { throw OversightRules.notASubject(resolved.name, of: id) }
      }
      let after = try await Self.inspection(id: id, in: transaction)!
      _ = try await Self.append(.inspectionConcluded(before: before, after: after, by: actor), in: transaction)
      return after
    }
  }

  /// Corrects an inspection: the row, and its lượt taken out of the rollup and put back as corrected, each subject
  /// of the old and the new inspection locked first.
  public func correctInspection(_ correction: InspectionCorrection, by actor: AuditActor) async throws -> Inspection {
    try await writeRegister { transaction in
      guard let before = try await Self.inspection(id: correction.inspectionID, forUpdate: true, in: transaction)
      else { throw OversightRules.unknownInspection(correction.inspectionID) }
      try OversightRules.check(correction, of: before)
      let after = correction.applied(to: before)
      try await Self.lock(
        Self.subjectLocks(before.subjects.map(\.subject) + after.subjects.map(\.subject), in: transaction),
        in: transaction)
      try await transaction.query(
        """
        UPDATE inspection SET kind = \(after.kind.code), body_organ = \(after.body.organ.rawValue), title = \(after.title),
          started = \(after.started.daysSinceEpoch), concluded = \(after.concluded?.daysSinceEpoch)
        WHERE id = \(after.id)
        """)
      var rollup = OversightRollupWrites()
      // One subject at a time, each uncounted while its row is still there: the rule reads its neighbours.
      for row in try await transaction.rows(
        "SELECT seq, is_member, subject_id FROM inspection_subject WHERE inspection_id = \(after.id) ORDER BY seq",
        columns: ["inspection_subject.seq", "inspection_subject.is_member", "inspection_subject.subject_id"])
      {
        let seq: Int64 = try row.value(0)
        try await rollup.relink(
          [(member: try row.value(1), subjectID: try row.value(2), seq: seq)], sign: -1, in: transaction)
        try await transaction.query("DELETE FROM inspection_subject WHERE seq = \(seq)")
      }
      try await Self.insertSubjects(of: after, rollup: &rollup, in: transaction)
      try await rollup.flush(in: transaction)
      _ = try await Self.append(
        .inspectionCorrected(before: before, after: after, reason: correction.reason, by: actor), in: transaction)
      return after
    }
  }

  public func inspection(id: Int64) async throws -> Inspection? {
    try await read { transaction in try await Self.inspection(id: id, in: transaction) }
  }

  static func inspection(id: Int64, forUpdate: Bool = false, in transaction: PostgresTransaction) async throws
    -> Inspection?
  {
    guard
      let row = try await transaction.rows(
        """
        SELECT i.kind, i.body_organ, o.code, i.title, i.started, i.concluded FROM inspection i
        JOIN organisation o ON o.id = i.body_unit_id WHERE i.id = \(id)
        \(unescaped: forUpdate ? "FOR UPDATE OF i" : "")
        """,
        columns: [
          "inspection.kind", "inspection.body_organ", "organisation.code", "inspection.title", "inspection.started",
          "inspection.concluded",
        ]
      ).first
    else { return nil }
    var subjects: [InspectionSubject] = []
    for r in try await transaction.rows(
      """
      SELECT is_member, subject_id, violation_found, conclusion, follow_up FROM inspection_subject
      WHERE inspection_id = \(id) ORDER BY seq
      """,
      columns: [
        "inspection_subject.is_member", "inspection_subject.subject_id", "inspection_subject.violation_found",
        "inspection_subject.conclusion", "inspection_subject.follow_up",
      ])
    {
      subjects.append(
        InspectionSubject(
          try await subject(isMember: try r.value(0), id: try r.value(1), in: transaction),
          violationFound: try r.optional(2), conclusion: try r.value(3), followUp: try r.value(4)))
    }
    let kind = try row.value(0, as: String.self)
    guard let known = OversightKind(code: kind) else { throw StoredValue.unknown(kind, column: "oversight_case.kind") }
    return Inspection(
      id: id, kind: known,
      body: ConductingBody(
        try StoredValue.decode(try row.value(1, as: String.self), column: "oversight_case.organ"), of: try row.value(2)),
      title: try row.value(3), started: try row.day(4), concluded: try row.optionalDay(5), subjects: subjects)
  }
}
