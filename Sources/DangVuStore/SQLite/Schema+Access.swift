import GRDB

extension Schema {
  static func registerAccess(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v9-accounts-and-sessions") { db in
      try db.execute(
        sql: """
          CREATE TABLE account(
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            scope_id INTEGER NOT NULL REFERENCES organisation(id),
            member_id INTEGER REFERENCES member(id),
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL);
          -- Tokens are stored as SHA-256 hashes: a copy of the database does not let anyone in.
          CREATE TABLE session(
            token_hash TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL) WITHOUT ROWID;
          CREATE INDEX session_account ON session(account_id);
          CREATE TABLE api_token(
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0);
          -- Kept for the rate limit (and for the administrator): who tried, from where, when, whether it worked.
          CREATE TABLE sign_in_attempt(
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            at REAL NOT NULL,
            succeeded INTEGER NOT NULL);
          CREATE INDEX sign_in_attempt_login ON sign_in_attempt(login, at);
          CREATE INDEX sign_in_attempt_address ON sign_in_attempt(address, at);
          """)
    }
  }
}
