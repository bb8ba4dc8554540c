import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in through the real form, in one client so cookies carry from one request to the next.
@Suite struct SignInTests {
  /// The sign-in form's token, from its hidden field and its cookie.
  static func formToken(_ response: TestResponse) -> (field: String, cookie: String)? {
    guard let range = response.body.range(of: "name=\"csrf\" value=\""),
      let end = response.body[range.upperBound...].firstIndex(of: "\"")
    else { return nil }
    let field = String(response.body[range.upperBound..<end])
    let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("dangvu_signin=") }
    guard let value = cookie?.dropFirst("dangvu_signin=".count).prefix(while: { $0 != ";" }) else { return nil }
    return (field, String(value))
  }

  static func submit(
    _ store: SQLiteStore, login: String, password: String, next: String = "/", withToken: Bool = true
  ) async throws -> TestResponse {
    let form = try await send(.get, "/dang-nhap", to: store)
    let token = try #require(formToken(form))
    #expect(token.field == token.cookie)
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    if withToken { headers[.cookie] = "dangvu_signin=\(token.cookie)" }
    let body =
      "login=\(login)&password=\(password)&csrf=\(token.field)&tiep=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
    return try await send(.post, "/dang-nhap", to: store, headers: headers, body: body)
  }

  static func storeWithAccount() async throws -> SQLiteStore {
    let (store, _) = try await WebProvince.store()
    _ = try await store.addAccount(
      NewAccount(login: "hoa.bt", displayName: "Bùi Thị Hoa", role: .organisationStaff, scopeCode: "KG.01"),
      password: "dung-mat-khau-1", cost: 4)
    return store
  }

  @Test func theRightPasswordOpensASessionAndReturnsToThePageAskedFor() async throws {
    let store = try await Self.storeWithAccount()
    let response = try await Self.submit(store, login: "hoa.bt", password: "dung-mat-khau-1", next: "/to-chuc/KG.01")
    #expect(response.status == .seeOther)
    #expect(response.headers[.location] == "/to-chuc/KG.01")
    let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("dangvu_session=") })
    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
    let token = String(cookie.dropFirst("dangvu_session=".count).prefix { $0 != ";" })
    let page = try await send(.get, "/to-chuc/KG.01", to: store, headers: [.cookie: "dangvu_session=\(token)"])
    #expect(page.status == .ok)
    #expect(page.body.contains("Bùi Thị Hoa · Cán bộ Ban Tổ chức · KG.01"))
  }

  @Test func signingInNeverSendsThePersonOffTheSite() async throws {
    let store = try await Self.storeWithAccount()
    for next in ["//evil.example/", "/\\evil.example/", "https://evil.example/"] {
      let response = try await Self.submit(store, login: "hoa.bt", password: "dung-mat-khau-1", next: next)
      #expect(response.headers[.location] == "/", "\(next)")
    }
  }

  @Test func aWrongPasswordOrUnknownLoginIsRefusedWithTheSameWords() async throws {
    let store = try await Self.storeWithAccount()
    let wrong = try await Self.submit(store, login: "hoa.bt", password: "sai-mat-khau-1")
    let unknown = try await Self.submit(store, login: "khong.co", password: "sai-mat-khau-1")
    for response in [wrong, unknown] {
      #expect(response.status == .unauthorized)
      #expect(response.body.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
      #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("dangvu_session=") })
    }
    #expect(wrong.body.contains("value=\"hoa.bt\""), "the login typed is kept")
  }

  @Test func aFormPostedWithoutItsCookieIsRefused() async throws {
    let store = try await Self.storeWithAccount()
    let response = try await Self.submit(store, login: "hoa.bt", password: "dung-mat-khau-1", withToken: false)
    #expect(response.status == .forbidden)
    #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("dangvu_session=") })
  }

  @Test func fiveFailuresMakeTheNextTryWaitNotALock() async throws {
    let store = try await Self.storeWithAccount()
    for _ in 0..<5 { _ = try await Self.submit(store, login: "hoa.bt", password: "sai-mat-khau-1") }
    let held = try await Self.submit(store, login: "hoa.bt", password: "dung-mat-khau-1")
    #expect(held.status == .tooManyRequests)
    #expect(held.body.contains("Đăng nhập sai nhiều lần nên tạm phải chờ"))
    #expect(Int(held.headers[.retryAfter] ?? "") ?? 0 > 0)
    // Half a minute after the last failure the right password opens a session again.
    let later = try await store.signIn(
      login: "hoa.bt", password: "dung-mat-khau-1", from: "unknown", at: Date().addingTimeInterval(31))
    guard case .signedIn = later else {
      Issue.record("expected sign-in after the delay, got \(later)")
      return
    }
  }

  @Test func pagesSendTheAnonymousToSignInAndTheAPIAnswers401() async throws {
    let (store, _) = try await WebProvince.store()
    let page = try await send(.get, "/to-chuc/KG.01?ngay=2023-12-31", to: store)
    #expect(page.status == .found)
    #expect(page.headers[.location] == "/dang-nhap?tiep=%2Fto-chuc%2FKG.01%3Fngay%3D2023-12-31")
    let api = try await send(.get, "/api/tree", to: store)
    #expect(api.status == .unauthorized)
    #expect(api.body.contains("\"code\":\"auth.signInRequired\""))
  }

  @Test func signingOutNeedsTheFormsTokenAndEndsTheSession() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store)
    let forged = try await post("/dang-xuat", form: [], to: store, as: session, csrf: "gia-mao")
    #expect(forged.status == .forbidden)
    #expect(forged.body.contains("Biểu mẫu không hợp lệ"))
    #expect(try await store.session(token: session.cookie, at: Date()) != nil, "a forged form changes nothing")
    let real = try await post("/dang-xuat", form: [], to: store, as: session)
    #expect(real.status == .seeOther)
    #expect(try await store.session(token: session.cookie, at: Date()) == nil)
  }

  @Test func anAPITokenActsForItsAccountAndAWrongOneIsRefused() async throws {
    let store = try await Self.storeWithAccount()
    let token = try await store.issueAPIToken(login: "hoa.bt", name: "thử", at: Date())
    let me = try await send(.get, "/api/me", to: store, headers: [.authorization: "Bearer \(token)"])
    #expect(me.status == .ok)
    #expect(me.body.contains("\"scopeCode\":\"KG.01\""))
    let wrong = try await send(.get, "/api/me", to: store, headers: [.authorization: "Bearer \(token)x"])
    #expect(wrong.status == .unauthorized)
  }

  @Test func aLockedAccountsSessionNoLongerCounts() async throws {
    let store = try await Self.storeWithAccount()
    let account = try #require(try await store.account(login: "hoa.bt"))
    let tokens = try await store.openSession(accountID: account.id, at: Date())
    try await store.setDisabled(login: "hoa.bt", true, by: .commandLine(user: "root@may-chu"))
    #expect(try await store.session(token: tokens.token, at: Date()) == nil)
    let page = try await send(.get, "/", to: store, headers: [.cookie: "dangvu_session=\(tokens.token)"])
    #expect(page.status == .found)
  }
}

