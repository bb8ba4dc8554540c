import DangVuCore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

/// The members file on a store that is only a `PartyStore` (decision 0039): the importer writes through the
/// ordinary `addMembers(_:audit:)`, which checks the batch itself, and must come out as on SQLite's checked path —
/// the same register, the same audit entry, the same refusals, nothing written when refused.
@Suite("Import: the members file on a store without BulkLoading")
struct ImportWithoutBulkLoadingTests {
  static let clerk = AuditActor(login: "thu.bantochuc", role: "organisationStaff")

  /// What the register holds, line by line, with each member's history: enough to tell two imports apart.
  static func register(_ store: some PartyStore) async throws -> [String] {
    var lines: [String] = []
    for entry in try await store.register(of: "KG", on: day("2020-01-01")) {
      let timeline = try await store.timeline(ofMember: entry.member.id)
      lines.append(
        "\(entry.member.partyCardNumber ?? "-") \(entry.member.fullName) \(entry.member.nationalID ?? "-") "
          + "\(entry.cellID) \(entry.standing) \(timeline.events.map { "\($0.kind)@\($0.date)" })")
    }
    return lines.sorted()
  }

  /// The `import.file` entries of the trail, as kept.
  static func importEntries(_ store: some PartyStore) async throws -> [String] {
    try await store.auditEntries(AuditFilter(action: "import.file")).map { "\($0.subject) \($0.after ?? "")" }
  }

  @Test func aFileIsWrittenThroughTheOrdinaryMethodsAsThroughTheCheckedPath() async throws {
    let sqlite = try await ImportProvince.store()
    let other = PartyStoreOnly(base: try await ImportProvince.store())
    #expect(!((other as Any) is any BulkLoading))
    let run = ImportRun(writes: true, audit: (Self.clerk, "dang-vien.csv"))
    let checked = try await ImportFileKind.members.run(file: bytes(ImportProvince.twoMembers), run, into: sqlite)
    let ordinary = try await ImportFileKind.members.run(file: bytes(ImportProvince.twoMembers), run, into: other)
    #expect(checked.written && ordinary.written)
    #expect(checked.rows == 2 && ordinary.rows == 2)
    let register = try await Self.register(other)
    #expect(register.count == 2)
    #expect(try await Self.register(sqlite) == register)
    #expect(
      try await other.searchMembers("dang thi lan", within: nil, on: .today, limit: 5).map(\.fullName) == [
        "Đặng Thị Lan"
      ])
    let entries = try await Self.importEntries(other)
    #expect(entries.count == 1 && entries[0].contains("\"rows\":2"), "\(entries)")
    #expect(try await Self.importEntries(sqlite) == entries)
    #expect(try await other.verifyAuditChain().broken == nil)
  }

  /// A card number already in the register is found only by the write; a cell ended after the check, only by
  /// the writer's second look. Both paths refuse the same member with the same error and write nothing, not even
  /// the import's entry.
  @Test(arguments: [Refusal.cardAlreadyInTheRegister, .cellEndedSinceTheCheck])
  func aBatchTheStoreRefusesIsRefusedAlikeAndLeavesNothing(_ refusal: Refusal) async throws {
    var refused: [String] = []
    for wrapped in [false, true] {
      let base = try await ImportProvince.storeWithMembers()
      let store: any PartyStore = wrapped ? PartyStoreOnly(base: base) : base
      let cell = try #require(try await base.organisation(code: "KG.01.001.02")).id
      let batch = [
        NewMember(
          member: Member(
            fullName: "Lê Văn Cư", gender: .male, birthDate: day("1985-01-01"), partyCardNumber: "10000003"),
          events: [MembershipEvent(memberID: 0, kind: .admitted, date: day("2012-01-01"), cellID: cell)]),
        NewMember(
          member: Member(
            fullName: "Phạm Thị Dung", gender: .female, birthDate: day("1990-01-01"),
            partyCardNumber: refusal == .cardAlreadyInTheRegister ? "10000001" : "10000004"),
          events: [MembershipEvent(memberID: 0, kind: .admitted, date: day("2014-01-01"), cellID: cell)]),
      ]
      let checked = try await base.checkMembers(batch)
      if refusal == .cellEndedSinceTheCheck {
        try await store.endOrganisation(code: "KG.01.001.02", on: day("2011-01-01"))
      }
      let before = try await store.statistics()
      let audit = ImportAudit(
        actor: Self.clerk, kind: .members, fileName: "dang-vien.csv", sha256: String(repeating: "0", count: 64),
        rows: batch.count)
      let error = await #expect(throws: BatchItemError.self) {
        try await MembersFile.write(batch, checked: checked, audit: audit, into: store)
      }
      refused.append("\(error?.index ?? -1) \(error?.error.code ?? "none")")
      #expect(try await store.statistics() == before)
      #expect(try await Self.importEntries(store).isEmpty)
    }
    #expect(refused[0] == refused[1])
    #expect(
      refused[0] == (refusal == .cardAlreadyInTheRegister ? "1 member.duplicateCard" : "0 member.cellNotExisting"))
  }

  enum Refusal: String, CaseIterable, Sendable {
    case cardAlreadyInTheRegister, cellEndedSinceTheCheck
  }

  /// Export reads through `PartyStore` alone, so a store without `BulkLoading` exports what it holds.
  @Test func exportWorksWithoutBulkLoading() async throws {
    let sqlite = try await ImportProvince.storeWithMembers()
    let other = PartyStoreOnly(base: sqlite)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-\(UUID().uuidString).csv")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    #expect(try await MembersFile.export(from: other, to: handle) == 2)
    try handle.close()
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains("Nguyễn Văn An") && text.contains("Đặng Thị Lan"))
  }
}
