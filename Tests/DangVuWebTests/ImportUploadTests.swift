import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Uploads on the web and through the API: checked whole and previewed with nothing written, confirmed by the
/// SHA-256 of the checked file, written all or nothing inside the importer's subtree, audited as one entry.
@Suite("Import: uploads on the page and the API")
struct ImportUploadTests {
  static let header =
    "so_the,ho_ten,gioi_tinh,ngay_sinh,so_cccd,ma_chi_bo,ngay_ket_nap,ngay_chinh_thuc"
  static let good = """
    \(header)
    20000001,Phạm Văn Bình,Nam,02/03/1980,091080000001,KG.01.001.01,19/05/2005,19/05/2006
    20000002,Võ Thị Mai,Nữ,1990-07-02,,KG.01.001.02,2015-03-03,

    """
  /// Line 3 has a date that is no date, line 4 a gender that is none.
  static let twoBad = """
    \(header)
    20000001,Phạm Văn Bình,Nam,02/03/1980,091080000001,KG.01.001.01,19/05/2005,19/05/2006
    20000002,Võ Thị Mai,Nữ,31/02/1990,,KG.01.001.02,2015-03-03,
    20000003,Lý Văn Tư,Không rõ,1970-01-01,,KG.01.001.02,2001-03-03,

    """

