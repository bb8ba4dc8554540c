import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

@Suite struct GradingPageTests {
  /// The web province's Phước Hòa cell with An and Bích, plus Mới (admitted in September 2023: too new),
  /// Miễn (exempt) and Dung (reprimanded in 2023); the 2023 cycle open with 15/12/2023 as evaluation date.
  struct Cell {
    let world: RegisterWorld
    let moi: Int64
    let mien: Int64
    let dung: Int64
    var store: SQLiteStore { world.store }
  }

  func cell() async throws -> Cell {
    let world = try await RegisterWorld.make()
    let cell = world.units["KG.01.001.01"]!
    let added = try await world.store.addMembers([
      NewMember(
        member: SmallProvince.member("Trần Thị Mới", card: "4001"),
        events: [SmallProvince.admitted(cell, on: "2023-09-01")]),
      NewMember(
        member: SmallProvince.member("Lê Văn Miễn", card: "4002"),
        events: [
          SmallProvince.admitted(cell, on: "2000-01-01"),
          MembershipEvent(memberID: 0, kind: .exempted, date: day("2020-01-01")),
        ]),
      NewMember(
        member: SmallProvince.member("Phạm Thị Dung", card: "4003"),
        events: [SmallProvince.admitted(cell, on: "2005-01-01")]),
    ]).map(\.id)
    try await world.store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await world.store.recordDiscipline([
      DisciplineDecision(
        subject: .member(added[2]), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.01"), number: "5-QĐ/UBKT",
        decided: day("2023-05-01"), violated: day("2023-02-01"))
    ])
    return Cell(world: world, moi: added[0], mien: added[1], dung: added[2])
  }

  let page = "/to-chuc/KG.01.001.01/xep-loai"

  func grades(_ c: Cell, version: Int, _ rows: [Int64: String], extra: [(String, String)] = []) -> [(String, String)] {
    [("csrf", "csrf-of-the-session"), ("nam", "2023"), ("version", String(version))]
      + rows.sorted { $0.key < $1.key }.map { ("grade-\($0.key)", $0.value) } + extra
  }

