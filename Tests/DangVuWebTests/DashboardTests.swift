import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuWeb

@Suite struct DashboardTests {
  @Test func theDashboardShowsTargetsUnitsBelowThemAndWhatIsOverdue() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/tong-quan", store: store)
    #expect(page.status == .ok)
    let body = page.body
    #expect(body.contains("<h1>Tổng quan: Đảng bộ tỉnh Kiên Giang</h1>"))
    // One admission this year against a plan of 4.
    #expect(body.contains("<strong>Kết nạp đảng viên năm \(Day.today.year):</strong> 1; kế hoạch năm 4, đạt 25,0%"))
    // 2023, the latest graded year: members 8/10 against 90%.
    #expect(body.contains("Đảng viên: 8/10, chiếm 80,00%, chưa đạt"))
    #expect(body.contains("Tổ chức đảng: 3/4, chiếm 75,00%, chưa đạt"))
    // Below target two levels down: Châu Thành (members 4/6, organisations 2/3) and Bình An (members 4/6,
    // its cells 1/2).
    #expect(body.contains("Đơn vị chưa đạt chỉ tiêu 90% năm 2023 (4)"))
    #expect(body.contains("href=\"/bao-cao/danh-gia?nam=2023&amp;to-chuc=KG.01.001\">Đảng bộ xã Bình An</a>"))
    #expect(body.contains("<td class=\"num\">4/6</td>"))
    // The supervision still running and the denunciation not resolved, their text escaped.
    #expect(body.contains("Vụ việc kiểm tra, giám sát chưa kết thúc (2)"))
    #expect(body.contains("Giám sát chuyên đề &lt;i&gt;đang làm&lt;/i&gt;"))
    #expect(body.contains("Tố cáo &lt;b&gt;chưa&lt;/b&gt; xong"))
    #expect(body.contains("Đảng viên dự bị quá hạn xét công nhận chính thức (1)"))
    #expect(body.contains("<td>Dự Bị Quá Hạn</td><td>KG.02.001</td><td>10/01/2024</td><td>10/01/2025</td>"))
    #expect(body.contains("quá 30 ngày chưa nộp giấy giới thiệu (1)"))
    #expect(body.contains("<td>Đang Chuyển</td><td>KG.01.001.01</td><td>KG.02.001</td><td>06/01/2025</td>"))
    #expect(!body.contains("<script>"))
  }

  /// Issue 25: a denunciation recorded without a summary showed as "tố cáo:  (Chi bộ …)". The line says
  /// whom the case is about: the member by name, or the organisation named beside it.
  @Test func anOpenCaseWithoutASummarySaysWhomItIsAbout() async throws {
    let store = try await GradedProvince.store()
    let member = try #require(try await store.member(cardNumber: "300"))
    try await store.recordComplaints([
      Complaint(kind: .denunciation, subject: .member(member.id), received: day("2025-03-01")),
      Complaint(kind: .complaint, subject: .unit(code: "KG.01.001.02"), received: day("2025-04-01"), summary: "  "),
    ])
    let page = try await report("/tong-quan", store: store)
    #expect(page.status == .ok)
    #expect(
      page.body.contains(
        "<li>01/03/2025 · tố cáo đối với đảng viên Tân Hiệp 0 <span class=\"kind\">(Chi bộ Trường THPT Tân Hiệp, KG.02.001)</span></li>"
      ))
    #expect(
      page.body.contains(
        "<li>01/04/2025 · khiếu nại đối với tổ chức đảng <span class=\"kind\">(Chi bộ ấp Hòa An, KG.01.001.02)</span></li>"
      ))
    // The one with a summary keeps it after whom it is about.
    #expect(page.body.contains("tố cáo đối với tổ chức đảng: Tố cáo &lt;b&gt;chưa&lt;/b&gt; xong"))
    #expect(!page.body.contains(":  <span"))
    #expect(!page.body.contains(": <span"))
    let json = try await report("/api/dashboard?org=KG", store: store)
    #expect(json.body.contains("\"subject\" : \"đảng viên Tân Hiệp 0\""))
  }

  @Test func aSubtreesDashboardCountsOnlyItsOwn() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/tong-quan?to-chuc=KG.02", store: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("Đảng viên: 4/4, chiếm 100,00%, đạt"))
    #expect(page.body.contains("Các đơn vị đến hai cấp dưới đều đạt chỉ tiêu 90% năm 2023."))
    #expect(page.body.contains("Vụ việc kiểm tra, giám sát chưa kết thúc (2)"))
    #expect(page.body.contains("Đảng viên dự bị quá hạn xét công nhận chính thức (1)"))
    // The transfer was sent by a cell of Châu Thành.
    #expect(page.body.contains("quá 30 ngày chưa nộp giấy giới thiệu (0)"))
  }

  @Test func theDashboardJSONCarriesTheSameFigures() async throws {
    let store = try await GradedProvince.store()
    let reply = try await report("/api/dashboard?org=KG", store: store, role: .inspectionStaff)
    #expect(reply.status == .ok)
    #expect(reply.headers[.contentType] == "application/json; charset=utf-8")
    struct Shape: Decodable {
      struct Admissions: Decodable {
        var admitted: Int
        var plan: Int?
        var shareOfPlanVi: String?
      }
      struct Share: Decodable {
        var goodOrAbove: Int
        var evaluated: Int
        var meetsTarget: Bool?
      }
      struct Evaluation: Decodable {
        var year: Int
        var targetPercent: Int
        var members: Share
      }
      struct Below: Decodable {
        var code: String
        var subject: String
        var depth: Int
        var shareVi: String
      }
      struct Pending: Decodable {
        var supervisions: Int
        var denunciations: Int
      }
      var scopeCode: String
      var admissions: Admissions
      var evaluation: Evaluation
      var unitsBelowTarget: [Below]
      var pendingOversight: Pending
      var overdueProbationCount: Int
      var overdueTransitCount: Int
    }
    let shape = try JSONDecoder().decode(Shape.self, from: Data(reply.body.utf8))
    #expect(shape.scopeCode == "KG")
    #expect(shape.admissions.admitted == 1)
    #expect(shape.admissions.plan == 4)
    #expect(shape.admissions.shareOfPlanVi == "25,0")
    #expect(shape.evaluation.year == 2023)
    #expect(shape.evaluation.targetPercent == 90)
    #expect(shape.evaluation.members.goodOrAbove == 8)
    #expect(shape.evaluation.members.meetsTarget == false)
    #expect(
      shape.unitsBelowTarget.map { "\($0.code) \($0.subject) \($0.depth) \($0.shareVi)" } == [
        "KG.01 organisation 1 66,67", "KG.01 member 1 66,67", "KG.01.001 organisation 2 50,00",
        "KG.01.001 member 2 66,67",
      ])
    #expect(shape.pendingOversight.supervisions == 1)
    #expect(shape.pendingOversight.denunciations == 1)
    #expect(shape.overdueProbationCount == 1)
    #expect(shape.overdueTransitCount == 1)
  }

  @Test func theStoreListsUnitsTwoLevelsDownAndTheirCountsOnTheEvaluationDate() async throws {
    let store = try await GradedProvince.store()
    let below = try await store.unitsBelow("KG.01", levels: 2, on: day("2023-12-31"))
    #expect(below.map(\.code) == ["KG.01.001", "KG.01.001.01", "KG.01.001.02"])
    #expect(below.map(\.depth) == [1, 2, 2])
    let counts = try await store.evaluationCountsBelow("KG", levels: 1, year: 2023)
    #expect(counts.map(\.unit.code) == ["KG.01", "KG.02"])
    #expect(counts[0].members == GradeCounts(excellent: 1, good: 3, complete: 1, notComplete: 1))
    #expect(counts[0].organisations == GradeCounts(excellent: 0, good: 2, complete: 1, notComplete: 0))
    #expect(try await store.evaluationCountsBelow("KG", levels: 2, year: 2019).isEmpty)
    let pending = try await store.pendingOversightCases(within: "KG", on: day("2023-03-01"), limit: 10)
    #expect(pending.inspections == 1, "the regular inspection ran from 10/02 to 20/03/2023")
    #expect(pending.oldest.map(\.title) == ["Kiểm tra quý I"])
    #expect(try await store.pendingOversightCases(within: "KG.02", on: day("2023-03-01"), limit: 10).total == 0)
  }
}
