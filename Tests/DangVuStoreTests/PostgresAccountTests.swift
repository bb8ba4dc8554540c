import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuPostgres

/// Accounts on several servers at once, which only PostgreSQL has (decision 0045): the sign-in delays count the
/// attempts made on every server, and the audit entries of all of them form one chain. The contract itself is in
/// AccountStoreTests and SignInStoreTests, run on every engine.
@Suite("Store: PostgreSQL accounts on several servers")
struct PostgresAccountTests {
  typealias A = AccountStoreTests

  /// Two servers (two pools on one database) take twelve wrong passwords for one login at once, while both issue
  /// tokens: five attempts are checked and seven wait, whichever server they reached, and the trail is one chain.
  @Test func twoServersSigningInAtOnceCountAttemptsTogetherAndKeepOneChain() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      _ = try await SmallProvince.load(into: stores[0])
      _ = try await stores[0].addAccount(A.hoa, password: A.right, cost: 4, by: A.root)
      async let tokens: Void = withThrowingTaskGroup(of: Void.self) { group in
        for (server, store) in stores.enumerated() {
          for n in 0..<5 {
            group.addTask {
              _ = try await store.issueAPIToken(
                NewAPIToken(login: "hoa.bt", name: "máy \(server) số \(n)"), by: A.root, at: A.start)
            }
          }
        }
        try await group.waitForAll()
      }
      let outcomes = try await SignInStoreTests.guessAtOnce(12, on: stores)
      try await tokens
      #expect(outcomes.filter { $0 == .refused }.count == SignInThrottle.perLogin.freeFailures)
      #expect(
        outcomes.filter { $0 == .tooManyAttempts(retryAfter: 30) }.count == 12 - SignInThrottle.perLogin.freeFailures)
      // The owner, on the other server, meets the same delay: the attempts are the database's, not a server's.
      #expect(
        try await stores[1].signIn(login: "hoa.bt", password: A.right, from: "198.51.100.1", at: A.start)
          == .tooManyAttempts(retryAfter: 30))
      let verification = try await stores[1].verifyAuditChain()
      #expect(verification.isIntact, "\(verification.broken?.messageVi ?? "")")
      let entries = try await stores[0].auditEntries(AuditFilter())
      #expect(entries.count == 1 + 10 + SignInThrottle.perLogin.freeFailures)
      #expect(entries.map(\.sequence) == Array((1...Int64(entries.count)).reversed()))
      #expect(try await stores[0].apiTokens(ownedBy: nil, within: "KG", on: day("2026-12-01")).count == 10)
    }
  }

  /// Two servers adding the same login and revoking the same token at once: one account, refused to the other as
  /// taken (not by the unique index's error), and one revocation in the trail.
  @Test func twoServersWritingOneAccountAtOnceWriteItOnce() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await PostgresStoreTests.withStores(2, on: location) { stores in
      _ = try await SmallProvince.load(into: stores[0])
      let added = try await withThrowingTaskGroup(of: String.self) { group in
        for store in stores {
          group.addTask {
            do {
              return try await store.addAccount(A.hoa, password: A.right, cost: 4, by: A.root).login
            } catch let error as DomainError {
              return error.code
            }
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }.sorted()
      }
      #expect(added == ["account.taken", "hoa.bt"])
      let token = try await stores[0].issueAPIToken(NewAPIToken(login: "hoa.bt", name: "thử"), by: A.root, at: A.start)
      try await withThrowingTaskGroup(of: Void.self) { group in
        for store in stores {
          group.addTask { _ = try await store.revokeAPIToken(id: token.token.id, by: A.root, at: A.start) }
        }
        try await group.waitForAll()
      }
      #expect(try await stores[1].auditEntries(AuditFilter(action: "account.tokenRevoke")).count == 1)
      #expect(try await stores[1].verifyAuditChain().isIntact)
    }
  }
}
