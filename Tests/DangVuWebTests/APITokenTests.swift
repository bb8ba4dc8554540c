import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// API tokens (issue 22, part 4): issued with an expiry, listed and revoked by their owner and by an
/// administrator above the owner, ended by a new password; an expired or revoked token says why.
@Suite struct APITokenTests {
  struct World {
    var store: SQLiteStore
    var clock = TestClock()
    var options: WebOptions { WebOptions(clock: clock.read) }

    func json(
      _ method: HTTPRequest.Method, _ uri: String, as session: TestSession, body: String? = nil
    ) async throws -> TestResponse {
      var headers = session.headers
      headers[.contentType] = "application/json"
      headers[.init("X-CSRF-Token")!] = session.csrf
      return try await send(method, uri, to: store, headers: headers, body: body, options: options)
    }

    func me(bearer token: String) async throws -> TestResponse {
      try await send(.get, "/api/me", to: store, headers: [.authorization: "Bearer \(token)"], options: options)
    }

    /// A token issued through the API by `session`'s account; its number and secret.
    func issue(as session: TestSession, _ body: String = #"{"name":"đồng bộ kế toán"}"#) async throws -> (
      id: Int64, secret: String
    ) {
      let response = try await json(.post, "/api/tokens", as: session, body: body)
      #expect(response.status == .created, "\(response.body)")
      let issued = try JSONDecoder().decode(Issued.self, from: Data(response.body.utf8))
      return (issued.token.id, issued.secret)
    }
  }

  struct Issued: Decodable {
    struct Token: Decodable {
      var id: Int64
      var state: String
      var expires: String
    }
    var token: Token
    var secret: String
  }

  static func world() async throws -> World {
    let (store, _) = try await WebProvince.store()
    return World(store: store)
  }

  @Test func aTokenWorksUntilItsExpiryThenSaysItHasExpired() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let token = try await world.issue(as: secretary, #"{"name":"báo cáo tuần","days":7}"#)
    #expect(try await world.me(bearer: token.secret).status == .ok)
    world.clock.advance(seconds: 7 * 86400 - 1)
    #expect(try await world.me(bearer: token.secret).status == .ok)
    world.clock.advance(seconds: 1)
    let expired = try await world.me(bearer: token.secret)
    #expect(expired.status == .unauthorized)
    #expect(expired.body.contains("\"code\":\"auth.tokenExpired\""))
    #expect(expired.body.contains("Mã truy cập API đã hết hạn") && expired.body.contains("token expired"))
  }

  @Test func withoutAskingATokenLastsNinetyDays() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let tooLong = try await world.json(
      .post, "/api/tokens", as: secretary, body: #"{"name":"mãi mãi","days":3650}"#)
    #expect(tooLong.status == .badRequest && tooLong.body.contains("token.badLifetime"))
    let token = try await world.issue(as: secretary)
    world.clock.advance(seconds: 90 * 86400 - 1)
    #expect(try await world.me(bearer: token.secret).status == .ok)
    world.clock.advance(seconds: 1)
    #expect(try await world.me(bearer: token.secret).status == .unauthorized)
  }

