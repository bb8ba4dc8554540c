import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import HTTPTypes
import Testing

/// A quarterly cycle under 366-QĐ/TW through the real router (decision 0035): opened by the organisation
/// commission, scored per criterion group by the unit, reported by cycle; a quarter under 124-QĐ/TW refused.
@Suite struct CyclesAPITests {
  func jsonHeaders(_ session: TestSession) -> HTTPFields {
    var headers = session.headers
    headers[.contentType] = "application/json"
    headers[.init("X-CSRF-Token")!] = session.csrf
    return headers
  }

  @Test func aQuarterlyCycleIsOpenedScoredAndReportedThroughTheAPI() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    let refused = try await send(
      .post, "/api/units/KG/cycles", to: store, headers: jsonHeaders(staff),
      body: #"{"kind":"quarter","period":"2024-Q1","evaluationDate":"2024-03-31"}"#)
    #expect(refused.status == .badRequest)
    #expect(refused.body.contains("evaluation.cycleKindNotAllowed"))
    #expect(refused.body.contains("124-QĐ/TW chỉ cho phép đánh giá hằng năm"))

    // A secretary grades, but does not open cycles.
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let notTheirs = try await send(
      .post, "/api/units/KG.01.001/cycles", to: store, headers: jsonHeaders(secretary),
      body: #"{"kind":"quarter","period":"2026-Q1","evaluationDate":"2026-03-31"}"#)
    #expect(notTheirs.status == .forbidden)

    let opened = try await send(
      .post, "/api/units/KG/cycles", to: store, headers: jsonHeaders(staff),
      body: #"{"kind":"quarter","period":"2026-Q1","evaluationDate":"2026-03-31"}"#)
    #expect(opened.status == .created, "\(opened.body)")
    #expect(opened.body.contains(#""name":"quý I năm 2026""#))
    #expect(opened.body.contains(#""regulation":"366-QĐ/TW""#))

    let an = try #require(try await store.member(cardNumber: "1001")).id
    let above = try await send(
      .post, "/api/units/KG.01.001/cycles/quarter/2026-Q1/scores", to: store, headers: jsonHeaders(secretary),
      body: #"{"grades":[{"memberID":\#(an),"framework":"memberWithoutPost","criteria":{"general":31,"tasks":60}}]}"#)
    #expect(above.status == .unprocessableContent)
    #expect(above.body.contains("evaluation.criterionAboveMaximum"))
    let scored = try await send(
      .post, "/api/units/KG.01.001/cycles/quarter/2026-Q1/scores", to: store, headers: jsonHeaders(secretary),
      body: #"""
        {"grades":[{"memberID":\#(an),"framework":"memberWithoutPost","criteria":{"general":29,"tasks":62},
        "allTasksOnTime":true,"beyondRequirementPercent":30}]}
        """#)
    #expect(scored.status == .ok, "\(scored.body)")
    #expect(scored.body.contains(#""score":91"#))
    let read = try await send(
      .get, "/api/units/KG.01.001/cycles/quarter/2026-Q1/scores", to: store, headers: secretary.headers)
    #expect(read.status == .ok)
    #expect(read.body.contains(#""score":91"#) && read.body.contains(#""cycle":"quý I năm 2026""#))
    // Outside the secretary's subtree: refused like any other unit they cannot see.
    let outside = try await send(
      .post, "/api/units/KG.02/cycles/quarter/2026-Q1/scores", to: store, headers: jsonHeaders(secretary),
      body: #"{"grades":[]}"#)
    #expect(outside.status == .notFound)

    let report = try await send(
      .get, "/api/reports/evaluation?kind=quarter&period=2026-Q1&org=KG.01", to: store, headers: staff.headers)
    #expect(report.status == .ok, "\(report.body)")
    let json = try JSONSerialization.jsonObject(with: Data(report.body.utf8)) as? [String: Any]
    #expect(json?["cycleName"] as? String == "quý I năm 2026")
    #expect((json?["members"] as? [String: Any])?["excellent"] as? Int == 1)
    #expect(try await store.auditEntries(AuditFilter(action: "evaluation.open")).count == 1)
    // An empty kind is a caller's mistake on the API (schemathesis sent `kind=`), not "the year".
    let empty = try await send(.get, "/api/reports/evaluation?kind=&org=KG.01", to: store, headers: staff.headers)
    #expect(empty.status == .badRequest || empty.status == .unprocessableContent, "\(empty.status) \(empty.body)")
    #expect(empty.body.contains("evaluation.cycleKind"), "\(empty.body)")
    // A page's form sends its empty field for the year.
    let yearly = try await get("/bao-cao/danh-gia?dot=&ky=&to-chuc=KG.01", from: store, as: staff)
    #expect(yearly.status != .badRequest && yearly.status != .unprocessableContent, "\(yearly.status)")

    let page = try await get("/bao-cao/danh-gia?dot=quarter&ky=2026-Q1&to-chuc=KG.01", from: store, as: staff)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Báo cáo đánh giá, xếp loại chất lượng quý I năm 2026</h1>"))
    #expect(page.body.contains("Quý I năm 2026, toàn Đảng bộ huyện Châu Thành"))
    #expect(page.body.contains("dot=quarter&amp;ky=2026-Q1") || page.body.contains("dot=quarter&ky=2026-Q1"))
    let none = try await get("/bao-cao/danh-gia?dot=quarter&ky=2026-Q2&to-chuc=KG.01", from: store, as: staff)
    #expect(none.status == .notFound)
    #expect(none.body.contains("quý II năm 2026"))
  }

  /// The same on the page: the organisation commission opens the quarter, the secretary scores a member.
  @Test func aQuarterlyCycleIsOpenedAndScoredOnThePage() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG")
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let form = try await get("/to-chuc/KG.01.001/dot-danh-gia", from: store, as: secretary)
    #expect(form.status == .ok)
    #expect(!form.body.contains("Mở đợt"))  // a secretary scores, but does not open cycles
    let underOld = try await post(
      "/to-chuc/KG/dot-danh-gia",
      form: [("action", "open"), ("dot", "quarter"), ("ky", "2024-Q1"), ("ngay", "2024-03-31")],
      to: store, as: staff)
    #expect(underOld.status == .unprocessableContent)
    #expect(underOld.body.contains("124-QĐ/TW chỉ cho phép đánh giá hằng năm"))
    let opened = try await post(
      "/to-chuc/KG/dot-danh-gia",
      form: [("action", "open"), ("dot", "quarter"), ("ky", "2026-Q1"), ("ngay", "2026-03-31")],
      to: store, as: staff)
    #expect(opened.status == .seeOther || opened.status == .found)
    let scoreFields = [
      ("action", "score"), ("dot", "quarter"), ("ky", "2026-Q1"), ("card", "1002"), ("framework", "memberWithoutPost"),
      ("general", "25"), ("tasks", "71"),
    ]
    let above = try await post("/to-chuc/KG.01.001/dot-danh-gia", form: scoreFields, to: store, as: secretary)
    #expect(above.status == .unprocessableContent)
    #expect(above.body.contains("phải từ 0 đến 70"))
    #expect(above.body.contains("value=\"71\""))  // what was typed stays
    var good = scoreFields
    good[6] = ("tasks", "55")
    let scored = try await post("/to-chuc/KG.01.001/dot-danh-gia", form: good, to: store, as: secretary)
    #expect(scored.status == .seeOther || scored.status == .found)
    let location = try #require(scored.headers[.location])
    let back = try await get(location, from: store, as: secretary)
    #expect(back.body.contains("Đặng Thị Bích: 80 điểm, hoàn thành tốt nhiệm vụ (quý I năm 2026)."))
    let cycle = try CyclePeriod(kind: .quarter, parsing: "2026-Q1")
    #expect(try await store.grades(of: "KG.01.001", in: cycle).map(\.score) == [80])
  }
}

/// The report pages offer the cycles by kind that cover the subtree (issue 25 part 5): the yearly page links each,
/// a cycle's page links the others but not itself, and a district below the province's cycles sees them too.
@Suite struct CyclePickerTests {
  static let staff = AuditActor(login: "bantochuc", role: "organisationStaff")

  @Test func theReportPagesLinkTheCyclesThatCoverTheSubtree() async throws {
    let (store, _) = try await WebProvince.store()
    let quarter = try CyclePeriod(kind: .quarter, parsing: "2026-Q1")
    let second = try CyclePeriod(kind: .quarter, parsing: "2026-Q2")
    try await store.openEvaluationCycle(scope: "KG", quarter, evaluationDate: day("2026-03-31"), by: Self.staff)
    try await store.openEvaluationCycle(scope: "KG", second, evaluationDate: day("2026-06-30"), by: Self.staff)
    #expect(try await store.cyclesCovering(code: "KG.01").compactMap(\.period) == [second, quarter])
    #expect(try await store.cyclesCovering(code: "KG.01").first?.scopeCode == "KG")

    let yearly = try await report("/bao-cao/danh-gia?nam=2026&to-chuc=KG.01", store: store)
    #expect(yearly.body.contains("Các đợt đánh giá khác:"))
    #expect(
      yearly.body.contains("href=\"/bao-cao/danh-gia?dot=quarter&amp;ky=2026-Q1&amp;to-chuc=KG.01\">quý I năm 2026</a>")
    )
    let page = try await report("/bao-cao/danh-gia?dot=quarter&ky=2026-Q1&to-chuc=KG.01", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains(">quý II năm 2026</a>"))
    #expect(!page.body.contains(">quý I năm 2026</a>"))
  }
}
