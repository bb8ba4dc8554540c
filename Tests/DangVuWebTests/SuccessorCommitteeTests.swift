import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// A committee that took over another by merger (Kiên Giang into An Giang's new committee) reaches its
/// predecessor's history: its staff open the predecessor's units, members and past reports, and a report asked for
/// a period before the new committee existed answers with the predecessor's figures (decision 0040). The
/// lineage reaches back, never sideways.
@Suite struct SuccessorCommitteeTests {
  static let admin = AuditActor(login: "quantri", role: "administrator")

  /// The small province, and a new provincial committee founded on 1/1/2025 that takes it over on 1/3/2025.
  func merged(_ merge: Bool = true) async throws -> SQLiteStore {
    let (store, _) = try await WebProvince.store()
    try await store.foundTopUnit(
      code: "AGI-2025", name: "Đảng bộ tỉnh An Giang", kind: .provincialCommittee, on: day("2025-01-01"),
      by: Self.admin)
    if merge {
      try await store.changeTree(.merge(code: "KG", intoCode: "AGI-2025", on: day("2025-03-01")), by: Self.admin)
    }
    return store
  }

  @Test func theSuccessorsStaffReachThePredecessorsUnitsAndMembersOnlyAfterTheMerger() async throws {
    let before = try await merged(false)
    let outsider = try await signIn(before, role: .organisationStaff, scope: "AGI-2025")
    #expect(try await get("/to-chuc/KG?ngay=2024-06-01", from: before, as: outsider).status == .notFound)

    let store = try await merged()
    #expect(try await store.predecessors(ofCode: "AGI-2025").map(\.predecessor.code) == ["KG"])
    let staff = try await signIn(store, role: .organisationStaff, scope: "AGI-2025")
    #expect(try await get("/to-chuc/KG?ngay=2024-06-01", from: store, as: staff).status == .ok)
    #expect(try await get("/to-chuc/KG.02.001?ngay=2024-06-01", from: store, as: staff).status == .ok)
    // Struck off on 1/3/2024 from a cell of Kiên Giang: her record went with her last cell's committee.
    let struckOff = try #require(try await store.member(cardNumber: "1004"))
    #expect(try await get("/dang-vien/\(struckOff.id)", from: store, as: staff).status == .ok)
  }

  @Test func aReportForAPeriodBeforeTheCommitteeExistedCoversThePredecessor() async throws {
    let store = try await merged()
    let page = try await report("/bao-cao/dang-vien?ky=2024", store: store, scope: "AGI-2025")
    #expect(page.status == .ok)
    #expect(page.body.contains("Đảng bộ tỉnh Kiên Giang"))
    #expect(
      page.body.contains(
        "Đảng bộ tỉnh An Giang thành lập ngày 01/01/2025; số liệu trước ngày đó thuộc các tổ chức tiền thân"))
    #expect(page.body.contains("<option value=\"KG\" selected>"))
    let json = try await report("/api/reports/membership?period=2024", store: store, scope: "AGI-2025")
    #expect(json.status == .ok)
    #expect(json.body.contains("\"scopeCode\" : \"KG\""))
    // The same staff's report of this year is their own committee's.
    let now = try await report("/api/reports/membership?period=2026", store: store, scope: "AGI-2025")
    #expect(now.body.contains("\"scopeCode\" : \"AGI-2025\""))
    // A unit of the predecessor, named, is theirs too.
    let district = try await report("/bao-cao/dang-vien?ky=2024&to-chuc=KG.01", store: store, scope: "AGI-2025")
    #expect(district.status == .ok)
  }

  @Test func theLineageReachesBackNeverSideways() async throws {
    let store = try await merged()
    // A district's staff still see only their district, before and after the merger.
    let district = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    #expect(try await get("/to-chuc/KG.02?ngay=2024-06-01", from: store, as: district).status == .notFound)
    #expect(try await get("/to-chuc/KG.01.001?ngay=2024-06-01", from: store, as: district).status == .ok)
    // The merged committee's own staff do not reach its successor.
    let old = try await signIn(store, role: .organisationStaff, scope: "KG")
    #expect(try await get("/to-chuc/AGI-2025", from: store, as: old).status == .notFound)
  }
}
