import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: the member register")
struct RegisterStoreTests {
  @Test(arguments: StoreEngine.allCases)
  func roundTripsAMemberWithPostsAndHistory(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      var lan = SmallProvince.member("Đặng Thị Lan", card: "10000001", nid: "091180000123")
      lan.ethnicity = "Khmer"
      lan.religion = "Phật giáo"
      lan.homeTown = "Châu Thành, Kiên Giang"
      lan.education = "Đại học"
      lan.politicalTheory = "Trung cấp"
      lan.occupation = "Giáo viên"
      lan.posts = [LeadingPost(title: "Bí thư chi bộ", organisationCode: "KG.01.001.01", from: day("2020-10-01"))]
      let added = try await store.addMembers([
        NewMember(
          member: lan,
          events: [
            SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2005-05-19"),
            MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2006-05-19")),
          ])
      ])
      lan.id = added[0].id
      #expect(try await store.member(id: lan.id) == lan)
      #expect(try await store.member(cardNumber: "10000001") == lan)
      let timeline = try await store.timeline(ofMember: lan.id)
      #expect(timeline.admissionDate == day("2005-05-19"))
      #expect(timeline.officialDate == day("2006-05-19"))
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func rebuildsTheRegisterOnPastDates(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let cellA = ids["KG.01.001.01"]!
      let cellB = ids["KG.02.001"]!
      let added = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
          events: [SmallProvince.admitted(cellA, on: "2010-01-01")]),
        NewMember(
          member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
          events: [SmallProvince.admitted(cellA, on: "2015-01-01")]),
      ])
      try await store.recordEvents([
        MembershipEvent(memberID: added[0].id, kind: .transferred, date: day("2020-06-01"), cellID: cellB),
        MembershipEvent(memberID: added[1].id, kind: .struckOff, date: day("2022-03-01")),
      ])
      func names(_ code: String, _ date: String) async throws -> [String] {
        try await store.register(of: code, on: day(date)).map(\.member.fullName)
      }
      #expect(try await names("KG.01", "2012-01-01") == ["Nguyễn Văn An"])
      #expect(try await names("KG.01", "2019-01-01") == ["Nguyễn Văn An", "Trần Thị Bình"])
      #expect(try await names("KG.01", "2021-01-01") == ["Trần Thị Bình"])
      #expect(try await names("KG.02", "2021-01-01") == ["Nguyễn Văn An"])
      #expect(try await names("KG", "2022-03-01") == ["Nguyễn Văn An"])
      let entry = try #require(try await store.register(of: "KG", on: day("2010-06-01")).first)
      #expect(entry.standing == .probationary)
      #expect(entry.cellID == cellA)
      #expect(try await store.memberCountsByCell(on: day("2019-01-01")) == [cellA: 2])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func refusesImpossibleEventsAndKeepsHistoryAsItWas(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let added = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Lê Văn Tư", card: "10000001"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
      ])
      let id = added[0].id
      try await store.recordEvents([MembershipEvent(memberID: id, kind: .died, date: day("2020-01-01"))])
      let before = try await store.statistics()
      for impossible in [
        MembershipEvent(memberID: id, kind: .transferred, date: day("2021-01-01"), cellID: ids["KG.02.001"]!),
        MembershipEvent(memberID: id, kind: .madeOfficial, date: day("2009-01-01")),
        MembershipEvent(memberID: id, kind: .transferred, date: day("2015-01-01"), cellID: ids["KG.01"]!),
        MembershipEvent(memberID: 999_999, kind: .died, date: day("2015-01-01")),
      ] {
        await #expect(throws: BatchItemError.self) { try await store.recordEvents([impossible]) }
      }
      #expect(try await store.statistics() == before)
      #expect(try await store.timeline(ofMember: id).events.count == 2)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func refusesDuplicateCardAndNationalIDNumbers(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let cell = ids["KG.01.001.01"]!
      try await store.addMembers([
        NewMember(
          member: SmallProvince.member("A", card: "10000001", nid: "091180000001"),
          events: [SmallProvince.admitted(cell, on: "2010-01-01")])
      ])
      let before = try await store.statistics()
      await #expect(throws: BatchItemError.self) {
        try await store.addMembers([
          NewMember(
            member: SmallProvince.member("B", card: "10000002"),
            events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
          NewMember(
            member: SmallProvince.member("C", card: "10000001"),
            events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
        ])
      }
      await #expect(throws: BatchItemError.self) {
        try await store.addMembers([
          NewMember(
            member: SmallProvince.member("D", card: "10000009", nid: "091180000001"),
            events: [SmallProvince.admitted(cell, on: "2010-01-01")])
        ])
      }
      #expect(try await store.statistics() == before)
      #expect(try await store.existingCardNumbers(["10000001", "10000002"]) == ["10000001"])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func updatesIdentityAndSearchTogether(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      var m = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Phạm Văn Đức", card: "10000001"),
          events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
      ])[0]
      m.fullName = "Phạm Văn Đạt"
      try await store.updateMember(m)
      #expect(try await store.searchMembers("duc", within: nil, on: .today, limit: 10).isEmpty)
      #expect(try await store.searchMembers("pham dat", within: nil, on: .today, limit: 10).map(\.id) == [m.id])
      var tooYoung = m
      tooYoung.birthDate = day("2000-01-01")
      await #expect(throws: DomainError.self) { try await store.updateMember(tooYoung) }
      #expect(try await store.member(id: m.id)?.birthDate == day("1980-01-01"))
    }
  }

  /// Events and spans go in many to a statement: a history longer than one statement holds comes back whole
  /// and in order.
  @Test(arguments: StoreEngine.allCases)
  func aLongHistoryIsWrittenWholeAndInOrder(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      var events = [
        SmallProvince.admitted(ids["KG.01.001.01"]!, on: "1990-01-01"),
        MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("1991-01-01")),
      ]
      for k in 0..<70 {
        events.append(
          MembershipEvent(
            memberID: 0, kind: k % 2 == 0 ? .exempted : .restored, date: day("1992-01-01").adding(days: 100 * k)))
      }
      let added = try await store.addMembers([
        NewMember(member: SmallProvince.member("Nguyễn Văn An", card: "10000001", born: "1960-01-01"), events: events)
      ])
      let timeline = try await store.timeline(ofMember: added[0].id)
      #expect(timeline.events.map(\.kind) == events.map(\.kind))
      #expect(timeline.events.map(\.date) == events.map(\.date))
      #expect(timeline.spans.count > 64)
      #expect(try await store.register(of: "KG", on: day("1992-02-01")).first?.exempt == true)
      #expect(try await store.register(of: "KG", on: day("1992-05-01")).first?.exempt == false)
    }
  }
}

