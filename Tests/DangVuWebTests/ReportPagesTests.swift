import DangVuCore
import DangVuDemo
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// A small province graded in 2022 and 2023, with this year's admission plan, oversight cases still open,
/// a probation overdue and a transfer whose letter is late. A cell's name carries markup.
///
/// 2023 members: KG.01 graded excellent 1, good 3, complete 1, not complete 1 (4/6 good or above, under
/// 90%); KG.02 good 3, excellent 1 (4/4). Organisations: 3 of 4 good or above.
enum GradedProvince {
  static let markupCell = "Chi bộ <script>alert(1)</script> & \"Hòa\""

  static func store() async throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory()
    let units =
      SmallProvince.units + [
        NewOrganisation(
          code: "KG.02.002", name: markupCell, kind: .grassrootsCell, parentCode: "KG.02", founded: day("2000-01-01"))
      ]
    let ids = Dictionary(uniqueKeysWithValues: try await store.addOrganisations(units).map { ($0.code, $0.id) })
    func official(_ name: String, _ card: Int, _ cell: String, _ admitted: String) -> NewMember {
      NewMember(
        member: SmallProvince.member(name, card: String(card)),
        events: [
          SmallProvince.admitted(ids[cell]!, on: admitted),
          MembershipEvent(memberID: 0, kind: .madeOfficial, date: day(admitted).adding(months: 12)),
        ])
    }
    let thisYear = Day.today.year
    var batch: [NewMember] = []
    for i in 0..<4 { batch.append(official("Phước Hòa \(i)", 100 + i, "KG.01.001.01", "2010-03-01")) }
    for i in 0..<2 { batch.append(official("Hòa An \(i)", 200 + i, "KG.01.001.02", "2012-03-01")) }
    for i in 0..<4 { batch.append(official("Tân Hiệp \(i)", 300 + i, "KG.02.001", "2011-03-01")) }
    // Probationary since January 2024 with no decision: overdue.
    batch.append(
      NewMember(
        member: SmallProvince.member("Dự Bị Quá Hạn", card: "400"),
        events: [SmallProvince.admitted(ids["KG.02.001"]!, on: "2024-01-10")]))
    // Sent to another cell in January 2025 and never received: the letter is late.
    var moving = official("Đang Chuyển", 500, "KG.01.001.01", "2009-03-01")
    moving.events.append(
      MembershipEvent(memberID: 0, kind: .transferSent, date: day("2025-01-06"), cellID: ids["KG.02.001"]!))
    batch.append(moving)
    // Admitted this year, against a plan of 4.
    batch.append(
      NewMember(
        member: SmallProvince.member("Mới Kết Nạp", card: "600"),
        events: [SmallProvince.admitted(ids["KG.01.001.02"]!, on: "\(thisYear)-01-01")]))
    let m = try await store.addMembers(batch).map(\.id)
    try await store.setAdmissionPlans([AdmissionPlanEntry(organisationCode: "KG", year: thisYear, planned: 4)])
    // The province holds itself to Resolution 21-NQ/TW's 90 % (a record, as a committee would enter it).
    for target in try DemoTargets.of(provinceCode: "KG") {
      _ = try await store.addReportTarget(target, by: AuditActor(login: "tochuc", role: "organisationStaff"))
    }

    try await store.openEvaluationCycle(scope: "KG", year: 2022, evaluationDate: day("2022-12-15"))
    try await store.openEvaluationCycle(scope: "KG", year: 2023, evaluationDate: day("2023-12-15"))
    try await store.recordGrades(
      (0..<10).map { GradeEntry(subject: .member(m[$0]), outcome: .graded(.good)) }, year: 2022)
    let grades2023: [Grade] = [
      .excellent, .good, .good, .complete, .good, .notComplete, .good, .good, .good, .excellent,
    ]
    try await store.recordGrades(
      grades2023.enumerated().map { GradeEntry(subject: .member(m[$0.offset]), outcome: .graded($0.element)) }
        + [
          GradeEntry(subject: .organisation(code: "KG.01.001.01"), outcome: .graded(.good)),
          GradeEntry(subject: .organisation(code: "KG.01.001.02"), outcome: .graded(.complete)),
          GradeEntry(subject: .organisation(code: "KG.01.001"), outcome: .graded(.good)),
          GradeEntry(subject: .organisation(code: "KG.02.001"), outcome: .graded(.excellent)),
        ], year: 2023)

