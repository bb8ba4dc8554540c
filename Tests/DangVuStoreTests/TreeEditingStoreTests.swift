import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// Changes to the tree as people make them (issue 21 parts 3 and 7): previewed without writing, written with
/// their audit entry in the same transaction, refused with nothing written. Run on SQLite in memory, SQLite on file
/// and PostgreSQL (`StoreEngine`).
@Suite("Store: changing the tree, audited")
struct TreeEditingStoreTests {
  static let staff = AuditActor(login: "thu.bantochuc", role: "organisationStaff")

  /// The small province with two members in the cell Phước Hòa (KG.01.001.01).
  static func province(_ t: TreeTestStore) async throws -> [String: Int64] {
    let ids = try await t.province()
    try await t.placeMembers(cards: ["2001", "2002"], in: "KG.01.001.01", since: "2010-05-19")
    return ids
  }

  @Test(arguments: StoreEngine.allCases)
  func aMoveIsPreviewedWithoutWritingThenWrittenWithItsEntry(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await Self.province(t)
      let move = TreeChange.move(code: "KG.01.001", parentCode: "KG.02", on: day("2024-07-01"))
      let entriesBefore = try await store.auditEntries(AuditFilter()).count
      let generation = try await store.dataGeneration()

      let preview = try await store.previewTreeChange(move)
      #expect(
        preview.summary
          == "KG.01.001 Đảng bộ xã Bình An cùng 2 tổ chức trực thuộc và 2 đảng viên chuyển về trực thuộc "
          + "KG.02 Đảng bộ huyện Tân Hiệp từ ngày 01/07/2024.")
      #expect(try await store.parentHistory(ofCode: "KG.01.001").count == 1)
      #expect(try await store.auditEntries(AuditFilter()).count == entriesBefore)
      #expect(try await store.dataGeneration() == generation, "a preview commits nothing")

