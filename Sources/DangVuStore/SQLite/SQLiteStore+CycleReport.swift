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
      func line(_ key: String, _ label: String) -> EvaluationReport.Line {
        EvaluationReport.Line(
          subject: key, label: label, counts: current[key] ?? GradeCounts(),
          previous: previous.map { $0[key] ?? GradeCounts() })
      }
      let organisationKinds = try Self.unitKinds(in: db).kinds.filter { kind in
        let key = "organisation.\(kind.kind.code)"
        return current[key] != nil || previous?[key] != nil
      }.map { line("organisation.\($0.kind.code)", $0.nameVi) }
      return EvaluationReport(
        year: found.year, scopeCode: scope.code, scopeName: scope.name, regulation: found.regulation,
        policy: .standard, organisationKinds: organisationKinds, members: line("member", "đảng viên"),
        leadershipCollectives: line("leadershipCollective", "tập thể lãnh đạo, quản lý các cấp"),
        leadershipCadres: line("leadershipCadre", "cán bộ lãnh đạo, quản lý các cấp"), belowTarget: [],
        excellentCapWarnings: [], cycle: cycle)
    }
  }

  /// The cycle's grades in the subtree of `scope` on its evaluation date, by subject key and outcome.
  private static func cycleCounts(_ cycle: EvaluationCycle, scope code: String, in db: Database) throws
    -> [String: GradeCounts]
  {
    var counts: [String: GradeCounts] = [:]
    for row in try Row.fetchAll(
      db,
      sql: subtreeCTE + """
         SELECT subject_key, outcome, COUNT(*) FROM cycle_grade
         WHERE cycle_id = :cycle AND unit_id IN (SELECT id FROM sub) GROUP BY subject_key, outcome
        """, arguments: ["code": code, "day": cycle.evaluationDate.daysSinceEpoch, "cycle": cycle.id])
    {
      let outcome = try StoredValue.decode(row[1], column: "cycle_grade.outcome", GradeOutcome.init(code:))
      counts[row[0], default: GradeCounts()].add(outcome, count: row[2])
    }
    return counts
  }
}
