import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// Corrections of an inspection or supervision (issue 21 part 5): on its page and in the API, with a reason, checked
/// as a new one is, each refusal beside its field with what was typed kept and nothing written; audited with the old
/// inspection kept; the oversight report reads the corrected one. Outside the subtree it does not exist.
@Suite struct InspectionCorrectionPagesTests {
  static let recorded: [(String, String)] = [
    ("kind", "supervision.thematic"), ("organ", "inspectionCommission"), ("bodyCode", "KG.01"),
    ("title", "Giám sát việc học tập nghị quyết"), ("started", "10/02/2024"), ("memberSubjects", "1001\n1002"),
    ("unitSubjects", "KG.01.001"),
  ]

  /// The fields of the correction form: the recorded ones but the body, with `changes` and a reason.
  static func correction(_ changes: [String: String], reason: String = "Ghi nhầm ngày bắt đầu") -> [(String, String)] {
    recorded.filter { $0.0 != "bodyCode" }.map { ($0.0, changes[$0.0] ?? $0.1) } + [
      ("concluded", changes["concluded"] ?? ""), ("reason", reason),
    ]
  }

  @Test func anInspectionRecordedOnThePageIsCorrectedThereAndTheReportFollows() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    #expect(try await post("/kiem-tra-ky-luat/kiem-tra", form: Self.recorded, to: store, as: staff).status == .seeOther)
    let added = try #require(try await store.auditEntries(AuditFilter(action: "inspection.add")).first)
    #expect(added.actorLogin == "inspectionstaff-kg.01" && added.scopeCode == "KG.01")
    #expect(try await store.auditEntries(AuditFilter()).filter { $0.action.hasPrefix("POST") }.isEmpty)
    let id = try #require(Int64(added.subject.dropFirst("inspection:".count)))
    let (_, list) = try await get("/kiem-tra-ky-luat?to-chuc=KG.01&ky=2024", from: store, as: staff)
    #expect(list.contains("href=\"/kiem-tra-ky-luat/kiem-tra/\(id)\""))
    let (status, page) = try await get("/kiem-tra-ky-luat/kiem-tra/\(id)", from: store, as: staff)
    #expect(status == .ok && page.contains("action=\"/kiem-tra-ky-luat/kiem-tra/\(id)/sua\""))
    #expect(page.contains("Nguyễn Văn An") && page.contains("Cuộc này chưa được sửa."))
    #expect(page.contains(">1001\n1002</textarea>"), "the form starts from the inspection as it stands")
    let q1 = try ReportPeriod.quarter(1, of: 2024)
    let q2 = try ReportPeriod.quarter(2, of: 2024)
    #expect(try await store.oversightReport(period: q1, scope: "KG.01")["oversight.thematic.members"] == 2)

