import DangVuCore
import GRDB

extension SQLiteStore {
  /// The report of a cycle by kind: the same lines as the yearly report, counted from the cycle's grades in the
  /// subtree on the evaluation date, compared with the same cycle one year (or one term) earlier when it was held.
  /// No target and no excellent cap: both are yearly rules.
  public func evaluationReport(_ cycle: CyclePeriod, scope code: String) async throws -> EvaluationReport {
    try await writer.read { db in
      let scope = try Self.requireOrganisation(code: code, in: db)
      guard let found = try Self.cycleCovering(code: code, cycle, in: db) else { throw Self.noCycle(cycle, code: code) }
      let current = try Self.cycleCounts(found, scope: code, in: db)
      let earlier = try CyclePeriod(kind: cycle.kind, period: cycle.period.sameTimeLastYear)
      let previous = try Self.cycleCovering(code: code, earlier, in: db).map {
        try Self.cycleCounts($0, scope: code, in: db)
      }
      return EvaluationReportAssembly.report(
        year: found.year, scope: scope, regulation: found.regulation, kinds: try Self.unitKinds(in: db),
        current: current, previous: previous, cycle: cycle)
    }
  }

  /// The cycle's grades in the subtree of `scope` on its evaluation date, by subject key and outcome.
  private static func cycleCounts(_ cycle: EvaluationCycle, scope code: String, in db: Database) throws
    -> [String: GradeCounts]
  {
    try EvaluationRecords.counts(
      Row.fetchAll(
        db,
        sql: subtreeCTE + """
           SELECT subject_key, outcome, COUNT(*) FROM cycle_grade
           WHERE cycle_id = :cycle AND unit_id IN (SELECT id FROM sub) GROUP BY subject_key, outcome
          """, arguments: ["code": code, "day": cycle.evaluationDate.daysSinceEpoch, "cycle": cycle.id]
      ).map { ($0[0], $0[1], $0[2]) }, column: "cycle_grade.outcome")
  }
}
