import DangVuCore
import DangVuDemo
import DangVuStore
import Testing

@Suite("Loading the demo")
struct DemoLoaderTests {
  @Test func aSmallDemoLoadsAndTheStoreAgreesWithTheSummary() async throws {
    let store = try SQLiteStore.inMemory()
    let summary = try await DemoLoader.load(into: store, options: DemoOptions(members: 3_000, seed: 7)) { _ in }
    let stats = try await store.statistics()
    #expect(stats.organisations == summary.organisations)
    #expect(stats.members == summary.members)
    #expect(stats.events == summary.events)
    // The generator aims at 3,000; the lifecycle's moves out of the province and arrivals shift it a little.
    #expect(abs(summary.membersOnReferenceDay - 3_000) <= 30)
    let counts = try await store.memberCountsByCell(on: DemoCalendar.referenceDay)
    #expect(counts.values.reduce(0, +) == summary.membersOnReferenceDay)
    let tree = try await store.tree(on: DemoCalendar.referenceDay, root: "KG")
    #expect(tree.units.count == summary.organisations)
    let province = try #require(try await store.organisation(code: "KG"))
    #expect(try await store.population(ofOrganisation: province.id, year: 2022) == 84_034)
  }

  @Test func theLifecycleIsWrittenWithTheMembers() async throws {
    let store = try SQLiteStore.inMemory()
    let summary = try await DemoLoader.load(into: store, options: DemoOptions(members: 3_000, seed: 7)) { _ in }
    #expect(summary.admissions > 100)
    #expect(summary.moves > 20)
    #expect(summary.arrivals > 0)
    #expect(summary.admissionPlans > 0)

    // Every admission since the demo's history began has its decision, sponsored by two official members
    // of the admitting cell on the day (the store checked it; here it is checked again from the timelines).
    var checked = 0
    for id in Int64(1)...Int64(summary.members) {
      guard let admission = try await store.admission(ofMember: id) else { continue }
      let admitted = try await store.timeline(ofMember: id)
      let day = try #require(admitted.admissionDate)
      let cell = try #require(admitted.span(on: day)?.cellID)
      #expect(day >= DemoCalendar.historyStart)
      for sponsor in admission.sponsorIDs {
        let span = try #require(try await store.timeline(ofMember: sponsor).span(on: day))
        #expect(span.standing == .official)
        #expect(span.cellID == cell)
      }
      checked += 1
    }
    #expect(checked == summary.admissions)

    let inTransit = try await store.membersInTransit(within: nil, on: DemoCalendar.lastDay)
    #expect(!inTransit.isEmpty)
    // The province has no plan of its own: its figure is the sum of its districts' plans.
    let plan = try #require(try await store.admissionPlan(of: "KG", year: 2023))
    #expect(plan > 0)
  }

  @Test func theSameSeedGivesTheSameData() async throws {
    var exports: [String] = []
    for _ in 0..<2 {
      let store = try SQLiteStore.inMemory()
      let summary = try await DemoLoader.load(into: store, options: DemoOptions(members: 600, seed: 3)) { _ in }
      var text = "\(summary.members) \(summary.events) \(summary.admissions) \(summary.moves)\n"
      for id in Int64(1)...Int64(summary.members) {
        let timeline = try await store.timeline(ofMember: id)
        text += "\(timeline.events.map { "\($0.kind.rawValue)@\($0.date)/\($0.cellID ?? 0)" })"
        text += "\(try await store.admission(ofMember: id)?.sponsorIDs ?? [])\n"
      }
      exports.append(text)
    }
    #expect(exports[0] == exports[1])
  }

  @Test func aSecondLoadIsRefused() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 300, seed: 1)) { _ in }
    let before = try await store.statistics()
    await #expect(throws: DomainError.self) {
      _ = try await DemoLoader.load(into: store, options: DemoOptions(members: 300, seed: 1)) { _ in }
    }
    #expect(try await store.statistics() == before)
  }
}
