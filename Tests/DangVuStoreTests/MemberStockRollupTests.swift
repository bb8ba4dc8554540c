import DangVuCore
import DangVuTestFixtures
import Testing

@testable import DangVuStore

/// The register's monthly sums must say exactly what a scan of the spans says, on every month's last day,
/// whether kept current write by write or rebuilt after a bulk load or a move of units.
@Suite("Store: the register's monthly sums")
struct MemberStockRollupTests {
  static let monthEnds = ["2019-12-31", "2020-02-29", "2021-03-31", "2021-05-31", "2022-01-31", "2023-12-31"].map(day)

  @Test(arguments: StoreEngine.allCases)
  func keptCurrentWriteByWriteAndRebuiltTheyAgreeWithTheScan(engine: StoreEngine) async throws {
    try await engine.withMembershipStore { store, probe in try await Self.keptAndRebuilt(store, probe) }
  }

  static func keptAndRebuilt(_ store: any StoreEngine.Parts, _ probe: MemberStockProbe) async throws {
    let ids = try await SmallProvince.load(into: store)
    // Built before any member: the sums start empty and current, then each write keeps them.
    #expect(try await probe.rollup("KG", day("2019-12-31")) == [:])
    var members: [NewMember] = []
    for i in 0..<12 {
      var m = SmallProvince.member("Đảng viên \(i)", card: "C\(i)", born: "19\(60 + i)-0\(1 + i % 9)-1\(i % 9)")
      m.gender = i % 2 == 0 ? .female : .male
      m.ethnicity = i % 4 == 0 ? "Khmer" : "Kinh"
      m.education = i % 3 == 0 ? "Đại học" : "12/12"
      let cell = ["KG.01.001.01", "KG.01.001.02", "KG.02.001"][i % 3]
      members.append(
        NewMember(member: m, events: [SmallProvince.admitted(ids[cell]!, on: "20\(10 + i)-0\(1 + i % 9)-15")]))
    }
    let added = try await store.addMembers(members)
    try await store.recordEvents([
      MembershipEvent(memberID: added[0].id, kind: .madeOfficial, date: day("2011-03-01")),
      MembershipEvent(memberID: added[1].id, kind: .exempted, date: day("2020-02-10")),
      MembershipEvent(memberID: added[2].id, kind: .transferSent, date: day("2021-05-03"), cellID: ids["KG.01.001.01"]),
      MembershipEvent(memberID: added[3].id, kind: .died, date: day("2021-03-31")),
      MembershipEvent(memberID: added[4].id, kind: .transferredOut, date: day("2022-01-20")),
    ])
    var lan = added[5]
    lan.religion = "Phật giáo"
    lan.birthDate = day("1990-12-31")
    try await store.updateMember(lan)
    // A death moved by a correction and an identity edited by version move the sums as a recorded event does.
    let clerk = AuditActor(login: "vanthu", role: Role.organisationStaff.rawValue)
    let died = try #require(
      try await store.memberRecord(id: added[3].id, within: nil, on: day("2026-12-07"))?.recordedEvents
        .first { $0.event.kind == .died })
    try await store.correctEvent(
      memberID: added[3].id, eventID: died.id,
      replacement: MembershipEvent(memberID: added[3].id, kind: .died, date: day("2020-01-15")),
      reason: "Sai ngày mất", expectedVersion: nil, by: clerk)
    var sau = try #require(try await store.memberWithVersion(id: added[6].id))
    sau.member.gender = sau.member.gender == .female ? .male : .female
    _ = try await store.updateMember(sau.member, expectedVersion: sau.version, by: clerk)
    // Kept by the writes themselves, not rebuilt: nothing marked them stale.
    #expect(try await !probe.isStale())

    for d in Self.monthEnds {
      for scope in ["KG", nil] {
        let kept = try #require(try await probe.rollup(scope, d))
        #expect(kept == (try await probe.scan(scope, d)), "\(scope ?? "all") on \(d)")
      }
    }
    // A move inside the province changes no sums: they stay current, and still agree.
    try await store.moveOrganisation(code: "KG.01.001", underParent: "KG.02", on: day("2021-01-01"))
    #expect(try await !probe.isStale())
    for d in Self.monthEnds {
      #expect(try await probe.rollup("KG", d) == (try await probe.scan("KG", d)))
    }
    // A move into another province marks them stale; the rebuild agrees too.
    try await store.addOrganisations([
      NewOrganisation(
        code: "AG", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, parentCode: nil,
        founded: day("1975-05-01")),
      NewOrganisation(
        code: "AG.01", name: "Đảng bộ huyện Châu Phú", kind: .districtCommittee, parentCode: "AG",
        founded: day("1976-01-01")),
    ])
    try await store.moveOrganisation(code: "KG.02.001", underParent: "AG.01", on: day("2022-06-01"))
    #expect(try await probe.isStale())
    for d in Self.monthEnds {
      for scope in ["KG", "AG", nil] {
        #expect(
          try await probe.rollup(scope, d) == (try await probe.scan(scope, d)), "\(scope ?? "all") on \(d)")
      }
    }
    // Not a month's last day, or not a whole province: the scan answers.
    #expect(try await probe.rollup("KG", day("2023-12-30")) == nil)
    #expect(try await probe.rollup("KG.01", day("2023-12-31")) == nil)
  }
}
