import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import Testing

@testable import DangVuWeb

/// Posts and collectives on the member's and the unit's pages, and the leadership grading page, through the
/// real router with signed-in roles.
@Suite struct LeadershipPagesTests {
  @Test func anOrganisationStafferRecordsAPostOnTheMembersPageAndItIsShownAndAudited() async throws {
    let world = try await LifecycleWorld.make()
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let page = try await get("/dang-vien/\(world.an)", from: world.store, as: staff)
    #expect(page.body.contains("href=\"/dang-vien/\(world.an)/chuc-vu\""))
    let form = try await get("/dang-vien/\(world.an)/chuc-vu", from: world.store, as: staff)
    #expect(form.status == .ok)
    #expect(form.body.contains("<option value=\"secretary\">Bí thư</option>"))
    #expect(form.body.contains("name=\"unit\" value=\"KG.01.001.01\""), "starts with the member's cell")
    let saved = try await post(
      "/dang-vien/\(world.an)/chuc-vu",
      form: [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020"), ("note", "NQ Đại hội")],
      to: world.store, as: staff)
    #expect(saved.status == .seeOther, "\(saved.body)")
    #expect(saved.headers[.location] == "/dang-vien/\(world.an)")
    let posts = try await world.store.posts(ofMember: world.an)
    #expect(posts.map(\.post.kindCode) == ["secretary"] && posts[0].post.note == "NQ Đại hội")
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "post.record")).first)
    #expect(entry.actorLogin == "organisationstaff-kg.01" && entry.scopeCode == "KG.01.001.01")
    #expect(try await world.store.auditEntries(AuditFilter(action: "request.post")).isEmpty, "one entry, not two")
    #expect(try await world.store.verifyAuditChain().broken == nil)
    let shown = try await get("/dang-vien/\(world.an)", from: world.store, as: staff)
    #expect(shown.body.contains("<td>Bí thư</td>"))
    #expect(shown.body.contains("href=\"/dang-vien/\(world.an)/chuc-vu/\(posts[0].post.id)/thoi-giu\""))
    let unit = try await get("/to-chuc/KG.01.001.01", from: world.store, as: staff)
    #expect(unit.body.contains("<td>Bí thư</td><td><a href=\"/dang-vien/\(world.an)\">Nguyễn Văn An</a></td>"))
    // Ending it: the day goes on the post, audited.
    let ended = try await post(
      "/dang-vien/\(world.an)/chuc-vu/\(posts[0].post.id)/thoi-giu", form: [("until", "01/10/2025")],
      to: world.store, as: staff)
    #expect(ended.status == .seeOther, "\(ended.body)")
    #expect(try await world.store.post(id: posts[0].post.id)?.post.until == day("2025-10-01"))
    #expect(try await world.store.auditEntries(AuditFilter(action: "post.end")).count == 1)
  }

  @Test func refusalsShowBesideTheirFieldKeepWhatWasTypedAndWriteNothing() async throws {
    let world = try await LifecycleWorld.make()
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG")
    let audit = try await world.store.auditEntries(AuditFilter()).count
    let cases: [(form: [(String, String)], field: String, words: String)] = [
      (
        [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020"), ("until", "01/01/2020")], "until",
        "phải sau ngày bắt đầu"
      ),
      ([("kind", "secretary"), ("unit", "KG.02.001"), ("from", "01/10/2020")], "from", "không sinh hoạt trong"),
      ([("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2005")], "from", "không sinh hoạt trong"),
      ([("kind", ""), ("unit", "KG.01.001.01"), ("from", "01/10/2020")], "kind", "Hãy chọn chức vụ"),
      ([("kind", "secretary"), ("unit", "KG.99"), ("from", "01/10/2020")], "unit", "Không tìm thấy tổ chức"),
      ([("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "mùng một")], "from", "không phải một ngày"),
    ]
    for (form, field, words) in cases {
      let refused = try await post("/dang-vien/\(world.an)/chuc-vu", form: form, to: world.store, as: staff)
      #expect(refused.status == .unprocessableContent, "\(form)")
      let message = try #require(refused.error(beside: field), "\(form): \(refused.body)")
      #expect(message.contains(words), "\(message)")
      for (key, value) in form where key == "unit" || key == "from" {
        #expect(refused.body.contains("name=\"\(key)\" value=\"\(value)\""), "keeps \(key)")
      }
    }
    #expect(try await world.store.posts(ofMember: world.an).isEmpty)
    #expect(try await world.store.auditEntries(AuditFilter()).count == audit)
    // The same post twice over the same days: refused beside the first day.
    let form = [("kind", "deputySecretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020")]
    #expect(
      try await post("/dang-vien/\(world.an)/chuc-vu", form: form, to: world.store, as: staff).status == .seeOther)
    let twice = try await post("/dang-vien/\(world.an)/chuc-vu", form: form, to: world.store, as: staff)
    #expect(twice.status == .unprocessableContent)
    #expect(twice.error(beside: "from")?.contains("không được trùng ngày") == true)
    #expect(try await world.store.posts(ofMember: world.an).count == 1)
  }

  @Test func aUnitsPageRecordsAPostByCardACollectiveAndItsMembers() async throws {
    let world = try await LifecycleWorld.make()
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let unit = try await get("/to-chuc/KG.01.001", from: world.store, as: staff)
    #expect(unit.body.contains("href=\"/to-chuc/KG.01.001/chuc-vu\""))
    #expect(unit.body.contains("href=\"/to-chuc/KG.01.001/tap-the\""))
    let byCard = try await post(
      "/to-chuc/KG.01.001/chuc-vu", form: [("member", "1002"), ("kind", "committeeMember"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(byCard.status == .seeOther && byCard.headers[.location] == "/to-chuc/KG.01.001")
    #expect(try await world.store.posts(ofUnit: "KG.01.001").map(\.post.memberID) == [world.bich])
    // Cường is in another district: outside this staffer's subtree, he reads as unknown.
    let outside = try await post(
      "/to-chuc/KG.01.001/chuc-vu", form: [("member", "1003"), ("kind", "committeeMember"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(outside.status == .unprocessableContent)
    #expect(outside.error(beside: "member")?.contains("Không tìm thấy đảng viên") == true)
    let collective = try await post(
      "/to-chuc/KG.01.001/tap-the",
      form: [("name", "Ban Thường vụ Đảng ủy xã Bình An"), ("kind", "standingCommittee"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(collective.status == .seeOther, "\(collective.body)")
    let id = try #require(try await world.store.collectives(ofUnit: "KG.01.001").first?.collective.id)
    let noName = try await post(
      "/to-chuc/KG.01.001/tap-the", form: [("name", " "), ("kind", "standingCommittee"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(noName.status == .unprocessableContent && noName.error(beside: "name") != nil)
    let seat = try await post(
      "/to-chuc/KG.01.001/tap-the/\(id)/thanh-vien", form: [("member", "1001"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(seat.status == .seeOther, "\(seat.body)")
    let early = try await post(
      "/to-chuc/KG.01.001/tap-the/\(id)/thanh-vien", form: [("member", "1002"), ("from", "01/10/2019")],
      to: world.store, as: staff)
    #expect(early.status == .unprocessableContent)
    #expect(early.error(beside: "from")?.contains("nằm trong nhiệm kỳ") == true)
    #expect(early.body.contains("name=\"member\" value=\"1002\""))
    let shown = try await get("/to-chuc/KG.01.001", from: world.store, as: staff)
    #expect(shown.body.contains("<strong>Ban Thường vụ Đảng ủy xã Bình An</strong> — Ban Thường vụ"))
    #expect(shown.body.contains("<a href=\"/dang-vien/\(world.an)\">Nguyễn Văn An</a>"))
    // Another unit's collective under this unit's address is not found.
    #expect(
      try await get("/to-chuc/KG.01.001.01/tap-the/\(id)/thanh-vien", from: world.store, as: staff).status == .notFound)
    #expect(try await world.store.auditEntries(AuditFilter(action: "collective.seat")).count == 1)
  }

  @Test func aPostRecordedOnAPageMakesTheMemberACadreGradedOnTheLeadershipPage() async throws {
    let world = try await LifecycleWorld.make()
    try await world.store.openEvaluationCycle(scope: "KG", year: 2024, evaluationDate: day("2024-12-15"))
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let empty = try await get("/to-chuc/KG.01.001.01/xep-loai-lanh-dao?nam=2024", from: world.store, as: staff)
    #expect(empty.status == .ok && empty.body.contains("chưa ghi chức vụ hay tập thể lãnh đạo nào"))
    _ = try await post(
      "/dang-vien/\(world.an)/chuc-vu",
      form: [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    let sheet = try await get("/to-chuc/KG.01.001.01/xep-loai-lanh-dao?nam=2024", from: world.store, as: staff)
    #expect(sheet.body.contains("name=\"cadre-\(world.an)\""))
    let saved = try await post(
      "/to-chuc/KG.01.001.01/xep-loai-lanh-dao", form: [("nam", "2024"), ("cadre-\(world.an)", "good")],
      to: world.store, as: staff)
    #expect(saved.status == .seeOther, "\(saved.body)")
    let grades = try await world.store.grades(of: "KG.01.001.01", year: 2024)
    #expect(grades.contains { $0.subject == .leadershipCadre(memberID: world.an) && $0.outcome == .graded(.good) })
    let report = try await world.store.evaluationReport(year: 2024, scope: "KG.01")
    #expect(report.leadershipCadres.counts.good == 1)
    let bad = try await post(
      "/to-chuc/KG.01.001.01/xep-loai-lanh-dao", form: [("nam", "2024"), ("cadre-\(world.an)", "best")],
      to: world.store, as: staff)
    #expect(bad.status == .unprocessableContent && bad.error(beside: "cadre-\(world.an)") != nil)
  }

  /// The live defect of issue 25: under 366-QĐ/TW the page sent no score, so every cadre's or unit's yearly grade
  /// was refused `evaluation.scoreMissing`. Each row now carries its score sheet, checked by the same rule.
  @Test func underRegulation366EachRowIsAScoreSheetAndABadOneIsRefusedBesideItWritingNothing() async throws {
    let world = try await LifecycleWorld.make()
    try await world.store.openEvaluationCycle(scope: "KG", year: 2025, evaluationDate: day("2025-12-15"))
    _ = try await world.store.recordPost(
      NewPost(memberID: world.an, kindCode: "secretary", unitCode: "KG.01.001.01", from: day("2020-10-01")),
      by: .commandLine(user: "thu"))
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let cellPage = "/to-chuc/KG.01.001.01/xep-loai-lanh-dao"
    let cadre = "cadre-\(world.an)"
    let opened = try await get(cellPage + "?nam=2025", from: world.store, as: staff)
    #expect(opened.status == .ok)
    #expect(opened.body.contains("name=\"\(cadre)-general\""))
    #expect(opened.body.contains("<option value=\"centrallyManagedCadre\">"))
    let audit = try await world.store.auditEntries(AuditFilter()).count
    // A grade with no sheet, and a sheet above a group's maximum: refused beside the row, nothing written.
    for (form, words) in [
      ([("nam", "2025"), (cadre, "good")], "hãy nhập điểm từng nhóm tiêu chí của Nguyễn Văn An"),
      ([("nam", "2025"), ("\(cadre)-general", "25"), ("\(cadre)-tasks", "75")], "phải từ 0 đến 70"),
    ] {
      let refused = try await post(cellPage, form: form, to: world.store, as: staff)
      #expect(refused.status == .unprocessableContent, "\(refused.body)")
      #expect(refused.error(beside: cadre)?.contains(words) == true, "\(refused.body)")
    }
    #expect(try await world.store.grades(of: "KG.01.001.01", year: 2025).isEmpty)
    #expect(try await world.store.auditEntries(AuditFilter()).count == audit)
    // Points and no grade: the total's band is the grade.
    let saved = try await post(
      cellPage,
      form: [
        ("nam", "2025"), ("\(cadre)-framework", "leaderOrManager"), ("\(cadre)-general", "25"),
        ("\(cadre)-tasks", "55"),
      ], to: world.store, as: staff)
    #expect(saved.status == .seeOther, "\(saved.body)")
    let grade = try #require(
      try await world.store.grades(of: "KG.01.001.01", year: 2025).first {
        $0.subject == .leadershipCadre(memberID: world.an)
      })
    #expect(grade.outcome == .graded(.good) && grade.score == 80)
    #expect(grade.sheet?.framework == .leaderOrManager && grade.sheet?.criteria == ["general": 25, "tasks": 55])
    #expect(try await world.store.auditEntries(AuditFilter(action: "grade.set")).count == 1)
    // A unit below, graded excellent by the committee above it with the conditions met.
    let cell = "unit-\(world.units["KG.01.001.01"]!)"
    let unit = try await post(
      "/to-chuc/KG.01.001/xep-loai-lanh-dao",
      form: [
        ("nam", "2025"), (cell, "excellent"), ("\(cell)-general", "29"), ("\(cell)-tasks", "65"),
        ("\(cell)-onTime", "on"), ("\(cell)-beyond", "40"),
      ], to: world.store, as: staff)
    #expect(unit.status == .seeOther, "\(unit.body)")
    let unitGrade = try #require(
      try await world.store.grades(of: "KG.01.001", year: 2025).first {
        $0.subject == .organisation(code: "KG.01.001.01")
      })
    #expect(unitGrade.outcome == .graded(.excellent) && unitGrade.score == 94)
    #expect(unitGrade.sheet?.framework == .collective)
    let shown = try await get("/to-chuc/KG.01.001/xep-loai-lanh-dao?nam=2025", from: world.store, as: staff)
    #expect(shown.body.contains("chung 29 + nhiệm vụ 65 = 94 điểm"))
  }

  @Test func everyFormOpensWithItsFieldsAndTheEndOfAPostIsRefusedBesideItsField() async throws {
    let world = try await LifecycleWorld.make()
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let held = try await world.store.recordPost(
      NewPost(memberID: world.an, kindCode: "secretary", unitCode: "KG.01.001.01", from: day("2020-10-01")),
      by: .commandLine(user: "thu"))
    let collective = try await world.store.recordCollective(
      NewCollective(unitCode: "KG.01.001", name: "Ban Chấp hành", kindCode: "committee", formed: day("2020-10-01")),
      by: .commandLine(user: "thu"))
    let forms: [(String, [String])] = [
      ("/dang-vien/\(world.an)/chuc-vu", ["kind", "unit", "from", "until", "note"]),
      ("/dang-vien/\(world.an)/chuc-vu/\(held.post.id)/thoi-giu", ["until"]),
      ("/to-chuc/KG.01.001/chuc-vu", ["member", "kind", "from", "until", "note"]),
      ("/to-chuc/KG.01.001/tap-the", ["name", "kind", "from", "until"]),
      ("/to-chuc/KG.01.001/tap-the/\(collective.collective.id)/thanh-vien", ["member", "from", "until"]),
    ]
    for (uri, fields) in forms {
      let page = try await get(uri, from: world.store, as: staff)
      #expect(page.status == .ok, "\(uri)")
      #expect(page.body.contains("action=\"\(uri)\""), "\(uri) posts to itself")
      for field in fields { #expect(page.body.contains("name=\"\(field)\""), "\(uri) has \(field)") }
    }
    let audit = try await world.store.auditEntries(AuditFilter()).count
    let refused = try await post(
      "/dang-vien/\(world.an)/chuc-vu/\(held.post.id)/thoi-giu", form: [("until", "01/01/2019")], to: world.store,
      as: staff)
    #expect(refused.status == .unprocessableContent)
    #expect(refused.error(beside: "until")?.contains("phải sau ngày bắt đầu") == true)
    #expect(refused.body.contains("name=\"until\" value=\"01/01/2019\""))
    let empty = try await post(
      "/dang-vien/\(world.an)/chuc-vu/\(held.post.id)/thoi-giu", form: [("until", "")], to: world.store, as: staff)
    #expect(empty.error(beside: "until") != nil)
    #expect(try await world.store.post(id: held.post.id)?.post.until == nil)
    #expect(try await world.store.auditEntries(AuditFilter()).count == audit)
    // Another member's post under this member's address is not found.
    #expect(
      try await get("/dang-vien/\(world.bich)/chuc-vu/\(held.post.id)/thoi-giu", from: world.store, as: staff).status
        == .notFound)
  }

  @Test func aPostTypedAsAFreeTitleBeforeKindsIsShownAndCanBeEnded() async throws {
    let world = try await LifecycleWorld.make()
    var member = SmallProvince.member("Võ Thị Lan", card: "4001")
    member.posts = [LeadingPost(title: "Bí thư chi bộ", organisationCode: "KG.01.001.01", from: day("2018-06-01"))]
    let lan = try await world.store.addMembers([
      NewMember(member: member, events: [SmallProvince.admitted(world.units["KG.01.001.01"]!, on: "2015-01-10")])
    ])[0].id
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let page = try await get("/dang-vien/\(lan)", from: world.store, as: staff)
    #expect(page.body.contains("<td>Bí thư chi bộ</td>"))
    let legacy = try #require(try await world.store.posts(ofMember: lan).first)
    #expect(legacy.post.kindCode.isEmpty)
    // Her title names the cell's secretary: An cannot be a second one while she is.
    let second = try await post(
      "/dang-vien/\(world.an)/chuc-vu",
      form: [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(second.error(beside: "from")?.contains("Võ Thị Lan đang giữ chức vụ Bí thư") == true, "\(second.body)")
    let ended = try await post(
      "/dang-vien/\(lan)/chuc-vu/\(legacy.post.id)/thoi-giu", form: [("until", "01/10/2020")], to: world.store,
      as: staff)
    #expect(ended.status == .seeOther, "\(ended.body)")
    #expect(try await world.store.post(id: legacy.post.id)?.post.until == day("2020-10-01"))
    let next = try await post(
      "/dang-vien/\(world.an)/chuc-vu",
      form: [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020")],
      to: world.store, as: staff)
    #expect(next.status == .seeOther, "\(next.body)")
    // Her identity edited: the post stays as it was, with its id.
    var edited = try #require(try await world.store.member(id: lan))
    edited.occupation = "Giáo viên"
    try await world.store.updateMember(edited)
    #expect(try await world.store.posts(ofMember: lan).map(\.post.id) == [legacy.post.id])
  }

  @Test func rolesWithoutThePermissionAreRefusedAndOutsideTheSubtreeIsNotFound() async throws {
    let world = try await LifecycleWorld.make()
    for role in [Role.secretary, .leader, .inspectionStaff] {
      let session = try await signIn(world.store, role: role, scope: "KG")
      #expect(try await get("/dang-vien/\(world.an)/chuc-vu", from: world.store, as: session).status == .forbidden)
      let page = try await get("/dang-vien/\(world.an)", from: world.store, as: session)
      #expect(!page.body.contains("/chuc-vu\""), "\(role) is offered no link")
    }
    let other = try await signIn(world.store, role: .organisationStaff, scope: "KG.03")
    #expect(try await get("/dang-vien/\(world.an)/chuc-vu", from: world.store, as: other).status == .notFound)
    #expect(try await get("/to-chuc/KG.01.001/tap-the", from: world.store, as: other).status == .notFound)
    let refused = try await post(
      "/dang-vien/\(world.an)/chuc-vu",
      form: [("kind", "secretary"), ("unit", "KG.01.001.01"), ("from", "01/10/2020")],
      to: world.store, as: other)
    #expect(refused.status == .notFound)
    #expect(try await world.store.posts(ofMember: world.an).isEmpty)
  }
}