  @Test func aCheckShowsThePreviewAndWritesNothing() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    let before = try await store.statistics()
    try await withClient(store) { client in
      let page = try await client.upload("members", file: ("dang-vien.csv", Array(Self.good.utf8)), as: session)
      #expect(page.status == .ok)
      #expect(page.body.contains("Tệp hợp lệ: 2 đảng viên sẽ được ghi"))
      #expect(page.body.contains("<td>Phạm Văn Bình</td>"))
      #expect(page.body.contains("<td>02/07/1990</td>"), "an ISO date is shown the Vietnamese way")
      #expect(page.body.contains("name=\"sha256\" value=\"\(AuditChain.sha256Hex(Array(Self.good.utf8)))\""))
    }
    #expect(try await store.statistics() == before)
    #expect(try await store.auditEntries(AuditFilter(action: "import")).isEmpty)
    #expect(try await store.auditEntries(AuditFilter(action: "request")).isEmpty, "a check records no write")
  }

  @Test func everyBadRowIsShownAtItsLineAndColumnAndNothingIsWritten() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    let before = try await store.statistics()
    try await withClient(store) { client in
      let page = try await client.upload("members", file: ("dang-vien.csv", Array(Self.twoBad.utf8)), as: session)
      #expect(page.status == .unprocessableContent)
      #expect(page.body.contains("Tệp có 2 lỗi nên chưa nhập được"))
      #expect(page.body.contains("<td>dòng 3, cột ngay_sinh</td>"))
      #expect(page.body.contains("<td>dòng 4, cột gioi_tinh</td>"))
      #expect(page.body.contains("<tr class=\"bad\"><td class=\"num\">3</td>"))
      #expect(!page.body.contains("name=\"sha256\""), "no confirmation for a refused file")
      #expect(page.body.contains("<option value=\"members\" selected>"), "the form keeps the kind chosen")
    }
    #expect(try await store.statistics() == before)
  }

  @Test func aConfirmationWritesTheCheckedFileInTheBackgroundAndAuditsItOnce() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    let before = try await store.statistics().members
    let sha = AuditChain.sha256Hex(Array(Self.good.utf8))
    try await withClient(store) { client in
      _ = try await client.upload("members", file: ("dang-vien.csv", Array(Self.good.utf8)), as: session)
      let confirmed = try await client.form("/nhap-tep/xac-nhan", [("sha256", sha)], as: session)
      #expect(confirmed.status == .seeOther)
      let progress = try #require(confirmed.headers[.location])
      #expect(progress.hasPrefix("/nhap-tep/tien-do/"))
      var page = try await client.page(progress, as: session)
      for _ in 0..<200 where page.body.contains("http-equiv=\"refresh\"") {
        try await Task.sleep(for: .milliseconds(50))
        page = try await client.page(progress, as: session)
      }
      #expect(page.body.contains("Đã nhập 2 đảng viên từ tệp dang-vien.csv."))
      // Confirmed once: the same confirmation again names no checked file.
      let again = try await client.form("/nhap-tep/xac-nhan", [("sha256", sha)], as: session)
      #expect(again.status == .conflict)
      // Another account cannot follow the job.
      let other = try await signIn(store, role: .administrator)
      #expect(try await client.page(progress, as: other).status == .notFound)
    }
    #expect(try await store.statistics().members == before + 2)
    let entries = try await store.auditEntries(AuditFilter(action: "import.file"))
    #expect(entries.count == 1)
    #expect(entries.first?.actorLogin == "organisationstaff-kg" && entries.first?.actorRole == "organisationStaff")
    #expect(entries.first?.scopeCode == "KG", "filed under the importer's subtree")
    #expect(entries.first?.after?.contains("\"sha256\":\"\(sha)\"") == true)
    #expect(entries.first?.after?.contains("\"rows\":2") == true)
    #expect(entries.first?.subject == "file:dang-vien.csv")
    #expect(try await store.auditEntries(AuditFilter(action: "request")).isEmpty, "one entry for the import")
    #expect(try await store.verifyAuditChain().isIntact)
  }

  @Test func aConfirmationOfAFileNeverCheckedIsRefused() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    try await withClient(store) { client in
      let response = try await client.form(
        "/nhap-tep/xac-nhan", [("sha256", String(repeating: "a", count: 64))], as: session)
      #expect(response.status == .conflict)
      #expect(response.body.contains("Tệp chưa được kiểm tra"))
    }
  }

  @Test func theAPIWritesOnlyTheFileItChecked() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    let before = try await store.statistics().members
    try await withClient(store) { client in
      let checked = try await client.api("/api/imports/members/check?name=a.csv", Array(Self.good.utf8), as: session)
      #expect(checked.status == .ok)
      let sha = AuditChain.sha256Hex(Array(Self.good.utf8))
      #expect(checked.body.contains("\"sha256\":\"\(sha)\""))
      #expect(checked.body.contains("\"accepted\":true"))
      #expect(checked.body.contains("\"written\":false"))
      // One byte changed since the check: refused, nothing written.
      let changed = Array(Self.good.replacingOccurrences(of: "Bình", with: "Binh").utf8)
      let refused = try await client.api("/api/imports/members?sha256=\(sha)", changed, as: session)
      #expect(refused.status == .conflict)
      #expect(refused.body.contains("import.fileChanged"))
      #expect(try await store.statistics().members == before)
      let written = try await client.api(
        "/api/imports/members?sha256=\(sha)&name=a.csv", Array(Self.good.utf8), as: session)
      #expect(written.status == .created)
      #expect(written.body.contains("\"written\":true"))
      // Written once: the check is used up.
      let twice = try await client.api("/api/imports/members?sha256=\(sha)", Array(Self.good.utf8), as: session)
      #expect(twice.status == .conflict)
      #expect(twice.body.contains("import.notChecked"))
    }
    #expect(try await store.statistics().members == before + 2)
    #expect(try await store.auditEntries(AuditFilter(action: "import.file")).count == 1)
  }

  @Test func theAPIListsEveryIssueWithItsPlace() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    try await withClient(store) { client in
      let response = try await client.api("/api/imports/members/check", Array(Self.twoBad.utf8), as: session)
      #expect(response.status == .unprocessableContent)
      #expect(response.body.contains("\"code\":\"import.refused\""))
      #expect(response.body.contains("\"place\":\"dòng 3, cột ngay_sinh\""))
      #expect(response.body.contains("\"place\":\"dòng 4, cột gioi_tinh\""))
    }
  }

  @Test func aDistrictImportsOnlyIntoItsOwnSubtree() async throws {
    let (store, _) = try await WebProvince.store()
    let district = try await signIn(store, role: .organisationStaff, scope: "KG.02")
    let before = try await store.statistics()
    try await withClient(store) { client in
      let page = try await client.upload("members", file: ("dang-vien.csv", Array(Self.good.utf8)), as: district)
      #expect(page.status == .unprocessableContent)
      #expect(page.body.contains("đơn vị KG.01.001.01 không có trong phạm vi của tài khoản (KG.02)."))
      #expect(page.body.contains("đơn vị KG.01.001.02 không có trong phạm vi của tài khoản (KG.02)."))
      // An events file naming a member of another district reads as no such member.
      let events = "so_the,loai_su_kien,ngay\n1001,struckOff,01/06/2024\n"
      let outside = try await client.api("/api/imports/events/check", Array(events.utf8), as: district)
      #expect(outside.status == .unprocessableContent)
      #expect(outside.body.contains("không có đảng viên số thẻ 1001 trong phạm vi của tài khoản (KG.02)."))
    }
    #expect(try await store.statistics() == before)
  }

  @Test func eachRoleImportsOnlyTheKindsItWrites() async throws {
    let (store, _) = try await WebProvince.store()
    let secretary = try await signIn(store, role: .secretary, scope: "KG.01.001")
    let inspector = try await signIn(store, role: .inspectionStaff)
    let leader = try await signIn(store, role: .leader)
    try await withClient(store) { client in
      #expect(
        try await client.api("/api/imports/members/check", Array(Self.good.utf8), as: secretary).status == .forbidden)
      #expect(
        try await client.api("/api/imports/members/check", Array(Self.good.utf8), as: inspector).status == .forbidden)
      #expect(try await client.page("/nhap-tep", as: leader).status == .forbidden)
      let page = try await client.page("/nhap-tep", as: inspector)
      #expect(page.body.contains("<option value=\"complaints\""))
      #expect(!page.body.contains("<option value=\"members\""))
      let refused = try await client.upload("members", file: ("a.csv", Array(Self.good.utf8)), as: inspector)
      #expect(refused.status == .unprocessableContent)
      #expect(refused.body.contains("Hãy chọn một loại dữ liệu trong danh sách."))
    }
    #expect(try await store.statistics().members == 4)
  }

  @Test func anUploadWithoutTheSessionsTokenIsRefused() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    try await withClient(store) { client in
      let response = try await client.upload(
        "members", file: ("a.csv", Array(Self.good.utf8)), as: session, csrf: "sai")
      #expect(response.status == .forbidden)
    }
  }

  @Test func probableDuplicatesAreWarnedOfWithoutRefusing() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store, role: .organisationStaff)
    // Nguyễn Văn An, 14/07/1985, is in the register; the first two new rows' national IDs differ in one digit and
    // their birth dates are the same.
    let file = """
      \(Self.header)
      20000001,Nguyen Van An,Nam,14/07/1985,091080000001,KG.01.001.01,19/05/2005,19/05/2006
      20000004,Phạm Văn Bình,Nam,02/03/1980,091080000009,KG.01.001.01,19/05/2005,19/05/2006
      20000002,Võ Thị Mai,Nữ,02/03/1980,091080000007,KG.01.001.02,2015-03-03,
      20000003,Lý Thị Hạnh,Nữ,1990-07-02,091080000008,KG.01.001.02,2015-03-03,

      """
    try await withClient(store) { client in
      let page = try await client.upload("members", file: ("a.csv", Array(file.utf8)), as: session)
      #expect(page.status == .ok)
      #expect(page.body.contains("Tệp hợp lệ"))
      #expect(page.body.contains("id=\"luu-y\""))
      #expect(page.body.contains("cùng họ tên và ngày sinh 14/07/1985"))
      #expect(page.body.contains("số căn cước 091080000007 chỉ khác một chữ số so với số ở dòng 3 (cùng ngày sinh)."))
      // One digit away but born another day: serial numbers are like that, no warning.
      #expect(!page.body.contains("091080000008 chỉ khác"))
    }
  }

  // MARK: - One application for a whole flow: checked files and jobs live in it.

  func withClient(_ store: any PartyStore, _ body: @Sendable (any TestClientProtocol) async throws -> Void)
    async throws
  {
    let app = buildApplication(store: store)
    try await app.test(.router) { client in try await body(client) }
  }
}