    try await store.recordInspections([
      Inspection(
        kind: .inspection(.regular), body: ConductingBody(.inspectionCommission, of: "KG.01"),
        title: "Kiểm tra quý I", started: day("2023-02-10"), concluded: day("2023-03-20"),
        subjects: [InspectionSubject(.unit(code: "KG.01.001"))]),
      Inspection(
        kind: .supervision(.thematic), body: ConductingBody(.partyCommittee, of: "KG.02"),
        title: "Giám sát chuyên đề <i>đang làm</i>", started: day("2025-06-01"),
        subjects: [InspectionSubject(.member(m[6]))]),
    ])
    try await store.recordComplaints([
      Complaint(
        kind: .denunciation, subject: .unit(code: "KG.02.001"), received: day("2025-05-01"),
        summary: "Tố cáo <b>chưa</b> xong")
    ])
    return store
  }
}

/// Stands in for the lead's session middleware: the principal of the `X-Test-Role` and `X-Test-Scope`
/// headers, none without them.
struct TestPrincipalMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext

  func handle(
    _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
  )
    async throws -> Response
  {
    var context = context
    if let role = request.headers[.init("X-Test-Role")!].flatMap(Role.init(rawValue:)) {
      context.principal = Principal(
        accountID: 1, login: "test", displayName: "Người thử", role: role,
        scopeCode: request.headers[.init("X-Test-Scope")!] ?? "KG")
    }
    return try await next(request, context)
  }
}

struct ReportReply: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: String
}

/// Runs requests against the report and dashboard routes over `store`, as `role` scoped to `scope`
/// (no principal at all with a nil role).
func reports(
  _ uris: [String], store: SQLiteStore, role: Role? = .leader, scope: String = "KG"
) async throws -> [ReportReply] {
  let router = Router(context: AppRequestContext.self)
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: TestPrincipalMiddleware())
  ReportsController(store: store).addRoutes(to: router)
  DashboardController(store: store).addRoutes(to: router)
  let app = Application(router: router)
  return try await app.test(.router) { client in
    var replies: [ReportReply] = []
    for uri in uris {
      var headers: HTTPFields = [:]
      if let role {
        headers[.init("X-Test-Role")!] = role.rawValue
        headers[.init("X-Test-Scope")!] = scope
      }
      replies.append(
        try await client.execute(uri: uri, method: .get, headers: headers) { response in
          ReportReply(status: response.status, headers: response.headers, body: String(buffer: response.body))
        })
    }
    return replies
  }
}

func report(_ uri: String, store: SQLiteStore, role: Role? = .leader, scope: String = "KG") async throws -> ReportReply
{
  try await reports([uri], store: store, role: role, scope: scope)[0]
}