      let done = try await store.changeTree(move, by: Self.staff)
      #expect(done == preview)
      #expect(try await store.parentHistory(ofCode: "KG.01.001").map(\.parent) == [ids["KG.01"], ids["KG.02"]])
      let entries = try await store.auditEntries(AuditFilter())
      #expect(entries.count == entriesBefore + 1)
      let entry = try #require(entries.first { $0.action == "organisation.move" })
      #expect(entry.actorLogin == "thu.bantochuc")
      #expect(entry.subject == "organisation:KG.01.001")
      #expect(entry.after?.contains("chuyển về trực thuộc KG.02") == true)
      #expect(entry.before?.contains("\"parentCode\":\"KG.01\"") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRefusedChangeWritesNeitherTheChangeNorAnEntry(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await Self.province(t)
      let entriesBefore = try await store.auditEntries(AuditFilter()).count
      // A district cannot sit inside its own grassroots committee.
      let cycle = await #expect(throws: DomainError.self) {
        try await store.changeTree(
          .move(code: "KG.01", parentCode: "KG.01.001", on: day("2024-07-01")), by: Self.staff)
      }
      #expect(cycle?.code == "organisation.cycle")
      // A cell with members cannot end: they must be transferred first.
      let members = await #expect(throws: DomainError.self) {
        try await store.changeTree(.dissolve(code: "KG.01.001.01", on: day("2024-07-01")), by: Self.staff)
      }
      #expect(members?.code == "organisation.hasMembers")
      // Nor can a unit that does not exist be changed.
      let unknown = await #expect(throws: DomainError.self) {
        try await store.previewTreeChange(.dissolve(code: "KG.99", on: day("2024-07-01")))
      }
      #expect(unknown == TreeRules.unknownUnit("KG.99"))
      #expect(try await store.parentHistory(ofCode: "KG.01").count == 1)
      #expect(try await store.organisation(code: "KG.01.001.01")?.ended == nil)
      #expect(try await store.auditEntries(AuditFilter()).count == entriesBefore)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aChangeWhoseEntryCannotBeWrittenIsNotWritten(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await Self.province(t)
      // An entry without an actor is refused by the trail: the move in the same transaction goes with it.
      await #expect(throws: DomainError.self) {
        try await store.changeTree(
          .move(code: "KG.01.001", parentCode: "KG.02", on: day("2024-07-01")), by: AuditActor(login: " ", role: "x"))
      }
      #expect(try await store.parentHistory(ofCode: "KG.01.001").count == 1)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRenameKeepsTheOldNameInTheHistory(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await Self.province(t)
      #expect(
        try await store.nameHistory(ofCode: "KG.01.001") == [
          NamePeriod(name: "Đảng bộ xã Bình An", from: day("1990-01-01"))
        ])
      let done = try await store.changeTree(
        .rename(code: "KG.01.001", name: "Đảng bộ xã Bình An Mới", on: day("2024-01-01")), by: Self.staff)
      #expect(done.summary.hasPrefix("KG.01.001 đổi tên từ “Đảng bộ xã Bình An” thành “Đảng bộ xã Bình An Mới”"))
      #expect(
        try await store.nameHistory(ofCode: "KG.01.001") == [
          NamePeriod(name: "Đảng bộ xã Bình An", from: day("1990-01-01"), until: day("2024-01-01")),
          NamePeriod(name: "Đảng bộ xã Bình An Mới", from: day("2024-01-01")),
        ])
      #expect(try await store.organisation(code: "KG.01.001")?.name == "Đảng bộ xã Bình An Mới")
      #expect(try await store.auditEntries(AuditFilter()).first?.action == "organisation.rename")

      // Names are recorded in the order of their dates, and a rename must change the name.
      let earlier = await #expect(throws: DomainError.self) {
        try await store.changeTree(.rename(code: "KG.01.001", name: "Xã cũ", on: day("2023-06-01")), by: Self.staff)
      }
      #expect(earlier?.code == "organisation.laterChange")
      let same = await #expect(throws: DomainError.self) {
        try await store.changeTree(
          .rename(code: "KG.01.001", name: "Đảng bộ xã Bình An Mới", on: day("2024-06-01")), by: Self.staff)
      }
      #expect(same?.code == "organisation.sameName")
      #expect(try await store.nameHistory(ofCode: "KG.01.001").count == 2)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aMergeTransfersTheMembersOnItsDayAndEndsTheUnit(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      for (card, since) in [("2001", "2010-05-19"), ("2002", "2015-03-26")] {
        try await store.addMembers([
          NewMember(
            member: SmallProvince.member("Đảng viên \(card)", card: card),
            events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: since)])
        ])
      }
      let merge = TreeChange.merge(code: "KG.01.001.01", intoCode: "KG.01.001.02", on: day("2024-07-01"))
      let preview = try await store.previewTreeChange(merge)
      #expect(preview.members == 2)
      #expect(try await store.register(of: "KG.01.001.02", on: day("2024-07-01")).isEmpty)

      try await store.changeTree(merge, by: Self.staff)
      #expect(try await store.register(of: "KG.01.001.02", on: day("2024-07-01")).count == 2)
      #expect(try await store.register(of: "KG.01.001.02", on: day("2024-06-30")).isEmpty)
      #expect(try await store.organisation(code: "KG.01.001.01")?.ended == day("2024-07-01"))
      #expect(try await store.auditEntries(AuditFilter()).first?.action == "organisation.merge")
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func anEmptyCellIsMergedWithItsEntry(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await Self.province(t)
      let merge = TreeChange.merge(code: "KG.01.001.02", intoCode: "KG.01.001.01", on: day("2024-07-01"))
      let preview = try await store.previewTreeChange(merge)
      #expect(preview.members == 0 && preview.unitsBelow == 0)
      #expect(try await store.organisation(code: "KG.01.001.02")?.ended == nil)
      try await store.changeTree(merge, by: Self.staff)
      #expect(try await store.organisation(code: "KG.01.001.02")?.ended == day("2024-07-01"))
      let entry = try #require(try await store.auditEntries(AuditFilter()).first)
      #expect(entry.action == "organisation.merge" && entry.after?.contains("chấm dứt hoạt động") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aUnitIsFoundedUnderItsParentWithItsEntry(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      _ = try await Self.province(t)
      try await store.changeTree(
        .found(
          code: "KG.01.001.03", name: "Chi bộ ấp Mới", kind: .subordinateCell, parentCode: "KG.01.001",
          on: day("2024-02-01")), by: Self.staff)
      let tree = try await store.tree(on: day("2024-02-01"), root: "KG.01.001")
      #expect(tree.units.values.contains { $0.code == "KG.01.001.03" })
      let entry = try #require(try await store.auditEntries(AuditFilter()).first)
      #expect(entry.action == "organisation.add" && entry.before == nil)
      // A code already used is refused, and nothing more is written.
      let taken = await #expect(throws: DomainError.self) {
        try await store.changeTree(
          .found(
            code: "KG.01.001.03", name: "Chi bộ khác", kind: .subordinateCell, parentCode: "KG.01.001",
            on: day("2024-02-01")), by: Self.staff)
      }
      #expect(taken?.code == "organisation.duplicateCode")
      #expect(try await store.auditEntries(AuditFilter()).count == 1)
    }
  }

  /// The start of a database: a province at the top, with its entry filed under itself.
  @Test(arguments: StoreEngine.allCases)
  func aTopUnitIsFoundedWithItsEntry(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let done = try await store.foundTopUnit(
        code: "AG", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, on: day("1976-01-01"),
        by: AuditActor(login: "admin", role: Role.administrator.rawValue))
      #expect(done.summary == "Thành lập Đảng bộ tỉnh An Giang (AG), cấp cao nhất, từ ngày 01/01/1976.")
      #expect(try await store.roots(on: day("2024-01-01")).map(\.code) == ["AG"])
      let entry = try #require(try await store.auditEntries(AuditFilter()).first)
      #expect(entry.action == "organisation.add" && entry.scopeCode == "AG" && entry.subject == "organisation:AG")
      // A cell cannot be the top of the tree.
      let error = await #expect(throws: DomainError.self) {
        try await store.foundTopUnit(
          code: "X", name: "Chi bộ lạc", kind: .grassrootsCell, on: day("2024-01-01"),
          by: AuditActor(login: "admin", role: Role.administrator.rawValue))
      }
      #expect(error?.code == "organisation.kindNotAllowed")
      #expect(try await store.auditEntries(AuditFilter()).count == 1)
    }
  }
}

