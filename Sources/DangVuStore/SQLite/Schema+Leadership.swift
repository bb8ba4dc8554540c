import DangVuCore
import GRDB

extension Schema {
  /// Leading posts and leadership collectives entered by users (issue 21, part 2;
  /// docs/decisions/0026-leading-posts-and-collectives.md).
  static func registerLeadership(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v14-leading-posts-and-collectives") { db in
      try db.execute(
        sql: """
          -- The kinds of post, as data: a new post is a new row.
          CREATE TABLE post_kind(
            code TEXT PRIMARY KEY,
            name_vi TEXT NOT NULL,
            single_holder INTEGER NOT NULL DEFAULT 0,
            valid_from INTEGER,
            valid_until INTEGER,
            rank INTEGER NOT NULL);
          -- member_post gains a stable id (pages and the API name a post by it: a rowid is not kept by VACUUM),
          -- the kind it is of (NULL for the posts the demo typed as free titles) and the decision behind it.
          CREATE TABLE member_post_new(
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES member(id),
            title TEXT NOT NULL,
            organisation_code TEXT,
            valid_from INTEGER NOT NULL,
            valid_until INTEGER,
            kind TEXT REFERENCES post_kind(code),
            note TEXT NOT NULL DEFAULT '');
          INSERT INTO member_post_new(member_id, title, organisation_code, valid_from, valid_until)
            SELECT member_id, title, organisation_code, valid_from, valid_until FROM member_post;
          DROP TABLE member_post;
          ALTER TABLE member_post_new RENAME TO member_post;
          CREATE INDEX member_post_member ON member_post(member_id);
          CREATE INDEX member_post_organisation ON member_post(organisation_code);
          ALTER TABLE leadership_collective ADD COLUMN ended INTEGER;
          CREATE INDEX leadership_collective_organisation ON leadership_collective(organisation_id);
          CREATE TABLE collective_seat(
            id INTEGER PRIMARY KEY,
            collective_id INTEGER NOT NULL REFERENCES leadership_collective(id),
            member_id INTEGER NOT NULL REFERENCES member(id),
            valid_from INTEGER NOT NULL,
            valid_until INTEGER);
          CREATE INDEX collective_seat_collective ON collective_seat(collective_id);
          CREATE INDEX collective_seat_member ON collective_seat(member_id);
          """)
      for (rank, kind) in PostKind.standard.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO post_kind(code, name_vi, single_holder, valid_from, valid_until, rank)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            kind.code, kind.nameVi, kind.singleHolder, kind.validFrom?.daysSinceEpoch,
            kind.validUntil?.daysSinceEpoch, rank,
          ])
      }
    }
  }
}
