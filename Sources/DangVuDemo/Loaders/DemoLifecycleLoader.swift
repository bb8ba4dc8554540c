import DangVuCore
import DangVuStore

/// Adds the membership lifecycle to each district of the demo before its members are written: admission
/// decisions with sponsors, two-step transfers (some still in transit), moves out of the province,
/// arrivals, and the yearly admission plans of each district.
///
/// Done in memory on the ids the members are about to get (the register is empty when the demo starts, so
/// the n-th member written gets id n; the loader checks that it did). As a pass over the stored register
/// after the load it took two minutes at national scale; here it runs beside the writer.
struct DemoLifecycleLoader {
  struct Summary: Hashable, Sendable {
    var admissions = 0
    var moves = 0
    var arrivals = 0
  }

  let seed: UInt64
  private(set) var summary = Summary()
  /// Admissions per district unit and year, for the plans.
  private var admitted: [(unit: Int64, code: String, year: Int, admitted: Int)] = []

  init(seed: UInt64) { self.seed = seed }

  /// Adds the lifecycle to `records`, a district's members with their predicted ids, and appends its
  /// arrivals (their ids following on). `provinceCells` are the province's lasting cells in id order,
  /// `districtCells` the district's own.
  mutating func enrich(
    _ records: inout [NewMember], district: Int, unit: (id: Int64, code: String), provinceCells: [Int64],
    districtCells: [Int64]
  ) {
    guard let firstID = records.first?.member.id else { return }
    let candidates = records.compactMap { DemoLifecycle.candidate(memberID: $0.member.id, events: $0.events) }
    // Each candidate moves once, after its own last event, so appending keeps every history in date order.
    let moves = DemoLifecycle.moves(candidates: candidates, cells: provinceCells, seed: seed, district: district)
    for event in moves { records[Int(event.memberID - firstID)].events.append(event) }
    summary.moves += moves.count

    let arrivals = DemoLifecycle.arrivals(
      count: (candidates.count + DemoLifecycle.candidatesPerArrival / 2) / DemoLifecycle.candidatesPerArrival,
      cells: districtCells, seed: seed, district: district)
    for arrival in arrivals {
      var member = arrival.member
      member.id = firstID + Int64(records.count)
      var event = arrival.event
      event.memberID = member.id
      records.append(NewMember(member: member, events: [event]))
    }
    summary.arrivals += arrivals.count

    let sponsors = DemoSponsors.pick(records.map { ($0.member.id, $0.events) }, since: DemoCalendar.historyStart)
    for (id, pair) in sponsors {
      records[Int(id - firstID)].admission = AdmissionDecision(
        decisionNumber: "\(100 + id % 900)-QĐ/ĐU", sponsorIDs: pair)
    }
    summary.admissions += sponsors.count

    let planYears = (DemoLifecycle.years.lowerBound - 3)...DemoLifecycle.years.upperBound
    var byYear: [Int: Int] = [:]
    for record in records {
      for event in record.events where event.kind == .admitted && planYears.contains(event.date.year) {
        byYear[event.date.year, default: 0] += 1
      }
    }
    admitted += byYear.sorted { $0.key < $1.key }.map { (unit.id, unit.code, $0.key, $0.value) }
  }

  /// Each district's plan for each year: a little above what it went on to admit.
  var plans: [AdmissionPlanEntry] {
    admitted.map {
      AdmissionPlanEntry(
        organisationCode: $0.code, year: $0.year,
        planned: DemoLifecycle.planned(admitted: $0.admitted, unit: $0.unit, year: $0.year, seed: seed))
    }
  }
}
