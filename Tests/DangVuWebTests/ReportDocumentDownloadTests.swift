import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// The Word download of each report page: its type, its name, and the very bytes the store's writer makes of
/// the core's document for that subtree (the layout itself is checked with python-docx, end to end).
@Suite struct ReportDocumentDownloadTests {
  struct Reply {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bytes: Data
  }

  func download(_ uri: String, store: SQLiteStore) async throws -> Reply {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorPageMiddleware())
    router.add(middleware: TestPrincipalMiddleware())
    ReportsController(store: store).addRoutes(to: router)
    return try await Application(router: router).test(.router) { client in
      var headers: HTTPFields = [:]
      headers[.init("X-Test-Role")!] = Role.leader.rawValue
      headers[.init("X-Test-Scope")!] = "KG"
      return try await client.execute(uri: uri, method: .get, headers: headers) { response in
        Reply(status: response.status, headers: response.headers, bytes: Data(buffer: response.body))
      }
    }
  }

  @Test func theEvaluationReportDownloadsAsAWordDocumentOfItsSubtree() async throws {
    let store = try await GradedProvince.store()
    let reply = try await download("/bao-cao/danh-gia?nam=2023&to-chuc=KG.01&dinh-dang=docx", store: store)
    #expect(reply.status == .ok)
    #expect(
      reply.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    #expect(reply.headers[.contentDisposition] == "attachment; filename=\"bao-cao-danh-gia-2023-KG.01.docx\"")
    #expect(reply.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
    let r = try await store.evaluationReport(year: 2023, scope: "KG.01")
    let issuer = try await store.reportIssuer(scope: "KG.01", on: Day(year: 2023, month: 12, day: 31)!)
    #expect(issuer.name == "HUYỆN ỦY CHÂU THÀNH")
    #expect(issuer.superior == "ĐẢNG BỘ TỈNH KIÊN GIANG")
    let expected = try WordPackage.data(
      .evaluation(r, issuer: issuer, options: try PartyReportOptions(year: Day.today.year)))
    #expect(reply.bytes == expected)
  }

  @Test func thePeriodReportsDownloadAsWordDocumentsNamedForTheirPeriod() async throws {
    let store = try await GradedProvince.store()
    let membership = try await download("/bao-cao/dang-vien?ky=2022-9M&to-chuc=KG&dinh-dang=docx", store: store)
    #expect(membership.status == .ok)
    #expect(membership.headers[.contentDisposition] == "attachment; filename=\"bao-cao-dang-vien-2022-9M-KG.docx\"")
    #expect(membership.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let oversight = try await download("/bao-cao/kiem-tra?ky=2023-Q1&dinh-dang=docx", store: store)
    #expect(oversight.status == .ok)
    #expect(oversight.headers[.contentType] == WordPackage.contentType)
    #expect(oversight.headers[.contentDisposition] == "attachment; filename=\"bao-cao-kiem-tra-2023-Q1-KG.docx\"")
  }

  @Test func theClerkGivesTheNumberTheDayAndTheSignerOfTheWordDocument() async throws {
    let store = try await GradedProvince.store()
    let reply = try await download(
      "/bao-cao/danh-gia?nam=2023&to-chuc=KG.01&dinh-dang=docx&so=125&ngay-ky=2024-01-15"
        + "&chuc-vu-ky=Ph%C3%B3%20b%C3%AD%20th%C6%B0&nguoi-ky=Nguy%E1%BB%85n%20V%C4%83n%20A", store: store)
    #expect(reply.status == .ok)
    let r = try await store.evaluationReport(year: 2023, scope: "KG.01")
    let issuer = try await store.reportIssuer(scope: "KG.01", on: Day(year: 2023, month: 12, day: 31)!)
    let options = try PartyReportOptions(
      number: "125", date: Day(year: 2024, month: 1, day: 15), year: 2000, signerPost: "Phó bí thư",
      signerName: "Nguyễn Văn A")
    #expect(reply.bytes == (try WordPackage.data(.evaluation(r, issuer: issuer, options: options))))
    // A number with the symbol typed in, or a day that is not one, is refused and says which field.
    let symbol = try await download("/bao-cao/danh-gia?nam=2023&to-chuc=KG.01&dinh-dang=docx&so=125-BC", store: store)
    #expect(symbol.status == .badRequest)
    #expect(String(decoding: symbol.bytes, as: UTF8.self).contains("Số văn bản"))
    let day = try await download("/bao-cao/kiem-tra?ky=2023-Q1&dinh-dang=docx&ngay-ky=31/02/2024", store: store)
    #expect(day.status == .badRequest)
    #expect(String(decoding: day.bytes, as: UTF8.self).contains("Ngày ký"))
  }

  @Test func theReportPageHasTheFormForTheWordDocumentKeepingTheReportsQuery() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2023&to-chuc=KG", store: store)
    #expect(page.body.contains("<form class=\"stacked\" method=\"get\" action=\"/bao-cao/danh-gia\" id=\"van-ban\">"))
    #expect(page.body.contains("<input type=\"hidden\" name=\"nam\" value=\"2023\">"))
    #expect(page.body.contains("<input type=\"hidden\" name=\"to-chuc\" value=\"KG\">"))
    #expect(page.body.contains("<input type=\"hidden\" name=\"dinh-dang\" value=\"docx\">"))
    #expect(page.body.contains("<input id=\"nguoi-ky\" name=\"nguoi-ky\">"))
  }

  @Test func everyReportPageOffersTheWordDocumentAndPrintsWithoutItsControls() async throws {
    let store = try await GradedProvince.store()
    let page = try await report("/bao-cao/danh-gia?nam=2023&to-chuc=KG", store: store)
    #expect(
      page.body.contains(
        "href=\"/bao-cao/danh-gia?nam=2023&amp;to-chuc=KG&amp;dinh-dang=docx\" download>Báo cáo theo thể thức văn bản của Đảng (Word)"
      ))
    #expect(page.body.contains("@media print{"))
    #expect(page.body.contains("@page{size:A4"))
    #expect(page.body.contains("header,nav,footer,form,button,.no-print,ul.downloads,textarea{display:none!important}"))
    // On paper the narrative is paragraphs, not a textarea cut at its box.
    let first = try #require(
      EvaluationNarrative.text(try await store.evaluationReport(year: 2023, scope: "KG")).split(separator: "\n").first)
    #expect(page.body.contains("<div class=\"print-only\"><p class=\"narrative\">\(HTML.escape(String(first)))</p>"))
  }
}
