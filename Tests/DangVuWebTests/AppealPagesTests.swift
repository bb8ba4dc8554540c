import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// Appeals against a discipline decision on the web and in the API (issue 21 part 5): the inspection staff record
/// an appeal's outcome from the decision's page; the effects follow as `dangvu oversight appeal` applies them,
/// with the audit entry in the same transaction; refusals beside their field with nothing written; a role without
/// `editOversight` is refused and a decision outside the subtree does not exist.
@Suite struct AppealPagesTests {
  /// An (1001, KG.01.001.01) expelled by Châu Thành's commission, and Cường (1003, Tân Hiệp) reprimanded by his.
  static func expelled() async throws -> (store: SQLiteStore, an: Int64, inside: Int64, outside: Int64) {
    let (store, _) = try await WebProvince.store()
    let an = try #require(try await store.member(cardNumber: "1001")).id
    let cuong = try #require(try await store.member(cardNumber: "1003")).id
    let decisions = try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(an), form: .expulsion, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "12-QĐ/UBKT",
        decided: day("2024-03-15"), violated: day("2024-02-01")),
      DisciplineDecision(
        subject: .member(cuong), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.03"), number: "3-QĐ/UBKT",
        decided: day("2024-04-01"), violated: day("2024-03-01")),
    ])
    return (store, an, decisions[0].id, decisions[1].id)
  }

  static let annul: [(String, String)] = [
    ("outcome", "annulled"), ("lodged", "20/03/2024"), ("decided", "02/05/2024"),
    ("settledBy", "Ủy ban Kiểm tra Tỉnh ủy"), ("settledNumber", "15-QĐ/UBKTTU"),
  ]

  func jsonHeaders(_ session: TestSession) -> HTTPFields {
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    return headers
  }

  @Test func anAnnulmentFromTheDecisionsPagePutsTheMemberBackAndIsAudited() async throws {
    let (store, an, decision, _) = try await Self.expelled()
    #expect(try await store.timeline(ofMember: an).currentCellID == nil)
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let (_, list) = try await get("/kiem-tra-ky-luat?to-chuc=KG.01&ky=2024", from: store, as: staff)
    #expect(list.contains("href=\"/kiem-tra-ky-luat/ky-luat/\(decision)\""))
    let (status, page) = try await get("/kiem-tra-ky-luat/ky-luat/\(decision)", from: store, as: staff)
    #expect(status == .ok)
    #expect(page.contains("Quyết định kỷ luật 12-QĐ/UBKT") && page.contains("Nguyễn Văn An"))
    #expect(page.contains("action=\"/kiem-tra-ky-luat/ky-luat/\(decision)/khieu-nai\""))

    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let saved = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(decision)/khieu-nai", form: Self.annul, to: store, as: staff)
    #expect(saved.status == .seeOther)
    #expect(saved.headers[.location] == "/kiem-tra-ky-luat/ky-luat/\(decision)")
    #expect(try await store.timeline(ofMember: an).currentCellID != nil)
    let entries = try await store.auditEntries(AuditFilter())
    #expect(entries.count == auditBefore + 1)
    #expect(entries.first?.action == "discipline.appeal" && entries.first?.actorLogin == "inspectionstaff-kg.01")
    #expect(try await store.verifyAuditChain().broken == nil)
    let (_, after) = try await get("/kiem-tra-ky-luat/ky-luat/\(decision)", from: store, as: staff)
    #expect(
      after.contains("xóa bỏ quyết định kỷ luật")
        && after.contains("Quyết định số 15-QĐ/UBKTTU của Ủy ban Kiểm tra Tỉnh ủy"))
    #expect(after.contains("<dt>Hình thức hiện tại</dt><dd>đã xóa bỏ</dd>"))
    // Nothing is left to appeal against: the form is gone.
    #expect(!after.contains("id=\"khieu-nai\""))
  }

  @Test func aRefusedAppealIsShownBesideItsFieldKeepsWhatWasTypedAndWritesNothing() async throws {
    let (store, an, decision, _) = try await Self.expelled()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    // Settled before it was lodged: the rule's message beside the day it was settled.
    let early = Self.annul.filter { $0.0 != "decided" } + [("decided", "10/03/2024")]
    let refused = try await post("/kiem-tra-ky-luat/ky-luat/\(decision)/khieu-nai", form: early, to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("<span class=\"error\" id=\"e-decided\">Khiếu nại quyết định 12-QĐ/UBKT: ngày nhận"))
    #expect(refused.body.contains("value=\"Ủy ban Kiểm tra Tỉnh ủy\""))
    // A change with no new form, and no deciding body: each beside its field.
    let changed = [("outcome", "changed"), ("lodged", "20/03/2024"), ("decided", "02/05/2024"), ("settledNumber", "1")]
    let missing = try await post("/kiem-tra-ky-luat/ky-luat/\(decision)/khieu-nai", form: changed, to: store, as: staff)
    #expect(missing.status == .unprocessableContent)
    #expect(missing.body.contains("<span class=\"error\" id=\"e-newForm\">Hãy chọn hình thức kỷ luật mới.</span>"))
    #expect(missing.body.contains("<span class=\"error\" id=\"e-settledBy\">Hãy nhập cơ quan giải quyết.</span>"))
    #expect(try await store.timeline(ofMember: an).currentCellID == nil)
    #expect(try await store.disciplineDecision(id: decision)?.history.appeals.isEmpty == true)
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)
  }

  @Test func aLeaderIsRefusedAndADecisionOutsideTheSubtreeDoesNotExist() async throws {
    let (store, an, decision, outside) = try await Self.expelled()
    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    #expect(try await get("/kiem-tra-ky-luat/ky-luat/\(decision)", from: store, as: leader).status == .ok)
    let forbidden = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(decision)/khieu-nai", form: Self.annul, to: store, as: leader)
    #expect(forbidden.status == .forbidden)
    let api = try await send(
      .post, "/api/oversight/discipline/\(decision)/appeals", to: store, headers: jsonHeaders(leader),
      body:
        #"{"outcome":"annulled","lodged":"2024-03-20","decided":"2024-05-02","settledBy":"UBKT","settledNumber":"1"}"#)
    #expect(api.status == .forbidden)

    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    #expect(try await get("/kiem-tra-ky-luat/ky-luat/\(outside)", from: store, as: staff).status == .notFound)
    let outsidePost = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(outside)/khieu-nai", form: Self.annul, to: store, as: staff)
    #expect(outsidePost.status == .notFound)
    #expect(!outsidePost.body.contains("Trần Văn Cường"))
    let outsideAPI = try await send(
      .get, "/api/oversight/discipline/\(outside)", to: store, headers: staff.headers)
    #expect(outsideAPI.status == .notFound)
    #expect(try await store.disciplineDecision(id: outside)?.history.appeals.isEmpty == true)
    #expect(try await store.timeline(ofMember: an).currentCellID == nil)
  }

  @Test func theAPIChangesTheFormWithTheSameChecks() async throws {
    let (store, an, decision, _) = try await Self.expelled()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let refused = try await send(
      .post, "/api/oversight/discipline/\(decision)/appeals", to: store, headers: jsonHeaders(staff),
      body:
        #"{"outcome":"changed","newForm":"dissolution","lodged":"2024-03-20","decided":"2024-05-02","settledBy":"UBKT tỉnh","settledNumber":"15-QĐ"}"#
    )
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("\"newForm\":\"Quyết định 12-QĐ/UBKT: không thể đổi sang hình thức"))
    #expect(try await store.disciplineDecision(id: decision)?.history.appeals.isEmpty == true)
    // A form that is not one is sent back even beside an outcome that needs none (schemathesis found it kept).
    let unknown = try await send(
      .post, "/api/oversight/discipline/\(decision)/appeals", to: store, headers: jsonHeaders(staff),
      body:
        #"{"outcome":"upheld","newForm":"AAA","lodged":"2024-03-20","decided":"2024-05-02","settledBy":"UBKT tỉnh","settledNumber":"15-QĐ"}"#
    )
    #expect(unknown.status == .unprocessableContent)
    #expect(unknown.body.contains("\"newForm\":\"“AAA” không phải một hình thức kỷ luật.\""))
    #expect(try await store.disciplineDecision(id: decision)?.history.appeals.isEmpty == true)

    let saved = try await send(
      .post, "/api/oversight/discipline/\(decision)/appeals", to: store, headers: jsonHeaders(staff),
      body:
        #"{"outcome":"changed","newForm":"warning","lodged":"2024-03-20","decided":"2024-05-02","settledBy":"UBKT tỉnh","settledNumber":"15-QĐ"}"#
    )
    #expect(saved.status == .created)
    #expect(try await store.timeline(ofMember: an).currentCellID != nil)
    let read = try await send(.get, "/api/oversight/discipline/\(decision)", to: store, headers: staff.headers)
    #expect(read.status == .ok)
    let history = try JSONDecoder().decode(DisciplineHistory.self, from: Data(read.body.utf8))
    #expect(history.form(on: day("2024-06-01")) == .warning)
    #expect(history.appeals.first?.note == "Quyết định số 15-QĐ của UBKT tỉnh")
    #expect(try await store.auditEntries(AuditFilter(action: "discipline.appeal")).count == 1)
  }
}

