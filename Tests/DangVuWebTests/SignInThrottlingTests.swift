import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Sign-in against guessing (issue 22, part 2; docs/decisions/0018): attempts counted before the password
/// is checked, growing delays that a refused try does not renew, the owner getting in once the delay has
/// passed, and client addresses from X-Forwarded-For only behind a proxy the operator named.
@Suite struct SignInThrottlingTests {
  static let right = "dung-mat-khau-1"
  static let wrong = "sai-mat-khau-1"

  /// The sign-in form, fetched and posted as a browser would, with the application's options.
  static func submit(
    _ store: SQLiteStore, login: String, password: String, options: WebOptions, headers extra: HTTPFields = [:]
  ) async throws -> TestResponse {
    let form = try await send(.get, "/dang-nhap", to: store, options: options)
    let token = try #require(SignInTests.formToken(form))
    var headers = extra
    headers[.contentType] = "application/x-www-form-urlencoded"
    headers[.cookie] = "dangvu_signin=\(token.cookie)"
    return try await send(
      .post, "/dang-nhap", to: store, headers: headers, body: "login=\(login)&password=\(password)&csrf=\(token.field)",
      options: options)
  }

  @Test func twelveWrongPasswordsSentAtOnceAreCountedAndMostWait() async throws {
    let store = try await SignInTests.storeWithAccount()
    let options = WebOptions(clock: TestClock().read)
    let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
      for _ in 0..<12 {
        group.addTask { try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options).status }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(statuses.filter { $0 == .unauthorized }.count == SignInThrottle.perLogin.freeFailures)
    #expect(statuses.filter { $0 == .tooManyRequests }.count == 12 - SignInThrottle.perLogin.freeFailures)
  }

  @Test func theOwnerSignsInOnceTheShortDelayHasPassedAndWaitingDoesNotProlongIt() async throws {
    let store = try await SignInTests.storeWithAccount()
    let clock = TestClock()
    let options = WebOptions(clock: clock.read)
    for _ in 0..<5 { _ = try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options) }

    let held = try await Self.submit(store, login: "hoa.bt", password: Self.right, options: options)
    #expect(held.status == .tooManyRequests)
    #expect(held.headers[.retryAfter] == "30")
    #expect(held.body.contains("hãy thử lại sau 30 giây"))
    // Trying again while held back is not a failure: the wait counts down instead of starting over.
    clock.advance(seconds: 20)
    let again = try await Self.submit(store, login: "hoa.bt", password: Self.right, options: options)
    #expect(again.status == .tooManyRequests)
    #expect(again.headers[.retryAfter] == "10")

