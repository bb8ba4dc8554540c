import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: searching members by name")
struct SearchStoreTests {
  func load(into store: any StoreEngine.Parts) async throws {
    let ids = try await SmallProvince.load(into: store)
    let names = ["Đặng Văn Hùng", "Nguyễn Văn Nam", "Nguyễn Thị Đào", "Trần Văn Dũng", "Dương Thị Mai"]
    try await store.addMembers(
      names.enumerated().map { i, name in
        let cell = i < 3 ? ids["KG.01.001.01"]! : ids["KG.02.001"]!
        return NewMember(
          member: SmallProvince.member(name, card: "2000000\(i)"),
          events: [SmallProvince.admitted(cell, on: "2010-01-01")])
      })
  }

  @Test(arguments: StoreEngine.allCases)
  func dMatchesDStroke(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      try await load(into: store)
      #expect(
        try await store.searchMembers("dang", within: nil, on: .today, limit: 10).map(\.fullName) == ["Đặng Văn Hùng"])
      #expect(
        try await store.searchMembers("DAO", within: nil, on: .today, limit: 10).map(\.fullName) == ["Nguyễn Thị Đào"])
      #expect(
        try await store.searchMembers("đũng", within: nil, on: .today, limit: 10).map(\.fullName) == ["Trần Văn Dũng"])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func wordsMatchInAnyPositionAndTheLastIsAPrefix(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      try await load(into: store)
      #expect(
        try await store.searchMembers("nguyen van", within: nil, on: .today, limit: 10).map(\.fullName) == [
          "Nguyễn Văn Nam"
        ])
      #expect(try await store.searchMembers("nguy", within: nil, on: .today, limit: 10).count == 2)
      #expect(
        try await store.searchMembers("thi", within: nil, on: .today, limit: 10).map(\.fullName) == [
          "Dương Thị Mai", "Nguyễn Thị Đào",
        ])
      #expect(
        try await store.searchMembers("Nguye\u{0302}\u{0303}n Thi\u{0323}", within: nil, on: .today, limit: 10).map(
          \.fullName) == [
            "Nguyễn Thị Đào"
          ])
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func limitsToASubtree(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      try await load(into: store)
      #expect(
        try await store.searchMembers("van", within: "KG.02", on: .today, limit: 10).map(\.fullName) == [
          "Trần Văn Dũng"
        ])
      #expect(try await store.searchMembers("van", within: "KG", on: .today, limit: 10).count == 3)
      await #expect(throws: DomainError.self) {
        try await store.searchMembers("van", within: "XX", on: .today, limit: 10)
      }
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func returnsNothingForMarkupOrPunctuation(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      try await load(into: store)
      #expect(try await store.searchMembers("\" OR 1 --", within: nil, on: .today, limit: 10).isEmpty)
      #expect(try await store.searchMembers("   ", within: nil, on: .today, limit: 10).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aProvinceAmongSeveralHoldsOnlyItsOwnMembers(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      try await load(into: store)
      let other = try await store.addOrganisations([
        NewOrganisation(
          code: "AG", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, parentCode: nil,
          founded: day("1976-01-01")),
        NewOrganisation(
          code: "AG.01", name: "Chi bộ Sở Y tế", kind: .grassrootsCell, parentCode: "AG", founded: day("1990-01-01")),
      ])
      try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Nguyễn Văn Nam", card: "30000001"),
          events: [SmallProvince.admitted(other[1].id, on: "2010-01-01")])
      ])
      #expect(
        try await store.searchMembers("nguyen van nam", within: "KG", on: .today, limit: 10).map(\.partyCardNumber) == [
          "20000001"
        ])
      #expect(
        try await store.searchMembers("nguyen van nam", within: "AG", on: .today, limit: 10).map(\.partyCardNumber) == [
          "30000001"
        ])
      #expect(try await store.searchMembers("nguyen van nam", within: nil, on: .today, limit: 10).count == 2)
    }
  }

  /// Names that start with what was typed come first, then the word matches (the first ones by id up to the limit),
  /// all by folded name; marks and đ fold the same on every engine; the one root that always held everyone finds
  /// those who have left too, a unit below it only its members now.
  @Test(arguments: StoreEngine.allCases)
  func hitsComeInOneOrderOnEveryEngine(engine: StoreEngine) async throws {
    try await engine.withRegisterStore { store in
      let ids = try await SmallProvince.load(into: store)
      let names = ["Nguyễn Văn An", "An Thị Bình", "Trần An", "Nguyễn An", "Anh Văn Tú", "Đào Duy Đông"]
      let added = try await store.addMembers(
        names.enumerated().map { i, name in
          NewMember(
            member: SmallProvince.member(name, card: "4000000\(i)"),
            events: [SmallProvince.admitted(ids["KG.01.001.01"]!, on: "2010-01-01")])
        })
      func search(_ text: String, within code: String? = nil, limit: Int = 10) async throws -> [String] {
        try await store.searchMembers(text, within: code, on: day("2024-01-01"), limit: limit).map(\.fullName)
      }
      #expect(try await search("an") == ["An Thị Bình", "Anh Văn Tú", "Nguyễn An", "Nguyễn Văn An", "Trần An"])
      #expect(try await search("an", limit: 3) == ["An Thị Bình", "Anh Văn Tú", "Nguyễn Văn An"])
      #expect(try await search("nguyen v") == ["Nguyễn Văn An"])
      #expect(try await search("VĂN") == ["Anh Văn Tú", "Nguyễn Văn An"])
      #expect(try await search("dao duy dong") == ["Đào Duy Đông"])
      #expect(try await search("ĐÔNG") == ["Đào Duy Đông"])
      #expect(try await search("Ðào") == [], "Ð (U+00D0, Icelandic eth) is not đ")

      try await store.recordEvents([MembershipEvent(memberID: added[2].id, kind: .struckOff, date: day("2020-01-01"))])
      #expect(try await search("tran an", within: "KG") == ["Trần An"])
      #expect(try await search("tran an", within: "KG.01").isEmpty)
      let hit = try #require(try await store.searchMembers("tran an", within: nil, on: .today, limit: 1).first)
      #expect(hit.cellCode == nil && hit.partyCardNumber == "40000002" && hit.birthDate == day("1980-01-01"))
      let inCell = try #require(try await store.searchMembers("tu", within: "KG.01", on: .today, limit: 1).first)
      #expect(inCell.cellCode == "KG.01.001.01" && inCell.cellName == "Chi bộ ấp Phước Hòa")
    }
  }
}