/// Each role sees its own subtree and nothing else, by page and by API, including guessed codes.
@Suite struct SubtreeScopeTests {
  @Test func districtStaffSeeTheirDistrictOnlyAndOutsideLooksMissing() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let home = try await get("/", from: store, as: staff)
    #expect(home.status == .ok)
    #expect(home.body.contains("KG.01") && !home.body.contains("KG.02"))
    let inside = try await get("/to-chuc/KG.01.001", from: store, as: staff)
    #expect(inside.status == .ok)
    let outside = try await get("/to-chuc/KG.02.001", from: store, as: staff)
    let missing = try await get("/to-chuc/KG.99", from: store, as: staff)
    #expect(outside.status == .notFound && missing.status == .notFound)
    #expect(
      outside.body.replacingOccurrences(of: "KG.02.001", with: "X")
        == missing.body.replacingOccurrences(of: "KG.99", with: "X"))
    let api = try await send(.get, "/api/units/KG.02.001", to: store, headers: staff.headers)
    #expect(api.status == .notFound)
  }

  @Test func searchFindsOnlyMembersInsideTheSubtree() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let (_, body) = try await get("/tim-kiem?q=tran", from: store, as: staff)
    #expect(!body.contains("Trần Văn Cường"), "Cường is in KG.02")
    let (_, an) = try await get("/tim-kiem?q=nguyen", from: store, as: staff)
    #expect(an.contains("Nguyễn Văn An"))
    let (status, _) = try await get("/tim-kiem?q=tran&trong=KG.02", from: store, as: staff)
    #expect(status == .notFound)
  }

  @Test func aMemberIsSentToTheirOwnRecordAndCannotBrowse() async throws {
    let (store, _) = try await WebProvince.store()
    let an = try #require(try await store.member(cardNumber: "1001"))
    let member = try await signIn(store, role: .member, scope: "KG.01.001.01", memberID: an.id)
    let home = try await send(.get, "/", to: store, headers: member.headers)
    #expect(home.status == .found)
    #expect(home.headers[.location] == "/dang-vien/\(an.id)")
    let (unit, _) = try await get("/to-chuc/KG.01.001.01", from: store, as: member)
    #expect(unit == .forbidden)
  }
}

/// The tree as JSON: the top of the subtree, and a unit with the units under it and their members.
@Suite struct TreeAPITests {
  @Test func theTreeStartsAtTheScopeAndAUnitListsItsChildrenWithMembers() async throws {
    let (store, _) = try await WebProvince.store()
    let staff = try await signIn(store, role: .organisationStaff, scope: "KG.01")
    let tree = try await send(.get, "/api/tree?date=2023-12-31", to: store, headers: staff.headers)
    #expect(tree.status == .ok)
    #expect(tree.body.contains("\"code\":\"KG.01\"") && tree.body.contains("\"date\":\"2023-12-31\""))
    #expect(tree.body.contains("\"members\":2"), "An and Bích")
    let unit = try await send(.get, "/api/units/KG.01.001?date=2023-12-31", to: store, headers: staff.headers)
    #expect(unit.status == .ok)
    #expect(unit.body.contains("\"code\":\"KG.01.001.01\"") && unit.body.contains("\"kindName\""))
    let bad = try await send(.get, "/api/units/KG.01.001?date=31/02/2023", to: store, headers: staff.headers)
    #expect(bad.status == .badRequest && bad.body.contains("\"code\":\"date.invalid\""))
  }
}