/// Corrections of a discipline decision entered wrongly (issue 21 part 5): on its page and in the API, with a
/// reason, audited; the old values stay in the trail and show on the page.
@Suite struct DisciplineCorrectionPagesTests {
  static let correction: [(String, String)] = [
    ("number", "12A-QĐ/UBKT"), ("violated", "15/01/2024"), ("categories[]", "prohibitedActs"),
    ("categories[]", "waste"), ("note", ""), ("reason", "Ghi nhầm số quyết định"),
  ]

  @Test func aDecisionIsCorrectedWithAReasonAndTheOldValuesShow() async throws {
    let (store, _, decision, _) = try await AppealPagesTests.expelled()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let (_, page) = try await get("/kiem-tra-ky-luat/ky-luat/\(decision)", from: store, as: staff)
    #expect(page.contains("action=\"/kiem-tra-ky-luat/ky-luat/\(decision)/sua\""))
    #expect(page.contains("name=\"number\" value=\"12-QĐ/UBKT\""), "the form starts from the decision")
    let saved = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(decision)/sua", form: Self.correction, to: store, as: staff)
    #expect(saved.status == .seeOther)
    let back = try #require(try await store.disciplineDecision(id: decision)).history.decision
    #expect(back.number == "12A-QĐ/UBKT" && Set(back.categories) == ["prohibitedActs", "waste"])
    let (_, after) = try await get("/kiem-tra-ky-luat/ky-luat/\(decision)", from: store, as: staff)
    #expect(after.contains("<h2>Sửa quyết định (1)</h2>"))
    #expect(after.contains("Ghi nhầm số quyết định") && after.contains("số 12-QĐ/UBKT, vi phạm ngày 01/02/2024"))
    #expect(
      try await store.auditEntries(AuditFilter(action: "discipline.correct")).first?.actorLogin
        == "inspectionstaff-kg.01")
  }

  @Test func aRefusedCorrectionIsShownBesideItsFieldAndWritesNothing() async throws {
    let (store, _, decision, outside) = try await AppealPagesTests.expelled()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    // The violation after the decision: the rule's message beside the day; no reason: beside the reason.
    let late =
      Self.correction.filter { !["violated", "reason"].contains($0.0) } + [
        ("violated", "01/04/2024"), ("reason", ""),
      ]
    let missing = try await post("/kiem-tra-ky-luat/ky-luat/\(decision)/sua", form: late, to: store, as: staff)
    #expect(missing.status == .unprocessableContent)
    #expect(missing.body.contains("<span class=\"error\" id=\"e-reason\">Hãy nhập lý do sửa.</span>"))
    let refused = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(decision)/sua",
      form: late.filter { $0.0 != "reason" } + [("reason", "Sửa ngày")], to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("<span class=\"error\" id=\"e-violated\">Quyết định 12A-QĐ/UBKT: ngày vi phạm"))
    #expect(refused.body.contains("value=\"12A-QĐ/UBKT\""), "what was typed is kept")
    #expect(try await store.disciplineDecision(id: decision)?.history.decision.number == "12-QĐ/UBKT")

    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    let forbidden = try await post(
      "/kiem-tra-ky-luat/ky-luat/\(decision)/sua", form: Self.correction, to: store, as: leader)
    #expect(forbidden.status == .forbidden)
    var headers = staff.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = staff.csrf
    let body =
      #"{"number":"3A-QĐ","violated":"2024-03-01","categories":["prohibitedActs"],"reason":"Ghi nhầm số"}"#
    let outsideAPI = try await send(
      .post, "/api/oversight/discipline/\(outside)/corrections", to: store, headers: headers, body: body)
    #expect(outsideAPI.status == .notFound)
    #expect(try await store.disciplineDecision(id: outside)?.history.decision.number == "3-QĐ/UBKT")
    #expect(try await store.auditEntries(AuditFilter(action: "discipline.correct")).isEmpty)

    let inside = try await send(
      .post, "/api/oversight/discipline/\(decision)/corrections", to: store, headers: headers,
      body:
        #"{"number":"12B-QĐ/UBKT","violated":"2024-02-01","categories":["prohibitedActs"],"selfCorrected":true,"reason":"Ghi nhầm số"}"#
    )
    #expect(inside.status == .ok)
    let back = try #require(try await store.disciplineDecision(id: decision)).history.decision
    #expect(back.number == "12B-QĐ/UBKT" && back.selfCorrected)
  }
}