@Suite struct ReportPagesTests {
  @Test func theEvaluationPageShowsTheFiguresTheChartsAndTheNarrative() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2023", store: store)
    #expect(page.status == .ok)
    let body = page.body
    #expect(body.contains("<h1>Báo cáo đánh giá, xếp loại chất lượng năm 2023</h1>"))
    // Members: 10 evaluated, 8 good or above (80,00%); excellent 2 of 8 (25,00%).
    #expect(body.contains("<th scope=\"row\">Đảng viên</th><td class=\"num\">10</td><td class=\"num\">10</td>"))
    #expect(body.contains("<td class=\"num\">8 (80,00%)</td><td class=\"num\">2 (25,00%)</td>"))
    // Compared with 2022 (10 good): good or above down 2, not complete up 1.
    #expect(body.contains("<h2>So với năm 2022</h2>"))
    #expect(body.contains("giảm 2"))
    #expect(body.contains("tăng 1"))
    // The district under target, linked to its own report.
    #expect(body.contains("href=\"/bao-cao/danh-gia?nam=2023&amp;to-chuc=KG.01\">Đảng bộ huyện Châu Thành</a>"))
    #expect(body.contains("<td class=\"num below\">66,67%</td>"))
    // Charts: the target bar, the distribution and the trend over 2022–2023.
    #expect(body.contains("<svg class=\"chart wide\" role=\"img\""))
    #expect(body.contains("Đảng viên: 8/10, chiếm 80,00%, chưa đạt"))
    #expect(body.contains("Tỷ lệ hoàn thành tốt nhiệm vụ trở lên qua các năm"))
    #expect(body.contains("Năm 2022: đảng viên 100,00%"))
    // The narrative, as the command line drafts it, ready to copy.
    let narrative = EvaluationNarrative.text(try await store.evaluationReport(year: 2023, scope: "KG"))
    #expect(body.contains(HTML.escape(narrative)))
    #expect(body.contains("<textarea class=\"narrative\" readonly"))
    #expect(body.contains("href=\"/bao-cao/danh-gia?nam=2023&amp;to-chuc=KG&amp;dinh-dang=csv\""))
    #expect(!body.contains("<script>"))
  }

  @Test func theEvaluationPageDefaultsToTheLatestCycleAndTheScopeRoot() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("năm 2023"))
    #expect(page.body.contains("<option value=\"KG\" selected>"))
    // The select lists the units two levels down, the markup of a name as text.
    #expect(
      page.body.contains("<option value=\"KG.01.001\">\u{00A0}\u{00A0}\u{00A0}\u{00A0}Đảng bộ xã Bình An</option>"))
    #expect(!page.body.contains("KG.01.001.01\">"), "three levels down is left to the code box")
    #expect(page.body.contains("Chi bộ &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Hòa&quot;"))
  }

  @Test func aSubtreeReportCoversOnlyThatSubtree() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2023&to-chuc=KG.02", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("Đảng bộ huyện Tân Hiệp · mã KG.02"))
    #expect(page.body.contains("<td class=\"num\">4 (100,00%)</td>"))
    // The code box wins over the select.
    let typed = try await report("/bao-cao/danh-gia?nam=2023&to-chuc=KG&ma=KG.02", store: store)
    #expect(typed.body.contains("Đảng bộ huyện Tân Hiệp · mã KG.02"))
  }

  @Test func aYearWithoutACycleSaysSoWithThePickers() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2019", store: store)
    #expect(page.status == .notFound)
    #expect(page.body.contains("Chưa mở đợt đánh giá, xếp loại năm 2019"))
    #expect(page.body.contains("name=\"nam\""))
  }

  @Test func downloadsHaveTheirTypesNamesAndTheCommandLinesContent() async throws {
    let store = try await GradedProvince.store()
    let r = try await store.evaluationReport(year: 2023, scope: "KG.01")
    let base = "/bao-cao/danh-gia?nam=2023&to-chuc=KG.01&dinh-dang="
    let replies = try await reports([base + "csv", base + "json", base + "txt"], store: store)
    #expect(replies.map(\.status) == [.ok, .ok, .ok])
    #expect(replies[0].headers[.contentType] == "text/csv; charset=utf-8")
    #expect(replies[0].headers[.contentDisposition] == "attachment; filename=\"bao-cao-danh-gia-2023-KG.01.csv\"")
    #expect(replies[0].body == (try CSVText.render(EvaluationReportCSV.rows(r), dialect: .excel)))
    #expect(replies[0].body.unicodeScalars.first == "\u{FEFF}", "Excel on Windows reads it as UTF-8")
    #expect(replies[1].headers[.contentType] == "application/json; charset=utf-8")
    #expect(replies[1].headers[.contentDisposition] == "attachment; filename=\"bao-cao-danh-gia-2023-KG.01.json\"")
    #expect(replies[1].body == (try ReportJSON.text(r)))
    #expect(replies[1].body.contains("\"scopeCode\" : \"KG.01\""))
    #expect(replies[2].headers[.contentType] == "text/plain; charset=utf-8")
    #expect(replies[2].body == EvaluationNarrative.text(r))

    let membership = try await report("/bao-cao/dang-vien?ky=2022-9M&to-chuc=KG&dinh-dang=csv", store: store)
    #expect(membership.headers[.contentDisposition] == "attachment; filename=\"bao-cao-dang-vien-2022-9M-KG.csv\"")
    #expect(membership.body.hasPrefix("\u{FEFF}tu_ngay,den_ngay,pham_vi,chi_tieu"))
    let oversight = try await report("/bao-cao/kiem-tra?tu=2023-01-01&den=2023-03-31&dinh-dang=txt", store: store)
    #expect(
      oversight.headers[.contentDisposition] == "attachment; filename=\"bao-cao-kiem-tra-2023-01-01_2023-03-31-KG.txt\""
    )
  }

  @Test func aCSVDownloadCanLeaveOutTheMarkAndUseSemicolons() async throws {
    let store = try await GradedProvince.store()
    let base = "/bao-cao/dang-vien?ky=2022-9M&to-chuc=KG&dinh-dang=csv"
    let plain = try await report(base + "&bom=0", store: store)
    #expect(plain.body.hasPrefix("tu_ngay,den_ngay,pham_vi,chi_tieu"))
    let semicolons = try await report(base + "&phan-cach=%3B", store: store)
    #expect(semicolons.body.hasPrefix("\u{FEFF}tu_ngay;den_ngay;pham_vi;chi_tieu"))
    let page = try await report("/bao-cao/dang-vien?ky=2022-9M&to-chuc=KG", store: store)
    #expect(page.body.contains("dinh-dang=csv&amp;phan-cach=%3B\" download>Bảng số liệu (CSV, dấu chấm phẩy)"))
    for bad in ["&bom=yes", "&phan-cach=%7C"] {
      let refused = try await report(base + bad, store: store)
      #expect(refused.status == .badRequest)
      #expect(refused.body.contains("không hợp lệ"))
    }
  }

  @Test func theMembershipPageShowsThePeriodAgainstTheYearBefore() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/dang-vien?ky=2024&to-chuc=KG.02", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Báo cáo công tác đảng viên năm 2024</h1>"))
    // One admission in 2024 (the overdue probation), none in 2023.
    #expect(
      page.body.contains(
        "<tr><th scope=\"row\">Kết nạp đảng viên</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">tăng 1</td>"
      ))
    #expect(page.body.contains("<option value=\"2024\" selected>năm 2024</option>"))
    #expect(page.body.contains("Kết nạp: 1, cùng kỳ 0 (tăng 1)"))
    let r = try await store.membershipReport(scope: "KG.02", period: .year(2024))
    #expect(page.body.contains(HTML.escape(MembershipNarrative.text(r))))
    // Plain dates come back in the date form.
    let dates = try await report("/bao-cao/dang-vien?tu=2024-01-01&den=2024-06-30", store: store)
    #expect(dates.status == .ok)
    #expect(dates.body.contains("name=\"tu\" value=\"2024-01-01\""))
    #expect(dates.body.contains("từ ngày 01/01/2024 đến ngày 30/06/2024"))
  }

  /// Issue 25: with no period picked, a report page opens on the latest year that has records (the oversight
  /// records stop in June 2025; the register has an admission this year), and the reports' links ask for none.
  @Test func aReportPageOpensOnTheLatestYearWithRecords() async throws {
    let store = try await GradedProvince.store()
    let oversight = try await report("/bao-cao/kiem-tra?to-chuc=KG", store: store)
    #expect(oversight.status == .ok)
    #expect(oversight.body.contains("<option value=\"2025\" selected>năm 2025</option>"))
    let thisYear = Day.today.year
    let membership = try await report("/bao-cao/dang-vien", store: store)
    #expect(membership.status == .ok)
    #expect(membership.body.contains("<option value=\"\(thisYear)\" selected>năm \(thisYear)</option>"))
    #expect(membership.body.contains("<a href=\"/bao-cao/kiem-tra?to-chuc=KG\">Kiểm tra, giám sát, kỷ luật</a>"))
  }

  @Test func theOversightPageNamesEveryFigure() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/kiem-tra?ky=2024&to-chuc=KG", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("năm 2024"))
    // 2023 has the province's first records: the one inspection of 2023 against none in 2024.
    #expect(
      page.body.contains(
        "<tr><th scope=\"row\">Kiểm tra: tổ chức đảng (lượt)</th><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">giảm 1</td>"
      ))
    #expect(page.body.contains("Kiểm tra thường xuyên: tổ chức đảng"))
    #expect(page.body.contains("Ủy ban kiểm tra: tổ chức đảng (lượt)"))
    #expect(page.body.contains("<h2>So với năm 2023</h2>"))
    #expect(page.body.contains("Kiểm tra tổ chức đảng (lượt): 0, cùng kỳ 1 (giảm 1)"))
    let r = try await store.oversightReport(period: .year(2024), scope: "KG")
    #expect(page.body.contains(HTML.escape(OversightNarrative.text(r))))
  }

  /// Issue 25: a yearly report compares with "năm trước", and says it once; members evaluated were 10 in
  /// both years.
  @Test func theEvaluationPageSaysTheYearBeforeOnce() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2023", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("<td class=\"num\">bằng năm trước</td>"))
    #expect(page.body.contains("10/10 đảng viên (chiếm 100,00%) được đánh giá, xếp loại (bằng năm trước)"))
    #expect(!page.body.contains("cùng kỳ"))
  }

  /// Issue 25: education levels were listed as the strings sort ("12/12" before "5/12").
  @Test func theMembershipPageListsEducationFromLowestToHighest() async throws {
    let store = try await GradedProvince.store()
    let cell = try #require(try await store.organisation(code: "KG.02.001"))
    let levels = ["Thạc sĩ", "12/12", "5/12", "Cao đẳng", "9/12", "Đại học", "Trung cấp", "Tiến sĩ"]
    try await store.addMembers(
      levels.enumerated().map { index, level in
        var member = SmallProvince.member("Học Vấn \(index)", card: String(700 + index))
        member.education = level
        return NewMember(member: member, events: [SmallProvince.admitted(cell.id, on: "2015-05-01")])
      })
    let page = try await report("/bao-cao/dang-vien?ky=2024&to-chuc=KG.02", store: store)
    #expect(page.status == .ok)
    let shown = page.body.components(separatedBy: "<th scope=\"row\">Trình độ: ").dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
    #expect(shown == ["5/12", "9/12", "12/12", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ", "chưa ghi"])
  }

  /// Issue 25: the records start in February 2023, so the first quarter of 2022 is not "none" but unknown.
  @Test func theOversightPageComparesWithNothingBeforeTheRecordsStart() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/kiem-tra?ky=2023-Q1&to-chuc=KG", store: store)
    #expect(page.status == .ok)
    #expect(
      page.body.contains(
        "<tr><th scope=\"row\">Kiểm tra: tổ chức đảng (lượt)</th><td class=\"num\">1</td><td class=\"num\">–</td><td class=\"num\">–</td>"
      ))
    #expect(
      page.body.contains(
        "<p class=\"notice\" id=\"khong-so-sanh\">Không so sánh với cùng kỳ: cơ sở dữ liệu chưa có số liệu quý I năm 2022.</p>"
      ))
    #expect(!page.body.contains("<h2>So với"))
    #expect(!page.body.contains("tăng 1"))
    let r = try await store.oversightReport(period: .quarter(1, of: 2023), scope: "KG")
    let narrative = OversightNarrative.text(r)
    #expect(page.body.contains(HTML.escape(narrative)))
    #expect(!narrative.contains("so với cùng kỳ") && !narrative.contains("bằng cùng kỳ"))
  }

  /// Issue 25: January 2023 to June 2025 overlaps January 2022 to June 2024; nothing is compared.
  @Test func aRangeLongerThanAYearIsNotComparedWithTheOneItOverlaps() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/kiem-tra?tu=2023-01-01&den=2025-06-30&to-chuc=KG", store: store)
    #expect(page.status == .ok)
    #expect(
      page.body.contains(
        "<p class=\"notice\" id=\"khong-so-sanh\">Không so sánh với cùng kỳ: khoảng thời gian dài hơn một năm trùng với cùng kỳ năm trước.</p>"
      ))
    #expect(!page.body.contains("<h2>So với"))
    let members = try await report("/bao-cao/dang-vien?tu=2023-01-01&den=2025-06-30&to-chuc=KG", store: store)
    #expect(members.body.contains("trùng với cùng kỳ năm trước.</p>"))
    #expect(
      members.body.contains(
        "<tr><th scope=\"row\">Kết nạp đảng viên</th><td class=\"num\">1</td><td class=\"num\">–</td><td class=\"num\">–</td>"
      ))
  }

  @Test func theJSONAPIAnswersWhatTheCommandLinePrints() async throws {
    let store = try await GradedProvince.store()
    let replies = try await reports(
      [
        "/api/reports/evaluation?year=2023&org=KG.01", "/api/reports/membership?period=2022-9M&org=KG",
        "/api/reports/membership?from=2024-01-01&to=2024-06-30", "/api/reports/oversight?period=2023-Q1",
      ], store: store)
    #expect(replies.map(\.status) == [.ok, .ok, .ok, .ok])
    #expect(replies.allSatisfy { $0.headers[.contentType] == "application/json; charset=utf-8" })
    #expect(replies[0].body == (try ReportJSON.text(try await store.evaluationReport(year: 2023, scope: "KG.01"))))
    #expect(
      replies[1].body == (try ReportJSON.text(try await store.membershipReport(scope: "KG", period: .nineMonths(2022))))
    )
    #expect(replies[2].body.contains("\"kind\" : \"range\""))
    #expect(
      replies[3].body
        == (try ReportJSON.text(try await store.oversightReport(period: .quarter(1, of: 2023), scope: "KG"))))
  }

  @Test func badParametersAreRefusedWithAnExample() async throws {
    let store = try await GradedProvince.store()
    let replies = try await reports(
      [
        "/bao-cao/danh-gia?nam=abc", "/bao-cao/dang-vien?ky=2023-Q9", "/bao-cao/kiem-tra?ky=h%C3%B4m-qua",
        "/bao-cao/dang-vien?tu=2023-01-01", "/bao-cao/danh-gia?nam=2023&dinh-dang=pdf",
        "/api/reports/oversight?period=2023-Q9", "/api/reports/evaluation?year=20x3",
        "/bao-cao/dang-vien?tu=2023-06-30&den=2023-01-01",
      ], store: store)
    #expect(replies.map(\.status) == Array(repeating: .badRequest, count: 8))
    #expect(replies[0].body.contains("Năm “abc” không hợp lệ: hãy ghi năm bằng bốn chữ số, ví dụ nam=2023."))
    #expect(replies[1].body.contains("Quý phải từ 1 đến 4, không phải 9. Ví dụ: ky=2023-Q1"))
    #expect(replies[2].body.contains("Không đọc được kỳ báo cáo"))
    #expect(replies[3].body.contains("ví dụ tu=2023-01-01&amp;den=2023-06-30"))
    #expect(replies[4].body.contains("dinh-dang=csv"))
    #expect(replies[5].body.contains("\"code\":\"period.quarter\""))
    #expect(replies[5].body.contains("Ví dụ: period=2023-Q1"))
    #expect(replies[6].body.contains("\"code\":\"report.year\""))
    #expect(replies[7].body.contains("sau ngày kết thúc"))
  }

  @Test func accessIsRefusedOutsideTheRoleOrTheSubtree() async throws {
    let store = try await GradedProvince.store()
    let routes = [
      "/bao-cao/danh-gia?nam=2023", "/bao-cao/dang-vien?ky=2023", "/bao-cao/kiem-tra?ky=2023", "/tong-quan",
    ]
    let apis = [
      "/api/reports/evaluation?year=2023", "/api/reports/membership?period=2023", "/api/reports/oversight?period=2023",
      "/api/dashboard",
    ]
    // A member reads their own record, not reports.
    for reply in try await reports(routes + apis, store: store, role: .member) {
      #expect(reply.status == .forbidden)
    }
    // No principal: pages send to sign-in, the API answers 401.
    let anonymous = try await reports(routes + apis, store: store, role: nil)
    for reply in anonymous.prefix(4) {
      #expect(reply.status == .found)
      #expect(reply.headers[.location]?.hasPrefix("/dang-nhap?tiep=") == true)
    }
    for reply in anonymous.suffix(4) {
      #expect(reply.status == .unauthorized)
      #expect(reply.body.contains("auth.signInRequired"))
    }
    // A secretary of KG.02: KG.01 and the province look exactly like a missing unit.
    let outside = ["to-chuc=KG.01", "to-chuc=KG", "ma=KG.01.001", "to-chuc=KG.99"]
    for query in outside {
      for path in ["/bao-cao/danh-gia?nam=2023&", "/bao-cao/dang-vien?", "/bao-cao/kiem-tra?", "/tong-quan?"] {
        let reply = try await report(path + query, store: store, role: .secretary, scope: "KG.02")
        #expect(reply.status == .notFound, "\(path)\(query)")
        #expect(!reply.body.contains("Châu Thành"))
      }
      for path in ["/api/reports/evaluation?year=2023&", "/api/reports/membership?", "/api/dashboard?"]
      where !query.hasPrefix("ma=") {  // the API has no code box
        let reply = try await report(
          path + query.replacingOccurrences(of: "to-chuc", with: "org"), store: store, role: .secretary, scope: "KG.02")
        #expect(reply.status == .notFound, "\(path)\(query)")
        #expect(reply.body.contains("\"code\":\"organisation.notFound\""))
      }
    }
    // Inside, the same secretary sees their own subtree, by default and by name.
    let own = try await reports(
      ["/bao-cao/danh-gia?nam=2023", "/api/reports/evaluation?year=2023&org=KG.02.001"], store: store, role: .secretary,
      scope: "KG.02")
    #expect(own.map(\.status) == [.ok, .ok])
    #expect(own[0].body.contains("Đảng bộ huyện Tân Hiệp · mã KG.02"))
    #expect(!own[0].body.contains("<option value=\"KG\""))
  }
}

