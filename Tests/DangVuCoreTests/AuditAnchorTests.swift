import Testing

@testable import DangVuCore

/// The head recorded in the database and the anchor kept outside it, held against a trail.
@Suite("Core: the audit trail's head and anchor")
struct AuditAnchorTests {
  static let a = String(repeating: "a", count: 64)
  static let b = String(repeating: "b", count: 64)

  @Test func aHeadAheadOfTheTrailMeansEntriesDeleted() {
    #expect(AuditHead.compare(AuditHead(sequence: 5, hash: Self.a), withLastSequence: 5, lastHash: Self.a) == nil)
    #expect(
      AuditHead.compare(AuditHead(sequence: 5, hash: Self.a), withLastSequence: 3, lastHash: Self.b)
        == AuditBreak(sequence: 4, reason: .entriesMissing, through: 5))
    #expect(
      AuditHead.compare(AuditHead(sequence: 5, hash: Self.a), withLastSequence: 0, lastHash: AuditChain.genesisHash)
        == AuditBreak(sequence: 1, reason: .entriesMissing, through: 5))
    #expect(AuditHead.compare(.empty, withLastSequence: 0, lastHash: AuditChain.genesisHash) == nil)
  }

  @Test func aHeadBehindOrWithAnotherHashIsAMismatch() {
    #expect(
      AuditHead.compare(AuditHead(sequence: 5, hash: Self.b), withLastSequence: 5, lastHash: Self.a)
        == AuditBreak(sequence: 5, reason: .headMismatch))
    #expect(
      AuditHead.compare(AuditHead(sequence: 4, hash: Self.a), withLastSequence: 5, lastHash: Self.a)
        == AuditBreak(sequence: 5, reason: .headMismatch))
    #expect(
      AuditHead.compare(nil, withLastSequence: 5, lastHash: Self.a) == AuditBreak(sequence: 6, reason: .headMissing))
  }

  @Test func anAnchorChecksLengthThenHash() {
    let anchor = AuditAnchor(
      entries: 7, lastHash: Self.a, time: AuditTime(millisecondsSince1970: 1_740_816_930_123), publicKey: "k")
    #expect(anchor.check(trailEntries: 7, hashAtAnchor: Self.a) == .matches)
    #expect(anchor.check(trailEntries: 9, hashAtAnchor: Self.a) == .matches, "entries added since are fine")
    #expect(anchor.check(trailEntries: 6, hashAtAnchor: nil) == .trailShorter(anchored: 7, found: 6))
    #expect(anchor.check(trailEntries: 0, hashAtAnchor: nil) == .trailShorter(anchored: 7, found: 0))
    #expect(anchor.check(trailEntries: 9, hashAtAnchor: Self.b) == .hashDiffers(sequence: 7))
    #expect(
      AuditAnchor.Finding.trailShorter(anchored: 7, found: 0).messageVi(anchoredAt: anchor.time)
        .hasPrefix("Nhật ký chỉ còn 0 mục nhưng mốc ngày 01/03/2025 15:15:30 ghi 7 mục: các mục #1 đến #7 đã bị xóa"))
  }

  @Test func theSignatureCoversEveryFieldButItself() {
    var anchor = AuditAnchor(
      entries: 7, lastHash: Self.a, time: AuditTime(millisecondsSince1970: 12), publicKey: "k", signature: "s")
    let bytes = anchor.signedBytes
    #expect(
      String(decoding: bytes, as: UTF8.self) == "DangVu audit anchor v1\nentries=7\nlast=\(Self.a)\ntime=12\nkey=k\n")
    anchor.signature = "t"
    #expect(anchor.signedBytes == bytes)
    for change in [{ (x: inout AuditAnchor) in x.entries = 6 }, { $0.lastHash = Self.b }, { $0.publicKey = "j" }] {
      var changed = anchor
      change(&changed)
      #expect(changed.signedBytes != bytes)
    }
  }
}

@Suite("Core: comparing kept sums with recomputed ones")
struct AggregateCompareTests {
  @Test func aRowMissingOnOneSideCountsAsZero() {
    let table = AggregateCheck.compare(
      table: "t", stored: ["a": 2, "b": 1, "z": 0], recomputed: ["a": 2, "c": 4, "y": 0])
    #expect(table.differing == 2)
    #expect(
      table.differences == [
        .init(table: "t", key: "b", stored: 1, recomputed: 0), .init(table: "t", key: "c", stored: 0, recomputed: 4),
      ])
    #expect(table.rows == 2)
    #expect(AggregateCheck.compare(table: "t", stored: ["a": 1, "b": 0], recomputed: ["a": 1]).differing == 0)
  }
}
