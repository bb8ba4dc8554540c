import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The tree on the web (issue 21 part 3): a province's organisation staff and administrators found, rename, move,
/// merge and dissolve units; every change is previewed without writing, confirmed with its audit entry, refused
/// beside the field with nothing written; a district's staff get 403.
@Suite struct TreeEditingPagesTests {
  static let moveSentence =
    "KG.01.001 Đảng bộ xã Bình An cùng 2 tổ chức trực thuộc và 2 đảng viên chuyển về trực thuộc "
    + "KG.02 Đảng bộ huyện Tân Hiệp từ ngày 01/06/2025."

  @Test func provinceStaffPreviewAMoveThenConfirmItAndTheUnitPageShowsItsHistory() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let form = [("parent", "KG.02"), ("date", "01/06/2025")]

    let preview = try await post("/to-chuc/KG.01.001/thay-doi/chuyen", form: form, to: store, as: staff)
    #expect(preview.status == .ok)
    #expect(preview.body.contains(Self.moveSentence))
    #expect(preview.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"1\">"))
    #expect(try await store.parentHistory(ofCode: "KG.01.001").count == 1)
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)

    let confirmed = try await post(
      "/to-chuc/KG.01.001/thay-doi/chuyen", form: form + [("confirm", "1")], to: store, as: staff)
    #expect(confirmed.status == .seeOther)
    #expect(confirmed.headers[.location] == "/to-chuc/KG.01.001")
    #expect(try await store.parentHistory(ofCode: "KG.01.001").count == 2)
    let entries = try await store.auditEntries(AuditFilter())
    #expect(entries.count == auditBefore + 1)
    #expect(entries.first?.action == "organisation.move")
    #expect(entries.first?.actorLogin == "organisationstaff-kg")
    #expect(try await store.verifyAuditChain().broken == nil)

    let page = try await get("/to-chuc/KG.01.001?ngay=2025-06-01", from: store, as: staff)
    #expect(page.body.contains("Lịch sử tên gọi"))
    #expect(page.body.contains(">Đảng bộ huyện Tân Hiệp</a> (KG.02)"))
    #expect(page.body.contains("href=\"/to-chuc/KG.01.001/thay-doi\""))
  }

  @Test func aRefusalShowsBesideItsFieldKeepsWhatWasTypedAndWritesNothing() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    let auditBefore = try await store.auditEntries(AuditFilter()).count

    let cycle = try await post(
      "/to-chuc/KG.01/thay-doi/chuyen", form: [("parent", "KG.01.001"), ("date", "01/03/2024"), ("confirm", "1")],
      to: store, as: staff)
    #expect(cycle.status == .unprocessableContent)
    #expect(cycle.error(beside: "chuyen-parent")?.contains("KG.01.001 nằm trong chính KG.01") == true)
    #expect(cycle.body.contains("value=\"KG.01.001\""))

    let badDate = try await post(
      "/to-chuc/KG.01.001/thay-doi/doi-ten", form: [("name", "Xã Bình An mới"), ("date", "mùng một")], to: store,
      as: staff)
    #expect(badDate.status == .unprocessableContent)
    #expect(badDate.error(beside: "doi-ten-date")?.contains("“mùng một” không phải ngày hợp lệ") == true)
    #expect(badDate.body.contains("value=\"Xã Bình An mới\""))

    let withMembers = try await post(
      "/to-chuc/KG.01.001.01/thay-doi/giai-the", form: [("date", "01/07/2024")], to: store, as: staff)
    #expect(withMembers.status == .unprocessableContent)
    #expect(withMembers.error(beside: "giai-the-date")?.contains("còn 2 đảng viên") == true)

    let unknownParent = try await post(
      "/to-chuc/KG.01.001/thay-doi/chuyen", form: [("parent", "KG.99"), ("date", "01/03/2024")], to: store, as: staff)
    #expect(unknownParent.error(beside: "chuyen-parent") == "Không có tổ chức mã “KG.99” trong phạm vi của bạn.")

    #expect(try await store.parentHistory(ofCode: "KG.01").count == 1)
    #expect(try await store.nameHistory(ofCode: "KG.01.001").count == 1)
    #expect(try await store.organisation(code: "KG.01.001.01")?.ended == nil)
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)
  }

  @Test func onlyAProvincesStaffAndAdministratorsMayChangeTheTree() async throws {
    let (store, _) = try await WebProvince.store()
    let district = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let secretary = try await signIn(store, role: .secretary, scope: "KG")
    let administrator = try await signIn(store, role: .administrator, scope: "KG")
    for session in [district, secretary] {
      let page = try await send(.get, "/to-chuc/KG.01.001/thay-doi", to: store, headers: session.headers)
      #expect(page.status == .forbidden)
      let write = try await post(
        "/to-chuc/KG.01.001/thay-doi/doi-ten", form: [("name", "Tên khác"), ("date", "01/03/2024"), ("confirm", "1")],
        to: store, as: session)
      #expect(write.status == .forbidden)
    }
    #expect(try await store.organisation(code: "KG.01.001")?.name == "Đảng bộ xã Bình An")
    #expect(!(try await get("/to-chuc/KG.01.001", from: store, as: district)).body.contains("/thay-doi\""))
    let page = try await get("/to-chuc/KG.01.001/thay-doi", from: store, as: administrator)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Thay đổi tổ chức: Đảng bộ xã Bình An</h1>"))
    #expect(page.body.contains("<option value=\"subordinateCell\""))
  }

  @Test func aUnitIsFoundedRenamedAndDissolvedAndItsPageShowsItsNamesAndEnd() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    let found = [
      ("code", "KG.01.001.03"), ("name", "Chi bộ ấp Mới"), ("kind", "subordinateCell"), ("date", "01/02/2024"),
    ]
    let preview = try await post("/to-chuc/KG.01.001/thay-doi/thanh-lap", form: found, to: store, as: staff)
    #expect(
      preview.body.contains(
        "Thành lập Chi bộ ấp Mới (KG.01.001.03) trực thuộc KG.01.001 Đảng bộ xã Bình An từ ngày 01/02/2024."))
    #expect(try await store.organisation(code: "KG.01.001.03") == nil)
    let founded = try await post(
      "/to-chuc/KG.01.001/thay-doi/thanh-lap", form: found + [("confirm", "1")], to: store, as: staff)
    #expect(founded.headers[.location] == "/to-chuc/KG.01.001.03")

    _ = try await post(
      "/to-chuc/KG.01.001.03/thay-doi/doi-ten",
      form: [("name", "Chi bộ ấp Mới Hòa"), ("date", "01/03/2024"), ("confirm", "1")], to: store, as: staff)
    _ = try await post(
      "/to-chuc/KG.01.001.03/thay-doi/giai-the", form: [("date", "01/07/2024"), ("confirm", "1")], to: store,
      as: staff)
    let page = try await get("/to-chuc/KG.01.001.03?ngay=2024-03-01", from: store, as: staff)
    #expect(page.body.contains("<td>01/02/2024</td><td>01/03/2024</td><td>Chi bộ ấp Mới</td>"))
    #expect(page.body.contains("<td>01/03/2024</td><td>nay</td><td>Chi bộ ấp Mới Hòa</td>"))
    #expect(page.body.contains("Chấm dứt hoạt động (giải thể hoặc sáp nhập) từ ngày 01/07/2024."))
    let actions = try await store.auditEntries(AuditFilter()).prefix(3).map(\.action)
    #expect(actions == ["organisation.end", "organisation.rename", "organisation.add"])
  }

  @Test func theAPIPreviewsWithoutWritingWritesOnRequestAndRefusesBesideTheField() async throws {
    let (store, _) = try await WebProvince.store()
    _ = try await signIn(store, role: .organisationStaff, scope: "KG")
    let token = try await store.issueAPIToken(login: "organisationstaff-kg", name: "thử cây", at: Date())
    let merge: [String: Any] = ["into": "KG.01.001.02", "date": "2024-07-01"]

    // A preview word the API does not know is refused, not taken as "write it".
    let unclear = try await sendJSON(.post, "/api/units/KG.01.001.01/merge?preview=yes", merge, token: token, to: store)
    #expect(unclear.status == .badRequest)
    #expect(try await store.organisation(code: "KG.01.001.01")?.ended == nil)

    let preview = try await sendJSON(.post, "/api/units/KG.01.001.01/merge?preview=1", merge, token: token, to: store)
    #expect(preview.status == .ok)
    let previewed = try preview.json()
    #expect(previewed["written"] as? Bool == false)
    #expect((previewed["change"] as? [String: Any])?["members"] as? Int == 2)
    #expect(try await store.organisation(code: "KG.01.001.01")?.ended == nil)

    let done = try await sendJSON(.post, "/api/units/KG.01.001.01/merge", merge, token: token, to: store)
    #expect(done.status == .ok)
    #expect(try done.json()["written"] as? Bool == true)
    #expect(try await store.organisation(code: "KG.01.001.01")?.ended == day("2024-07-01"))
    #expect(try await store.register(of: "KG.01.001.02", on: day("2024-07-01")).count == 2)

    let created = try await sendJSON(
      .post, "/api/units",
      [
        "parent": "KG.01.001", "code": "KG.01.001.04", "name": "Chi bộ ấp Tây", "kind": "subordinateCell",
        "date": "2024-08-01",
      ], token: token, to: store)
    #expect(created.status == .created)

    let refused = try await sendJSON(
      .post, "/api/units/KG.01/move", ["parent": "KG.01.001", "date": "2024-08-01"], token: token, to: store)
    #expect(refused.status == .unprocessableContent)
    let fields = (try refused.json()["details"] as? [String: Any])?["fields"] as? [String: String]
    #expect(fields?["parent"]?.contains("nằm trong chính KG.01") == true)

    let history = try await sendJSON(.get, "/api/units/KG.01.001.01/history", token: token, to: store)
    #expect(history.status == .ok)
    #expect(try history.json()["ended"] as? String == "2024-07-01")

    _ = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let districtToken = try await store.issueAPIToken(login: "organisationstaff-kg.01", name: "huyện", at: Date())
    let forbidden = try await sendJSON(
      .post, "/api/units/KG.01.001.02/rename", ["name": "Tên khác", "date": "2024-08-01"], token: districtToken,
      to: store)
    #expect(forbidden.status == .forbidden)
    #expect(try await store.organisation(code: "KG.01.001.02")?.name == "Chi bộ ấp Hòa An")
  }
}