  @Test func theOwnerListsAndRevokesTheirOwnToken() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let token = try await world.issue(as: secretary)
    let list = try await world.json(.get, "/api/tokens", as: secretary)
    #expect(list.body.contains("\"id\":\(token.id)") && list.body.contains("\"state\":\"active\""))
    #expect(!list.body.contains(token.secret), "the secret is shown once, when issued")
    let one = try await world.json(.get, "/api/tokens/\(token.id)", as: secretary)
    #expect(one.status == .ok && one.body.contains("\"name\":\"đồng bộ kế toán\"") && !one.body.contains(token.secret))
    let revoked = try await world.json(.delete, "/api/tokens/\(token.id)", as: secretary)
    #expect(revoked.status == .ok && revoked.body.contains("\"state\":\"revoked\""))
    let refused = try await world.me(bearer: token.secret)
    #expect(refused.status == .unauthorized && refused.body.contains("\"code\":\"auth.tokenRevoked\""))
    let audit = try await world.store.auditEntries(AuditFilter(action: "account"))
    #expect(audit.map(\.action) == ["account.tokenRevoke", "account.token"])
    #expect(audit.allSatisfy { $0.actorLogin == "secretary-kg.01.001" && $0.scopeCode == "KG.01.001" })
    #expect(try await world.store.auditEntries(AuditFilter(action: "request")).isEmpty, "no second, plainer entry")
  }

  @Test func anAdministratorRevokesATokenOfAnAccountInTheirSubtreeOnThePage() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let token = try await world.issue(as: secretary)
    let admin = try await signIn(world.store, role: .administrator, scope: "KG.01")
    let page = try await send(.get, "/ma-truy-cap", to: world.store, headers: admin.headers, options: world.options)
    #expect(page.status == .ok && page.body.contains("secretary-kg.01.001") && page.body.contains("đồng bộ kế toán"))
    let revoke = try await send(
      .post, "/ma-truy-cap/\(token.id)/thu-hoi", to: world.store,
      headers: admin.headers.merging([.contentType: "application/x-www-form-urlencoded"]),
      body: "csrf=\(admin.csrf)", options: world.options)
    #expect(revoke.status == .seeOther)
    #expect(try await world.me(bearer: token.secret).status == .unauthorized)
    let entry = try #require(try await world.store.auditEntries(AuditFilter(action: "account.tokenRevoke")).first)
    #expect(entry.actorLogin == "administrator-kg.01" && entry.subject == "account:secretary-kg.01.001")
  }

  @Test func anAdministratorOutsideTheSubtreeNeitherSeesNorRevokesIt() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let token = try await world.issue(as: secretary)
    let outside = try await signIn(world.store, role: .administrator, scope: "KG.02")
    let list = try await world.json(.get, "/api/tokens", as: outside)
    #expect(list.status == .ok && !list.body.contains("secretary-kg.01.001"))
    #expect(try await world.json(.get, "/api/tokens/\(token.id)", as: outside).status == .notFound)
    let revoke = try await world.json(.delete, "/api/tokens/\(token.id)", as: outside)
    #expect(revoke.status == .notFound)
    let forOther = try await world.json(
      .post, "/api/tokens", as: outside, body: #"{"name":"mượn","login":"secretary-kg.01.001"}"#)
    #expect(forOther.status == .notFound)
    #expect(try await world.me(bearer: token.secret).status == .ok, "still works")
  }

  @Test func staffWhoAreNotAdministratorsManageOnlyTheirOwn() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let token = try await world.issue(as: secretary)
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG")
    #expect(try await world.json(.delete, "/api/tokens/\(token.id)", as: staff).status == .notFound)
    let forOther = try await world.json(
      .post, "/api/tokens", as: staff, body: #"{"name":"mượn","login":"secretary-kg.01.001"}"#)
    #expect(forOther.status == .forbidden)
    let list = try await world.json(.get, "/api/tokens", as: staff)
    #expect(!list.body.contains("secretary-kg.01.001"))
  }

  @Test func anAdministratorIssuesATokenForAnIntegrationAccountOfTheSubtree() async throws {
    let world = try await Self.world()
    _ = try await signIn(world.store, role: .leader, scope: "KG.01")
    let admin = try await signIn(world.store, role: .administrator, scope: "KG")
    let token = try await world.issue(as: admin, #"{"name":"bảng tin","login":"leader-kg.01","days":30}"#)
    let me = try await world.me(bearer: token.secret)
    #expect(me.status == .ok && me.body.contains("\"login\":\"leader-kg.01\""))
  }

  @Test func aNewPasswordEndsTheAccountsTokens() async throws {
    let world = try await Self.world()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001")
    let first = try await world.issue(as: secretary)
    let second = try await world.issue(as: secretary, #"{"name":"thứ hai"}"#)
    try await world.store.setPassword(
      login: "secretary-kg.01.001", password: "mat-khau-moi-123", cost: 4, by: .commandLine(user: "root"),
      at: world.clock.now)
    for token in [first, second] {
      let refused = try await world.me(bearer: token.secret)
      #expect(refused.status == .unauthorized && refused.body.contains("auth.tokenRevoked"))
    }
    let tokens = try await world.store.apiTokens(ownedBy: nil, within: nil, on: .today)
    #expect(tokens.allSatisfy { $0.revokedBy == "account.password" })
    let audit = try await world.store.auditEntries(AuditFilter(action: "account.tokenRevoke"))
    #expect(audit.count == 2 && audit.allSatisfy { $0.actorLogin == "root" })
  }

  @Test func thePageIssuesATokenAndShowsItsSecretOnce() async throws {
    let world = try await Self.world()
    let member = try await signIn(world.store, role: .leader, scope: "KG.01")
    let form: HTTPFields = member.headers.merging([.contentType: "application/x-www-form-urlencoded"])
    let issued = try await send(
      .post, "/ma-truy-cap", to: world.store, headers: form, body: "csrf=\(member.csrf)&name=bang-tin&days=30",
      options: world.options)
    #expect(issued.status == .created)
    #expect(issued.body.contains("id=\"ma-moi\"") && issued.body.contains("Hãy chép ngay"))
    let shown = try await send(.get, "/ma-truy-cap", to: world.store, headers: member.headers, options: world.options)
    #expect(shown.body.contains("bang-tin") && !shown.body.contains("id=\"ma-moi\""))
    let bad = try await send(
      .post, "/ma-truy-cap", to: world.store, headers: form, body: "csrf=\(member.csrf)&name=x&days=0",
      options: world.options)
    #expect(bad.status == .unprocessableContent && bad.body.contains("từ 1 đến 365 ngày"))
  }
}

extension HTTPFields {
  fileprivate func merging(_ other: HTTPFields) -> HTTPFields {
    var merged = self
    for field in other { merged[field.name] = field.value }
    return merged
  }
}
