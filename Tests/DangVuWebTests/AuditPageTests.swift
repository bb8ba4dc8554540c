import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// Stands in for the sign-in middleware: the request acts for `principal` (nobody when nil).
private struct AuditTestPrincipal: RouterMiddleware {
  let principal: Principal?

  func handle(
    _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
  ) async throws -> Response {
    var context = context
    context.principal = principal
    return try await next(request, context)
  }
}

@Suite("Web: the audit trail")
struct AuditPageTests {
  static func principal(_ role: Role, scope: String = "KG", login: String = "quantri") -> Principal {
    Principal(accountID: 1, login: login, displayName: "Người thử", role: role, scopeCode: scope)
  }

  static let admin = principal(.administrator)

  struct Answer {
    var status: HTTPResponse.Status
    var location: String?
    var body: String

    var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }
  }

  static func get(_ uri: String, as principal: Principal?, from store: SQLiteStore) async throws -> Answer {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorPageMiddleware())
    router.add(middleware: AuditTestPrincipal(principal: principal))
    AuditController(store: store).addRoutes(to: router)
    return try await Application(router: router).test(.router) { client in
      try await client.execute(uri: uri, method: .get) { response in
        Answer(status: response.status, location: response.headers[.location], body: String(buffer: response.body))
      }
    }
  }

  /// The small province, in a file (so a test can tamper with it), with three entries: a member of
  /// Châu Thành changed by an organisation-staff account, a grade in Tân Hiệp, a sign-in at the province.
  static func storeWithEntries() async throws -> (store: SQLiteStore, path: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangvu-web-audit-\(UUID()).sqlite").path
    let store = try SQLiteStore(path: path)
    _ = try await SmallProvince.load(into: store)
    let staff = principal(.organisationStaff, scope: "KG.01", login: "canbo")
    try await store.appendAudit(
      NewAuditEntry(
        by: staff, action: "member.update", subject: "member:1", scopeCode: "KG.01.001.01",
        before: #"{"fullName":"Nguyễn Văn An"}"#, after: #"{"fullName":"Nguyễn Văn Ân"}"#))
    try await store.appendAudit(
      NewAuditEntry(
        by: principal(.secretary, scope: "KG.02.001", login: "bithu"), action: "grade.set", subject: "member:3",
        after: #"{"grade":"good"}"#))
    try await store.appendAudit(NewAuditEntry(by: admin, action: "session.signIn", subject: "account:quantri"))
    return (store, path)
  }

  @Test func anAdministratorOfTheProvinceSeesEveryEntryAndAnIntactChain() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let page = try await Self.get("/nhat-ky", as: Self.admin, from: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Nhật ký thao tác</h1>"))
    #expect(page.body.contains("Chuỗi băm toàn vẹn: đã kiểm tra 3 mục. Mục cuối #3"))
    #expect(page.body.contains("Sửa thông tin đảng viên<br><span class=\"kind\">member.update</span>"))
    #expect(page.body.contains("canbo<br><span class=\"kind\">Cán bộ Ban Tổ chức</span>"))
    #expect(page.body.contains("Ghi xếp loại chất lượng"))
    #expect(page.body.contains("Đăng nhập"))
    #expect(page.body.contains("<summary>Trước và sau</summary>"))
    #expect(page.body.contains("<pre>{&quot;fullName&quot;:&quot;Nguyễn Văn Ân&quot;}</pre>"))
    // Newest first.
    let signIn = try #require(page.body.range(of: "id=\"muc-3\""))
    let update = try #require(page.body.range(of: "id=\"muc-1\""))
    #expect(signIn.lowerBound < update.lowerBound)
  }

  @Test func anAdministratorOfADistrictSeesOnlyItsUnitsEntries() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let district = Self.principal(.administrator, scope: "KG.01")
    let page = try await Self.get("/nhat-ky", as: district, from: store)
    #expect(page.status == .ok)
    #expect(page.body.contains("id=\"muc-1\""))
    #expect(!page.body.contains("id=\"muc-2\""), "Tân Hiệp's grade")
    #expect(!page.body.contains("id=\"muc-3\""), "the province's sign-in")
    let api = try await Self.get("/api/audit", as: district, from: store)
    #expect((api.json["entries"] as? [[String: Any]])?.compactMap { $0["sequence"] as? Int } == [1])
  }

  @Test func otherRolesAreRefused() async throws {
    let (store, _) = try await Self.storeWithEntries()
    for role in [Role.leader, .organisationStaff, .inspectionStaff, .secretary, .member] {
      let page = try await Self.get("/nhat-ky", as: Self.principal(role), from: store)
      #expect(page.status == .forbidden, "\(role)")
      #expect(!page.body.contains("member.update"))
      for uri in ["/api/audit", "/api/audit/verify"] {
        let api = try await Self.get(uri, as: Self.principal(role), from: store)
        #expect(api.status == .forbidden, "\(role) \(uri)")
        #expect((api.json["error"] as? [String: Any])?["code"] as? String == "auth.forbidden")
      }
    }
  }

  @Test func nobodySignedInIsSentToSignInOrAnswered401() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let page = try await Self.get("/nhat-ky?nguoi=canbo", as: nil, from: store)
    #expect(page.status == .found)
    #expect(page.location == "/dang-nhap?tiep=%2Fnhat-ky%3Fnguoi%3Dcanbo")
    for uri in ["/api/audit", "/api/audit/verify"] {
      let api = try await Self.get(uri, as: nil, from: store)
      #expect(api.status == .unauthorized)
      #expect((api.json["error"] as? [String: Any])?["code"] as? String == "auth.signInRequired")
    }
  }

  @Test func markupInARecordIsShownAsText() async throws {
    let (store, _) = try await Self.storeWithEntries()
    try await store.appendAudit(
      NewAuditEntry(
        actorLogin: "<b>x</b>", actorRole: "administrator", action: "member.update", subject: "member:<i>1</i>",
        scopeCode: "KG", before: #"{"fullName":"<script>alert(1)</script>"}"#,
        after: #"{"fullName":"</pre></details><img src=x onerror=alert(1)>"}"#))
    let page = try await Self.get("/nhat-ky", as: Self.admin, from: store)
    #expect(page.status == .ok)
    #expect(!page.body.contains("<script>alert"))
    #expect(!page.body.contains("<img src=x"))
    #expect(!page.body.contains("<b>x</b>"))
    #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.body.contains("&lt;/pre&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.body.contains("member:&lt;i&gt;1&lt;/i&gt;"))
  }

  @Test func filtersNarrowThePageAndStayInTheForm() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let byActor = try await Self.get("/nhat-ky?nguoi=canbo", as: Self.admin, from: store)
    #expect(byActor.body.contains("id=\"muc-1\"") && !byActor.body.contains("id=\"muc-2\""))
    #expect(byActor.body.contains("name=\"nguoi\" value=\"canbo\""))
    #expect(byActor.body.contains("<a href=\"/nhat-ky\">Bỏ lọc</a>"))
    let byFamily = try await Self.get("/nhat-ky?thao-tac=grade", as: Self.admin, from: store)
    #expect(byFamily.body.contains("id=\"muc-2\"") && !byFamily.body.contains("id=\"muc-1\""))
    #expect(byFamily.body.contains("<option value=\"grade\" selected>"))
    let bySubject = try await Self.get("/nhat-ky?doi-tuong=member%3A3", as: Self.admin, from: store)
    #expect(bySubject.body.contains("id=\"muc-2\"") && !bySubject.body.contains("id=\"muc-3\""))
    let today = AuditTime.now.day
    let inRange = try await Self.get("/nhat-ky?tu=\(today.vietnamese)&den=\(today.iso)", as: Self.admin, from: store)
    #expect(inRange.body.contains("id=\"muc-3\""))
    let tomorrow = try await Self.get("/nhat-ky?tu=\(today.adding(days: 1).iso)", as: Self.admin, from: store)
    #expect(tomorrow.body.contains("Không có mục nhật ký nào khớp điều kiện lọc."))
  }

  @Test func badFiltersSayWhatIsWrong() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let page = try await Self.get("/nhat-ky?tu=31/02/2024", as: Self.admin, from: store)
    #expect(page.status == .badRequest)
    #expect(page.body.contains("Từ ngày “31/02/2024” không hợp lệ"))
    let api = try await Self.get("/api/audit?tu=2024-06-01&den=2024-01-01", as: Self.admin, from: store)
    #expect(api.status == .badRequest)
    #expect((api.json["error"] as? [String: Any])?["code"] as? String == "audit.badFilter")
  }

  @Test func pagesGoBackInTime() async throws {
    let (store, _) = try await Self.storeWithEntries()
    let first = try await Self.get("/nhat-ky?so-dong=2", as: Self.admin, from: store)
    #expect(first.body.contains("id=\"muc-3\"") && first.body.contains("id=\"muc-2\""))
    #expect(!first.body.contains("id=\"muc-1\""))
    #expect(first.body.contains("<a href=\"/nhat-ky?so-dong=2&amp;truoc=2\">Cũ hơn »</a>"))
    let second = try await Self.get("/nhat-ky?so-dong=2&truoc=2", as: Self.admin, from: store)
    #expect(second.body.contains("id=\"muc-1\"") && !second.body.contains("id=\"muc-2\""))
    #expect(second.body.contains("« Mới nhất"))
    #expect(!second.body.contains("Cũ hơn"))

    let api = try await Self.get("/api/audit?so-dong=2", as: Self.admin, from: store)
    #expect(api.status == .ok)
    let entries = try #require(api.json["entries"] as? [[String: Any]])
    #expect(entries.compactMap { $0["sequence"] as? Int } == [3, 2])
    #expect(entries.first?["action"] as? String == "session.signIn")
    #expect((entries.first?["time"] as? String)?.hasSuffix("Z") == true)
    #expect(entries.last?["hash"] as? String == entries.first?["previousHash"] as? String)
    #expect(api.json["next"] as? Int == 2)
    let older = try await Self.get("/api/audit?so-dong=2&truoc=2", as: Self.admin, from: store)
    #expect((older.json["entries"] as? [[String: Any]])?.compactMap { $0["sequence"] as? Int } == [1])
    #expect(older.json["next"] == nil)
    #expect((older.json["entries"] as? [[String: Any]])?.first?["after"] as? String == #"{"fullName":"Nguyễn Văn Ân"}"#)
  }

  @Test func tamperingShowsOnThePageAndInTheAPI() async throws {
    let (store, path) = try await Self.storeWithEntries()
    let intact = try await Self.get("/api/audit/verify", as: Self.admin, from: store)
    #expect(intact.status == .ok)
    #expect(intact.json["intact"] as? Bool == true)
    #expect(intact.json["entriesChecked"] as? Int == 3)
    #expect(intact.json["lastSequence"] as? Int == 3)

    let queue = try DatabaseQueue(path: path)
    try await queue.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          DROP TRIGGER audit_entry_no_update;
          UPDATE audit_entry SET after_json = '{"grade":"excellent"}' WHERE seq = 2;
          """)
    }
    let page = try await Self.get("/nhat-ky", as: Self.admin, from: store)
    #expect(page.body.contains("Chuỗi băm bị phá vỡ tại mục #2."))
    #expect(page.body.contains("Mục #2 đã bị sửa ngoài DangVu"))
    let api = try await Self.get("/api/audit/verify", as: Self.admin, from: store)
    #expect(api.json["intact"] as? Bool == false)
    let broken = try #require(api.json["broken"] as? [String: Any])
    #expect(broken["sequence"] as? Int == 2)
    #expect(broken["reason"] as? String == "contentChanged")
    #expect((broken["message"] as? String)?.contains("Mục #2") == true)
  }
}