/// Checked batches are SQLite's (`BulkLoading`, decision 0039): they run on its engines only.
@Suite("Store: batches checked before they are written")
struct CheckedBatchTests {
  static let engines: [Engine] = [.sqliteInMemory, .sqliteFile]

  @Test(arguments: Self.engines)
  func writesACheckedBatchAsAddMembersWould(engine: Engine) async throws {
    let store = try #require(try engine.makeStore() as? any BulkLoading)
    let ids = try await SmallProvince.load(into: store)
    let batch = [
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Trần Thị Bình", card: "10000002"),
        events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2015-01-01")]),
    ]
    let checked = try await store.checkMembers(batch)
    #expect(checked.count == 2)
    let added = try await store.addMembers(checked)
    #expect(added.map(\.fullName) == ["Nguyễn Văn An", "Trần Thị Bình"])
    #expect(
      try await store.register(of: "KG", on: day("2016-01-01")).map(\.member.fullName).sorted() == [
        "Nguyễn Văn An", "Trần Thị Bình",
      ])
    #expect(
      try await store.searchMembers("binh", within: nil, on: .today, limit: 10).map(\.fullName) == ["Trần Thị Bình"])
  }

  @Test(arguments: Self.engines)
  func refusesABadMemberWhenCheckingWithItsPlace(engine: Engine) async throws {
    let store = try #require(try engine.makeStore() as? any BulkLoading)
    let ids = try await SmallProvince.load(into: store)
    let cell = ids["KG.01.001.01"]!
    let batch = [
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2010-01-01")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Cư", card: "10000001"),
        events: [SmallProvince.admitted(cell, on: "2011-01-01")]),
    ]
    let error = await #expect(throws: BatchItemError.self) { try await store.checkMembers(batch) }
    #expect(error?.index == 1)
    #expect(try await store.statistics().members == 0)
  }

  /// A unit ended between the check and the write: the writer sees the tree changed, checks again and refuses.
  @Test(arguments: Self.engines)
  func checksAgainWhenTheTreeChangedInBetween(engine: Engine) async throws {
    let store = try #require(try engine.makeStore() as? any BulkLoading)
    let ids = try await SmallProvince.load(into: store)
    let batch = [
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: [SmallProvince.admitted(ids["KG.01.001.02"]!, on: "2020-01-01")])
    ]
    let checked = try await store.checkMembers(batch)
    try await store.endOrganisation(code: "KG.01.001.02", on: day("2019-01-01"))
    let error = await #expect(throws: BatchItemError.self) { try await store.addMembers(checked) }
    #expect(error?.index == 0)
    #expect(try await store.statistics().members == 0)
  }
}
