import DangVuCore
import DangVuDemo
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuStore

@Suite("Import: export → import round trip")
struct ImportRoundTripTests {
  /// The four exports of a store, as bytes, in the order they import.
  struct Exports: Equatable {
    var organisations: [UInt8]
    var members: [UInt8]
    var events: [UInt8]
    var population: [UInt8]
  }

  static func exports(of store: some PartyStore) async throws -> Exports {
    Exports(
      organisations: try await written { try await OrganisationsFile.export(from: store, to: $0) },
      members: try await written { try await MembersFile.export(from: store, to: $0) },
      events: try await written { try await EventsFile.export(from: store, to: $0).rows },
      population: try await written { try await PopulationFile.export(from: store, years: 2020...2025, to: $0) })
  }

  /// What an export writes into a real file.
  static func written(_ export: (FileHandle) async throws -> Int) async throws -> [UInt8] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-export-\(UUID().uuidString).csv")
      .path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    _ = try await export(handle)
    try handle.close()
    defer { try? FileManager.default.removeItem(atPath: path) }
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// The small province with every awkward case the files carry: quotes and line breaks in fields, a member
  /// without a card, an arrival from another province, events of every sort and population figures.
  static func richSource() async throws -> SQLiteStore {
    let source = try await ImportProvince.storeWithMembers()
    let more = """
      \(ImportProvince.membersHeader)
      10000003,"Phạm Thị ""Út"", con",Nữ,01/01/1960,Kinh,Công giáo,091060000003,"Ấp 1,
      xã Bình An",Trung học,Cao cấp,Hưu trí,KG.01.001.02,1990-02-03,1991-02-03,2018-01-01
      ,Võ Văn Dự Bị,Nam,2001-04-30,Kinh,Không,,,,,,KG.01.002,2025-01-15,,

      """
    _ = try await MembersFile.importing(bytes(more), into: source)
    // A member admitted in another province: the arrival opens the history and travels in the members file.
    let arrival = """
      so_the,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap,ngay_chuyen_den
      10000005,Lâm Văn Đến,Nam,1975-03-01,KG.01.002,,2015-07-01

      """
    _ = try await MembersFile.importing(bytes(arrival), into: source)
    let events = """
      so_the,loai_su_kien,ngay,ma_chi_bo,ghi_chu
      10000001,transferred,2010-06-01,KG.01.001.02,"QĐ 5, ngày 20/5"
      10000001,exempted,2021-01-01,,
      10000003,restored,2019-01-01,,
      10000003,exempted,2022-01-01,,
      10000002,askedToLeave,2023-03-01,,

      """
    _ = try await EventsFile.importing(bytes(events), into: source)
    _ = try await PopulationFile.importing(
      bytes("ma_to_chuc,nam,dan_so\nKG,2023,1723067\nKG.01,2024,156000\n"), into: source)
    return source
  }

  @Test func exportedFilesImportIntoAFreshStoreAndExportTheSame() async throws {
    let source = try await Self.richSource()
    let first = try await Self.exports(of: source)
    let copy = try SQLiteStore.inMemory()
    #expect(try await OrganisationsFile.importing(first.organisations, into: copy) == 6)
    #expect(try await MembersFile.importing(first.members, into: copy) == 5)
    // 10000001's exemption is its first, so it travels in the members file.
    #expect(try await EventsFile.importing(first.events, into: copy) == 4)
    #expect(try await PopulationFile.importing(first.population, into: copy) == 2)

    let (a, b) = (try await source.statistics(), try await copy.statistics())
    #expect(a.organisations == b.organisations && a.members == b.members && a.events == b.events)
    #expect(try await Self.exports(of: copy) == first)
    for date in ["2011-01-01", "2019-06-01", "2024-01-01", "2025-06-01"] {
      let before = try await source.register(of: "KG", on: day(date))
      let after = try await copy.register(of: "KG", on: day(date))
      #expect(after.map(\.member.fullName) == before.map(\.member.fullName))
      #expect(after.map(\.exempt) == before.map(\.exempt))
      #expect(after.map(\.standing) == before.map(\.standing))
    }
    #expect(try await copy.member(cardNumber: "10000003")?.homeTown == "Ấp 1,\nxã Bình An")
  }

  @Test func saysWhichEventsItCouldNotWriteForMembersWithoutACard() async throws {
    let store = try await ImportProvince.store()
    let file = "ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap\nVõ Văn Dự Bị,Nam,1990-01-01,KG.01.002,2024-01-15\n"
    let added = try await MembersFile.importing(bytes(file), into: store)
    #expect(added == 1)
    let member = try #require(try await store.register(of: "KG", on: day("2024-06-01")).first?.member)
    try await store.recordEvents([MembershipEvent(memberID: member.id, kind: .died, date: day("2024-07-01"))])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-events-\(UUID().uuidString).csv")
      .path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let summary = try await EventsFile.export(from: store, to: handle)
    try handle.close()
    try? FileManager.default.removeItem(atPath: path)
    #expect(summary.rows == 0)
    #expect(summary.skippedEvents == 1)
    #expect(summary.membersWithoutCard == 1)
  }

  /// The demo's members include arrivals from other provinces, whose histories open with the arrival: the
  /// members file must carry them, or its own export would not import (as `dangvu bench import` found).
  @Test func aDemoExportsAndImportsIntoAFreshStore() async throws {
    let source = try SQLiteStore.inMemory()
    let summary = try await DemoLoader.load(into: source, options: DemoOptions(members: 2_000, seed: 5)) { _ in }
    #expect(summary.arrivals > 0)
    let organisations = try await Self.written { try await OrganisationsFile.export(from: source, to: $0) }
    let members = try await Self.written { try await MembersFile.export(from: source, to: $0) }
    var skipped = 0
    let events = try await Self.written {
      let result = try await EventsFile.export(from: source, to: $0)
      skipped = result.skippedEvents
      return result.rows
    }
    let copy = try SQLiteStore.inMemory()
    _ = try await OrganisationsFile.importing(organisations, into: copy)
    #expect(try await MembersFile.importing(members, into: copy) == summary.members)
    _ = try await EventsFile.importing(events, into: copy)
    let (a, b) = (try await source.statistics(), try await copy.statistics())
    #expect(b.members == a.members)
    // Events of members without a card number cannot be named in the events file (its export says how many).
    #expect(b.events + skipped == a.events)
  }
}
