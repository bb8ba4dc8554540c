import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// Sign-in in the store (issue 22 part 2, decisions 0018 and 0045) on every engine: the growing delays counted from
/// the attempts in the database, the owner's usual address spared, every checked attempt audited, a month of attempts
/// kept; and the trail of the same work equal, entry for entry, whichever engine kept it.
@Suite("Store: sign-in")
struct SignInStoreTests {
  typealias A = AccountStoreTests

  static func signIn(
    _ store: some AccountStore, _ password: String, from address: String = "192.0.2.1", at time: Date,
    login: String = "hoa.bt"
  ) async throws -> SignInOutcome {
    try await store.signIn(login: login, password: password, from: address, at: time)
  }

  /// Five free failures, then a delay that doubles with each further failure up to fifteen minutes; a try refused
  /// while held back does not prolong the wait, and the owner gets in once it has passed.
  @Test(arguments: StoreEngine.allCases)
  func eachFurtherFailureDoublesTheDelayUpToFifteenMinutes(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(A.hoa, password: A.right, cost: 4)
      var now = A.start
      for _ in 0..<SignInThrottle.perLogin.freeFailures {
        #expect(try await Self.signIn(store, A.wrong, at: now) == .refused)
      }
      var waits: [Int] = []
      for _ in 0..<7 {
        guard case .tooManyAttempts(let wait) = try await Self.signIn(store, A.wrong, at: now) else {
          throw StoreTestFailure("held back after the free failures")
        }
        waits.append(wait)
        now = now.addingTimeInterval(Double(wait))
        #expect(try await Self.signIn(store, A.wrong, at: now) == .refused, "checked once the wait has passed")
      }
      #expect(waits == [30, 60, 120, 240, 480, 900, 900])
      let held = try await Self.signIn(store, A.right, at: now.addingTimeInterval(600))
      #expect(held == .tooManyAttempts(retryAfter: 300), "waiting does not prolong the delay")
      #expect(try await Self.signIn(store, A.right, at: now.addingTimeInterval(900)).isSignedIn)
      #expect(try await Self.signIn(store, A.wrong, at: now.addingTimeInterval(901)) == .refused, "a fresh start")
    }
  }

  /// Guesses from elsewhere do not hold the owner up at the address they signed in from.
  @Test(arguments: StoreEngine.allCases)
  func theOwnersUsualAddressIsNotHeldUpByGuessesFromElsewhere(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(A.hoa, password: A.right, cost: 4)
      #expect(try await Self.signIn(store, A.right, from: "192.0.2.10", at: A.start).isSignedIn)
      for guess in 0..<12 {
        _ = try await Self.signIn(store, A.wrong, from: "203.0.113.\(guess)", at: A.start.addingTimeInterval(60))
      }
      #expect(try await Self.signIn(store, A.right, from: "192.0.2.10", at: A.start.addingTimeInterval(61)).isSignedIn)
      let later = A.start.addingTimeInterval(120)
      for guess in 0..<6 {
        _ = try await Self.signIn(store, A.wrong, from: "203.0.113.\(guess)", at: later)
      }
      let elsewhere = try await Self.signIn(store, A.right, from: "198.51.100.1", at: later.addingTimeInterval(1))
      #expect(elsewhere == .tooManyAttempts(retryAfter: 29))
      #expect(try await Self.signIn(store, A.right, from: "198.51.100.1", at: later.addingTimeInterval(30)).isSignedIn)
    }
  }

  /// Twelve wrong passwords sent at once: the attempts are decided one after another, so five are checked and the
  /// rest wait, and every checked one is in the trail.
  @Test(arguments: StoreEngine.allCases)
  func guessesSentAtOnceAreCountedOneAfterAnother(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(A.hoa, password: A.right, cost: 4)
      let outcomes = try await Self.guessAtOnce(12, on: [store])
      #expect(outcomes.filter { $0 == .refused }.count == SignInThrottle.perLogin.freeFailures)
      #expect(
        outcomes.filter { $0 == .tooManyAttempts(retryAfter: 30) }.count == 12 - SignInThrottle.perLogin.freeFailures)
      let refused = try await store.auditEntries(AuditFilter(action: "session.signInRefused"))
      #expect(refused.count == SignInThrottle.perLogin.freeFailures)
      #expect(try await store.verifyAuditChain().isIntact)
    }
  }

  /// `count` wrong passwords for hoa.bt at the same moment, spread over `stores` in turn.
  static func guessAtOnce(_ count: Int, on stores: [any AccountStore]) async throws -> [SignInOutcome] {
    try await withThrowingTaskGroup(of: SignInOutcome.self) { group in
      for index in 0..<count {
        let store = stores[index % stores.count]
        group.addTask { try await store.signIn(login: "hoa.bt", password: A.wrong, from: "192.0.2.1", at: A.start) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
  }

  /// Checked attempts are audited, a failure under the login typed (a login that does not exist under the top of
  /// the tree), a success once, by the account.
  @Test(arguments: StoreEngine.allCases)
  func checkedAttemptsAreAuditedFailuresUnderTheLoginTyped(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(
        NewAccount(login: "hoa.bt", displayName: "Bùi Thị Hoa", role: .organisationStaff, scopeCode: "KG.01"),
        password: A.right, cost: 4)
      _ = try await Self.signIn(store, A.wrong, at: A.start)
      _ = try await Self.signIn(store, A.wrong, at: A.start, login: "  Khong.Co ")
      #expect(try await Self.signIn(store, A.right, at: A.start).isSignedIn)
      try await store.setDisabled(login: "hoa.bt", true, by: nil)
      #expect(try await Self.signIn(store, A.right, at: A.start) == .refused, "a locked account")
      let refused = try await store.auditEntries(AuditFilter(action: "session.signInRefused"))
      #expect(refused.count == 3)
      let reasons = refused.compactMap(\.after)
      #expect(reasons.filter { $0.contains(#""reason":"wrongPassword""#) }.count == 1)
      #expect(reasons.filter { $0.contains(#""reason":"accountLocked""#) }.count == 1)
      let unknown = try #require(refused.first { $0.subject == "account:khong.co" })
      #expect(unknown.after?.contains(#""reason":"unknownLogin""#) == true)
      #expect(unknown.scopeCode == "KG", "a login that does not exist is kept under the root of the tree")
      #expect(refused.allSatisfy { $0.actorRole == "anonymous" })
      let signedIn = try await store.auditEntries(AuditFilter(action: "session.signIn"))
      #expect(signedIn.map(\.actorLogin) == ["hoa.bt"])
      #expect(signedIn.map(\.scopeCode) == ["KG.01"])
      #expect(try await store.verifyAuditChain().isIntact)
    }
  }

  /// Sign-in attempts are working state: a month of them, not every attempt ever; the trail keeps them all.
  @Test(arguments: StoreEngine.allCases)
  func attemptsOlderThanThirtyDaysGoAsNewOnesCome(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await Self.signIn(store, A.wrong, at: A.start, login: "khong.co")
      _ = try await Self.signIn(store, A.wrong, at: A.start.addingTimeInterval(29 * 86400), login: "khong.co")
      #expect(try await t.attemptsKept() == 2)
      _ = try await Self.signIn(
        store, A.wrong, from: "192.0.2.2", at: A.start.addingTimeInterval(31 * 86400), login: "khac")
      #expect(try await t.attemptsKept() == 2, "the first is gone, the one of day 29 stays")
      #expect(
        try await store.auditEntries(AuditFilter(action: "session.signInRefused")).count == 3, "the trail keeps all")
    }
  }

  /// The same work on every engine leaves the same trail: actions, subjects, scopes, actors and JSON, entry for
  /// entry (only the times and hashes differ, the times being each database's clock).
  @Test func theSameWorkLeavesTheSameTrailOnEveryEngine() async throws {
    var trails: [StoreEngine: [[String?]]] = [:]
    for engine in StoreEngine.allCases {
      try await engine.withAccountStore { t in
        let store = t.store
        _ = try await t.province()
        _ = try await store.addAccount(A.hoa, password: A.right, cost: 4, by: A.root)
        try await store.setRole(login: "hoa.bt", role: .secretary, scopeCode: "KG.01.001", memberID: nil, by: A.root)
        let issued = try await store.issueAPIToken(
          NewAPIToken(login: "hoa.bt", name: "đồng bộ", lifetimeDays: 30), by: A.root, at: A.start)
        _ = try await store.revokeAPIToken(id: issued.token.id, by: A.root, at: A.start)
        _ = try await store.issueAPIToken(NewAPIToken(login: "hoa.bt", name: "báo cáo"), by: A.root, at: A.start)
        try await store.setPassword(login: "hoa.bt", password: "mat-khau-moi-1", cost: 4, by: A.root, at: A.start)
        _ = try await Self.signIn(store, A.wrong, at: A.start)
        _ = try await Self.signIn(store, "mat-khau-moi-1", at: A.start)
        _ = try await Self.signIn(store, A.wrong, at: A.start, login: "khong.co")
        try await store.setDisabled(login: "hoa.bt", true, by: A.root)
        #expect(try await store.verifyAuditChain().isIntact)
        trails[engine] = try await store.auditEntries(AuditFilter()).map {
          [$0.action, $0.subject, $0.scopeCode, $0.actorLogin, $0.actorRole, $0.before, $0.after]
        }
      }
    }
    let sqlite = try #require(trails[.sqliteInMemory])
    #expect(sqlite.count == 11)
    #expect(
      sqlite.map { $0[0] ?? "" } == [
        "account.disable", "session.signInRefused", "session.signIn", "session.signInRefused", "account.tokenRevoke",
        "account.password", "account.token", "account.tokenRevoke", "account.token", "account.role", "account.add",
      ])
    for engine in StoreEngine.allCases { #expect(trails[engine] == sqlite, "\(engine)") }
  }
}

extension SignInOutcome {
  var isSignedIn: Bool {
    if case .signedIn = self { return true }
    return false
  }
}
