import GRDB

extension Schema {
  /// Issue 22: API tokens expire and are revoked with a date and by whom; sign-in attempts are kept
  /// (no longer deleted on success) and looked up by login and outcome for the growing delays.
  static func registerSignInThrottleAndTokenExpiry(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v12-sign-in-throttle-and-token-expiry") { db in
      try db.execute(
        sql: """
          ALTER TABLE api_token ADD COLUMN expires_at REAL;
          ALTER TABLE api_token ADD COLUMN revoked_at REAL;
          ALTER TABLE api_token ADD COLUMN revoked_by TEXT;
          -- Tokens issued before expiry existed get the default 90 days from the upgrade, so no
          -- integration stops the moment the server is upgraded.
          UPDATE api_token SET expires_at = CAST(strftime('%s', 'now') AS REAL) + 90 * 86400;
          UPDATE api_token SET revoked_at = created_at, revoked_by = 'system' WHERE revoked <> 0;
          CREATE INDEX api_token_account ON api_token(account_id);
          CREATE INDEX sign_in_attempt_login_outcome ON sign_in_attempt(login, succeeded, at);
          CREATE INDEX sign_in_attempt_at ON sign_in_attempt(at);
          """)
    }
  }
}
