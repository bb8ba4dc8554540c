import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// The grading workflow by level on pages and in the API (issue 21 part 4): a unit submits its grades; the level
/// above sees the submission on its progress page and approves or sends it back with a reason; approved grades are
/// locked until reopened with a reason; a unit never decides on its own submission; refusals show beside the field
/// and write nothing.
@Suite struct GradeWorkflowPagesTests {
  /// The web province with An and Bích of the Phước Hòa cell (KG.01.001.01, in the commune KG.01.001 of the
  /// district KG.01) graded for 2023.
  func graded() async throws -> SQLiteStore {
    let (store, _) = try await WebProvince.store()
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    let an = try #require(try await store.member(cardNumber: "1001")).id
    let bich = try #require(try await store.member(cardNumber: "1002")).id
    try await store.recordGrades(
      [
        GradeEntry(subject: .member(an), outcome: .graded(.good)),
        GradeEntry(subject: .member(bich), outcome: .graded(.excellent)),
      ], year: 2023)
    return store
  }

  let commune = "/to-chuc/KG.01.001/tien-do-xep-loai"

  func states(_ store: SQLiteStore) async throws -> [GradeState] {
    try await store.grades(of: "KG.01.001", year: 2023).map(\.state)
  }

  func steps(_ store: SQLiteStore) async throws -> Int {
    try await store.auditEntries(AuditFilter(action: "grade.advance")).count
  }

  func jsonHeaders(_ session: TestSession) -> HTTPFields {
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    return headers
  }

  @Test func aCommuneSubmitsTheDistrictSeesItApprovesItAndTheReportSaysSo() async throws {
    let store = try await graded()
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let page = try await get(commune + "?nam=2023", from: store, as: secretary)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Tiến độ xếp loại chất lượng năm 2023: Đảng bộ xã Bình An</h1>"))
    #expect(page.body.contains("2 nháp · 0 đã trình · 0 đã duyệt"))
    #expect(page.body.contains("Trình cấp trên"))
    // A unit's own page offers it no decision on its own grades.
    #expect(!page.body.contains("Duyệt kết quả"))

    let submitted = try await post(commune, form: [("nam", "2023"), ("step", "submit")], to: store, as: secretary)
    #expect(submitted.status == .seeOther || submitted.status == .found)
    #expect(submitted.headers[.location] == "/to-chuc/KG.01.001/tien-do-xep-loai?nam=2023&da=submit")
    #expect(try await states(store) == [.submitted, .submitted])
    let entry = try #require(try await store.auditEntries(AuditFilter(action: "grade.advance")).first)
    #expect(entry.actorLogin == "secretary-kg.01.001")

    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let district = try await get("/to-chuc/KG.01/tien-do-xep-loai?nam=2023", from: store, as: staff)
    #expect(district.body.contains("Đảng bộ xã Bình An"))
    #expect(district.body.contains("<td class=\"stage stage-submitted\">đã trình</td>"))
    #expect(district.body.contains("1 tổ chức đã trình, chờ duyệt."))
    let before = try await get("/bao-cao/danh-gia?nam=2023&to-chuc=KG.01", from: store, as: staff)
    #expect(before.body.contains("<strong>0/2</strong>"))

    let approved = try await post(commune, form: [("nam", "2023"), ("step", "approve")], to: store, as: staff)
    #expect(approved.status == .seeOther || approved.status == .found)
    #expect(try await states(store) == [.approved, .approved])
    let after = try await get("/bao-cao/danh-gia?nam=2023&to-chuc=KG.01", from: store, as: staff)
    #expect(after.body.contains("<strong>2/2</strong>"))
    #expect(try await store.verifyAuditChain().broken == nil)
  }

