import DangVuCore
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// API tokens in the store: the upgrade that gave them an expiry, and the audit entries of their writes.
@Suite struct APITokenStoreTests {
  @Test func tokensFromBeforeExpiryGetNinetyDaysFromTheUpgradeAndRevokedOnesStayRevoked() async throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v11-edit-versions")
    try await queue.write { db in
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO unit_kind(code, name_vi, holds_members, rank) VALUES ('provincialCommittee', 'Tỉnh', 0, 1);
          INSERT INTO organisation(id, code, name, kind, founded) VALUES (1, 'KG', 'Kiên Giang', 'provincialCommittee', 0);
          INSERT INTO account(id, login, display_name, password_hash, role, scope_id, created_at)
          VALUES (1, 'quantri', 'Quản trị', 'x', 'administrator', 1, 0);
          INSERT INTO api_token(account_id, name, token_hash, created_at, revoked) VALUES (1, 'cũ', ?, 0, 0);
          INSERT INTO api_token(account_id, name, token_hash, created_at, revoked) VALUES (1, 'bỏ', ?, 0, 1);
          """, arguments: [Token.hash("ma-cu"), Token.hash("ma-bo")])
    }
    let store = try SQLiteStore(writer: queue)
    let now = Date()
    guard case .valid(let principal) = try await store.checkAPIToken("ma-cu", at: now) else {
      throw StoreTestFailure("an old token still works right after the upgrade")
    }
    #expect(principal.login == "quantri")
    let old = try #require(try await store.apiTokens(ownedBy: 1, within: nil, on: .today).first { $0.name == "cũ" })
    #expect(abs(old.expires - (now.timeIntervalSince1970 + 90 * 86400)) < 60)
    #expect(try await store.checkAPIToken("ma-cu", at: now.addingTimeInterval(91 * 86400)) == .expired(at: old.expires))
    #expect(try await store.checkAPIToken("ma-bo", at: now) == .revoked)
  }

  @Test func issuingAndRevokingAreAuditedInTheirTransactionAndKeepNoSecret() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await store.addOrganisations([
      NewOrganisation(
        code: "KG", name: "Kiên Giang", kind: .provincialCommittee, parentCode: nil,
        founded: Day(parsing: "1976-01-01")!)
    ])
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
  }
}

struct StoreTestFailure: Error {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Sign-in attempts are working state: a month of them, not every attempt ever.
@Suite struct SignInAttemptStoreTests {
  @Test func attemptsOlderThanThirtyDaysGoAsNewOnesCome() async throws {
    let store = try SQLiteStore.inMemory()
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    _ = try await store.signIn(login: "khong.co", password: "sai-mat-khau", from: "192.0.2.1", at: start)
    _ = try await store.signIn(
      login: "khong.co", password: "sai-mat-khau", from: "192.0.2.1", at: start.addingTimeInterval(29 * 86400))
    #expect(try await attempts(in: store) == 2)
    _ = try await store.signIn(
      login: "khac", password: "sai-mat-khau", from: "192.0.2.2", at: start.addingTimeInterval(31 * 86400))
    #expect(try await attempts(in: store) == 2, "the first is gone, the one of day 29 stays")
    #expect(
      try await store.auditEntries(AuditFilter(action: "session.signInRefused")).count == 3, "the trail keeps all")
  }

  private func attempts(in store: SQLiteStore) async throws -> Int {
    try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sign_in_attempt") ?? 0 }
  }
}

/// The principal a sign-in yields carries when its root existed, read in the same query: a report asked with no unit
/// then needs no read of the tree to know whether the root existed on its day (Access.reportScope).
@Suite struct SignedInPrincipalTests {
  @Test func aTokenAndASessionBothGiveTheRootsLifespan() async throws {
    let store = try SQLiteStore.inMemory()
    let founded = Day(parsing: "2025-07-01")!
    _ = try await store.addOrganisations([
      NewOrganisation(code: "AGI", name: "An Giang", kind: .provincialCommittee, parentCode: nil, founded: founded)
    ])
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
      #expect(principal.scopeExists(on: Day(parsing: "2023-12-31")!) == false)
    }
    #expect(account.principal.scopeExists(on: founded) == nil, "made without the dates: unknown, so the tree is read")
    let ended = Day(parsing: "2030-01-01")!
    try await store.endOrganisation(code: "AGI", on: ended)
    let afterEnd = try #require(try await store.principal(apiToken: secret, at: Date()))
    #expect(afterEnd.scopeLife?.ended == ended)
    #expect(afterEnd.scopeExists(on: ended) == false)
  }
}
