import DangVuCore
import GRDB

extension SQLiteStore {
  public func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws
    -> [MemberHit]
  {
    guard let search = NameSearch(text, limit: limit) else { return [] }
    // FTS5's query: every word whole, or with the last one as a prefix too; whole words are tried first, as a
    // prefix merges the lists of every word it starts, which costs at national scale.
    let exact = search.words.map { "\"\($0)\"" }.joined(separator: " ")
    let prefix = exact + "*"
    let today = day.daysSinceEpoch
    return try await writer.read { db in
      let columns = "SELECT m.id, m.full_name, m.birth_date, m.party_card_number, o.code, o.name\n"
      var scope = ""
      var arguments: StatementArguments = [
        "limit": limit, "day": today, "typed": search.typed, "typedEnd": search.typedEnd,
      ]
      if let code {
        let unit = try Self.requireOrganisation(code: code, in: db)
        if try !Self.holdsEveryone(unit.id, in: db) {
          scope = " AND m.current_cell_id IN (SELECT id FROM sub)"
          _ = arguments.append(contentsOf: ["code": code])
        }
      }
      let cte = scope.isEmpty ? "" : Self.subtreeCTE + "\n"
      func hits(_ sql: String, _ extra: StatementArguments = [:]) throws -> [MemberHit] {
        try Row.fetchAll(db, sql: cte + sql, arguments: arguments + extra).map { row in
          MemberHit(
            id: row[0], fullName: row[1], birthDate: Day(daysSinceEpoch: row[2]), partyCardNumber: row[3],
            cellCode: row[4], cellName: row[5])
        }
      }
      // FTS5 answers a MATCH without ORDER BY in rowid order: the first `limit` matches by id.
      func wordMatches(_ match: String) throws -> [MemberHit] {
        try hits(
          columns + """
            FROM member_search s JOIN member m ON m.id = s.rowid LEFT JOIN organisation o ON o.id = m.current_cell_id
            WHERE member_search MATCH :match\(scope) LIMIT :limit
            """, ["match": match])
      }
      // Names that start with what was typed: one range of the name index, which holds the id after the name, so
      // namesakes cut by the limit are the first by id on every engine and whichever plan SQLite picks.
      let found = try hits(
        columns + """
          FROM member m LEFT JOIN organisation o ON o.id = m.current_cell_id
          WHERE m.search_name >= :typed AND m.search_name < :typedEnd\(scope) ORDER BY m.search_name, m.id
          LIMIT :limit
          """)
      var more: [MemberHit] = []
      if search.wantsWordMatches(afterFinding: found.count) {
        more = try wordMatches(exact)
        if more.isEmpty { more = try wordMatches(prefix) }
      }
      return search.hits(startingWith: found, wordMatches: more)
    }
  }
}

extension SQLiteStore {
  /// Names of members spread evenly over the register, for benchmark queries.
  public func sampleMemberNames(count: Int, seed: UInt64) async throws -> [String] {
    try await writer.read { db in
      let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM member") ?? 0
      guard maxID > 0 else { return [] }
      var state = seed
      var names: [String] = []
      for _ in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let id = Int64((state >> 33) % UInt64(maxID)) + 1
        if let name = try String.fetchOne(
          db, sql: "SELECT full_name FROM member WHERE id >= ? LIMIT 1", arguments: [id])
        {
          names.append(name)
        }
      }
      return names
    }
  }
}