  @Test func aUnitCannotApproveItsOwnSubmissionAndNothingIsWritten() async throws {
    let store = try await graded()
    try await store.advanceGrades(
      of: "KG.01.001", year: 2023, to: .submit, by: .commandLine(user: "thu"), reason: "")
    let ownStaff = try await signIn(store, role: .organisationStaff, scope: "KG.01.001")
    let stepsBefore = try await steps(store)
    let refused = try await post(commune, form: [("nam", "2023"), ("step", "approve")], to: store, as: ownStaff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("Không thể tự duyệt kết quả xếp loại của chính tổ chức mình"))
    #expect(refused.body.contains("Không có gì được ghi"))
    let api = try await send(
      .post, "/api/units/KG.01.001/grades/2023/workflow", to: store, headers: jsonHeaders(ownStaff),
      body: #"{"step":"approve"}"#)
    #expect(api.status == .unprocessableContent)
    #expect(api.body.contains("chính tổ chức mình"))
    #expect(try await states(store) == [.submitted, .submitted])
    #expect(try await steps(store) == stepsBefore)
  }

  @Test func aSecretaryCannotApproveEvenBelowTheirUnit() async throws {
    let store = try await graded()
    try await store.advanceGrades(
      of: "KG.01.001.01", year: 2023, to: .submit, by: .commandLine(user: "thu"), reason: "")
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let refused = try await send(
      .post, "/api/units/KG.01.001.01/grades/2023/workflow", to: store, headers: jsonHeaders(secretary),
      body: #"{"step":"approve"}"#)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("Chỉ cấp trên"))
    #expect(try await states(store) == [.submitted, .submitted])
  }

  @Test func sendingBackNeedsAReasonBesideItsFieldThenTheReasonShowsToTheUnit() async throws {
    let store = try await graded()
    try await store.advanceGrades(
      of: "KG.01.001", year: 2023, to: .submit, by: .commandLine(user: "thu"), reason: "")
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let stepsBefore = try await steps(store)
    let refused = try await post(
      commune, form: [("nam", "2023"), ("step", "sendBack"), ("reason", "   ")], to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("aria-invalid=\"true\" aria-describedby=\"e-reason-sendBack\""))
    #expect(refused.body.contains("Hãy ghi rõ lý do trả lại"))
    #expect(try await states(store) == [.submitted, .submitted])
    #expect(try await steps(store) == stepsBefore)

    let sent = try await post(
      commune, form: [("nam", "2023"), ("step", "sendBack"), ("reason", "Thiếu biên bản họp chi bộ")], to: store,
      as: staff)
    #expect(sent.status == .seeOther || sent.status == .found)
    #expect(try await states(store) == [.draft, .draft])
    let district = try await get("/to-chuc/KG.01/tien-do-xep-loai?nam=2023", from: store, as: staff)
    #expect(district.body.contains("<td class=\"stage stage-sentBack\">bị trả lại</td>"))
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let own = try await get(commune + "?nam=2023", from: store, as: secretary)
    #expect(own.body.contains("lý do: Thiếu biên bản họp chi bộ"))
  }

  @Test func approvedGradesAreLockedUntilReopenedWithAReasonThroughTheAPI() async throws {
    let store = try await graded()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    for step in ["submit", "approve"] {
      let done = try await send(
        .post, "/api/units/KG.01.001/grades/2023/workflow", to: store, headers: jsonHeaders(staff),
        body: #"{"step":"\#(step)"}"#)
      #expect(done.status == .ok)
    }
    let progress = try await send(
      .get, "/api/units/KG.01/grades/2023/progress", to: store, headers: staff.headers)
    #expect(progress.status == .ok)
    #expect(progress.body.contains(#""stage":"approved""#))
    #expect(progress.body.contains(#""approved":2"#))

    let an = try #require(try await store.member(cardNumber: "1001")).id
    let sheet = try await send(.get, "/api/units/KG.01.001.01/grades/2023", to: store, headers: staff.headers)
    let version = try #require(
      (try JSONSerialization.jsonObject(with: Data(sheet.body.utf8)) as? [String: Any])?["version"] as? Int)
    let cellPage = try await get("/to-chuc/KG.01.001.01/xep-loai?nam=2023", from: store, as: staff)
    #expect(cellPage.body.contains("Đã được cấp trên duyệt: muốn sửa, cấp trên phải mở lại."))
    #expect(!cellPage.body.contains("name=\"grade-\(an)\""))
    let edit = try await send(
      .put, "/api/units/KG.01.001.01/grades/2023", to: store, headers: jsonHeaders(staff),
      body: #"{"version":\#(version),"grades":[{"memberID":\#(an),"outcome":"excellent"}]}"#)
    #expect(edit.status == .unprocessableContent)
    #expect(edit.body.contains("đã được cấp trên duyệt"))

    let noReason = try await send(
      .post, "/api/units/KG.01.001/grades/2023/workflow", to: store, headers: jsonHeaders(staff),
      body: #"{"step":"reopen"}"#)
    #expect(noReason.status == .unprocessableContent)
    #expect(noReason.body.contains(#""reason""#))
    #expect(try await states(store) == [.approved, .approved])
    let reopened = try await send(
      .post, "/api/units/KG.01.001/grades/2023/workflow", to: store, headers: jsonHeaders(staff),
      body: #"{"step":"reopen","reason":"Sai sót khi nhập"}"#)
    #expect(reopened.status == .ok)
    #expect(reopened.body.contains(#""grades":2"#))
    #expect(try await states(store) == [.draft, .draft])
  }

  @Test func anUnknownStepIsRefusedBesideItsFieldAndALeaderOnlyReads() async throws {
    let store = try await graded()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let unknown = try await send(
      .post, "/api/units/KG.01.001/grades/2023/workflow", to: store, headers: jsonHeaders(staff),
      body: #"{"step":"publish"}"#)
    #expect(unknown.status == .unprocessableContent)
    #expect(unknown.body.contains(#""step""#))
    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    let page = try await get("/to-chuc/KG.01/tien-do-xep-loai?nam=2023", from: store, as: leader)
    #expect(page.status == .ok)
    #expect(!page.body.contains("<form method=\"post\""))
    let write = try await post(commune, form: [("nam", "2023"), ("step", "submit")], to: store, as: leader)
    #expect(write.status == .forbidden)
    #expect(try await states(store) == [.draft, .draft])
  }

  @Test func aCommuneGradesItsCellsOnAPageAndAnApprovedUnitGradeIsRefusedBesideItsRow() async throws {
    let store = try await graded()
    let cell = try #require(try await store.organisation(code: "KG.01.001.01"))
    let page = "/to-chuc/KG.01.001/xep-loai-lanh-dao"
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let sheet = try await get(page + "?nam=2023", from: store, as: secretary)
    #expect(sheet.body.contains("name=\"unit-\(cell.id)\""))
    #expect(sheet.body.contains("tổ chức trực thuộc, mã KG.01.001.01"))
    let saved = try await post(
      page, form: [("nam", "2023"), ("unit-\(cell.id)", "good")], to: store, as: secretary)
    #expect(saved.status == .seeOther || saved.status == .found)
    let unitGrade = {
      try await store.grades(of: "KG.01.001", year: 2023).first { $0.subject == .organisation(code: "KG.01.001.01") }
    }
    #expect(try await unitGrade()?.outcome == .graded(.good))

    _ = try await post(commune, form: [("nam", "2023"), ("step", "submit")], to: store, as: secretary)
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    _ = try await post(commune, form: [("nam", "2023"), ("step", "approve")], to: store, as: staff)
    #expect(try await unitGrade()?.state == .approved)
    let refused = try await post(
      page, form: [("nam", "2023"), ("unit-\(cell.id)", "excellent")], to: store, as: secretary)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("id=\"e-unit-\(cell.id)\""))
    #expect(refused.body.contains("đã được cấp trên duyệt"))
    #expect(try await unitGrade()?.outcome == .graded(.good))
  }
}
