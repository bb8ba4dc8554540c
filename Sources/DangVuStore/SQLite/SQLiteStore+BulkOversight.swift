import DangVuCore
import GRDB

/// The demo's years of oversight, read and written in one transaction (`BulkLoading`).
extension SQLiteStore {
  public func readingInBulk<T: Sendable>(_ read: @Sendable (BulkRegisterReader) throws -> T) async throws -> T {
    try await writer.read { db in try read(BulkRegisterReader(db: db)) }
  }

  public func addOversightInBulk<T: Sendable>(
    progress: @Sendable (WorkProgress) -> Void, _ plan: @Sendable (BulkRegisterReader) throws -> (BulkOversight, T)
  ) async throws -> T {
    try await writer.write { db in
      let (oversight, result) = try plan(BulkRegisterReader(db: db))
      try Self.write(oversight, progress: progress, in: db)
      return result
    }
  }

  /// The lượt (over three million at national scale) with reused statements bound through SQLite's C interface,
  /// the inspection indexes built once at the end when there were no inspections before, the rollup rebuilt once.
  private static func write(_ oversight: BulkOversight, progress: (WorkProgress) -> Void, in db: Database) throws {
    var timer = PhaseTimer()
    let empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inspection") == 0
    if empty {
      for name in Schema.inspectionIndexNames { try db.execute(sql: "DROP INDEX \(name)") }
    }
    let insertInspection = try db.makeStatement(
      sql: """
        INSERT INTO inspection(kind, body_organ, body_unit_id, title, started, concluded) VALUES (?, ?, ?, ?, ?, ?)
        """)
    let insertSubject = try PreparedInsert(
      sql: """
        INSERT INTO inspection_subject(inspection_id, is_member, subject_id, unit_id, started, concluded, kind_no,
          organ_no, month_no, violation_found)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, in: db)
    let organs = ConductingBody.Organ.allCases
    let total = oversight.inspections.count
    for (index, inspection) in oversight.inspections.enumerated() {
      try insertInspection.execute(arguments: [
        inspection.kind.code, inspection.organ.rawValue, inspection.bodyUnitID, inspection.title,
        inspection.started.daysSinceEpoch, inspection.concluded.daysSinceEpoch,
      ])
      let id = db.lastInsertedRowID
      let month = OversightRollup.monthNumber(inspection.started)
      let organ = organs.firstIndex(of: inspection.organ)!
      for subject in inspection.subjects {
        insertSubject.bind(1, id)
        insertSubject.bind(2, subject.isMember)
        insertSubject.bind(3, subject.subjectID)
        insertSubject.bind(4, subject.unitID)
        insertSubject.bind(5, inspection.started.daysSinceEpoch)
        insertSubject.bind(6, inspection.concluded.daysSinceEpoch)
        insertSubject.bind(7, inspection.kind.number)
        insertSubject.bind(8, organ)
        insertSubject.bind(9, month)
        insertSubject.bind(10, subject.violationFound)
        try insertSubject.run()
      }
      if index % 50_000 == 0 { progress(WorkProgress(phase: "kiểm tra, giám sát", done: index, total: total)) }
    }
    progress(WorkProgress(phase: "kiểm tra, giám sát", done: total, total: total))
    timer.lap("oversight: inspections written")
    if empty { try db.withParallelSorter { try db.execute(sql: Schema.inspectionSubjectIndexes) } }
    timer.lap("oversight: inspection indexes")
    try OversightRollup.rebuild(in: db)
    timer.lap("oversight: rollup")
    let plan = try db.makeStatement(
      sql: "INSERT INTO oversight_programme(body_organ, body_unit_id, year, kind, planned) VALUES (?, ?, ?, ?, ?)")
    for programme in oversight.programmes {
      try plan.execute(arguments: [
        programme.organ.rawValue, programme.bodyUnitID, programme.year, programme.kind.code, programme.planned,
      ])
    }
  }
}