@Suite struct ReportPickerTests {
  @Test func theTrendLooksBackFourYearsThatHadACycle() async throws {
    let store = try await GradedProvince.store()
    for year in 2016...2021 {
      try await store.openEvaluationCycle(scope: "KG", year: year, evaluationDate: day("\(year)-12-15"))
    }
    let access = Access(
      principal: Principal(accountID: 1, login: "t", displayName: "t", role: .leader, scopeCode: "KG"), store: store,
      today: day("2026-11-23"))
    let model = try await EvaluationPageModel.load(
      store: store, access: access, scopeCode: "KG", year: 2023, today: day("2026-11-23"))
    #expect(model.trend.map(\.year) == [2019, 2020, 2021, 2022, 2023])
    let page = EvaluationPageView.render(model).markup
    #expect(page.contains("Năm 2019: đảng viên chưa có kết quả, tổ chức đảng chưa có kết quả"))
  }

  @Test func aLargeScopeOffersOneLevelAndTheCodeBox() async throws {
    let store = try SQLiteStore.inMemory()
    var units = [SmallProvince.units[0], SmallProvince.units[1], SmallProvince.units[2]]
    for district in ["KG.01", "KG.02"] {
      for i in 0..<160 {
        units.append(
          NewOrganisation(
            code: "\(district).\(1000 + i)", name: "Chi bộ \(i)", kind: .grassrootsCell, parentCode: district,
            founded: day("2000-01-01")))
      }
    }
    try await store.addOrganisations(units)
    let access = Access(
      principal: Principal(accountID: 1, login: "t", displayName: "t", role: .leader, scopeCode: "KG"), store: store,
      today: day("2026-11-23"))
    let wide = try await ReportScopePicker.load(
      access: access, store: store, selected: "KG.01.1005", selectedName: "Chi bộ 5", on: day("2024-01-01"))
    #expect(wide.options.map(\.code) == ["KG.01", "KG.02"])
    // The unit looked at is still shown, selected, though deeper than the list.
    #expect(wide.fields.markup.contains("<option value=\"KG.01.1005\" selected>Chi bộ 5 (KG.01.1005)</option>"))
    #expect(wide.fields.markup.contains("name=\"ma\""))
    let narrow = try await ReportScopePicker.load(
      access: access, store: store, selected: "KG.01", selectedName: "", on: day("2024-01-01"))
    #expect(narrow.options.count == 2)
    let district = Access(
      principal: Principal(accountID: 1, login: "t", displayName: "t", role: .leader, scopeCode: "KG.01"), store: store,
      today: day("2026-11-23"))
    let own = try await ReportScopePicker.load(
      access: district, store: store, selected: "KG.01", selectedName: "", on: day("2024-01-01"))
    #expect(own.options.count == 160)
  }

