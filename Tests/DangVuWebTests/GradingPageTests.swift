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

  /// Under 366-QĐ/TW each row is a score sheet: points per criterion group of the member's framework, the tasks on
  /// time and the share beyond; the total's band is the grade, and a bad sheet is refused beside its row, nothing saved.
  @Test func underRegulation366ASheetGivesTheGradeAndABadSheetIsRefusedBesideTheRow() async throws {
    let c = try await cell()
    try await c.store.openEvaluationCycle(scope: "KG", year: 2025, evaluationDate: day("2025-12-15"))
    let an = c.world.an
    let opened = try await sendAs(.get, page + "?nam=2025", as: As.secretary(), store: c.store)
    #expect(opened.body.contains("366-QĐ/TW — chấm điểm thang 100 theo nhóm tiêu chí"))
    #expect(opened.body.contains("<input name=\"general-\(an)\" value=\"\""))
    #expect(opened.body.contains("<input name=\"tasks-\(an)\" value=\"\""))
    #expect(opened.body.contains("<option value=\"memberOutsidePoliticalSystem\">"))
    let mismatch = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [
        ("nam", "2025"), ("version", "1"), ("grade-\(an)", "excellent"), ("general-\(an)", "25"),
        ("tasks-\(an)", "50"),
      ])
    #expect(mismatch.status == .unprocessableContent)
    #expect(mismatch.body.contains("Nguyễn Văn An: 75 điểm ứng với mức"))
    #expect(mismatch.body.contains("name=\"general-\(an)\" value=\"25\""))
    let aboveMaximum = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [("nam", "2025"), ("version", "1"), ("general-\(an)", "31"), ("tasks-\(an)", "60")])
    #expect(aboveMaximum.status == .unprocessableContent)
    #expect(aboveMaximum.body.contains("nhóm tiêu chí chung được 31 điểm, phải từ 0 đến 30"))
    // 28 + 64 = 92 is excellent, which needs every task on time: refused, naming the rule, nothing written.
    let late = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [
        ("nam", "2025"), ("version", "1"), ("general-\(an)", "28"), ("tasks-\(an)", "64"), ("beyond-\(an)", "35"),
      ])
    #expect(late.status == .unprocessableContent)
    #expect(late.body.contains("Không thể xếp loại Nguyễn Văn An hoàn thành xuất sắc nhiệm vụ theo 366-QĐ/TW"))
    #expect(late.body.contains("chưa hoàn thành đúng hạn tất cả nhiệm vụ"))
    #expect(try await c.store.cellGrades(code: "KG.01.001.01", year: 2025).rows.allSatisfy { $0.saved == nil })
    #expect(try await c.store.auditEntries(AuditFilter(action: "grade.set")).isEmpty)
    let saved = try await sendAs(
      .post, page, as: As.secretary(), store: c.store,
      form: [
        ("nam", "2025"), ("version", "1"), ("general-\(an)", "28"), ("tasks-\(an)", "64"), ("onTime-\(an)", "on"),
        ("beyond-\(an)", "35"),
      ])
    #expect(saved.status == .seeOther)
    let sheet = try await c.store.cellGrades(code: "KG.01.001.01", year: 2025)
    let row = try #require(sheet.rows.first { $0.member.memberID == an })
    #expect(row.saved?.outcome == .graded(.excellent))
    #expect(row.saved?.score == 92)
    #expect(
      row.saved?.sheet
        == ScoreSheet(
          framework: .memberWithoutPost, criteria: ["general": 28, "tasks": 64], allTasksOnTime: true,
          beyondRequirementPercent: 35))
    #expect(try await c.store.auditEntries(AuditFilter(action: "grade.set")).count == 1)
    let reopened = try await sendAs(.get, page + "?nam=2025", as: As.secretary(), store: c.store)
    #expect(reopened.body.contains("name=\"tasks-\(an)\" value=\"64\""))
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

  /// Under 366-QĐ/TW a cell's grades in the API carry their score sheet: points per criterion group, the framework,
  /// the excellent facts; the score is their total and never sent. A bad sheet is refused row by row, nothing saved.
  @Test func underRegulation366TheAPITakesAndGivesScoreSheets() async throws {
    let c = try await cell()
    try await c.store.openEvaluationCycle(scope: "KG", year: 2025, evaluationDate: day("2025-12-15"))
    let api = "/api/units/KG.01.001.01/grades/2025"
    let an = c.world.an
    let bich = c.world.bich
    let refused = try await sendAs(
      .put, api, as: As.secretary(), store: c.store,
      json: """
        {"version":1,"grades":[{"memberID":\(an),"outcome":"excellent","criteria":{"general":29,"tasks":65},\
        "allTasksOnTime":true,"beyondRequirementPercent":20},{"memberID":\(bich),"outcome":"good"}]}
        """)
    #expect(refused.status == .unprocessableContent)
    let reasons = try #require((try refused.json()["details"] as? [String: Any])?["rows"] as? [String: String])
    #expect(reasons[String(an)]?.contains("cần từ 30% trở lên") == true, "\(reasons)")
    #expect(reasons[String(bich)]?.contains("hãy nhập điểm từng nhóm tiêu chí") == true, "\(reasons)")
    #expect(try await c.store.auditEntries(AuditFilter(action: "grade.set")).isEmpty)
    let saved = try await sendAs(
      .put, api, as: As.secretary(), store: c.store,
      json: """
        {"version":1,"grades":[{"memberID":\(an),"criteria":{"general":29,"tasks":65},"allTasksOnTime":true,\
        "beyondRequirementPercent":35},{"memberID":\(bich),"outcome":"complete",\
        "framework":"memberOutsidePoliticalSystem","criteria":{"general":20,"tasks":40}}]}
        """)
    #expect(saved.status == .ok, "\(saved.body)")
    let rows = try #require(try saved.json()["rows"] as? [[String: Any]])
    let anSaved = try #require(rows.first { $0["memberID"] as? Int == Int(an) }?["saved"] as? [String: Any])
    #expect(anSaved["outcome"] as? String == "excellent")
    #expect(anSaved["score"] as? Int == 94)
    #expect(anSaved["framework"] as? String == "memberWithoutPost")
    #expect(anSaved["criteria"] as? [String: Int] == ["general": 29, "tasks": 65])
    #expect(anSaved["beyondRequirementPercent"] as? Int == 35)
    let bichSaved = try #require(rows.first { $0["memberID"] as? Int == Int(bich) }?["saved"] as? [String: Any])
    #expect(bichSaved["score"] as? Int == 60 && bichSaved["framework"] as? String == "memberOutsidePoliticalSystem")
    #expect(try await c.store.auditEntries(AuditFilter(action: "grade.set")).count == 1)
  }
}
