import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

/// The register's lookups and its all-or-nothing batches, run on SQLite in memory, SQLite on file and PostgreSQL
/// (`StoreEngine`).
@Suite("Store: the register's lookups")
struct RegisterLookupTests {
  static let importer = AuditActor(login: "thu.bantochuc", role: Role.organisationStaff.rawValue)

  static func audit(rows: Int) -> ImportAudit {
    ImportAudit(
      actor: importer, kind: .members, fileName: "dang-vien.csv", sha256: String(repeating: "b", count: 64), rows: rows)
  }

  /// An and Bình in KG.01.001.01 (An with an ID number), Chi in KG.02.001; two namesakes of An born the same day
  /// would be probable duplicates.
  static func load(into store: any StoreEngine.Parts) async throws -> (ids: [String: Int64], members: [Member]) {
    let ids = try await SmallProvince.load(into: store)
    var an = SmallProvince.member("Nguyễn Văn An", card: "10000001", born: "1975-03-15", nid: "091075000001")
    an.ethnicity = ""
    var binh = SmallProvince.member("Trần Thị Bình", card: "10000002", born: "1980-07-02")
    binh.education = "Đại học"
    let chi = SmallProvince.member("NGUYỄN VĂN AN", card: "10000003", born: "1975-03-15", nid: "091075000002")
    let members = try await store.addMembers([
      NewMember(member: an, events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2000-05-19")]),
      NewMember(
        member: binh,
        events: [
          SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2005-05-19"),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2006-05-19")),
        ]),
      NewMember(member: chi, events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2010-01-01")]),
    ])
    return (ids, members)
  }

  @Test(arguments: StoreEngine.allCases)
  func membersAreFoundByTheirNumbers(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let (_, m) = try await Self.load(into: store)
      #expect(try await store.member(nationalID: "091075000002") == m[2])
      #expect(try await store.member(nationalID: "091075000009") == nil)
      #expect(try await store.member(cardNumber: "10000002") == m[1])
      #expect(try await store.existingNationalIDs(["091075000001", "091075000009"]) == ["091075000001"])
      #expect(
        try await store.memberIDs(cardNumbers: ["10000001", "10000003", "99999999"]) == [
          "10000001": m[0].id, "10000003": m[2].id,
        ])
      #expect(try await store.existingCardNumbers([]) == [])
      let ids = try await store.nationalIDsWithBirthDates().sorted { $0.id < $1.id }
      #expect(ids.map(\.id) == ["091075000001", "091075000002"])
      #expect(ids.map(\.birth) == [day("1975-03-15"), day("1975-03-15")])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func namesakesAreCountedByFoldedNameAndBirthDate(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      _ = try await Self.load(into: store)
      let an = NameAndBirth(searchName: "nguyen van an", birth: day("1975-03-15"))
      let anLater = NameAndBirth(searchName: "nguyen van an", birth: day("1975-03-16"))
      let binh = NameAndBirth(searchName: "tran thi binh", birth: day("1980-07-02"))
      #expect(try await store.namesakeCounts([an, anLater, binh]) == [an: 2, binh: 1])
      #expect(try await store.namesakeCounts([]).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func completenessIsCountedForTheMembersInEachCellNow(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let (ids, m) = try await Self.load(into: store)
      try await store.recordEvents([MembershipEvent(memberID: m[2].id, kind: .died, date: day("2024-01-01"))])
      let byCell = try await store.registerCompletenessByCell()
      #expect(byCell.count == 1)
      #expect(
        byCell[ids["KG.01.001.01"]!]
          == RegisterCompleteness(
            members: 2, nationalID: 1, birthDate: 2, cardNumber: 2, ethnicity: 1, education: 1))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func theExportStreamsEveryMemberWithItsEventsInIDOrder(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let (_, m) = try await Self.load(into: store)
      var batches: [[(member: Member, events: [MembershipEvent])]] = []
      try await store.forEachMemberBatch(batchSize: 2) { batches.append($0) }
      #expect(batches.map(\.count) == [2, 1])
      let all = batches.flatMap { $0 }
      #expect(all.map(\.member) == m)
      #expect(all[1].events.map(\.kind) == [.admitted, .madeOfficial])
      #expect(all.allSatisfy { entry in entry.events.allSatisfy { $0.memberID == entry.member.id } })
      #expect(try await store.statistics().events == 4)
    }
  }

  /// The third member names a unit that does not exist: nothing of the batch is written, nor the import's entry; the
  /// same batch without it is written with its entry, in one transaction.
  @Test(arguments: StoreEngine.allCases)
  func aRefusedBatchChangesNothing(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let cell = ids["KG.01.001.01"]!
      let batch = [
        NewMember(
          member: SmallProvince.member("Lê Văn Tư", card: "20000001"),
          events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
        NewMember(
          member: SmallProvince.member("Đỗ Thị Năm", card: "20000002"),
          events: [SmallProvince.admitted(cell, on: "2011-01-01")]),
        NewMember(
          member: SmallProvince.member("Phan Văn Sáu", card: "20000003"),
          events: [SmallProvince.admitted(999_999, on: "2012-01-01")]),
      ]
      let before = try await store.statistics()
      let error = await #expect(throws: BatchItemError.self) {
        try await store.addMembers(batch, audit: Self.audit(rows: 3))
      }
      #expect(error?.index == 2)
      #expect(try await store.statistics() == before)
      #expect(try await store.existingCardNumbers(["20000001", "20000002"]).isEmpty)
      #expect(try await store.searchMembers("tu", within: nil, on: .today, limit: 10).isEmpty)
      #expect(try await store.memberCountsByCell(on: day("2020-01-01")).isEmpty)
      #expect(try await store.auditEntries(AuditFilter()).isEmpty)

      let added = try await store.addMembers(Array(batch.prefix(2)), audit: Self.audit(rows: 2))
      #expect(added.map(\.fullName) == ["Lê Văn Tư", "Đỗ Thị Năm"])
      #expect(try await store.memberCountsByCell(on: day("2020-01-01")) == [cell: 2])
      let entry = try #require(try await store.auditEntries(AuditFilter()).first)
      #expect(entry.action == "import.file" && entry.subject == "file:dang-vien.csv")
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  /// An admission's sponsors must be official members on its day (Core's `AdmissionRules`); a refusal writes
  /// nothing of the batch.
  @Test(arguments: StoreEngine.allCases)
  func anAdmissionWithAProbationarySponsorIsRefused(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let (ids, m) = try await Self.load(into: store)
      let before = try await store.statistics()
      func admitting(sponsors: [Int64]) -> NewMember {
        NewMember(
          member: SmallProvince.member("Phạm Thị Dung", card: "30000001", born: "2000-02-02"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2023-03-01")],
          admission: AdmissionDecision(decisionNumber: "12-QĐ/ĐU", sponsorIDs: sponsors))
      }
      // An was never made official.
      let error = await #expect(throws: BatchItemError.self) {
        try await store.addMembers([admitting(sponsors: [m[0].id, m[1].id])])
      }
      #expect(error?.error.code == "admission.sponsorNotOfficial")
      #expect(try await store.statistics() == before)
      try await store.recordEvents([MembershipEvent(memberID: m[0].id, kind: .madeOfficial, date: day("2001-05-19"))])
      let dung = try await store.addMembers([admitting(sponsors: [m[0].id, m[1].id])])
      #expect(try await store.timeline(ofMember: dung[0].id).admissionDate == day("2023-03-01"))
    }
  }
}
