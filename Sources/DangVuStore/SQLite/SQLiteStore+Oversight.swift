import DangVuCore
import GRDB

/// Inspections and supervisions, their subjects and findings, and the yearly programmes.
extension SQLiteStore {
  @discardableResult
  public func recordInspections(_ batch: [Inspection], audit: ImportAudit?) async throws -> [Inspection] {
    try await writer.write { db in
      var result: [Inspection] = []
      let rollup = OversightRollup(db: db)
      for (index, inspection) in batch.enumerated() {
        do {
          result.append(try Self.insert(inspection, rollup: rollup, in: db))
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try rollup.flush()
      try Self.append(audit, in: db)
      return result
    }
  }

  static func insert(_ inspection: Inspection, rollup: OversightRollup, in db: Database) throws -> Inspection {
    var inspection = inspection
    try OversightRules.check(inspection)
    let body = try requireOrganisation(code: inspection.body.unitCode, in: db)
    try db.cachedStatement(
      sql: """
        INSERT INTO inspection(kind, body_organ, body_unit_id, title, started, concluded) VALUES (?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      inspection.kind.code, inspection.body.organ.rawValue, body.id, inspection.title,
      inspection.started.daysSinceEpoch, inspection.concluded?.daysSinceEpoch,
    ])
    inspection.id = db.lastInsertedRowID
    try insertSubjects(of: inspection, rollup: rollup, in: db)
    return inspection
  }

  /// One `inspection_subject` row per subject (a lượt), each counted in the rollup: members in the cell they were in
  /// on the day the inspection began, with the kind, organ and month copied for the report's index.
  static func insertSubjects(of inspection: Inspection, rollup: OversightRollup, in db: Database) throws {
    let organNo = OversightVisit.organNumber(inspection.body.organ)
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO inspection_subject(inspection_id, is_member, subject_id, unit_id, started, concluded, kind_no,
          organ_no, month_no, violation_found, conclusion, follow_up)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let month = OversightVisit.monthNumber(inspection.started)
    for s in inspection.subjects {
      let resolved = try resolve(s.subject, on: inspection.started, in: db)
      try statement.execute(arguments: [
        inspection.id, resolved.isMember, resolved.id, resolved.unitID, inspection.started.daysSinceEpoch,
        inspection.concluded?.daysSinceEpoch, inspection.kind.number, organNo, month, s.violationFound, s.conclusion,
        s.followUp,
      ])
      try rollup.added(member: resolved.isMember, subjectID: resolved.id, rowID: db.lastInsertedRowID)
    }
  }

  public func concludeInspection(id: Int64, on day: Day, findings: [InspectionSubject], by actor: AuditActor)
    async throws -> Inspection
  {
    try await writer.write { db in
      guard let before = try Self.inspection(id: id, in: db) else { throw OversightRules.unknownInspection(id) }
      try OversightRules.checkConclusion(of: before, on: day)
      try db.execute(sql: "UPDATE inspection SET concluded = ? WHERE id = ?", arguments: [day.daysSinceEpoch, id])
      try db.execute(
        sql: "UPDATE inspection_subject SET concluded = ? WHERE inspection_id = ?", arguments: [day.daysSinceEpoch, id])
      for finding in findings {
        try OversightRules.check(finding: finding)
        let resolved = try Self.resolve(finding.subject, on: before.started, in: db)
        try db.execute(
          sql: """
            UPDATE inspection_subject SET violation_found = ?, conclusion = ?, follow_up = ?
            WHERE inspection_id = ? AND is_member = ? AND subject_id = ?
            """,
          arguments: [
            finding.violationFound, finding.conclusion, finding.followUp, id, resolved.isMember, resolved.id,
          ])
        guard db.changesCount == 1 else { throw OversightRules.notASubject(resolved.name, of: id) }
      }
      let after = try Self.inspection(id: id, in: db)!
      _ = try Self.append(.inspectionConcluded(before: before, after: after, by: actor), in: db)
      return after
    }
  }

  public func inspection(id: Int64) async throws -> Inspection? {
    try await writer.read { db in try Self.inspection(id: id, in: db) }
  }

  static func inspection(id: Int64, in db: Database) throws -> Inspection? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT i.kind, i.body_organ, o.code, i.title, i.started, i.concluded FROM inspection i
          JOIN organisation o ON o.id = i.body_unit_id WHERE i.id = ?
          """, arguments: [id])
    else { return nil }
    let subjects = try Row.fetchAll(
      db,
      sql: """
        SELECT is_member, subject_id, violation_found, conclusion, follow_up FROM inspection_subject
        WHERE inspection_id = ? ORDER BY rowid
        """, arguments: [id]
    ).map { r in
      InspectionSubject(
        try Self.subject(isMember: r[0], id: r[1], in: db), violationFound: r[2], conclusion: r[3], followUp: r[4])
    }
    return Inspection(
      id: id, kind: try StoredValue.decode(row[0], column: "oversight_case.kind", OversightKind.init(code:)),
      body: ConductingBody(try StoredValue.decode(row[1], column: "oversight_case.organ"), of: row[2]), title: row[3],
      started: Day(daysSinceEpoch: row[4]), concluded: (row[5] as Int?).map(Day.init(daysSinceEpoch:)),
      subjects: subjects)
  }

  public func setProgramme(_ programme: OversightProgramme) async throws {
    try await writer.write { db in try Self.setProgramme(programme, in: db) }
  }

  static func setProgramme(_ programme: OversightProgramme, in db: Database) throws {
    let body = try requireOrganisation(code: programme.body.unitCode, in: db)
    try OversightRules.check(programme)
    try db.execute(
      sql: "DELETE FROM oversight_programme WHERE body_organ = ? AND body_unit_id = ? AND year = ?",
      arguments: [programme.body.organ.rawValue, body.id, programme.year])
    for (kind, planned) in programme.planned.sorted(by: { $0.key < $1.key }) {
      try db.execute(
        sql: "INSERT INTO oversight_programme(body_organ, body_unit_id, year, kind, planned) VALUES (?, ?, ?, ?, ?)",
        arguments: [programme.body.organ.rawValue, body.id, programme.year, kind, planned])
    }
  }

  /// A body's programme for a year as stored, nil when none was set.
  static func programme(body: ConductingBody, year: Int, in db: Database) throws -> OversightProgramme? {
    let unit = try requireOrganisation(code: body.unitCode, in: db)
    let planned = try Row.fetchAll(
      db,
      sql: "SELECT kind, planned FROM oversight_programme WHERE body_organ = ? AND body_unit_id = ? AND year = ?",
      arguments: [body.organ.rawValue, unit.id, year])
    guard !planned.isEmpty else { return nil }
    return OversightProgramme(
      body: body, year: year,
      planned: Dictionary(uniqueKeysWithValues: planned.map { ($0[0] as String, $0[1] as Int) }))
  }

  public func programmeProgress(body: ConductingBody, year: Int, on day: Day) async throws -> ProgrammeProgress? {
    try await writer.read { db -> ProgrammeProgress? in
      let unit = try Self.requireOrganisation(code: body.unitCode, in: db)
      let planned = try Row.fetchAll(
        db,
        sql: "SELECT kind, planned FROM oversight_programme WHERE body_organ = ? AND body_unit_id = ? AND year = ?",
        arguments: [body.organ.rawValue, unit.id, year])
      guard !planned.isEmpty else { return nil }
      let from = Day.firstDay(ofYear: year).daysSinceEpoch
      let through = min(day, Day.lastDay(ofYear: year)).daysSinceEpoch
      var begun: [String: (begun: Int, concluded: Int)] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT kind, COUNT(*), SUM(concluded IS NOT NULL AND concluded <= :through) FROM inspection
          WHERE body_organ = :organ AND body_unit_id = :unit AND started BETWEEN :from AND :through GROUP BY kind
          """, arguments: ["organ": body.organ.rawValue, "unit": unit.id, "from": from, "through": through])
      {
        begun[row[0]] = (row[1], row[2])
      }
      let plannedByKind = Dictionary(uniqueKeysWithValues: planned.map { ($0[0] as String, $0[1] as Int) })
      return ProgrammeProgress(
        programme: OversightProgramme(body: body, year: year, planned: plannedByKind), asOf: day, begun: begun)
    }
  }

  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func violationCategories() async throws -> [ViolationCategory] {
    try readOnCallingThread { db in try Self.violationCategories(in: db) }
  }

  static func violationCategories(in db: Database) throws -> [ViolationCategory] {
    try Row.fetchAll(db, sql: "SELECT code, name_vi FROM violation_category ORDER BY rank, code").map {
      ViolationCategory(code: $0[0], nameVi: $0[1])
    }
  }
}
