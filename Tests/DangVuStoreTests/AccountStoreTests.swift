import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

/// The accounts' contract (`AccountStore`: accounts, sessions, sign-in attempts, API tokens), run on SQLite in
/// memory, SQLite on file and PostgreSQL (`StoreEngine`, decision 0045).
@Suite("Store: accounts, sessions, sign-in and tokens")
struct AccountStoreTests {
  static let root = AuditActor.commandLine(user: "root@may-chu")
  static let hoa = NewAccount(login: "hoa.bt", displayName: "Bùi Thị Hoa", role: .organisationStaff, scopeCode: "KG")
  static let right = "dung-mat-khau-1"
  static let wrong = "sai-mat-khau-1"
  static let start = Date(timeIntervalSince1970: 1_790_000_000)

  /// Accounts made, moved and locked on the command line are audited in the write's transaction (issue 21 part 7):
  /// the account before and after, never its password hash.
  @Test(arguments: StoreEngine.allCases)
  func addingMovingAndLockingAnAccountLeaveTheirEntries(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(Self.hoa, password: Self.right, cost: 4, by: Self.root)
      try await store.setRole(login: "hoa.bt", role: .secretary, scopeCode: "KG.01.001", memberID: nil, by: Self.root)
      try await store.setDisabled(login: "hoa.bt", true, by: Self.root)

      let entries = try await store.auditEntries(AuditFilter(subject: "account:hoa.bt"))
      #expect(entries.map(\.action) == ["account.disable", "account.role", "account.add"])
      #expect(entries.allSatisfy { $0.actorLogin == "root@may-chu" && $0.actorRole == "system" })
      #expect(entries.map(\.scopeCode) == ["KG.01.001", "KG.01.001", "KG"], "filed under the account's subtree")
      #expect(entries[1].before?.contains(#""role":"organisationStaff""#) == true)
      #expect(entries[1].after?.contains(#""role":"secretary""#) == true)
      #expect(entries[0].after?.contains(#""disabled":true"#) == true)
      #expect(entries.allSatisfy { !($0.after ?? "").contains("$2") }, "no password hash in the trail")
      #expect(try await store.verifyAuditChain().isIntact)
      #expect(try await store.accounts().map(\.login) == ["hoa.bt"])
      await #expect(throws: DomainError.self) {
        _ = try await store.addAccount(Self.hoa, password: Self.right, cost: 4, by: Self.root)
      }
    }
  }

  /// An entry that cannot be written takes the change with it.
  @Test(arguments: StoreEngine.allCases)
  func aChangeWhoseEntryCannotBeWrittenIsNotMade(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(Self.hoa, password: Self.right, cost: 4)
      let nobody = AuditActor(login: " ", role: "system")
      await #expect(throws: DomainError.self) {
        try await store.setRole(login: "hoa.bt", role: .leader, scopeCode: "KG.01", memberID: nil, by: nobody)
      }
      await #expect(throws: DomainError.self) { try await store.setDisabled(login: "hoa.bt", true, by: nobody) }
      await #expect(throws: DomainError.self) {
        _ = try await store.addAccount(
          NewAccount(login: "lan.nt", displayName: "Lan", role: .leader, scopeCode: "KG"), password: Self.right,
          cost: 4, by: nobody)
      }
      let hoa = try #require(try await store.account(login: "hoa.bt"))
      #expect(hoa.role == .organisationStaff && hoa.scopeCode == "KG" && !hoa.disabled)
      #expect(try await store.account(login: "lan.nt") == nil)
      #expect(try await store.auditEntries(AuditFilter()).isEmpty)
    }
  }

  @Test(arguments: StoreEngine.allCases)
  func issuingAndRevokingAreAuditedInTheirTransactionAndKeepNoSecret(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      _ = try await store.addAccount(
        NewAccount(login: "quantri", displayName: "Quản trị", role: .administrator, scopeCode: "KG"),
        password: "mat-khau-rat-dai", cost: 4)
      let issued = try await store.issueAPIToken(
        NewAPIToken(login: "quantri", name: "kế toán", lifetimeDays: 30), by: .commandLine(user: "root"), at: Date())
      #expect(issued.token.expires - issued.token.created == 30 * 86400)
      _ = try await store.revokeAPIToken(id: issued.token.id, by: .commandLine(user: "root"), at: Date())
      _ = try await store.revokeAPIToken(id: issued.token.id, by: .commandLine(user: "root"), at: Date())
      let entries = try await store.auditEntries(AuditFilter(action: "account"))
      #expect(entries.map(\.action) == ["account.tokenRevoke", "account.token"], "revoking twice records once")
      #expect(entries.allSatisfy { !($0.after ?? "").contains(issued.secret) && $0.actorRole == "system" })
      #expect(try await store.verifyAuditChain().isIntact)
      await #expect(throws: DomainError.self) {
        _ = try await store.revokeAPIToken(id: issued.token.id + 1, by: .commandLine(user: "root"), at: Date())
      }
    }
  }

  /// A token works until its expiry, then says so; a revoked one says it was revoked; an unknown one, or one of a
  /// locked account, is unknown. A new password ends the account's tokens and sessions.
  @Test(arguments: StoreEngine.allCases)
  func aTokenWorksUntilItExpiresOrIsRevoked(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      let account = try await store.addAccount(Self.hoa, password: Self.right, cost: 4)
      let issued = try await store.issueAPIToken(
        NewAPIToken(login: "hoa.bt", name: "đồng bộ", lifetimeDays: 1), by: Self.root, at: Self.start)
      guard case .valid(let principal) = try await store.checkAPIToken(issued.secret, at: Self.start) else {
        throw StoreTestFailure("a new token works")
      }
      #expect(principal.login == "hoa.bt" && principal.role == .organisationStaff)
      let expiry = Self.start.addingTimeInterval(86400)
      #expect(try await store.checkAPIToken(issued.secret, at: expiry) == .expired(at: expiry.timeIntervalSince1970))
      #expect(try await store.checkAPIToken("khong-co-ma-nay", at: Self.start) == .unknown)

      let revoked = try await store.revokeAPIToken(id: issued.token.id, by: Self.root, at: Self.start)
      #expect(revoked.revokedBy == "root@may-chu" && revoked.revoked == Self.start.timeIntervalSince1970)
      #expect(try await store.checkAPIToken(issued.secret, at: Self.start) == .revoked)
      #expect(try await store.apiToken(id: issued.token.id) == revoked)

      let second = try await store.issueAPIToken(
        NewAPIToken(login: "hoa.bt", name: "báo cáo"), by: Self.root, at: Self.start)
      let session = try await store.openSession(accountID: account.id, at: Self.start)
      try await store.setPassword(login: "hoa.bt", password: "mat-khau-moi-1", cost: 4, by: Self.root, at: Self.start)
      #expect(try await store.checkAPIToken(second.secret, at: Self.start) == .revoked)
      #expect(try await store.apiToken(id: second.token.id)?.revokedBy == "account.password")
      #expect(try await store.session(token: session.token, at: Self.start) == nil)
      #expect(
        try await store.apiTokens(ownedBy: account.id, within: nil, on: day("2026-12-01")).map(\.name) == [
          "báo cáo", "đồng bộ",
        ])

      let third = try await store.issueAPIToken(
        NewAPIToken(login: "hoa.bt", name: "mới"), by: Self.root, at: Self.start)
      try await store.setDisabled(login: "hoa.bt", true, by: nil)
      #expect(try await store.checkAPIToken(third.secret, at: Self.start) == .unknown, "a locked account's token")
    }
  }

  /// A session lasts until its expiry or until it is closed; a new role or scope, or a lock, ends the account's
  /// sessions so the change applies at once.
  @Test(arguments: StoreEngine.allCases)
  func aRoleChangeOrALockEndsTheSessions(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      let account = try await store.addAccount(Self.hoa, password: Self.right, cost: 4)
      let first = try await store.openSession(accountID: account.id, at: Self.start)
      #expect(first.expires == Self.start.addingTimeInterval(SessionTokens.lifetime))
      let open = try #require(try await store.session(token: first.token, at: Self.start))
      #expect(open.principal.login == "hoa.bt" && open.csrfToken == first.csrfToken)
      #expect(try await store.session(token: first.token, at: first.expires) == nil, "expired")

      try await store.setRole(login: "hoa.bt", role: .leader, scopeCode: "KG.01", memberID: nil, by: Self.root)
      #expect(try await store.session(token: first.token, at: Self.start) == nil, "ended by the new role")
      let second = try await store.openSession(accountID: account.id, at: Self.start)
      let moved = try #require(try await store.session(token: second.token, at: Self.start)).principal
      #expect(moved.role == .leader && moved.scopeCode == "KG.01")

      try await store.closeSession(token: second.token)
      #expect(try await store.session(token: second.token, at: Self.start) == nil, "closed")
      let third = try await store.openSession(accountID: account.id, at: Self.start)
      try await store.setDisabled(login: "hoa.bt", true, by: Self.root)
      #expect(try await store.session(token: third.token, at: Self.start) == nil, "ended by the lock")
      try await store.setDisabled(login: "hoa.bt", false, by: Self.root)
      #expect(try await store.session(token: third.token, at: Self.start) == nil, "unlocking does not bring it back")
    }
  }

  /// The principal a sign-in yields carries when its root existed, read in the same query: a report asked with no
  /// unit then needs no read of the tree to know whether the root existed on its day (Access.reportScope).
  @Test(arguments: StoreEngine.allCases)
  func aTokenAndASessionBothGiveTheRootsLifespan(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      let founded = day("2025-07-01")
      _ = try await store.addOrganisations(
        [NewOrganisation(code: "AGI", name: "An Giang", kind: .provincialCommittee, parentCode: nil, founded: founded)],
        audit: nil)
      let account = try await store.addAccount(
        NewAccount(login: "tinhuy", displayName: "Văn phòng", role: .organisationStaff, scopeCode: "AGI"),
        password: "mat-khau-rat-dai", cost: 4)
      let secret = try await store.issueAPIToken(login: "tinhuy", name: "thử", at: Date())
      let byToken = try #require(try await store.principal(apiToken: secret, at: Date()))
      let session = try await store.openSession(accountID: account.id, at: Date())
      let bySession = try #require(try await store.session(token: session.token, at: Date())).principal
      for principal in [byToken, bySession] {
        #expect(principal.scopeLife == Lifespan(founded: founded, ended: nil))
        #expect(principal.scopeExists(on: founded) == true)
        #expect(principal.scopeExists(on: day("2023-12-31")) == false)
      }
      #expect(account.principal.scopeExists(on: founded) == nil, "made without the dates: unknown, so the tree is read")
      let ended = day("2030-01-01")
      try await store.endOrganisation(code: "AGI", on: ended)
      let afterEnd = try #require(try await store.principal(apiToken: secret, at: Date()))
      #expect(afterEnd.scopeLife?.ended == ended)
      #expect(afterEnd.scopeExists(on: ended) == false)
    }
  }

  /// An administrator lists the tokens of the accounts inside their subtree on the day asked, as the tree stood then.
  @Test(arguments: StoreEngine.allCases)
  func tokensWithinASubtreeFollowTheTreeOfTheDay(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      for (login, scope) in [("xa.binhan", "KG.01.001"), ("huyen.tanhiep", "KG.02")] {
        _ = try await store.addAccount(
          NewAccount(login: login, displayName: login, role: .organisationStaff, scopeCode: scope),
          password: Self.right, cost: 4)
        _ = try await store.issueAPIToken(login: login, name: "của \(login)", at: Self.start)
      }
      try await store.moveOrganisation(code: "KG.01.001", underParent: "KG.02", on: day("2024-03-01"))
      func logins(within code: String?, on text: String, ownedBy owner: Int64? = nil) async throws -> [String] {
        try await store.apiTokens(ownedBy: owner, within: code, on: day(text)).map(\.login)
      }
      #expect(try await logins(within: "KG.02", on: "2024-02-29") == ["huyen.tanhiep"])
      #expect(try await logins(within: "KG.02", on: "2024-03-01") == ["huyen.tanhiep", "xa.binhan"])
      #expect(try await logins(within: "KG.01", on: "2024-02-29") == ["xa.binhan"])
      #expect(try await logins(within: "KG.01", on: "2024-03-01") == [])
      #expect(try await logins(within: nil, on: "2024-03-01") == ["huyen.tanhiep", "xa.binhan"])
      let owner = try #require(try await store.account(login: "xa.binhan")).id
      #expect(try await logins(within: "KG.02", on: "2024-03-01", ownedBy: owner) == ["xa.binhan"])
      #expect(try await logins(within: "KG.02", on: "2024-02-29", ownedBy: owner) == [])
    }
  }

  /// A role this build does not know (written by a newer DangVu, or changed outside it) is an error wherever the
  /// account is read, never a default role.
  @Test(arguments: StoreEngine.allCases)
  func anUnknownStoredRoleIsAnError(engine: StoreEngine) async throws {
    try await engine.withAccountStore { t in
      let store = t.store
      _ = try await t.province()
      let account = try await store.addAccount(Self.hoa, password: Self.right, cost: 4)
      let secret = try await store.issueAPIToken(login: "hoa.bt", name: "thử", at: Self.start)
      let session = try await store.openSession(accountID: account.id, at: Self.start)
      try await t.behindTheStoresBack("UPDATE account SET role = 'chief' WHERE login = 'hoa.bt'")
      let reads: [@Sendable () async throws -> Void] = [
        { _ = try await store.account(login: "hoa.bt") },
        { _ = try await store.accounts() },
        { _ = try await store.session(token: session.token, at: Self.start) },
        { _ = try await store.checkAPIToken(secret, at: Self.start) },
        { _ = try await store.signIn(login: "hoa.bt", password: Self.right, from: "192.0.2.1", at: Self.start) },
      ]
      for read in reads {
        do {
          try await read()
          Issue.record("the unknown role was read as a known one")
        } catch let error as DomainError {
          #expect(error.code == "account.badRole" && error.message.contains("chief"), "\(error.message)")
        }
      }
    }
  }
}

struct StoreTestFailure: Error {
  var description: String
  init(_ description: String) { self.description = description }
}
