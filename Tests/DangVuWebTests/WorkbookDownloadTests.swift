import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// Report tables as workbooks beside CSV and JSON, and the blank workbooks to fill in.
@Suite struct WorkbookDownloadTests {
  static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  @Test func everyReportPageOffersItsTableAsAWorkbook() async throws {
    let store = try await GradedProvince.store()
    let r = try await store.evaluationReport(year: 2023, scope: "KG.01")
    let evaluation = try await report("/bao-cao/danh-gia?nam=2023&to-chuc=KG.01&dinh-dang=xlsx", store: store)
    #expect(evaluation.status == .ok)
    #expect(evaluation.headers[.contentType] == Self.xlsx)
    #expect(evaluation.headers[.contentDisposition] == "attachment; filename=\"bao-cao-danh-gia-2023-KG.01.xlsx\"")
    let expected = try ReportWorkbook.bytes(name: "Đánh giá, xếp loại", rows: EvaluationReportCSV.rows(r))
    #expect(evaluation.body == String(decoding: expected, as: UTF8.self))
    #expect(evaluation.body.hasPrefix("PK\u{3}\u{4}"))

    let membership = try await report("/bao-cao/dang-vien?ky=2022-9M&to-chuc=KG&dinh-dang=xlsx", store: store)
    #expect(membership.headers[.contentDisposition] == "attachment; filename=\"bao-cao-dang-vien-2022-9M-KG.xlsx\"")
    let oversight = try await report("/bao-cao/kiem-tra?ky=2023&dinh-dang=xlsx", store: store)
    #expect(oversight.headers[.contentType] == Self.xlsx)
    let page = try await report("/bao-cao/kiem-tra?ky=2023&to-chuc=KG", store: store)
    #expect(page.body.contains("dinh-dang=xlsx\" download>Bảng số liệu (Excel, XLSX)"))
  }

  @Test(arguments: Role.allCases)
  func theBlankWorkbooksAreForEverySignedInRole(role: Role) async throws {
    let (store, _) = try await WebProvince.store()
    let an = try #require(try await store.member(cardNumber: "1001"))
    let session =
      role == .member
      ? try await signIn(store, role: role, scope: "KG.01.001.01", memberID: an.id)
      : try await signIn(store, role: role, scope: "KG.01")
    let list = try await send(.get, "/mau-nhap", to: store, headers: session.headers)
    #expect(list.status == .ok)
    #expect(list.body.contains("href=\"/mau-nhap/members.xlsx\" download>Đảng viên</a>"))
    let members = try await send(.get, "/mau-nhap/members.xlsx", to: store, headers: session.headers)
    #expect(members.status == .ok)
    #expect(members.headers[.contentType] == Self.xlsx)
    #expect(members.headers[.contentDisposition] == "attachment; filename=\"mau-nhap-members.xlsx\"")
    #expect(members.body == String(decoding: try ImportTemplate.bytes(.members), as: UTF8.self))
    let unknown = try await send(.get, "/mau-nhap/khac.xlsx", to: store, headers: session.headers)
    #expect(unknown.status == .notFound)
  }

  @Test func theBlankWorkbooksAskTheAnonymousToSignIn() async throws {
    let (store, _) = try await WebProvince.store()
    for uri in ["/mau-nhap", "/mau-nhap/members.xlsx"] {
      let response = try await send(.get, uri, to: store)
      #expect(response.status == .found, "\(uri)")
      #expect(response.headers[.location]?.hasPrefix("/dang-nhap") == true, "\(uri)")
      #expect(!response.body.hasPrefix("PK"))
    }
  }

  @Test func theMenuLeadsTheStaffWhoImportToTheBlankWorkbooks() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let leader = try await signIn(store, role: .leader, scope: "KG.01")
    #expect(try await get("/mau-nhap", from: store, as: staff).body.contains("<a href=\"/mau-nhap\">Mẫu nhập</a>"))
    #expect(!(try await get("/mau-nhap", from: store, as: leader).body.contains("<a href=\"/mau-nhap\">Mẫu nhập</a>")))
  }
}
