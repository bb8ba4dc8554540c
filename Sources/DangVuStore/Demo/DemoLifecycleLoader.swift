import DangVuCore

/// Adds the membership lifecycle to a loaded demo: admission decisions with sponsors, yearly admission
/// plans per district, two-step transfers (some still in transit), moves out of the province and arrivals.
public enum DemoLifecycleLoader {
  public struct Summary: Hashable, Sendable {
    public var admissions = 0
    public var plans = 0
    public var moves = 0
    public var arrivals = 0
  }

  /// One member in this many is a candidate for a move.
  static let candidateEvery = 20
  static let batchSize = 20_000

  public static func load(into store: SQLiteStore, seed: UInt64, progress: @Sendable (DemoProgress) -> Void)
    async throws -> Summary
  {
    var summary = Summary()
    let phase = "vòng đời đảng viên"
    progress(DemoProgress(phase: phase, done: 0, total: 4))
    summary.admissions = try await store.demoRecordAdmissions(since: DemoCalendar.historyStart)
    progress(DemoProgress(phase: phase, done: 1, total: 4))

    let cells = try await store.demoLastingCells()
    let candidates = try await store.demoLifecycleCandidates(every: candidateEvery)
    let events = DemoLifecycle.moves(candidates: candidates, cells: cells, seed: seed)
    // A member's events stay in one batch: each batch checks whole histories.
    var start = 0
    while start < events.count {
      var end = min(start + batchSize, events.count)
      while end < events.count && events[end].memberID == events[end - 1].memberID { end += 1 }
      try await store.recordEvents(Array(events[start..<end]))
      start = end
    }
    summary.moves = events.count
    progress(DemoProgress(phase: phase, done: 2, total: 4))

    let arrivals = DemoLifecycle.arrivals(count: candidates.count / 16, cells: cells, seed: seed)
    for batch in stride(from: 0, to: arrivals.count, by: batchSize) {
      try await store.addMembers(
        arrivals[batch..<min(batch + batchSize, arrivals.count)].map {
          NewMember(member: $0.member, events: [$0.event])
        })
    }
    summary.arrivals = arrivals.count
    progress(DemoProgress(phase: phase, done: 3, total: 4))

    let admitted = try await store.demoAdmissionsByDistrict(
      years: DemoLifecycle.years.lowerBound - 3...DemoLifecycle.years.upperBound)
    let plans = admitted.map {
      AdmissionPlanEntry(
        organisationCode: $0.code, year: $0.year,
        planned: DemoLifecycle.planned(admitted: $0.admitted, unit: $0.unit, year: $0.year, seed: seed))
    }
    try await store.setAdmissionPlans(plans)
    summary.plans = plans.count
    // Built here, once, so the first report on the demo does not pay for it.
    try await store.refreshMemberStockIfStale()
    progress(DemoProgress(phase: phase, done: 4, total: 4))
    return summary
  }
}
