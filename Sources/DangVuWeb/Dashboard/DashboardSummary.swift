import DangVuCore
import DangVuStore

/// What a leader looks at first for a subtree: this year's admissions against the plan, the latest
/// evaluation against the 90% target, the units below it, open oversight cases, overdue probations and
/// transfers whose letter is late. The page and `GET /api/dashboard` show the same value.
struct DashboardSummary: Sendable, Encodable {
  struct Admissions: Sendable, Encodable {
    var year: Int
    var admitted: Int
    var plan: Int?
    /// "90.7": admissions as a share of the plan, one decimal as published; nil without a plan.
    var shareOfPlan: String?
    var shareOfPlanVi: String?
  }

  struct TargetShare: Sendable, Encodable {
    var goodOrAbove: Int
    var evaluated: Int
    var share: String?
    var shareVi: String?
    /// Nil when nobody was evaluated.
    var meetsTarget: Bool?

    init(_ counts: GradeCounts, target: Int) {
      goodOrAbove = counts.goodOrAbove
      evaluated = counts.evaluated
      let percent = counts.shares.goodOrAbove
      share = percent?.description
      shareVi = percent?.vietnamese
      meetsTarget = counts.evaluated > 0 ? DashboardSummary.meets(counts, target: target) : nil
    }
  }

  struct Evaluation: Sendable, Encodable {
    var year: Int
    /// The stored target binding the subtree that year (Resolution 21-NQ/TW for the demo province): this share of
    /// good or above, for members and for organisations. A year no target binds shows no comparison.
    var targetPercent: Int
    var members: TargetShare
    var organisations: TargetShare
  }

  struct UnitBelowTarget: Sendable, Encodable {
    var code: String
    var name: String
    /// 1: directly below the subtree's root; 2: one more level down.
    var depth: Int
    /// "member" or "organisation"
    var subject: String
    var goodOrAbove: Int
    var evaluated: Int
    var share: String
    var shareVi: String
  }

  var scopeCode: String
  var scopeName: String
  var day: Day
  var admissions: Admissions
  /// The latest year a cycle covers the subtree; nil when none in the last six years.
  var evaluation: Evaluation?
  var unitsBelowTarget: [UnitBelowTarget]
  var pendingOversight: PendingOversightCases
  var overdueProbationCount: Int
  /// The oldest first, at most `listLimit`.
  var overdueProbations: [ProbationEntry]
  var overdueTransitCount: Int
  var overdueTransits: [TransitEntry]

  /// Lists on the dashboard stop here; the counts are whole.
  static let listLimit = 50
  /// Units below target are looked for this many levels down.
  static let levels = 2

  /// The same test as the evaluation report's: good or above under the target share of the evaluated.
  static func meets(_ counts: GradeCounts, target: Int) -> Bool {
    counts.goodOrAbove * 100 >= counts.evaluated * target
  }

  static func load(store: any ReportingStore, scopeCode: String, today: Day) async throws
    -> DashboardSummary
  {
    let thisYear = try ReportPeriod.year(today.year)
    async let membershipQuery = store.membershipReport(scope: scopeCode, period: thisYear)
    async let pendingQuery = store.pendingOversightCases(within: scopeCode, on: today, limit: listLimit)
    async let probationQuery = store.overdueProbations(within: scopeCode, on: today)
    async let transitQuery = store.membersInTransit(within: scopeCode, on: today)
    let membership = try await membershipQuery

    var evaluation: Evaluation?
    var below: [UnitBelowTarget] = []
    if let report = try await latestGradedReport(store: store, scopeCode: scopeCode, today: today),
      let target = report.target?.low
    {
      let year = report.year
      evaluation = Evaluation(
        year: year, targetPercent: target, members: TargetShare(report.members.counts, target: target),
        organisations: TargetShare(report.organisations.counts, target: target))
      for unit in try await store.evaluationCountsBelow(scopeCode, levels: levels, year: year) {
        for (subject, counts) in [("organisation", unit.organisations), ("member", unit.members)]
        where counts.evaluated > 0 && !meets(counts, target: target) {
          let share = Percent(counts.goodOrAbove, of: counts.evaluated)!
          below.append(
            UnitBelowTarget(
              code: unit.unit.code, name: unit.unit.name, depth: unit.unit.depth, subject: subject,
              goodOrAbove: counts.goodOrAbove, evaluated: counts.evaluated, share: share.description,
              shareVi: share.vietnamese))
        }
      }
    }
    let probations = try await probationQuery
    let transits = try await transitQuery.filter(\.overdue)
    return DashboardSummary(
      scopeCode: membership.scopeCode, scopeName: membership.scopeName, day: today,
      admissions: Admissions(
        year: today.year, admitted: membership.counts.admitted, plan: membership.admissionPlan,
        shareOfPlan: membership.admissionsShareOfPlan?.description,
        shareOfPlanVi: membership.admissionsShareOfPlan?.vietnamese),
      evaluation: evaluation, unitsBelowTarget: below, pendingOversight: try await pendingQuery,
      overdueProbationCount: probations.count, overdueProbations: Array(probations.prefix(listLimit)),
      overdueTransitCount: transits.count, overdueTransits: Array(transits.prefix(listLimit)))
  }

  /// The report of the latest year with a cycle; the year before when this one's cycle has no grade yet
  /// (a cycle opens before the grading is done, and an empty year says nothing about the target).
  static func latestGradedReport(store: any EvaluationStore & CycleEvaluationStore, scopeCode: String, today: Day)
    async throws
    -> EvaluationReport?
  {
    guard let latest = try await EvaluationPageModel.latestYear(store: store, scopeCode: scopeCode, today: today),
      let report = try await EvaluationPageModel.report(store: store, scopeCode: scopeCode, year: latest)
    else { return nil }
    if report.members.counts.evaluated + report.organisations.counts.evaluated == 0,
      let earlier = try await EvaluationPageModel.report(store: store, scopeCode: scopeCode, year: latest - 1)
    {
      return earlier
    }
    return report
  }
}
