import DangVuCore
import DangVuStore
import PostgresNIO

/// A body's yearly programme and its progress (SQLite's `setProgramme`, `programmeProgress`), and the violation
/// categories. Setting a programme reads the one it replaces, deletes it and writes the new one: under a lock per body
/// (`OversightLock.programme`), so two servers setting one body's programme at once replace one after the other.
extension PostgresStore {
  public func setProgramme(_ programme: OversightProgramme) async throws {
    try await write { transaction in _ = try await Self.setProgramme(programme, in: transaction) }
  }

  public func setProgramme(_ programme: OversightProgramme, by actor: AuditActor) async throws {
    try await write { transaction in
      let before = try await Self.setProgramme(programme, in: transaction)
      _ = try await Self.append(.programmeSet(programme, before: before, by: actor), in: transaction)
    }
  }

  /// Replaces the programme and returns the one it replaced (nil: none).
  static func setProgramme(_ programme: OversightProgramme, in transaction: PostgresTransaction) async throws
    -> OversightProgramme?
  {
    let body = try await requireOrganisation(code: programme.body.unitCode, in: transaction)
    try OversightRules.check(programme)
    try await lock([(.programme, body.id)], in: transaction)
    let before = try await Self.planned(body: programme.body, unitID: body.id, year: programme.year, in: transaction)
    try await transaction.query(
      """
      DELETE FROM oversight_programme
      WHERE body_organ = \(programme.body.organ.rawValue) AND body_unit_id = \(body.id) AND year = \(programme.year)
      """)
    let kinds = programme.planned.keys.sorted()
    if !kinds.isEmpty {
      try await transaction.query(
        """
        INSERT INTO oversight_programme(body_organ, body_unit_id, year, kind, planned)
        SELECT \(programme.body.organ.rawValue), \(body.id), \(programme.year), k, p
        FROM unnest(\(kinds)::text[], \(kinds.map { programme.planned[$0]! })::integer[]) AS u(k, p)
        """)
    }
    return before.isEmpty ? nil : OversightProgramme(body: programme.body, year: programme.year, planned: before)
  }

  /// The counts planned by kind, empty when no programme was set.
  static func planned(body: ConductingBody, unitID: Int64, year: Int, in transaction: PostgresTransaction)
    async throws -> [String: Int]
  {
    var planned: [String: Int] = [:]
    for row in try await transaction.rows(
      """
      SELECT kind, planned FROM oversight_programme
      WHERE body_organ = \(body.organ.rawValue) AND body_unit_id = \(unitID) AND year = \(year)
      """, columns: ["oversight_programme.kind", "oversight_programme.planned"])
    {
      planned[try row.value(0)] = try row.value(1)
    }
    return planned
  }

  public func programmeProgress(body: ConductingBody, year: Int, on day: Day) async throws -> ProgrammeProgress? {
    try await read { transaction in
      let unit = try await Self.requireOrganisation(code: body.unitCode, in: transaction)
      let planned = try await Self.planned(body: body, unitID: unit.id, year: year, in: transaction)
      guard !planned.isEmpty else { return nil }
      let from = Day.firstDay(ofYear: year).daysSinceEpoch
      let through = min(day, Day.lastDay(ofYear: year)).daysSinceEpoch
      var begun: [String: (begun: Int, concluded: Int)] = [:]
      for row in try await transaction.rows(
        """
        SELECT kind, count(*), count(*) FILTER (WHERE concluded IS NOT NULL AND concluded <= \(through))
        FROM inspection
        WHERE body_organ = \(body.organ.rawValue) AND body_unit_id = \(unit.id) AND started BETWEEN \(from) AND \(through)
        GROUP BY kind
        """, columns: ["inspection.kind", "count", "count"])
      {
        begun[try row.value(0)] = (try row.value(1), try row.value(2))
      }
      return ProgrammeProgress(
        programme: OversightProgramme(body: body, year: year, planned: planned), asOf: day, begun: begun)
    }
  }

  public func violationCategories() async throws -> [ViolationCategory] {
    try await read { transaction in try await Self.violationCategories(in: transaction) }
  }

  static func violationCategories(in transaction: PostgresTransaction) async throws -> [ViolationCategory] {
    try await transaction.rows(
      "SELECT code, name_vi FROM violation_category ORDER BY rank, code COLLATE \"C\"",
      columns: ["violation_category.code", "violation_category.name_vi"]
    ).map { ViolationCategory(code: try $0.value(0), nameVi: try $0.value(1)) }
  }
}