/// Corrections of a complaint entered wrongly (issue 21 part 5): on its page and in the API, with a reason,
/// audited, the old values kept and shown; outside the subtree it does not exist.
@Suite struct ComplaintCorrectionPagesTests {
  @Test func aComplaintIsCorrectedARefusalWritesNothingAndOneOutsideDoesNotExist() async throws {
    let (store, an, _, _) = try await AppealPagesTests.expelled()
    let complaint = try await store.recordComplaints([
      Complaint(kind: .complaint, subject: .member(an), received: day("2024-02-01"), summary: "Khiếu nại")
    ])[0]
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let (status, page) = try await get("/kiem-tra-ky-luat/don/\(complaint.id)", from: store, as: staff)
    #expect(status == .ok && page.contains("action=\"/kiem-tra-ky-luat/don/\(complaint.id)/sua\""))

    let refused = try await post(
      "/kiem-tra-ky-luat/don/\(complaint.id)/sua",
      form: [
        ("kind", "denunciation"), ("summary", "Tố cáo"), ("resolved", "01/01/2024"), ("finding", "correct"),
        ("reason", "Ghi nhầm"),
      ], to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.body.contains("<span class=\"error\" id=\"e-resolved\">Đơn tố cáo nhận ngày 01/02/2024"))
    #expect(try await store.complaint(id: complaint.id)?.complaint == complaint)

    let saved = try await post(
      "/kiem-tra-ky-luat/don/\(complaint.id)/sua",
      form: [
        ("kind", "denunciation"), ("summary", "Tố cáo"), ("resolved", "01/03/2024"), ("finding", "correct"),
        ("reason", "Ghi nhầm loại đơn"),
      ], to: store, as: staff)
    #expect(saved.status == .seeOther)
    #expect(try await store.complaint(id: complaint.id)?.complaint.kind == .denunciation)
    let (_, after) = try await get("/kiem-tra-ky-luat/don/\(complaint.id)", from: store, as: staff)
    #expect(after.contains("Ghi nhầm loại đơn") && after.contains("khiếu nại; Khiếu nại; chưa giải quyết"))

    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    let forbidden = try await post(
      "/kiem-tra-ky-luat/don/\(complaint.id)/sua", form: [("kind", "complaint"), ("reason", "x")], to: store,
      as: leader)
    #expect(forbidden.status == .forbidden)
    var headers = staff.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = staff.csrf
    let outside = try await store.recordComplaints([
      Complaint(
        kind: .complaint, subject: .member(try #require(try await store.member(cardNumber: "1003")).id),
        received: day("2024-04-02"), summary: "Trần Văn Cường")
    ])[0]
    let outsideAPI = try await send(
      .post, "/api/oversight/complaints/\(outside.id)/corrections", to: store, headers: headers,
      body: #"{"kind":"denunciation","summary":"x","reason":"y"}"#)
    #expect(outsideAPI.status == .notFound && !outsideAPI.body.contains("Trần Văn Cường"))
    #expect(try await store.complaint(id: outside.id)?.complaint == outside)
    let api = try await send(
      .post, "/api/oversight/complaints/\(complaint.id)/corrections", to: store, headers: headers,
      body:
        #"{"kind":"complaint","summary":"Khiếu nại về đất","resolved":"2024-03-01","finding":"incorrect","reason":"Sửa lại"}"#
    )
    #expect(api.status == .ok)
    #expect(try await store.complaint(id: complaint.id)?.complaint.finding == .incorrect)
    #expect(try await store.auditEntries(AuditFilter(action: "complaint.correct")).count == 2)
  }
}