@Suite("Store: successor committees")
struct SuccessionStoreTests {
  /// A merge records who took over: the access check then reaches the merged unit's past subtree from the
  /// successor (and back through a successor's own predecessors), while the tree itself is unchanged.
  @Test(arguments: StoreEngine.allCases)
  func aMergeMakesTheTargetThePredecessorsSuccessor(engine: StoreEngine) async throws {
    try await engine.withTreeStore { t in
      let store = t.store
      let ids = try await t.province()
      let staff = TreeEditingStoreTests.staff
      try await store.foundTopUnit(
        code: "AGI-2025", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, on: day("2025-01-01"), by: staff)
      let cell = try #require(ids["KG.01.001.01"])
      #expect(try await !store.unitIsWithin(id: cell, rootCode: "AGI-2025", on: day("2024-06-01")))

      try await store.changeTree(.merge(code: "KG", intoCode: "AGI-2025", on: day("2025-03-01")), by: staff)
      let succession = try await store.predecessors(ofCode: "AGI-2025")
      #expect(succession.map(\.predecessor.code) == ["KG"])
      #expect(succession.first?.day == day("2025-03-01"))
      #expect(succession.soleCovering(day("2024-06-01"))?.code == "KG")
      #expect(succession.soleCovering(day("2025-06-01")) == nil)
      // Before the merger by the predecessor, after it by the tree itself.
      #expect(try await store.unitIsWithin(id: cell, rootCode: "AGI-2025", on: day("2024-06-01")))
      #expect(try await store.unitIsWithin(id: cell, rootCode: "AGI-2025", on: day("2025-06-01")))
      // The predecessor does not reach its successor, nor a sibling district the other.
      #expect(
        try await !store.unitIsWithin(
          id: store.organisation(code: "AGI-2025")!.id, rootCode: "KG", on: day("2025-06-01"))
      )
      #expect(try await !store.unitIsWithin(id: cell, rootCode: "KG.02", on: day("2024-06-01")))

      // A later merger of the successor carries the lineage on.
      try await store.foundTopUnit(
        code: "MK", name: "Đảng bộ vùng Mê Kông", kind: .provincialCommittee, on: day("2025-04-01"), by: staff)
      try await store.changeTree(.merge(code: "AGI-2025", intoCode: "MK", on: day("2025-05-01")), by: staff)
      #expect(try await store.predecessors(ofCode: "MK").map(\.predecessor.code) == ["AGI-2025", "KG"])
      #expect(try await store.unitIsWithin(id: cell, rootCode: "MK", on: day("2024-06-01")))
      #expect(try await store.predecessors(ofCode: "KG").isEmpty)
    }
  }
}
