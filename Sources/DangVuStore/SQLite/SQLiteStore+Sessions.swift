import DangVuCore
import Foundation
import GRDB

/// Sessions: opened after a sign-in (SQLiteStore+SignIn.swift), found by the hash of their cookie.
extension SQLiteStore {
  public func openSession(accountID: Int64, at time: Date) async throws -> SessionTokens {
    let tokens = SessionTokens(openedAt: time)
    try await writer.write { db in
      // Expired sessions go when new ones come, so the table stays the size of who is working.
      try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [time.timeIntervalSince1970])
      try db.execute(
        sql: "INSERT INTO session(token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          Token.hash(tokens.token), accountID, tokens.csrfToken, time.timeIntervalSince1970,
          tokens.expires.timeIntervalSince1970,
        ])
    }
    return tokens
  }

  public func session(token: String, at time: Date) async throws -> (principal: Principal, csrfToken: String)? {
    try readOneQueryOnCallingThread { db in
      guard
        let row = try db.cachedRow(
          sql: """
            SELECT \(Self.accountColumns), s.csrf_token, \(Self.scopeLifeColumns) FROM session s
            JOIN account a ON a.id = s.account_id JOIN organisation o ON o.id = a.scope_id
            WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0
            """, arguments: [Token.hash(token), time.timeIntervalSince1970])
      else { return nil }
      return (try Self.principal(row, scopeLifeAt: 8), row[7])
    }
  }

  public func closeSession(token: String) async throws {
    try await writer.write { db in
      try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Token.hash(token)])
    }
  }
}
