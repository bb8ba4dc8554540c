import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@Suite("Store: lifecycle acts with their letters, corrections and audit entries")
struct LifecycleRecordingTests {
  static let clerk = AuditActor(login: "bithu", role: Role.secretary.rawValue)

  typealias Store = any StoreEngine.Parts

  /// The small province with An, official in Phước Hòa since 2011, on a new store of `engine`, closed afterwards.
  func withProvince(_ engine: StoreEngine, _ body: (Store, [String: Int64], _ an: Int64) async throws -> Void)
    async throws
  {
    try await engine.withRegisterStore { store in
      let (cells, an) = try await Self.load(into: store)
      try await body(store, cells, an)
    }
  }

  static func load(into store: some RegisterStore) async throws -> (cells: [String: Int64], an: Int64) {
    let cells = try await SmallProvince.load(into: store)
    let an = try await store.addMembers([
      NewMember(
        member: SmallProvince.member("Nguyễn Văn An", card: "10000001"),
        events: SmallProvince.officialSince2011(in: cells["KG.01.001.01"]!))
    ])[0].id
    return (cells, an)
  }

  @Test(arguments: StoreEngine.allCases)
  func aLetterIsCompletedByAReceiptRecordedOnAnyPath(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an in
      let letter = try await store.issueTransferLetter(
        NewTransferLetter(memberID: an, toCellID: cells["KG.02.001"]!, issued: day("2024-05-02"), number: "15-GGT"),
        expectedVersion: nil, by: Self.clerk)
      #expect(letter.fromCell.code == "KG.01.001.01" && letter.toCell.code == "KG.02.001")
      #expect(letter.deadline == day("2024-06-01") && letter.received == nil)
      #expect(letter.overdue(on: day("2024-06-02")) && !letter.overdue(on: day("2024-06-01")))
      let incoming = try await store.pendingTransferLetters(
        within: "KG.02", direction: .incoming, on: day("2024-05-03"))
      #expect(incoming.map(\.id) == [letter.id])
      #expect(try await store.pendingTransferLetters(within: "KG.01", direction: .incoming, on: Day.today).isEmpty)
      #expect(try await store.pendingTransferLetters(within: "KG.01", direction: .outgoing, on: Day.today).count == 1)
      // The command line records the receipt: the letter is received too, and leaves both lists.
      try await store.recordEvents([
        MembershipEvent(memberID: an, kind: .transferReceived, date: day("2024-05-20"), cellID: cells["KG.02.001"]!)
      ])
      #expect(try await store.transferLetter(id: letter.id)?.received == day("2024-05-20"))
      #expect(try await store.pendingTransferLetters(within: "KG", direction: .incoming, on: Day.today).isEmpty)
      let sent = try #require(try await store.auditEntries(AuditFilter(action: "member.transferSent")).first)
      #expect(sent.actorLogin == "bithu" && sent.scopeCode == "KG.01.001.01")
      #expect(sent.after?.contains("15-GGT") == true)
      #expect(try await store.verifyAuditChain().broken == nil)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func removingTheSendingByACorrectionRemovesItsLetterAndKeepsTheOldEvent(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an in
      let letter = try await store.issueTransferLetter(
        NewTransferLetter(memberID: an, toCellID: cells["KG.01.001.02"]!, issued: day("2024-05-02"), number: "1"),
        expectedVersion: nil, by: Self.clerk)
      try await store.correctEvent(
        memberID: an, eventID: letter.id, replacement: nil, reason: "Gửi nhầm người", expectedVersion: nil,
        by: Self.clerk)
      #expect(try await store.transferLetter(id: letter.id) == nil)
      let timeline = try await store.timeline(ofMember: an)
      #expect(timeline.spans.last?.inTransit == false && timeline.currentCellID == cells["KG.01.001.01"])
      let corrections = try await store.eventCorrections(ofMember: an)
      #expect(corrections.map(\.old.kind) == [.transferSent] && corrections[0].new == nil)
      #expect(corrections[0].reason == "Gửi nhầm người" && corrections[0].actorLogin == "bithu")
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "member.correct")).first)
      #expect(entry.before?.contains("transferSent") == true && entry.after?.contains("Gửi nhầm người") == true)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aRefusedActWritesNeitherTheEventNorItsAuditEntry(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, _, an in
      let before = try await store.statistics()
      await #expect(throws: DomainError.self) {
        try await store.recordEvent(
          MembershipEvent(memberID: an, kind: .restored, date: day("2024-01-01")), expectedVersion: nil, by: Self.clerk)
      }
      let version = try #require(try await store.memberWithVersion(id: an)).version
      await #expect(throws: StaleVersion<VersionedMember>.self) {
        try await store.recordEvent(
          MembershipEvent(memberID: an, kind: .exempted, date: day("2024-01-01")), expectedVersion: version - 1,
          by: Self.clerk)
      }
      // An audit entry that cannot be written takes the event with it.
      await #expect(throws: DomainError.self) {
        try await store.recordEvent(
          MembershipEvent(memberID: an, kind: .exempted, date: day("2024-01-01")), expectedVersion: nil,
          by: AuditActor(login: " ", role: "secretary"))
      }
      #expect(try await store.statistics() == before)
      #expect(try await store.auditEntries(AuditFilter()).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCorrectedAdmissionDateMustStillFindBothSponsorsOfficial(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an in
      let cell = cells["KG.01.001.01"]!
      let second = try await store.addMembers([
        NewMember(
          member: SmallProvince.member("Đặng Thị Bích", card: "10000002"),
          events: [
            SmallProvince.admitted(cell, on: "2015-01-01"),
            MembershipEvent(memberID: 0, kind: .madeOfficial, date: day("2016-01-01")),
          ])
      ])[0].id
      let giang = try await store.admitMember(
        NewMember(
          member: SmallProvince.member("Phan Văn Giang", card: "10000003", born: "1995-01-01"),
          events: [SmallProvince.admitted(cell, on: "2023-01-10")],
          admission: AdmissionDecision(decisionNumber: "7-QĐ", sponsorIDs: [an, second])),
        by: Self.clerk)
      #expect(try await store.auditEntries(AuditFilter(action: "member.admit")).count == 1)
      let admitted = try #require(
        try await store.memberRecord(id: giang.member.id, within: nil, on: .today)?.recordedEvents.first?.id)
      // In 2015 Bích was still probationary: she could not have sponsored.
      await #expect(throws: DomainError.self) {
        try await store.correctEvent(
          memberID: giang.member.id, eventID: admitted,
          replacement: MembershipEvent(
            memberID: giang.member.id, kind: .admitted, date: day("2015-06-01"), cellID: cell),
          reason: "thử", expectedVersion: nil, by: Self.clerk)
      }
      #expect(try await store.timeline(ofMember: giang.member.id).admissionDate == day("2023-01-10"))
      #expect(try await store.eventCorrections(ofMember: giang.member.id).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aLetterReceivedOnItsPageIsReceivedOnceAndLeavesTheMembersRecord(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an in
      await expectRefusal("transfer.letterRequired") {
        try await store.recordEvent(
          MembershipEvent(memberID: an, kind: .transferSent, date: day("2024-05-02"), cellID: cells["KG.02.001"]!),
          expectedVersion: nil, by: Self.clerk)
      }
      let letter = try await store.issueTransferLetter(
        NewTransferLetter(
          memberID: an, toCellID: cells["KG.02.001"]!, issued: day("2024-05-02"), number: "15-GGT", note: "Đi làm"),
        expectedVersion: 1, by: Self.clerk)
      #expect(letter.number == "15-GGT" && letter.note == "Đi làm")
      #expect(try await store.memberRecord(id: an, within: "KG", on: day("2024-05-03"))?.pendingLetter == letter)
      #expect(
        try await store.pendingTransferLetters(within: "KG.01", direction: .outgoing, on: day("2024-05-03")) == [letter]
      )
      let received = try await store.receiveTransferLetter(id: letter.id, on: day("2024-05-20"), by: Self.clerk)
      #expect(received.received == day("2024-05-20") && received.issued == letter.issued)
      #expect(try await store.timeline(ofMember: an).currentCellID == cells["KG.02.001"])
      #expect(try await store.memberRecord(id: an, within: "KG.02", on: day("2024-05-21"))?.pendingLetter == nil)
      await expectRefusal("transfer.alreadyReceived") {
        try await store.receiveTransferLetter(id: letter.id, on: day("2024-05-21"), by: Self.clerk)
      }
      await expectRefusal("transfer.unknown") {
        try await store.receiveTransferLetter(id: letter.id + 100, on: day("2024-05-21"), by: Self.clerk)
      }
      #expect(try await store.transferLetter(id: letter.id + 100) == nil)
      let entries = try await store.auditEntries(AuditFilter(action: "member.transferReceived"))
      #expect(entries.map(\.scopeCode) == ["KG.02.001"] && entries.map(\.subject) == ["member:\(an)"])
      #expect(try await store.memberWithVersion(id: an)?.version == 3)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func aCorrectedSendingMovesItsLetterAndACorrectionIsCheckedFirst(engine: StoreEngine) async throws {
    try await withProvince(engine) { store, cells, an in
      let letter = try await store.issueTransferLetter(
        NewTransferLetter(memberID: an, toCellID: cells["KG.02.001"]!, issued: day("2024-05-02"), number: "7"),
        expectedVersion: nil, by: Self.clerk)
      let version = try #require(try await store.memberWithVersion(id: an)).version
      let later = MembershipEvent(
        memberID: an, kind: .transferSent, date: day("2024-05-10"), cellID: cells["KG.02.001"]!, note: "số 7")
      await expectRefusal("correction.reasonMissing") {
        try await store.correctEvent(
          memberID: an, eventID: letter.id, replacement: later, reason: "  ", expectedVersion: version, by: Self.clerk)
      }
      await expectRefusal("correction.unknownEvent") {
        try await store.correctEvent(
          memberID: an, eventID: letter.id + 100, replacement: later, reason: "Sai ngày", expectedVersion: version,
          by: Self.clerk)
      }
      let admitted = try #require(
        try await store.memberRecord(id: an, within: nil, on: .today)?.recordedEvents.first?.id)
      await expectRefusal("correction.noEntry") {
        try await store.correctEvent(
          memberID: an, eventID: admitted, replacement: nil, reason: "Nhầm", expectedVersion: version, by: Self.clerk)
      }
      let corrected = try await store.correctEvent(
        memberID: an, eventID: letter.id, replacement: later, reason: "Sai ngày", expectedVersion: version,
        by: Self.clerk)
      #expect(corrected.version == version + 1)
      let moved = try #require(try await store.transferLetter(id: letter.id))
      #expect(moved.issued == day("2024-05-10") && moved.deadline == day("2024-06-09") && moved.number == "7")
      #expect(moved.fromCell == letter.fromCell && moved.received == nil)
      await #expect(throws: StaleVersion<VersionedMember>.self) {
        try await store.correctEvent(
          memberID: an, eventID: letter.id, replacement: nil, reason: "Thừa", expectedVersion: version,
          by: Self.clerk)
      }
      let corrections = try await store.eventCorrections(ofMember: an)
      #expect(corrections.map(\.old.date) == [day("2024-05-02")] && corrections.map(\.new) == [later])
      let entry = try #require(try await store.auditEntries(AuditFilter(action: "member.correct")).first)
      #expect(corrections[0].at == entry.time, "the correction is dated by its audit entry")
    }
  }
}
