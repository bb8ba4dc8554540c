import DangVuCore
import Foundation
import GRDB
import Testing

@testable import DangVuStore

/// API tokens in SQLite: the upgrade that gave them an expiry. Their contract on every engine is in AccountStoreTests.
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
}
