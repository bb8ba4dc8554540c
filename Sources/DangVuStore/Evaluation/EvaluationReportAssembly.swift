import DangVuCore

/// The evaluation report put together from what an engine reads (issue 23, part 1): the counts of the scope and of
/// the cycle before, the kind table, the units directly below against the binding target, and the grassroots units
/// over the excellent cap. Each engine reads; the report is made here, once.
public enum EvaluationReportAssembly {
  /// Every province together (no code): a national demo has no single root.
  public static func everyProvince(first: Organisation) -> Organisation {
    Organisation(id: 0, code: "*", name: "Đảng", kind: .provincialCommittee, founded: first.founded)
  }

  /// `previous`: the counts of the cycle compared with, nil when none was held.
  public static func report(
    year: Int, scope: Organisation, regulation: String, kinds: UnitKindTable, current: [String: GradeCounts],
    previous: [String: GradeCounts]?, belowTarget: [EvaluationReport.BelowTarget] = [],
    excellentCapWarnings: [String] = [], target: ReportTarget? = nil, cycle: CyclePeriod? = nil
  ) -> EvaluationReport {
    func line(_ key: String, _ label: String) -> EvaluationReport.Line {
      EvaluationReport.Line(
        subject: key, label: label, counts: current[key] ?? GradeCounts(),
        previous: previous.map { $0[key] ?? GradeCounts() })
    }
    let organisationKinds = kinds.kinds.filter { kind in
      let key = "organisation.\(kind.kind.code)"
      return current[key] != nil || previous?[key] != nil
    }.map { line("organisation.\($0.kind.code)", $0.nameVi) }
    return EvaluationReport(
      year: year, scopeCode: scope.code, scopeName: scope.name, regulation: regulation, policy: .standard,
      organisationKinds: organisationKinds, members: line("member", "đảng viên"),
      leadershipCollectives: line("leadershipCollective", "tập thể lãnh đạo, quản lý các cấp"),
      leadershipCadres: line("leadershipCadre", "cán bộ lãnh đạo, quản lý các cấp"), belowTarget: belowTarget,
      excellentCapWarnings: excellentCapWarnings, target: target, cycle: cycle)
  }

  /// The yearly rollups of the previous year count as a comparison only when there are some.
  public static func previousYear(_ counts: [String: GradeCounts]) -> [String: GradeCounts]? {
    counts.isEmpty ? nil : counts
  }

  /// The warnings of the grassroots units over the cap, from their stored (name, excellent, good) counts.
  public static func capWarnings(_ rows: [(name: String, excellent: Int, good: Int)]) -> [String] {
    rows.compactMap { row in
      EvaluationRules.excellentCapWarning(
        GradeCounts(excellent: row.excellent, good: row.good, complete: 0, notComplete: 0), unitName: row.name)
    }
  }
}

/// The 20% excellent cap of each grassroots organisation, kept on write so a report lists the units over it by an
/// index (`excellent_cap`). Which units have a row and when a unit is over are decided here for both engines.
public enum ExcellentCapRule {
  public static let grassrootsKinds: Set<String> = [UnitKind.grassrootsCommittee.code, UnitKind.grassrootsCell.code]

  /// Whether the rollup change touches the cap: members' excellent or good grades.
  public static func touches(subjectKey: String, outcome: String) -> Bool {
    subjectKey == "member" && (outcome == "excellent" || outcome == "good")
  }

  /// `over` follows the standard policy; a tuned policy needs the rows recomputed over all units.
  public static func over(excellent: Int, goodOrAbove: Int) -> Bool {
    excellent * 100 > goodOrAbove * EvaluationPolicy.standard.excellentCapPercentOfGoodOrAbove
  }
}