  @Test func thePageListsThePopulationWithSelectsAndWhatTheRulesDecide() async throws {
    let c = try await cell()
    let reply = try await sendAs(.get, page + "?nam=2023", as: As.secretary(), store: c.store)
    #expect(reply.status == .ok)
    let body = reply.body
    #expect(body.contains("<h1>Xếp loại đảng viên năm 2023: Chi bộ ấp Phước Hòa</h1>"))
    #expect(body.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-of-the-session\">"))
    #expect(body.contains("<input type=\"hidden\" name=\"version\" value=\"1\">"))
    #expect(body.contains("<select name=\"grade-\(c.world.an)\""))
    #expect(body.contains("<select name=\"grade-\(c.world.bich)\""))
    // Too new: decided by the rules, sent as what they decide.
    #expect(body.contains("<input type=\"hidden\" name=\"grade-\(c.moi)\" value=\"notEvaluated.tooNew\">"))
    // A member is too new since admission (issue 25: not "thành lập (hoặc kết nạp)").
    #expect(
      body.contains("chưa đánh giá, xếp loại (kết nạp chưa đủ 6 tháng)<input type=\"hidden\" name=\"grade-\(c.moi)\""))
    #expect(!body.contains("hoặc kết nạp"))
    // Disciplined: only "not complete" may be chosen, and the page says why beside the row.
    #expect(body.contains("<option value=\"good\" disabled>hoàn thành tốt nhiệm vụ</option>"))
    #expect(body.contains("chỉ được xếp loại không hoàn thành nhiệm vụ"))
    // Exempt: outside the population, listed apart with no input.
    #expect(!body.contains("grade-\(c.mien)"))
    #expect(body.contains("<h2>Không thuộc diện đánh giá</h2>"))
    #expect(body.contains("Lê Văn Miễn"))
  }

  @Test func oneSubmitSavesTheWholeCellAndTheSavedGradesArePrefilled() async throws {
    let c = try await cell()
    let reply = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: grades(
        c, version: 1,
        [c.world.an: "excellent", c.world.bich: "good", c.moi: "notEvaluated.tooNew", c.dung: "notComplete"]))
    #expect(reply.status == .seeOther)
    #expect(reply.location == "/to-chuc/KG.01.001.01/xep-loai?nam=2023&da-luu=1")
    let report = try await c.store.evaluationReport(year: 2023, scope: "KG.01.001.01")
    #expect(report.members.counts.excellent == 1)
    #expect(report.members.counts.good == 1)
    #expect(report.members.counts.notComplete == 1)
    #expect(report.members.counts.notEvaluated[.tooNew] == 1)
    let after = try await sendAs(.get, reply.location!, as: As.secretary(), store: c.store)
    #expect(after.body.contains("Đã lưu kết quả xếp loại của chi bộ"))
    #expect(after.body.contains("<option value=\"excellent\" selected>hoàn thành xuất sắc nhiệm vụ</option>"))
    #expect(after.body.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"))
  }

  @Test func aRowTheRulesRefuseSavesNothingAndTheReasonIsBesideThatRow() async throws {
    let c = try await cell()
    let reply = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: grades(c, version: 1, [c.world.an: "excellent", c.dung: "good"], extra: [("sick-\(c.world.bich)", "abc")])
    )
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("Số tháng nghỉ ốm “abc” không hợp lệ"))
    let refused = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: grades(c, version: 1, [c.world.an: "excellent", c.dung: "good"]))
    #expect(refused.status == .unprocessableContent)
    let body = refused.body
    #expect(body.contains("<tr id=\"dv-\(c.dung)\" class=\"refused\">"))
    #expect(
      body.contains("<span class=\"error\" role=\"alert\">Phạm Thị Dung: Không thể xếp loại: bị kỷ luật trong năm"))
    // What was typed is kept, and the version is still the one the page was opened at.
    #expect(body.contains("<option value=\"excellent\" selected>"))
    #expect(body.contains("<option value=\"good\" selected>"))
    #expect(body.contains("<input type=\"hidden\" name=\"version\" value=\"1\">"))
    let report = try await c.store.evaluationReport(year: 2023, scope: "KG.01.001.01")
    #expect(report.members.counts.total == 0, "An's grade was not written either")
  }

  @Test func sickLeaveOfThreeMonthsRulesOutGoodBesideTheRow() async throws {
    let c = try await cell()
    let reply = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: grades(c, version: 1, [c.world.bich: "good"], extra: [("sick-\(c.world.bich)", "4")]))
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("nghỉ ốm 4 tháng trong năm"))
    #expect(reply.body.contains("name=\"sick-\(c.world.bich)\" value=\"4\""))
  }

  @Test func aStaleSaveIs409ShowingTheNewerGradesAndOverwritesNothing() async throws {
    let c = try await cell()
    // Someone else saves An as excellent after the page was opened at version 1.
    try await c.store.recordGrades([GradeEntry(subject: .member(c.world.an), outcome: .graded(.excellent))], year: 2023)
    let reply = try await sendAs(
      .post, page, as: As.secretary(), store: c.store, form: grades(c, version: 1, [c.world.an: "complete"]))
    #expect(reply.status == .conflict)
    #expect(reply.body.contains("đã được lưu bởi người khác sau khi bạn mở trang"))
    #expect(reply.body.contains("<option value=\"complete\" selected>"), "the choice typed is kept")
    #expect(reply.body.contains("<span class=\"newer\">Đang lưu: hoàn thành xuất sắc nhiệm vụ</span>"))
    #expect(reply.body.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"))
    let report = try await c.store.evaluationReport(year: 2023, scope: "KG.01.001.01")
    #expect(report.members.counts.excellent == 1 && report.members.counts.complete == 0)
  }

  @Test func theRefusalsOfTheGradingPage() async throws {
    let c = try await cell()
    // A leader reads but does not grade; a member does neither.
    #expect(try await sendAs(.get, page + "?nam=2023", as: As.leader(), store: c.store).status == .forbidden)
    #expect(try await sendAs(.get, page + "?nam=2023", as: As.member(c.world.an), store: c.store).status == .forbidden)
    // A cell outside the subtree is not found, on the page and on saving.
    let outside = try await sendAs(.get, page + "?nam=2023", as: As.secretary("KG.02.001"), store: c.store)
    #expect(outside.status == .notFound)
    let post = try await sendAs(
      .post, page, as: As.secretary("KG.02.001"), store: c.store, form: grades(c, version: 1, [c.world.an: "good"]))
    #expect(post.status == .notFound)
    #expect(try await c.store.evaluationReport(year: 2023, scope: "KG.01.001.01").members.counts.total == 0)
    #expect(
      try await sendAs(.get, "/to-chuc/KG.99/xep-loai?nam=2023", as: As.secretary(), store: c.store).status == .notFound
    )
    // A year with no cycle says to open one.
    let noCycle = try await sendAs(.get, page + "?nam=2022", as: As.secretary(), store: c.store)
    #expect(noCycle.body.contains("Chưa mở đợt đánh giá, xếp loại năm 2022"))
    #expect(try await sendAs(.get, page + "?nam=abc", as: As.secretary(), store: c.store).status == .badRequest)
    #expect(try await sendAs(.get, page + "?nam=2023", as: nil, store: c.store).status == .found)
  }

  @Test func underRegulation366AScoreGivesTheGradeAndAMismatchIsRefusedBesideTheRow() async throws {
    let c = try await cell()
    try await c.store.openEvaluationCycle(scope: "KG", year: 2025, evaluationDate: day("2025-12-15"))
    let opened = try await sendAs(.get, page + "?nam=2025", as: As.secretary(), store: c.store)
    #expect(opened.body.contains("366-QĐ/TW — chấm điểm thang 100"))
    #expect(opened.body.contains("<input name=\"score-\(c.world.an)\" value=\"\""))
    let mismatch = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [
        ("nam", "2025"), ("version", "1"), ("grade-\(c.world.an)", "excellent"), ("score-\(c.world.an)", "75"),
      ])
    #expect(mismatch.status == .unprocessableContent)
    #expect(mismatch.body.contains("75 điểm ứng với mức"))
    #expect(mismatch.body.contains("name=\"score-\(c.world.an)\" value=\"75\""))
    let byScore = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [("nam", "2025"), ("version", "1"), ("score-\(c.world.an)", "92"), ("score-\(c.world.bich)", "105")])
    #expect(byScore.status == .unprocessableContent)
    #expect(byScore.body.contains("Điểm “105” không hợp lệ"))
    let saved = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [("nam", "2025"), ("version", "1"), ("score-\(c.world.an)", "92")])
    #expect(saved.status == .seeOther)
    let sheet = try await c.store.cellGrades(code: "KG.01.001.01", year: 2025)
    let an = try #require(sheet.rows.first { $0.member.memberID == c.world.an })
    #expect(an.saved?.outcome == .graded(.excellent))
    #expect(an.saved?.score == 92)
  }

  @Test func aCommitteesPageLeadsDownToItsCells() async throws {
    let c = try await cell()
    let committee = try await sendAs(.get, "/to-chuc/KG.01/xep-loai?nam=2023", as: As.staff(), store: c.store)
    #expect(committee.status == .ok)
    #expect(committee.body.contains("<a href=\"/to-chuc/KG.01.001/xep-loai?nam=2023\">Đảng bộ xã Bình An</a>"))
    let grassroots = try await sendAs(.get, "/to-chuc/KG.01.001/xep-loai?nam=2023", as: As.staff(), store: c.store)
    #expect(
      grassroots.body.contains(
        "<a href=\"/to-chuc/KG.01.001.01/xep-loai?nam=2023\">Chi bộ ấp Phước Hòa</a> <span class=\"kind\">chi bộ · mã KG.01.001.01</span>"
      ))
    #expect(grassroots.body.contains("Chi bộ ấp Hòa An"))
    // Still inside the subtree only.
    let outside = try await sendAs(.get, "/to-chuc/KG.01/xep-loai?nam=2023", as: As.staff("KG.03"), store: c.store)
    #expect(outside.status == .notFound)
    // The API has no committee sheet.
    let api = try await sendAs(.get, "/api/units/KG.01.001/grades/2023", as: As.staff(), store: c.store)
    #expect(api.status == .badRequest)
    #expect((try api.json()["error"] as? [String: Any])?["code"] as? String == "evaluation.notACell")
  }

  // MARK: The API

  @Test func theGradesOfACellInTheAPIWithTheirVersion() async throws {
    let c = try await cell()
    let api = "/api/units/KG.01.001.01/grades/2023"
    let read = try await sendAs(.get, api, as: As.leader(), store: c.store)
    #expect(read.status == .ok)
    let sheet = try read.json()
    #expect(sheet["version"] as? Int == 1)
    let rows = try #require(sheet["rows"] as? [[String: Any]])
    #expect(rows.count == 4)
    let dung = try #require(rows.first { $0["memberID"] as? Int == Int(c.dung) })
    #expect(dung["allowed"] as? [String] == ["notComplete"])
    let moi = try #require(rows.first { $0["memberID"] as? Int == Int(c.moi) })
    #expect(moi["automatic"] as? String == "notEvaluated.tooNew")

    let save = """
      {"version":1,"grades":[{"memberID":\(c.world.an),"outcome":"good"},{"memberID":\(c.dung),"outcome":"notComplete"}]}
      """
    let saved = try await sendAs(.put, api, as: As.secretary(), store: c.store, json: save)
    #expect(saved.status == .ok)
    #expect(try saved.json()["version"] as? Int == 2)

    let stale = try await sendAs(.put, api, as: As.secretary(), store: c.store, json: save)
    #expect(stale.status == .conflict)
    let details = try #require(try stale.json()["details"] as? [String: Any])
    #expect(details["version"] as? Int == 2)

    let refused = try await sendAs(
      .put, api, as: As.secretary(), store: c.store,
      json:
        "{\"version\":2,\"grades\":[{\"memberID\":\(c.dung),\"outcome\":\"excellent\"},{\"memberID\":\(c.mien),\"outcome\":\"good\"}]}"
    )
    #expect(refused.status == .unprocessableContent)
    let reasons = try #require((try refused.json()["details"] as? [String: Any])?["rows"] as? [String: String])
    #expect(Set(reasons.keys) == [String(c.dung), String(c.mien)])

    #expect(try await sendAs(.put, api, as: As.leader(), store: c.store, json: save).status == .forbidden)
    #expect(try await sendAs(.get, api, as: As.staff("KG.03"), store: c.store).status == .notFound)
    #expect(try await sendAs(.put, api, as: As.secretary("KG.02.001"), store: c.store, json: save).status == .notFound)
  }
}
