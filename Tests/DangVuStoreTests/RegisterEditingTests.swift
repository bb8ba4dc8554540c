import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: version-checked edits")
struct RegisterEditingTests {
  typealias EditingStore = any PartyStore & RegisterEditing

  /// The small province with four members in the Phước Hòa cell: An (long-standing), Bình (admitted in
  /// September 2023: too new to grade), Cư (exempt) and Dung (reprimanded in 2023); the 2023 cycle open. For the
  /// cell's grading sheet (CellGradingStoreTests), which needs the evaluation's and oversight's writes.
  func province(_ engine: Engine) async throws -> (store: EditingStore, members: [Int64]) {
    let store: EditingStore = try engine.makeStore()
    let members = try await Self.load(into: store)
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(members[3]), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "5-QĐ/UBKT",
        decided: day("2023-05-01"), violated: day("2023-02-01"))
    ])
    return (store, members)
  }

  /// The four members alone, on a new store of `engine`, closed afterwards: what the edits need.
  func province(_ engine: StoreEngine, _ body: (any StoreEngine.Parts, _ members: [Int64]) async throws -> Void)
    async throws
  {
    try await engine.withRegisterStore { store in try await body(store, try await Self.load(into: store)) }
  }

  static func load(into store: some RegisterStore) async throws -> [Int64] {
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    return try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(cell, on: "2023-09-01")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000003"),
        events: [
          SmallProvince.admitted(cell, on: "2000-01-01"),
          MembershipEvent(memberID: 0, kind: .exempted, date: day("2020-01-01")),
        ]),
      NewMember(
        member: SmallProvince.member("Phạm Thị Dung", card: "10000004"),
        events: [SmallProvince.admitted(cell, on: "2005-01-01")]),
    ]).map(\.id)
  }

  // MARK: Members

  @Test(arguments: StoreEngine.allCases)
  func aMembersRecordIsReadWholeAsTheSeparateReadsGiveIt(engine: StoreEngine) async throws {
    try await province(engine) { store, members in
      let record = try #require(try await store.memberRecord(id: members[2], within: "KG.01", on: .today))
      #expect(record.versioned == (try await store.memberWithVersion(id: members[2])))
      #expect(record.timeline.events == (try await store.timeline(ofMember: members[2]).events))
      #expect(record.units.values.map(\.code) == ["KG.01.001.01"])
      #expect(record.admission == nil && record.sponsorNames.isEmpty)
      #expect(try await store.memberRecord(id: 999_999, within: nil, on: .today) == nil)
      #expect(try await store.memberRecord(id: members[2], within: "KG.02", on: .today) == nil, "outside the subtree")
      #expect(try await store.memberRecord(id: members[2], within: nil, on: .today) != nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anEditFromTheStoredVersionIsSavedAndMovesTheVersionOn(engine: StoreEngine) async throws {
    try await province(engine) { store, m in
      let read = try #require(try await store.memberWithVersion(id: m[0]))
      #expect(read.version == 1)
      var edited = read.member
      edited.fullName = "Nguyễn Văn Ân"
      let saved = try await store.updateMember(edited, expectedVersion: read.version, by: .commandLine(user: "thu"))
      #expect(saved.version == 2)
      #expect(saved.member.fullName == "Nguyễn Văn Ân")
      #expect(try await store.searchMembers("nguyen van an", within: nil, on: .today, limit: 5).map(\.id) == [m[0]])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aStaleEditIsRefusedWithTheStoredMemberAndWritesNothing(engine: StoreEngine) async throws {
    try await province(engine) { store, m in
      let read = try #require(try await store.memberWithVersion(id: m[0]))
      var first = read.member
      first.homeTown = "Rạch Giá"
      try await store.updateMember(first, expectedVersion: read.version, by: .commandLine(user: "thu"))
      var second = read.member
      second.occupation = "Giáo viên"
      let stale = await #expect(throws: StaleVersion<VersionedMember>.self) {
        try await store.updateMember(second, expectedVersion: read.version, by: .commandLine(user: "thu"))
      }
      #expect(stale?.current.version == 2)
      #expect(stale?.current.member.homeTown == "Rạch Giá", "the refusal carries the newer values")
      let stored = try #require(try await store.memberWithVersion(id: m[0]))
      #expect(stored.member.occupation == "", "nothing of the stale edit was written")
      #expect(stored.member.homeTown == "Rạch Giá", "nothing of the first edit was lost")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func ofTwoConcurrentEditsFromTheSameVersionExactlyOneWins(engine: StoreEngine) async throws {
    try await province(engine) { store, m in
      let read = try #require(try await store.memberWithVersion(id: m[0]))
      let names = (1...8).map { "Người sửa \($0)" }
      let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
        for name in names {
          group.addTask {
            var edit = read.member
            edit.fullName = name
            do {
              try await store.updateMember(edit, expectedVersion: read.version, by: .commandLine(user: "thu"))
              return (name, true)
            } catch is StaleVersion<VersionedMember> {
              return (name, false)
            } catch {
              Issue.record("unexpected \(error)")
              return (name, false)
            }
          }
        }
        var all: [(String, Bool)] = []
        for await outcome in group { all.append(outcome) }
        return all
      }
      let winners = outcomes.filter(\.1).map(\.0)
      #expect(winners.count == 1)
      let stored = try #require(try await store.memberWithVersion(id: m[0]))
      #expect(stored.version == 2)
      #expect(stored.member.fullName == winners.first)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func eventsAndPlainUpdatesMoveTheVersionSoEarlierEditsAreStale(engine: StoreEngine) async throws {
    try await province(engine) { store, m in
      let read = try #require(try await store.memberWithVersion(id: m[0]))
      try await store.recordEvents([MembershipEvent(memberID: m[0], kind: .madeOfficial, date: day("2011-01-01"))])
      #expect(try await store.memberWithVersion(id: m[0])?.version == 2)
      await #expect(throws: StaleVersion<VersionedMember>.self) {
        try await store.updateMember(read.member, expectedVersion: read.version, by: .commandLine(user: "thu"))
      }
      var plain = read.member
      plain.education = "12/12"
      try await store.updateMember(plain)
      #expect(try await store.memberWithVersion(id: m[0])?.version == 3)
      // Another member's version is untouched.
      #expect(try await store.memberWithVersion(id: m[1])?.version == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRuleRefusalOfAVersionedEditWritesNothing(engine: StoreEngine) async throws {
    try await province(engine) { store, m in
      let read = try #require(try await store.memberWithVersion(id: m[0]))
      var edit = read.member
      edit.partyCardNumber = "10000002"  // Bình's
      let refused = await #expect(throws: DomainError.self) {
        try await store.updateMember(edit, expectedVersion: read.version, by: .commandLine(user: "thu"))
      }
      #expect(refused?.code == "member.duplicateCard")
      #expect(try await store.memberWithVersion(id: m[0]) == read)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aNewMemberStartsAtVersionOneAndARefusalSaysWhyWithoutABatchIndex(engine: StoreEngine) async throws {
    try await province(engine) { store, _ in
      let cell = try #require(try await store.organisation(code: "KG.01.001.02")).id
      let created = try await store.createMember(
        NewMember(
          member: SmallProvince.member("Võ Văn Em", card: "10000009", born: "1990-02-03"),
          events: [SmallProvince.admitted(cell, on: "2020-05-19")]), by: .commandLine(user: "thu"))
      #expect(created.version == 1)
      // Added with its audit entry, in the same transaction.
      let entries = try await store.auditEntries(AuditFilter(action: "member.add"))
      #expect(entries.map(\.subject) == ["member:\(created.member.id)"])
      #expect(created.member.id > 0)
      let tooYoung = await #expect(throws: DomainError.self) {
        try await store.createMember(
          NewMember(
            member: SmallProvince.member("Võ Văn Út", card: "10000010", born: "2010-02-03"),
            events: [SmallProvince.admitted(cell, on: "2020-05-19")]), by: .commandLine(user: "thu"))
      }
      #expect(tooYoung?.code == "member.tooYoung")
      #expect(try await store.auditEntries(AuditFilter(action: "member.add")).count == 1, "a refusal is not audited")
    }
  }
}
