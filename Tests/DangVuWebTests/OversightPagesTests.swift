import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// The inspection commission's pages and API: lists for a subtree and period, forms that keep what was
/// typed and say what is wrong beside each field, and nothing outside the subtree.
@Suite struct OversightPagesTests {
  static let decision: [(String, String)] = [
    ("subjectKind", "member"), ("subject", "1001"), ("form", "reprimand"), ("categories[]", "prohibitedActs"),
    ("organ", "inspectionCommission"), ("bodyCode", "KG.01"), ("number", "12-QĐ/UBKT"),
    ("decided", "15/03/2024"), ("violated", "01/02/2024"), ("note", "<b>ghi chú</b>"),
  ]

  @Test func inspectionStaffRecordADecisionThroughTheFormAndSeeItListed() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let saved = try await post("/kiem-tra-ky-luat/ky-luat", form: Self.decision, to: store, as: staff)
    #expect(saved.status == .seeOther)
    #expect(saved.headers[.location] == "/kiem-tra-ky-luat?to-chuc=KG.01&ky=2024")
    let (status, page) = try await get("/kiem-tra-ky-luat?to-chuc=KG.01&ky=2024", from: store, as: staff)
    #expect(status == .ok)
    #expect(page.contains("12-QĐ/UBKT") && page.contains("Nguyễn Văn An") && page.contains("khiển trách"))
  }

  @Test func anInspectionIsRecordedWithItsSubjectsAndOneOutsideIsRefusedBesideTheField() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    var form: [(String, String)] = [
      ("kind", "supervision.thematic"), ("organ", "inspectionCommission"), ("bodyCode", "KG.01"),
      ("title", "Giám sát việc học tập nghị quyết"), ("started", "2024-02-01"), ("memberSubjects", "1001\n1003"),
      ("unitSubjects", "KG.01.001"),
    ]
    let outside = try await post("/kiem-tra-ky-luat/kiem-tra", form: form, to: store, as: staff)
    #expect(outside.status == .unprocessableContent)
    #expect(outside.body.contains("Không có đảng viên mang số thẻ “1003” trong phạm vi của bạn."))
    #expect(outside.body.contains("Giám sát việc học tập nghị quyết"), "typed values are kept")
    form[5] = ("memberSubjects", "1001")
    let saved = try await post("/kiem-tra-ky-luat/kiem-tra", form: form, to: store, as: staff)
    #expect(saved.status == .seeOther)
    let (_, page) = try await get("/kiem-tra-ky-luat?ky=2024", from: store, as: staff)
    #expect(page.contains("giám sát chuyên đề") && page.contains("Nguyễn Văn An; Đảng bộ xã Bình An"))
    let entry = try await store.auditEntries(AuditFilter(action: "inspection.add"))
    #expect(entry.count == 1)
  }

  @Test func aFormWithMistakesSaysWhatBesideEachFieldKeepsTheValuesAndWritesNothing() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    var form = Self.decision.filter { !["decided", "subject"].contains($0.0) }
    form += [("decided", "31/02/2024"), ("subject", "1003")]  // no such day; Cường is in KG.02
    let response = try await post("/kiem-tra-ky-luat/ky-luat", form: form, to: store, as: staff)
    #expect(response.status == .unprocessableContent)
    #expect(response.body.contains("“31/02/2024” không phải ngày hợp lệ"))
    #expect(response.body.contains("value=\"12-QĐ/UBKT\""), "typed values are kept")
    #expect(response.body.contains("&lt;b&gt;ghi chú&lt;/b&gt;") && !response.body.contains("<b>ghi chú</b>"))
    let fixed = form.filter { $0.0 != "decided" } + [("decided", "15/03/2024")]
    let outside = try await post("/kiem-tra-ky-luat/ky-luat", form: fixed, to: store, as: staff)
    #expect(outside.status == .unprocessableContent)
    #expect(outside.body.contains("Không có đảng viên mang số thẻ “1003” trong phạm vi của bạn."))
    let records = try await store.oversightRecords(
      scope: "KG", from: Day(parsing: "2024-01-01")!, to: Day(parsing: "2024-12-31")!, limit: 10)
    #expect(records.discipline.isEmpty)
  }

  @Test func aRuleRefusalIsShownAboveTheForm() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG")
    // A unit cannot be dismissed (cách chức needs a post, and is for members only).
    let form =
      Self.decision.filter { !["subjectKind", "subject", "form"].contains($0.0) } + [
        ("subjectKind", "unit"), ("subject", "KG.01.001"), ("form", "dismissal"),
      ]
    let response = try await post("/kiem-tra-ky-luat/ky-luat", form: form, to: store, as: staff)
    #expect(response.status == .unprocessableContent)
    #expect(response.body.contains("class=\"notice\""))
  }

  @Test func onlyInspectionStaffAndAdministratorsWriteAndEveryoneElseIsRefused() async throws {
    let (store, _) = try await WebProvince.store()
    for role in [Role.organisationStaff, .secretary, .leader] {
      let session = try await signIn(store, role: role, scope: "KG")
      let response = try await post("/kiem-tra-ky-luat/ky-luat", form: Self.decision, to: store, as: session)
      #expect(response.status == .forbidden, "\(role)")
    }
    let an = try #require(try await store.member(cardNumber: "1001"))
    let member = try await signIn(store, role: .member, scope: "KG.01.001.01", memberID: an.id)
    #expect(try await get("/kiem-tra-ky-luat", from: store, as: member).status == .forbidden)
  }

  @Test func aComplaintIsRecordedAndSettledAndOneOutsideCannotBeSettled() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let saved = try await post(
      "/kiem-tra-ky-luat/don",
      form: [
        ("kind", "denunciation"), ("subjectKind", "member"), ("subject", "1002"), ("received", "2024-04-02"),
        ("summary", "<script>x</script>"),
      ], to: store, as: staff)
    #expect(saved.status == .seeOther)
    let (_, page) = try await get("/kiem-tra-ky-luat?ky=2024", from: store, as: staff)
    #expect(page.contains("&lt;script&gt;x&lt;/script&gt;") && !page.contains("<script>x"))
    let records = try await store.oversightRecords(
      scope: "KG.01", from: Day(parsing: "2024-01-01")!, to: Day(parsing: "2024-12-31")!, limit: 10)
    let id = try #require(records.complaints.first?.id)
    let other = try await signIn(store, role: .inspectionStaff, scope: "KG.02")
    let outside = try await post(
      "/kiem-tra-ky-luat/don/\(id)/giai-quyet", form: [("resolved", "2024-05-01"), ("finding", "correct")], to: store,
      as: other)
    #expect(outside.status == .notFound)
    let settled = try await post(
      "/kiem-tra-ky-luat/don/\(id)/giai-quyet", form: [("resolved", "2024-05-01"), ("finding", "correct")], to: store,
      as: staff)
    #expect(settled.status == .seeOther)
    #expect(try await store.complaint(id: id)?.complaint.finding == .correct)
  }

  @Test func theAPIListsAndRecordsWithFieldErrorsAsJSON() async throws {
    let (store, _) = try await WebProvince.store()
    _ = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let token = try await store.issueAPIToken(login: "inspectionstaff-kg.01", name: "thử", at: Date())
    var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
    let bad = try await send(
      .post, "/api/oversight/complaints", to: store, headers: headers,
      body: #"{"kind":"complaint","subjectKind":"member","subject":"1002","received":"hôm qua","summary":""}"#)
    #expect(bad.status == .unprocessableContent)
    #expect(bad.body.contains("\"code\":\"validation.failed\"") && bad.body.contains("\"received\""))
    let good = try await send(
      .post, "/api/oversight/complaints", to: store, headers: headers,
      body: #"{"kind":"complaint","subjectKind":"member","subject":"1002","received":"2024-04-02","summary":"đơn"}"#)
    #expect(good.status == .created)
    headers[.contentType] = nil
    let list = try await send(.get, "/api/oversight?period=2024", to: store, headers: headers)
    #expect(list.status == .ok)
    let bich = try #require(try await store.member(cardNumber: "1002"))
    #expect(list.body.contains("\"memberNames\":{\"\(bich.id)\":\"Đặng Thị Bích\"}"))
    let outside = try await send(.get, "/api/oversight?period=2024&org=KG.02", to: store, headers: headers)
    #expect(outside.status == .notFound)
  }
}