extension TestClientProtocol {
  func upload(
    _ kind: String, file: (name: String, bytes: [UInt8]), as session: TestSession, csrf: String? = nil,
    fields: [(String, String)] = []
  ) async throws -> TestResponse {
    let boundary = "----dangvu-test-boundary"
    var body = ByteBuffer()
    for (name, value) in [("csrf", csrf ?? session.csrf), ("loai", kind)] + fields {
      body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString(
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\(file.name)\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(file.bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = session.headers
    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
    return try await execute(uri: "/nhap-tep", method: .post, headers: headers, body: body) {
      TestResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
    }
  }

  func form(_ uri: String, _ fields: [(String, String)], as session: TestSession) async throws -> TestResponse {
    let text = (fields + [("csrf", session.csrf)]).map {
      "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }.joined(separator: "&")
    var headers = session.headers
    headers[.contentType] = "application/x-www-form-urlencoded"
    return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: text)) {
      TestResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
    }
  }

  func page(_ uri: String, as session: TestSession) async throws -> TestResponse {
    try await execute(uri: uri, method: .get, headers: session.headers) {
      TestResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
    }
  }

  /// An API call from a signed-in browser (its CSRF token in the header).
  func api(_ uri: String, _ bytes: [UInt8], as session: TestSession) async throws -> TestResponse {
    var headers = session.headers
    headers[.init("X-CSRF-Token")!] = session.csrf
    headers[.contentType] = "text/csv"
    return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: bytes)) {
      TestResponse(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
    }
  }
}