    // Concluded before it began, and a member outside: each beside its field, what was typed kept, nothing written.
    let auditBefore = try await store.auditEntries(AuditFilter()).count
    let refused = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(id)/sua",
      form: Self.correction(["started": "05/04/2024", "concluded": "01/04/2024", "memberSubjects": "1001\n1003"]),
      to: store, as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(
      refused.body.contains("<span class=\"error\" id=\"e-memberSubjects\">Không có đảng viên mang số thẻ “1003”"))
    #expect(refused.body.contains("value=\"05/04/2024\"") && refused.body.contains(">1001\n1003</textarea>"))
    let late = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(id)/sua",
      form: Self.correction(["started": "05/04/2024", "concluded": "01/04/2024"]), to: store, as: staff)
    #expect(late.status == .unprocessableContent)
    #expect(late.body.contains("<span class=\"error\" id=\"e-concluded\">Cuộc &quot;Giám sát việc học tập nghị quyết"))
    #expect(late.body.contains("ngày kết luận 01/04/2024 trước ngày bắt đầu 05/04/2024"))
    let noReason = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(id)/sua", form: Self.correction(["started": "05/04/2024"], reason: " "),
      to: store, as: staff)
    #expect(noReason.body.contains("<span class=\"error\" id=\"e-reason\">Hãy nhập lý do sửa.</span>"))
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore)
    #expect(try await store.inspection(id: id)?.started == day("2024-02-10"))

    // Begun in April, not February: the first quarter loses its two members, the second gains them.
    let saved = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(id)/sua", form: Self.correction(["started": "05/04/2024"]), to: store, as: staff)
    #expect(saved.status == .seeOther && saved.headers[.location] == "/kiem-tra-ky-luat/kiem-tra/\(id)")
    #expect(try await store.oversightReport(period: q1, scope: "KG.01")["oversight.thematic.members"] == 0)
    #expect(try await store.oversightReport(period: q2, scope: "KG.01")["oversight.thematic.members"] == 2)
    let entry = try #require(try await store.auditEntries(AuditFilter(action: "inspection.correct")).first)
    #expect(entry.actorLogin == "inspectionstaff-kg.01" && entry.subject == "inspection:\(id)")
    #expect(entry.before?.contains("\"started\":\"2024-02-10\"") == true)
    #expect(entry.after?.contains("Ghi nhầm ngày bắt đầu") == true)
    #expect(try await store.auditEntries(AuditFilter()).count == auditBefore + 1)
    #expect(try await store.verifyAuditChain().broken == nil)
    let (_, after) = try await get("/kiem-tra-ky-luat/kiem-tra/\(id)", from: store, as: staff)
    #expect(after.contains("Ghi nhầm ngày bắt đầu") && after.contains("bắt đầu 10/02/2024"))
    #expect(after.contains("<dt>Ngày bắt đầu</dt><dd>05/04/2024</dd>"))

    // The API: the unit dropped, concluded; a leader may read the page but not correct.
    var headers = staff.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = staff.csrf
    let api = try await send(
      .post, "/api/oversight/inspections/\(id)/corrections", to: store, headers: headers,
      body: #"""
        {"kind":"supervision.thematic","organ":"inspectionCommission","title":"Giám sát việc học tập nghị quyết",\#
        "started":"2024-04-05","concluded":"2024-05-20","memberSubjects":"1001\n1002","reason":"Không giám sát chi bộ"}
        """#)
    #expect(api.status == .ok, "\(api.body)")
    let back = try #require(try await store.inspection(id: id))
    #expect(back.subjects.count == 2 && back.concluded == day("2024-05-20"))
    let invalid = try await send(
      .post, "/api/oversight/inspections/\(id)/corrections", to: store, headers: headers,
      body: #"{"kind":"supervision.none","title":"","started":"2024-04-05","reason":"x"}"#)
    #expect(invalid.status == .unprocessableContent && invalid.body.contains("\"kind\""))
    #expect(try await store.inspection(id: id) == back)
    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    #expect(try await get("/kiem-tra-ky-luat/kiem-tra/\(id)", from: store, as: leader).status == .ok)
    let forbidden = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(id)/sua", form: Self.correction(["title": "x"]), to: store, as: leader)
    #expect(forbidden.status == .forbidden)
    #expect(try await store.auditEntries(AuditFilter(action: "inspection.correct")).count == 2)
  }

  @Test func anInspectionRunOutsideTheSubtreeDoesNotExist() async throws {
    let (store, _) = try await WebProvince.store()
    let cuong = try #require(try await store.member(cardNumber: "1003")).id
    let outside = try await store.recordInspections([
      Inspection(
        kind: .inspection(.regular), body: ConductingBody(.inspectionCommission, of: "KG.02"),
        title: "Kiểm tra Trần Văn Cường", started: day("2023-03-01"), subjects: [InspectionSubject(.member(cuong))])
    ])[0]
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    let page = try await get("/kiem-tra-ky-luat/kiem-tra/\(outside.id)", from: store, as: staff)
    #expect(page.status == .notFound && !page.body.contains("Trần Văn Cường"))
    let form = try await post(
      "/kiem-tra-ky-luat/kiem-tra/\(outside.id)/sua",
      form: [("kind", "inspection.regular"), ("title", "x"), ("started", "2023-03-01"), ("reason", "y")], to: store,
      as: staff)
    #expect(form.status == .notFound && !form.body.contains("Trần Văn Cường"))
    #expect(try await get("/kiem-tra-ky-luat/kiem-tra/999999", from: store, as: staff).status == .notFound)
    #expect(try await store.inspection(id: outside.id) == outside)
  }
}

/// The inspection staff's writes through the JSON API (issue 21 part 7): each audited in the store's transaction,
/// one entry per write, with the principal, the action and the record; the chain still verifies.
@Suite struct OversightAPIAuditTests {
  @Test func eachOversightWriteThroughTheAPILeavesItsOwnEntry() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .inspectionStaff, scope: "KG.01")
    var headers = staff.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = staff.csrf
    let before = try await store.auditEntries(AuditFilter()).count
    struct Created: Decodable { var id: Int64 }
    func write(_ uri: String, _ body: String, _ expected: HTTPResponse.Status = .created) async throws -> Int64 {
      let response = try await send(.post, uri, to: store, headers: headers, body: body)
      #expect(response.status == expected, "\(uri): \(response.body)")
      let created = try JSONDecoder().decode(Created.self, from: Data(response.body.utf8))
      return created.id
    }
    let inspection = try await write(
      "/api/oversight/inspections",
      #"{"kind":"inspection.regular","organ":"inspectionCommission","bodyCode":"KG.01","title":"Kiểm tra","started":"2024-02-01","memberSubjects":"1001"}"#
    )
    let decision = try await write(
      "/api/oversight/discipline",
      #"{"subjectKind":"member","subject":"1002","form":"reprimand","categories":["prohibitedActs"],"organ":"inspectionCommission","bodyCode":"KG.01","number":"4-QĐ/UBKT","decided":"2024-03-01","violated":"2024-02-01"}"#
    )
    let complaint = try await write(
      "/api/oversight/complaints",
      #"{"kind":"denunciation","subjectKind":"member","subject":"1001","received":"2024-03-02","summary":"Tố cáo"}"#)
    _ = try await write(
      "/api/oversight/complaints/\(complaint)/resolve", #"{"resolved":"2024-04-01","finding":"incorrect"}"#, .ok)
    let entries = try await store.auditEntries(AuditFilter())
    #expect(entries.count == before + 4, "one entry per write: the middleware adds none")
    let expected = [
      ("complaint.resolve", "complaint:\(complaint)"), ("complaint.add", "complaint:\(complaint)"),
      ("discipline.add", "discipline:\(decision)"), ("inspection.add", "inspection:\(inspection)"),
    ]
    for ((action, subject), entry) in zip(expected, entries) {
      #expect(entry.action == action && entry.subject == subject, "\(entry.action) \(entry.subject)")
      #expect(entry.actorLogin == "inspectionstaff-kg.01" && entry.actorRole == "inspectionStaff")
    }
    #expect(
      entries.first?.before?.contains("\"finding\"") == false && entries.first?.after?.contains("incorrect") == true)
    #expect(try await store.verifyAuditChain().broken == nil)
  }
}