    clock.advance(seconds: 10)
    let owner = try await Self.submit(store, login: "hoa.bt", password: Self.right, options: options)
    #expect(owner.status == .seeOther)
    #expect(owner.headers[values: .setCookie].contains { $0.hasPrefix("dangvu_session=") })
  }

  @Test func eachFurtherGuessDoublesTheWaitUpToFifteenMinutes() async throws {
    let store = try await SignInTests.storeWithAccount()
    let clock = TestClock()
    let options = WebOptions(clock: clock.read)
    var waits: [String] = []
    for _ in 0..<5 { _ = try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options) }
    for _ in 0..<7 {
      let held = try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options)
      let wait = held.headers[.retryAfter] ?? "?"
      waits.append(wait)
      // The guesser waits exactly as told, then guesses again (and is checked, and fails).
      clock.advance(seconds: Double(wait) ?? 0)
      #expect(
        try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options).status == .unauthorized)
    }
    #expect(waits == ["30", "60", "120", "240", "480", "900", "900"])
  }

  @Test func theOwnersUsualAddressIsNotHeldUpByGuessesFromElsewhere() async throws {
    let store = try await SignInTests.storeWithAccount()
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    guard case .signedIn = try await store.signIn(login: "hoa.bt", password: Self.right, from: "192.0.2.10", at: start)
    else { throw TestFailure("the owner's first sign-in") }
    for guess in 0..<12 {
      _ = try await store.signIn(
        login: "hoa.bt", password: Self.wrong, from: "203.0.113.\(guess)", at: start.addingTimeInterval(60))
    }
    let atDesk = try await store.signIn(
      login: "hoa.bt", password: Self.right, from: "192.0.2.10", at: start.addingTimeInterval(61))
    #expect(atDesk.isSignedIn, "the address the owner signed in from")
    // From a new place the owner meets the login's delay, and gets in once it has passed.
    let later = start.addingTimeInterval(120)
    for guess in 0..<6 {
      _ = try await store.signIn(login: "hoa.bt", password: Self.wrong, from: "203.0.113.\(guess)", at: later)
    }
    let elsewhere = try await store.signIn(
      login: "hoa.bt", password: Self.right, from: "198.51.100.1", at: later.addingTimeInterval(1))
    #expect(elsewhere == .tooManyAttempts(retryAfter: 29))
    let afterWait = try await store.signIn(
      login: "hoa.bt", password: Self.right, from: "198.51.100.1", at: later.addingTimeInterval(30))
    #expect(afterWait.isSignedIn)
  }

  @Test func checkedAttemptsAreAuditedFailuresUnderTheLoginTyped() async throws {
    let store = try await SignInTests.storeWithAccount()
    let options = WebOptions(clock: TestClock().read)
    _ = try await Self.submit(store, login: "hoa.bt", password: Self.wrong, options: options)
    _ = try await Self.submit(store, login: "khong.co", password: Self.wrong, options: options)
    _ = try await Self.submit(store, login: "hoa.bt", password: Self.right, options: options)
    let refused = try await store.auditEntries(AuditFilter(action: "session.signInRefused"))
    #expect(refused.count == 2)
    let wrongPassword = try #require(refused.first { $0.subject == "account:hoa.bt" })
    #expect(wrongPassword.actorRole == "anonymous" && wrongPassword.scopeCode == "KG.01")
    #expect(wrongPassword.after?.contains("\"reason\":\"wrongPassword\"") == true)
    let unknown = try #require(refused.first { $0.subject == "account:khong.co" })
    #expect(unknown.after?.contains("\"reason\":\"unknownLogin\"") == true)
    #expect(unknown.scopeCode == "KG", "a login that does not exist is kept under the root of the tree")
    let signedIn = try await store.auditEntries(AuditFilter(action: "session.signIn"))
    #expect(signedIn.map(\.actorLogin) == ["hoa.bt"], "once, by the store, not again by the page")
    #expect(try await store.verifyAuditChain().isIntact)
  }

  // MARK: A proxy in front

  /// One attempt through a real socket (the peer is 127.0.0.1), with an X-Forwarded-For header.
  static func liveAttempts(
    _ store: SQLiteStore, trusted: Set<String>, attempts: [(login: String, password: String, forwardedFor: String)]
  ) async throws -> [TestResponse] {
    let app = buildApplication(store: store, options: WebOptions(trustedProxies: trusted, clock: TestClock().read))
    return try await app.test(.live) { client in
      var responses: [TestResponse] = []
      for attempt in attempts {
        let form = try await client.execute(uri: "/dang-nhap", method: .get) { response in
          TestResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        let token = try #require(SignInTests.formToken(form))
        var headers: HTTPFields = [
          .contentType: "application/x-www-form-urlencoded", .cookie: "dangvu_signin=\(token.cookie)",
        ]
        headers[.init("X-Forwarded-For")!] = attempt.forwardedFor
        let body = "login=\(attempt.login)&password=\(attempt.password)&csrf=\(token.field)"
        responses.append(
          try await client.execute(
            uri: "/dang-nhap", method: .post, headers: headers, body: ByteBuffer(string: body)
          ) { response in
            TestResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
          })
      }
      return responses
    }
  }

  static let loopback: Set<String> = ["127.0.0.1", "::1"]

  /// 20 guesses on made-up logins from one client, then the owner from another.
  static let spray = (0..<20).map { (login: "bia.\($0)", password: wrong, forwardedFor: "203.0.113.66") }
  static let owner = (login: "hoa.bt", password: right, forwardedFor: "192.0.2.10")

  @Test func behindATrustedProxyEachClientIsCountedByTheAddressTheProxyNames() async throws {
    let store = try await SignInTests.storeWithAccount()
    let responses = try await Self.liveAttempts(store, trusted: Self.loopback, attempts: Self.spray + [Self.owner])
    #expect(responses.last?.status == .seeOther, "one client's guesses do not hold up another")
    let refused = try await store.auditEntries(AuditFilter(action: "session.signInRefused"))
    #expect(refused.count == 20 && refused.allSatisfy { $0.after?.contains("203.0.113.66") == true })
    let guesser = try await Self.liveAttempts(store, trusted: Self.loopback, attempts: [Self.spray[0]])
    #expect(guesser.first?.status == .tooManyRequests, "the guessing client itself waits")
  }

  @Test func fromAnUntrustedPeerTheHeaderIsIgnored() async throws {
    let store = try await SignInTests.storeWithAccount()
    let responses = try await Self.liveAttempts(store, trusted: ["10.9.9.9"], attempts: [Self.spray[0]])
    #expect(responses.first?.status == .unauthorized)
    let refused = try #require(try await store.auditEntries(AuditFilter(action: "session.signInRefused")).first)
    #expect(refused.after?.contains("203.0.113.66") == false, "a client cannot choose the address it is counted by")
    #expect(
      refused.after?.contains("127.0.0.1") == true || refused.after?.contains("::1") == true, "\(refused.after ?? "")")
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension SignInOutcome {
  var isSignedIn: Bool {
    if case .signedIn = self { return true }
    return false
  }
}
