import Testing

@testable import DangVuCore

@Suite("Core: audit times and the chain's encoding")
struct AuditChainTests {
  static func entry(sequence: Int64 = 1, actor: String = "admin", subject: String = "member:1") -> AuditEntry {
    AuditEntry(
      sequence: sequence, time: AuditTime(millisecondsSince1970: 1_740_816_930_123), actorLogin: actor,
      actorRole: "administrator", action: "member.update", subject: subject, scopeCode: "KG.01", before: nil,
      after: #"{"fullName":"Ân"}"#, previousHash: AuditChain.genesisHash, hash: "")
  }

  @Test func timesReadInUTCForProgramsAndInVietnamForPeople() {
    let time = AuditTime(millisecondsSince1970: 1_740_816_930_123)
    #expect(time.iso == "2025-03-01T08:15:30.123Z")
    #expect(time.vietnamese == "01/03/2025 15:15:30")
    #expect(AuditTime(iso: time.iso) == time)
    #expect(AuditTime(iso: "2025-03-01T08:15:30Z")?.millisecondsSince1970 == 1_740_816_930_000)
    // 17:00 UTC is midnight in Vietnam: the next day there.
    #expect(AuditTime(iso: "2023-12-31T16:59:59.999Z")?.day == Day(year: 2023, month: 12, day: 31))
    #expect(AuditTime(iso: "2023-12-31T17:00:00.000Z")?.day == Day(year: 2024, month: 1, day: 1))
    #expect(AuditTime.startOfDay(Day(year: 2024, month: 1, day: 1)!).iso == "2023-12-31T17:00:00.000Z")
    for bad in ["2025-03-01 08:15:30Z", "2025-03-01T08:15:30.12Z", "2025-03-01T24:00:00Z", "2025-3-1T08:15:30Z"] {
      #expect(AuditTime(iso: bad) == nil, "\(bad)")
    }
  }

  @Test func theCanonicalEncodingIsTheDocumentedOne() {
    let text = String(decoding: AuditChain.canonicalBytes(of: Self.entry()), as: UTF8.self)
    #expect(
      text == """
        DangVu audit v1
        sequence=1
        time=1740816930123
        actor=5:admin
        role=13:administrator
        action=13:member.update
        subject=8:member:1
        scope=5:KG.01
        before=-
        after=18:{"fullName":"Ân"}
        previous=\(AuditChain.genesisHash)

        """)
  }

  @Test func lengthsKeepFieldsApartAndNilApartFromEmpty() {
    // Moving text from one field into the next must change the bytes.
    var a = Self.entry(actor: "ad", subject: "min:1")
    var b = Self.entry(actor: "admin", subject: ":1")
    a.actorRole = ""
    b.actorRole = ""
    #expect(AuditChain.canonicalBytes(of: a) != AuditChain.canonicalBytes(of: b))
    var empty = Self.entry()
    empty.before = ""
    #expect(AuditChain.canonicalBytes(of: empty) != AuditChain.canonicalBytes(of: Self.entry()))
  }

  @Test func theWalkStopsAtTheFirstEntryThatDoesNotFit() {
    // A stand-in hash that is enough to check the walk's order of checks.
    let hash: ([UInt8]) -> String = { bytes in String(bytes.reduce(0) { ($0 &* 31) &+ Int($1) }) }
    func chain(_ count: Int) -> [AuditEntry] {
      var out: [AuditEntry] = []
      for n in 1...count {
        var e = Self.entry(sequence: Int64(n), subject: "member:\(n)")
        e.previousHash = out.last?.hash ?? AuditChain.genesisHash
        e.hash = hash(AuditChain.canonicalBytes(of: e))
        out.append(e)
      }
      return out
    }
    var walk = AuditChain.Walk(hash: hash)
    for e in chain(4) {
      let fits = walk.check(e)
      #expect(fits)
    }
    #expect(walk.result(lastIssued: 4).isIntact)
    #expect(walk.result(lastIssued: 6).broken == AuditBreak(sequence: 5, reason: .entriesMissing, through: 6))

    var gap = AuditChain.Walk(hash: hash)
    let entries = chain(4)
    for e in [entries[0], entries[2], entries[3]] { gap.check(e) }
    #expect(gap.result(lastIssued: 4).broken == AuditBreak(sequence: 2, reason: .entriesMissing, through: 2))
    #expect(gap.checked == 1)

    var changed = AuditChain.Walk(hash: hash)
    var altered = entries
    altered[1].scopeCode = "KG.02"
    for e in altered { changed.check(e) }
    #expect(changed.broken == AuditBreak(sequence: 2, reason: .contentChanged))

    var relinked = AuditChain.Walk(hash: hash)
    altered[1].hash = hash(AuditChain.canonicalBytes(of: altered[1]))
    for e in altered { relinked.check(e) }
    #expect(relinked.broken == AuditBreak(sequence: 3, reason: .linkBroken))
  }

  @Test func actionsHaveVietnameseNamesAndFamiliesMatchWholeWords() {
    #expect(AuditAction.nameVi(of: "member.update") == "Sửa thông tin đảng viên")
    #expect(AuditAction.nameVi(of: "x.y") == "Thao tác “x.y”")
    #expect(AuditFilter.action("member.update", matches: "member"))
    #expect(AuditFilter.action("member.update", matches: "member.update"))
    #expect(!AuditFilter.action("members.update", matches: "member"))
    #expect(!AuditFilter.action("member.update", matches: "member.up"))
    #expect(AuditFilter(limit: 10_000).boundedLimit == AuditFilter.maximumLimit)
  }
}
