import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// The tree's contract (`TreeStore`), run on SQLite in memory, SQLite on file and PostgreSQL (`StoreEngine`), members
/// written through each engine's register.
@Suite("Store: the tree")
struct TreeStoreTests {
  /// The units directly below a unit on a day: what the leadership grading page lists without loading the subtree.
  @Test(arguments: StoreEngine.allCases)
  func theChildrenOfAUnitOnADay(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await t.province()
      try await store.endOrganisation(code: "KG.02", on: day("2024-06-01"))
      #expect(try await store.children(of: "KG", on: day("2024-05-31")).map(\.code) == ["KG.01", "KG.02"])
      #expect(try await store.children(of: "KG", on: day("2024-06-01")).map(\.code) == ["KG.01"])
      #expect(try await store.children(of: "KG.01.001.01", on: day("2024-06-01")).isEmpty)
      await #expect(throws: DomainError.self) { try await store.children(of: "KG.99", on: day("2024-06-01")) }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func roundTripsUnitsAndRebuildsPastTrees(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      let unit = try #require(try await store.organisation(code: "KG.01.001.01"))
      #expect(unit.name == "Chi bộ ấp Phước Hòa")
      #expect(unit.kind == .subordinateCell)
      #expect(try await store.organisation(id: unit.id) == unit)
      #expect(try await store.organisation(code: "KG.99") == nil)

      try await store.moveOrganisation(code: "KG.01.001", underParent: "KG.02", on: day("2024-03-01"))
      let before = try await store.tree(on: day("2024-02-29"), root: nil)
      #expect(before.parentOf[ids["KG.01.001"]!] == ids["KG.01"])
      let after = try await store.tree(on: day("2024-03-01"), root: "KG.02")
      #expect(
        after.subtree(of: ids["KG.02"]!).map(\.code) == [
          "KG.02", "KG.01.001", "KG.01.001.01", "KG.01.001.02", "KG.02.001",
        ])
      #expect(try await store.parentHistory(ofCode: "KG.01.001").map(\.parent) == [ids["KG.01"], ids["KG.02"]])
      let past = try await store.tree(on: day("1985-01-01"), root: "KG")
      #expect(past.units.count == 3)
      await #expect(throws: DomainError.self) { try await store.tree(on: day("2024-03-01"), root: "KG.99") }
    }
  }

  /// A unit moved twice and a district dissolved: the tree, the roots and the scope check of every day answer by
  /// the links of that day, and the links keep the whole history in date order.
  @Test(arguments: StoreEngine.allCases)
  func everyPastDayIsRebuiltFromTheDatedLinks(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      let school = ids["KG.02.001"]!
      let haTien = try await store.addOrganisations(
        [
          NewOrganisation(
            code: "KG.03", name: "Đảng bộ thành phố Hà Tiên", kind: .districtCommittee, parentCode: "KG",
            founded: day("2010-01-01"))
        ], audit: nil)
      try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.03", on: day("2015-01-01"))
      try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.01", on: day("2020-01-01"))
      try await store.endOrganisation(code: "KG.03", on: day("2021-01-01"))

      let parents: [(String, String?)] = [
        ("1999-12-31", nil), ("2000-01-01", "KG.02"), ("2014-12-31", "KG.02"), ("2015-01-01", "KG.03"),
        ("2019-12-31", "KG.03"), ("2020-01-01", "KG.01"), ("2024-01-01", "KG.01"),
      ]
      for (date, parent) in parents {
        let tree = try await store.tree(on: day(date), root: nil)
        #expect(tree.parentOf[school].flatMap { tree.units[$0]?.code } == parent, "\(date)")
        #expect(tree.units[school] == nil || parent != nil, "\(date)")
        for district in ["KG.01", "KG.02", "KG.03"] {
          #expect(
            try await store.unitIsWithin(id: school, rootCode: district, on: day(date)) == (district == parent),
            "\(date) \(district)")
        }
        #expect(try await store.unitIsWithin(id: school, rootCode: "KG", on: day(date)) == (parent != nil), "\(date)")
      }
      #expect(try await store.unitIsWithin(id: school, rootCode: "KG.02.001", on: day("2024-01-01")))
      #expect(try await store.tree(on: day("2021-01-01"), root: nil).units[haTien[0].id] == nil)
      #expect(try await store.tree(on: day("2020-12-31"), root: "KG.03").units.count == 1)
      #expect(try await store.roots(on: day("2024-01-01")).map(\.code) == ["KG"])
      #expect(try await store.roots(on: day("1975-12-31")).isEmpty)
      let history = try await store.parentHistory(ofCode: "KG.02.001")
      #expect(history.map(\.parent) == [ids["KG.02"], haTien[0].id, ids["KG.01"]])
      #expect(history.map(\.until) == [day("2015-01-01"), day("2020-01-01"), nil])
      // A move must follow the last one recorded: links are written in the order of their dates.
      let error = await #expect(throws: DomainError.self) {
        try await store.moveOrganisation(code: "KG.02.001", underParent: "KG.02", on: day("2019-06-01"))
      }
      #expect(error?.code == "organisation.laterChange")
      let all = try await store.allOrganisations()
      #expect(all.units.map(\.id) == all.units.map(\.id).sorted())
      #expect(all.units.count == 8 && all.links.count == 10)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func refusesAWrongParentKindAndWritesNothingOfTheBatch(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await t.province()
      let before = try await store.allOrganisations()
      let batch = [
        NewOrganisation(
          code: "KG.01.002", name: "Đảng bộ xã Mới", kind: .grassrootsCommittee, parentCode: "KG.01",
          founded: day("2020-01-01")),
        NewOrganisation(
          code: "KG.01.003", name: "Chi bộ lạc chỗ", kind: .subordinateCell, parentCode: "KG.01",
          founded: day("2020-01-01")),
      ]
      do {
        try await store.addOrganisations(batch, audit: nil)
        Issue.record("a subordinate cell under a district was accepted")
      } catch let error as BatchItemError {
        #expect(error.index == 1)
        #expect(error.error.code == "organisation.kindNotAllowed")
        #expect(error.error.message.hasPrefix("Chi bộ trực thuộc đảng ủy cơ sở KG.01.003 không thể trực thuộc"))
      }
      let after = try await store.allOrganisations()
      #expect(after.units == before.units && after.links == before.links)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func refusesADuplicateCodeAndAnUnknownParent(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await t.province()
      let duplicate = await #expect(throws: BatchItemError.self) {
        try await store.addOrganisations(
          [
            NewOrganisation(
              code: "KG.01", name: "Trùng", kind: .districtCommittee, parentCode: "KG", founded: day("2020-01-01"))
          ], audit: nil)
      }
      #expect(duplicate?.error.code == "organisation.duplicateCode")
      let orphan = await #expect(throws: BatchItemError.self) {
        try await store.addOrganisations(
          [
            NewOrganisation(
              code: "KG.09", name: "Mồ côi", kind: .districtCommittee, parentCode: "XX", founded: day("2020-01-01"))
          ], audit: nil)
      }
      #expect(orphan?.error == TreeRules.unknownParent("XX"))
    }
  }

  /// The register's spans are what the check reads.
  @Test(arguments: StoreEngine.allCases)
  func aUnitWithMembersInTheRegisterCannotEnd(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      try await t.placeMembers(cards: ["10000001", "10000002"], in: "KG.01.001.01", since: "2010-01-01")
      let error = await #expect(throws: DomainError.self) {
        try await store.endOrganisation(code: "KG.01.001", on: day("2024-01-01"))
      }
      #expect(error?.code == "organisation.hasMembers")
      #expect(error?.message.contains("còn 2 đảng viên") == true)
      #expect(try await store.organisation(code: "KG.01.001")?.ended == nil)
      #expect(try await store.parentHistory(ofCode: "KG.01.001.02").last?.until == nil)
      // The empty cell beside them ends, and nothing above it.
      try await store.endOrganisation(code: "KG.01.001.02", on: day("2024-01-01"))
      let tree = try await store.tree(on: day("2024-01-01"), root: nil)
      #expect(tree.units[ids["KG.01.001.02"]!] == nil && tree.units[ids["KG.01.001"]!] != nil)
      let again = await #expect(throws: DomainError.self) {
        try await store.endOrganisation(code: "KG.01.001.02", on: day("2024-02-01"))
      }
      #expect(again?.code == "organisation.alreadyEnded")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func dissolvingEndsTheUnitAndItsCellsButNotWhileMembersRemain(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Lê Văn Tư", card: "10000001"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
      ])
      await #expect(throws: DomainError.self) {
        try await store.endOrganisation(code: "KG.01.001", on: day("2024-01-01"))
      }
      let member = try #require(try await store.member(cardNumber: "10000001"))
      try await store.recordEvents([
        MembershipEvent(memberID: member.id, kind: .transferred, date: day("2023-12-01"), cellID: ids["KG.02.001"]!)
      ])
      try await store.endOrganisation(code: "KG.01.001", on: day("2024-01-01"))
      let after = try await store.tree(on: day("2024-01-01"), root: nil)
      #expect(after.units[ids["KG.01.001"]!] == nil)
      #expect(after.units[ids["KG.01.001.02"]!] == nil)
      let before = try await store.tree(on: day("2023-12-31"), root: nil)
      #expect(before.units[ids["KG.01.001.02"]!] != nil)
      // A transfer into a dissolved cell is refused.
      await #expect(throws: BatchItemError.self) {
        try await store.recordEvents([
          MembershipEvent(
            memberID: member.id, kind: .transferred, date: day("2024-02-01"), cellID: ids["KG.01.001.02"]!)
        ])
      }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func mergingACommitteeBringsItsUnitsAlongAndEndsIt(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      try await store.mergeOrganisation(code: "KG.01", into: "KG.02", on: day("2025-01-01"))
      let tree = try await store.tree(on: day("2025-01-01"), root: "KG.02")
      #expect(tree.parentOf[ids["KG.01.001"]!] == ids["KG.02"])
      #expect(tree.units[ids["KG.01.001.02"]!] != nil)
      #expect(try await store.organisation(code: "KG.01")?.ended == day("2025-01-01"))
      #expect(try await store.tree(on: day("2024-12-31"), root: "KG.01").units.count == 4)
      let itself = await #expect(throws: DomainError.self) {
        try await store.mergeOrganisation(code: "KG.02", into: "KG.02", on: day("2025-02-01"))
      }
      #expect(itself?.code == "organisation.badMerge")
      let ended = await #expect(throws: DomainError.self) {
        try await store.mergeOrganisation(code: "KG.01", into: "KG.02", on: day("2025-02-01"))
      }
      #expect(ended?.code == "organisation.badMerge")
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func mergingACellTransfersItsMembersAndEndsIt(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let added = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Võ Thị Hoa", card: "10000001"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
      ])
      try await store.mergeOrganisation(code: "KG.01.001.01", into: "KG.01.001.02", on: day("2024-01-01"))
      #expect(try await store.organisation(code: "KG.01.001.01")?.ended == day("2024-01-01"))
      let timeline = try await store.timeline(ofMember: added[0].id)
      #expect(timeline.span(on: day("2023-12-31"))?.cellID == ids["KG.01.001.01"])
      #expect(timeline.span(on: day("2024-01-01"))?.cellID == ids["KG.01.001.02"])
    }
  }

  /// An import's entry is written with its units, under the top of the tree, or not at all.
  @Test(arguments: StoreEngine.allCases)
  func anImportOfUnitsIsAuditedInItsOwnTransaction(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let audit = ImportAudit(
        actor: AuditActor(login: "admin", role: Role.administrator.rawValue), kind: .organisations,
        fileName: "to-chuc.csv", sha256: String(repeating: "a", count: 64), rows: SmallProvince.units.count)
      try await store.addOrganisations(SmallProvince.units, audit: audit)
      let entry = try #require(try await store.auditEntries(AuditFilter()).first)
      #expect(entry.action == "import.file" && entry.scopeCode == "KG" && entry.subject == "file:to-chuc.csv")
      await #expect(throws: BatchItemError.self) {
        try await store.addOrganisations(
          [
            NewOrganisation(
              code: "KG.05", name: "Đảng bộ huyện Mới", kind: .districtCommittee, parentCode: "KG",
              founded: day("2020-01-01")),
            NewOrganisation(
              code: "KG.05", name: "Trùng mã", kind: .districtCommittee, parentCode: "KG", founded: day("2020-01-01")),
          ], audit: audit)
      }
      #expect(try await store.organisation(code: "KG.05") == nil)
      #expect(try await store.auditEntries(AuditFilter()).count == 1)
      #expect(try await store.verifyAuditChain().isIntact)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anImportIntoAnEmptyDatabaseNeedsATopUnitFirst(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let audit = ImportAudit(
        actor: AuditActor(login: "admin", role: Role.administrator.rawValue), kind: .population,
        fileName: "dan-so.csv", sha256: String(repeating: "b", count: 64))
      let store = t.store
      let error = await #expect(throws: DomainError.self) {
        try await store.setPopulation([Population](), audit: audit)
      }
      #expect(error == TreeRules.noUnitForAudit)
      let entries = try await store.auditEntries(AuditFilter())
      #expect(entries.isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func populationIsKeptPerUnitAndYearAndCheckedRowByRow(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      let kg = ids["KG"]!
      try await store.setPopulation(
        [Population(organisationID: kg, year: 2024, people: 1_700_000)], audit: nil)
      try await store.setPopulation(
        [
          Population(organisationID: kg, year: 2024, people: 1_750_000),
          Population(organisationID: ids["KG.01"]!, year: 2024, people: 150_000),
        ], audit: nil)
      #expect(try await store.population(ofOrganisation: kg, year: 2024) == 1_750_000)
      #expect(try await store.population(ofOrganisation: ids["KG.01"]!, year: 2024) == 150_000)
      #expect(try await store.population(ofOrganisation: kg, year: 2023) == nil)
      for (rows, code) in [
        (
          [
            Population(organisationID: kg, year: 2025, people: 1),
            Population(organisationID: kg, year: 2025, people: -1),
          ],
          "population.negative"
        ),
        ([Population(organisationID: 9_999, year: 2025, people: 1)], "population.unknownUnit"),
      ] {
        let error = await #expect(throws: BatchItemError.self) { try await store.setPopulation(rows, audit: nil) }
        #expect(error?.error.code == code)
        #expect(error?.index == rows.count - 1)
      }
      #expect(try await store.population(ofOrganisation: kg, year: 2025) == nil, "nothing of a refused batch")
    }
  }

  /// Caches keep an answer while the generation stays the same: every write moves it, a read does not. A store in
  /// memory has no other connection to notice, and says it cannot tell.
  @Test(arguments: StoreEngine.allCases)
  func everyWriteMovesTheDataGenerationAndAReadDoesNot(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await t.province()
      guard let first = try await store.dataGeneration() else {
        #expect(engine == .sqliteInMemory)
        return
      }
      _ = try await store.tree(on: day("2024-01-01"), root: nil)
      #expect(try await store.dataGeneration() == first, "a read changes nothing")
      try await store.moveOrganisation(code: "KG.01.001", underParent: "KG.02", on: day("2024-03-01"))
      let second = try #require(try await store.dataGeneration())
      #expect(second != first, "a change to the tree")
      _ = try await store.appendAudit(
        NewAuditEntry(
          actorLogin: "admin", actorRole: Role.administrator.rawValue, action: "session.signIn",
          subject: "account:admin", scopeCode: "KG"))
      #expect(try await store.dataGeneration() != second, "an entry of the trail")
    }
  }
}