  @Test func periodsRoundTripThroughTheirLinks() throws {
    for text in ["2023-Q1", "2023-Q4", "2023-H1", "2022-9M", "2023", "2020-2025"] {
      let period = try ReportPeriod(parsing: text)
      #expect(ReportParameters.periodText(period) == text)
      #expect(Links.periodQuery(period) == "ky=\(text)")
    }
    let range = try ReportPeriod.range(from: day("2023-01-05"), through: day("2023-02-01"))
    #expect(Links.periodQuery(range) == "tu=2023-01-05&den=2023-02-01")
    #expect(Links.dashboard(scope: nil) == "/tong-quan")
    #expect(Links.dashboard(scope: "KG.01") == "/tong-quan?to-chuc=KG.01")
    #expect(Links.evaluationReport(year: nil, scope: nil) == "/bao-cao/danh-gia")
    #expect(ReportDownload.safeFileName("bao-cao-KG.01\"\r\nx") == "bao-cao-KG.01__x", "\\r\\n is one character")
  }
}

/// Issue 25, parts 1 and 2: every kind by conducting body on the oversight page and in its JSON, and the
/// mid-term review (a term up to a day) and the term summary through the page's and the API's parameters.
@Suite struct OversightByBodyPageTests {
  /// GradedProvince: the commission of KG.01 inspected KG.01.001 in February 2023; the committee of KG.02
  /// supervised one member on a theme in June 2025; a denunciation against KG.02.001 arrived in May 2025.
  @Test func theMidTermReviewPageGivesEveryKindByBodyFromTheTermsStart() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/kiem-tra?ky=2025-2030&den=2025-06-30&to-chuc=KG", store: store)
    #expect(page.status == .ok)
    let body = page.body
    #expect(
      body.contains(
        "<h1>Báo cáo công tác kiểm tra, giám sát và thi hành kỷ luật đảng từ đầu nhiệm kỳ 2025–2030 đến ngày 30/06/2025</h1>"
      ))
    #expect(body.contains("<h2 id=\"theo-chu-the\">Theo loại và chủ thể tiến hành</h2>"))
    // Committees: no unit, one member (once); commissions: nothing. The kinds nobody ran are left out.
    #expect(
      body.contains(
        "<tr><th scope=\"row\">Giám sát chuyên đề</th><td class=\"num\">0</td><td class=\"num\">0</td>"
          + "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"
          + "<td class=\"num\">0</td><td class=\"num\">0</td></tr>"))
    #expect(!body.contains("<tr><th scope=\"row\">Kiểm tra thường xuyên</th><td class=\"num\">"))
    #expect(body.contains("Cấp ủy, tổ chức đảng – giám sát chuyên đề: đảng viên (lượt)"))
    // The mid-term form keeps the term and the day.
    #expect(body.contains("<option value=\"2025-2030\" selected>nhiệm kỳ 2025–2030</option>"))
    #expect(body.contains("name=\"den\" value=\"2025-06-30\"></label>\n<button type=\"submit\">Xem sơ kết</button>"))
    #expect(
      body.contains(
        "<p class=\"notice\" id=\"khong-so-sanh\">Không so sánh với cùng kỳ nhiệm kỳ trước: cơ sở dữ liệu chưa có số liệu "
          + "từ đầu nhiệm kỳ 2020–2025 đến ngày 30/06/2020.</p>"))
    let r = try await store.oversightReport(
      period: .midTerm(from: 2025, to: 2030, until: day("2025-06-30")), scope: "KG")
    let narrative = OversightNarrative.text(r)
    #expect(body.contains(HTML.escape(narrative)))
    #expect(narrative.hasPrefix("Từ đầu nhiệm kỳ đến nay, các cấp ủy"))
    #expect(narrative.contains("\n\nCấp ủy các cấp giám sát chuyên đề 1 lượt đảng viên.\n\n"))
    #expect(narrative.contains("\n\nỦy ban kiểm tra các cấp không tiến hành kiểm tra, giám sát.\n\n"))
    #expect(narrative.contains(" Tiếp nhận tố cáo với 1 tổ chức đảng.\n"))
  }

  @Test func theJSONGivesTheMidTermPeriodAndEveryKindByBody() async throws {
    let store = try await GradedProvince.store()
    let reply = try await report("/api/reports/oversight?period=2025-2030&to=2025-06-30&org=KG", store: store)
    #expect(reply.status == .ok)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
    let period = try #require(json["period"] as? [String: Any])
    #expect(period["kind"] as? String == "midTerm")
    #expect(period["termEnd"] as? Int == 2030)
    #expect(json["periodName"] as? String == "từ đầu nhiệm kỳ 2025–2030 đến ngày 30/06/2025")
    let figures = try #require(json["figures"] as? [String: [String: Any]])
    #expect(figures["oversight.body.partyCommittee.kind.supervision.thematic.members"]?["current"] as? Int == 1)
    #expect(figures["oversight.body.partyCommittee.kind.supervision.thematic.membersDistinct"]?["current"] as? Int == 1)
    #expect(figures["oversight.body.inspectionCommission.kind.supervision.thematic.members"]?["current"] as? Int == 0)
    #expect(figures["complaints.denunciation.units.received"]?["current"] as? Int == 1)
    #expect(figures["complaints.denunciation.members.received"]?["current"] as? Int == 0)

    // The term 2020–2025 holds the commission's inspection of 2023, in lượt, with nothing before it to compare.
    let term = try await report("/api/reports/oversight?period=2020-2025&org=KG", store: store)
    let t = try #require(try JSONSerialization.jsonObject(with: Data(term.body.utf8)) as? [String: Any])
    let tf = try #require(t["figures"] as? [String: [String: Any]])
    #expect(tf["oversight.body.inspectionCommission.kind.inspection.regular.units"]?["current"] as? Int == 1)
    #expect((t["comparison"] as? [String: Any])?["available"] as? Bool == false)

    // A day outside the term is refused with what works.
    let outside = try await report("/api/reports/oversight?period=2020-2025&to=2026-01-01", store: store)
    #expect(outside.status == .badRequest)
    #expect(outside.body.contains("period.midTerm"))
  }

  @Test func theTermPageWritesEachBodysParagraphInLuot() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/kiem-tra?ky=2020-2025&to-chuc=KG", store: store)
    #expect(page.status == .ok)
    let r = try await store.oversightReport(period: .term(from: 2020, to: 2025), scope: "KG")
    let narrative = OversightNarrative.text(r)
    #expect(page.body.contains(HTML.escape(narrative)))
    #expect(narrative.hasPrefix("Nhiệm kỳ 2020–2025, các cấp ủy"))
    #expect(page.body.contains("<th class=\"num\">Nhiệm kỳ trước (nhiệm kỳ 2015–2020)</th>"))
    #expect(narrative.contains("\n\nCấp ủy các cấp không tiến hành kiểm tra, giám sát.\n\n"))
    #expect(narrative.contains("\n\nỦy ban kiểm tra các cấp kiểm tra 1 lượt tổ chức đảng.\n\n"))
  }
}
