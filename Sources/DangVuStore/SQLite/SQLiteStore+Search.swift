import DangVuCore
import GRDB

extension SQLiteStore {
  public func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws
    -> [MemberHit]
  {
    let words = SearchFolding.words(text)
    guard !words.isEmpty, limit > 0 else { return [] }
    let exact = words.map { "\"\($0)\"" }.joined(separator: " ")
    // The last word is also a prefix ("nguyen v" finds "Nguyễn Văn …" as the user types), but whole words
    // are tried first: a prefix merges the lists of every word it starts, which costs at national scale.
    let prefix = exact + "*"
    let today = day.daysSinceEpoch
    let typed = words.joined(separator: " ")
    return try await writer.read { db in
      let columns = "SELECT m.id, m.full_name, m.birth_date, m.party_card_number, o.code, o.name\n"
      var scope = ""
      var arguments: StatementArguments = [
        "limit": limit, "day": today, "typed": typed, "typedEnd": typed + "\u{10FFFF}",
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
      func wordMatches(_ match: String) throws -> [MemberHit] {
        try hits(
          columns + """
            FROM member_search s JOIN member m ON m.id = s.rowid LEFT JOIN organisation o ON o.id = m.current_cell_id
            WHERE member_search MATCH :match\(scope) LIMIT :limit
            """, ["match": match])
      }
      // Names that start with what was typed: one range of the name index.
      var found = try hits(
        columns + """
          FROM member m LEFT JOIN organisation o ON o.id = m.current_cell_id
          WHERE m.search_name >= :typed AND m.search_name < :typedEnd\(scope) ORDER BY m.search_name LIMIT :limit
          """)
      // Three or more words found from the start name the person looked for; otherwise add word matches
      // ("nguyen hung" should find "Nguyễn Văn Hùng" too). Long lists of common words are slow to intersect.
      if found.count < limit && (found.isEmpty || words.count <= 2) {
        var more = try wordMatches(exact)
        if more.isEmpty { more = try wordMatches(prefix) }
        let seen = Set(found.map(\.id))
        found += more.filter { !seen.contains($0.id) }.prefix(limit - found.count)
      }
      // Names that start with what was typed come first, then by name.
      return found.map { (hit: $0, name: SearchFolding.fold($0.fullName)) }
        .sorted { a, b in
          (a.name.hasPrefix(typed) ? 0 : 1, a.name, a.hit.id) < (b.name.hasPrefix(typed) ? 0 : 1, b.name, b.hit.id)
        }
        .map(\.hit)
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
