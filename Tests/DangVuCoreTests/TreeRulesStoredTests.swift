import DangVuCore
import Testing

/// The tree's rules that read what is stored, as pure functions: each engine hands in what it read, and the same
/// refusal comes back (docs/decisions/0038).
@Suite("Core: the tree's rules on what is stored")
struct TreeRulesStoredTests {
  static func d(_ s: String) -> Day { Day(parsing: s)! }
  static let cell = Organisation(
    id: 5, code: "KG.01.001.01", name: "Chi bộ ấp 1", kind: .subordinateCell, founded: d("1995-01-01"))
  static let other = Organisation(
    id: 6, code: "KG.01.001.02", name: "Chi bộ ấp 2", kind: .subordinateCell, founded: d("1995-01-01"),
    ended: d("2024-06-01"))

  @Test func aMoveMustFollowTheNewestLink() {
    #expect(throws: Never.self) {
      try TreeRules.checkInDateOrder(Self.cell, latestLinkFrom: Self.d("2020-01-01"), movingOn: Self.d("2020-01-02"))
    }
    #expect(throws: Never.self) {
      try TreeRules.checkInDateOrder(Self.cell, latestLinkFrom: nil, movingOn: Self.d("2020-01-02"))
    }
    for newest in ["2020-01-02", "2021-01-01"] {
      let error = #expect(throws: DomainError.self) {
        try TreeRules.checkInDateOrder(Self.cell, latestLinkFrom: Self.d(newest), movingOn: Self.d("2020-01-02"))
      }
      #expect(error?.code == "organisation.laterChange")
      #expect(error?.message.hasPrefix("KG.01.001.01 đã có thay đổi cấp trên từ ngày 02/01/2020") == true)
    }
  }

  @Test func aMergeJoinsTwoUnitsThatExistOnItsDay() {
    #expect(throws: Never.self) { try TreeRules.checkMerge(Self.other, into: Self.cell, on: Self.d("2024-05-31")) }
    for (source, target, day) in [
      (Self.cell, Self.cell, "2024-01-01"), (Self.other, Self.cell, "2024-06-01"),
      (Self.cell, Self.other, "1990-01-01"),
    ] {
      let error = #expect(throws: DomainError.self) { try TreeRules.checkMerge(source, into: target, on: Self.d(day)) }
      #expect(error?.code == "organisation.badMerge", "\(source.code) → \(target.code) \(day)")
    }
  }

  @Test func aMergeTransfersEachMemberOnItsDayWithANote() {
    let events = TreeRules.mergeTransfers(of: [11, 12], from: Self.other, into: Self.cell, on: Self.d("2024-05-31"))
    #expect(events.map(\.memberID) == [11, 12])
    #expect(events.allSatisfy { $0.kind == .transferred && $0.cellID == 5 && $0.date == Self.d("2024-05-31") })
    #expect(events.first?.note == "Sáp nhập KG.01.001.02 vào KG.01.001.01")
  }

  @Test func aUnitEndsOnlyOnceNobodyRemains() {
    #expect(throws: Never.self) {
      try TreeRules.checkNoMembersRemain(Self.cell, remaining: 0, on: Self.d("2024-01-01"))
    }
    let error = #expect(throws: DomainError.self) {
      try TreeRules.checkNoMembersRemain(Self.cell, remaining: 3, on: Self.d("2024-01-01"))
    }
    #expect(error?.code == "organisation.hasMembers")
    #expect(error?.message.contains("còn 3 đảng viên") == true)
  }

  @Test func aUnitNeverRenamedHasHadOneNameSinceItsFounding() {
    #expect(
      TreeRules.nameHistory(of: Self.cell, stored: []) == [NamePeriod(name: "Chi bộ ấp 1", from: Self.d("1995-01-01"))])
    let stored = [
      NamePeriod(name: "Chi bộ ấp 1", from: Self.d("1995-01-01"), until: Self.d("2010-01-01")),
      NamePeriod(name: "Chi bộ ấp Một", from: Self.d("2010-01-01")),
    ]
    #expect(TreeRules.nameHistory(of: Self.cell, stored: stored) == stored)
    #expect(TreeRules.name(of: Self.cell, on: Self.d("2009-12-31"), names: stored) == "Chi bộ ấp 1")
    #expect(TreeRules.name(of: Self.cell, on: Self.d("2010-01-01"), names: stored) == "Chi bộ ấp Một")
  }

  @Test func populationIsNeverNegativeAndBelongsToAUnit() {
    #expect(throws: Never.self) {
      try TreeRules.checkPopulation(Population(organisationID: 5, year: 2024, people: 0), unitExists: true)
    }
    let negative = #expect(throws: DomainError.self) {
      try TreeRules.checkPopulation(Population(organisationID: 5, year: 2024, people: -1), unitExists: true)
    }
    #expect(negative?.code == "population.negative")
    let orphan = #expect(throws: DomainError.self) {
      try TreeRules.checkPopulation(Population(organisationID: 99, year: 2024, people: 10), unitExists: false)
    }
    #expect(orphan?.code == "population.unknownUnit")
  }
}
