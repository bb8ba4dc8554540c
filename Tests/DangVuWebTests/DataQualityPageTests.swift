import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Testing

/// The register's completeness per unit: shares of members with each field, units below worst first, as a page,
/// CSV, a workbook and JSON, inside the caller's subtree.
@Suite("Data quality: completeness of the register")
struct DataQualityPageTests {
  /// Both members of Châu Thành have every field; Trần Văn Cường (Hà Tiên) has no national ID, ethnicity or
  /// education; Lê Thị Hoa was struck off and is not counted.
  static func store() async throws -> SQLiteStore {
    let (store, _) = try await WebProvince.store()
    for (card, id) in [("1001", "091085000001"), ("1002", "091085000002")] {
      var member = try #require(try await store.member(cardNumber: card))
      member.nationalID = id
      member.ethnicity = "Kinh"
      member.education = "12/12"
      try await store.updateMember(member)
    }
    return store
  }

  @Test func thePageListsTheUnitsBelowWorstFirst() async throws {
    let store = try await Self.store()
    let page = try await get("/chat-luong-du-lieu", from: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("<td>Đảng bộ tỉnh Kiên Giang</td><td class=\"num\">3</td><td class=\"num\">66,67%</td>"))
    let haTien = try #require(page.body.range(of: "Đảng bộ thành phố Hà Tiên"))
    let chauThanh = try #require(page.body.range(of: "Đảng bộ huyện Châu Thành</a>"))
    let tanHiep = try #require(page.body.range(of: "Đảng bộ huyện Tân Hiệp</a>"))
    #expect(haTien.lowerBound < chauThanh.lowerBound, "Hà Tiên lacks most, so it comes first")
    #expect(chauThanh.lowerBound < tanHiep.lowerBound, "Tân Hiệp has no members today, so it comes last")
  }

  @Test func theTableDownloadsAsCSVAndAsAWorkbook() async throws {
    let store = try await Self.store()
    let csv = try await get("/chat-luong-du-lieu?to-chuc=KG.01&dinh-dang=csv", from: store)
    #expect(csv.status == .ok)
    #expect(csv.body.contains("KG.01,Đảng bộ huyện Châu Thành,2,2,100.00,2,100.00,2,100.00,2,100.00,2,100.00"))
    let workbook = try await get("/chat-luong-du-lieu?to-chuc=KG&dinh-dang=xlsx", from: store)
    #expect(workbook.status == .ok)
    #expect(try await get("/chat-luong-du-lieu?dinh-dang=docx", from: store).status == .badRequest)
  }

  @Test func theAPIAnswersInsideTheSubtreeOnly() async throws {
    let store = try await Self.store()
    let district = try await signIn(store, role: .leader, scope: "KG.01")
    let own = try await get("/api/data-quality", from: store, as: district)
    #expect(own.status == .ok)
    #expect(own.body.contains("\"code\":\"KG.01\""))
    #expect(own.body.contains("\"members\":2"))
    #expect(try await get("/api/data-quality?org=KG.03", from: store, as: district).status == .notFound)
    let member = try await signIn(store, role: .member, scope: "KG.01.001.01", memberID: 1)
    #expect(try await get("/api/data-quality", from: store, as: member).status == .forbidden)
  }
}
