import DangVuCore
import DangVuStore
import PostgresNIO

/// Search by name on PostgreSQL: the lookups SQLite's makes (`SQLiteStore+Search.swift`), on the folded name in byte
/// order and on its words under a trigram index (`PostgresMigrations.register`), combined and ordered by
/// `NameSearch` as on SQLite, so both engines return the same members in the same order.
extension PostgresStore {
  public func searchMembers(_ text: String, within code: String?, on day: Day, limit: Int) async throws
    -> [MemberHit]
  {
    guard let search = NameSearch(text, limit: limit) else { return [] }
    return try await read { transaction in
      // The current members of the subtree; of everyone ever in the register when the unit is the one root that
      // always was (SQLite's `holdsEveryone`): a search there finds those who have left too.
      var cells: [Int64]?
      if let code {
        let unit = try await Self.requireOrganisation(code: code, in: transaction)
        if try await !Self.holdsEveryone(unit.id, in: transaction) {
          cells = try await Self.subtreeIDs(of: code, on: day, in: transaction)
        }
      }
      func hits(where condition: String, orderBy order: String, _ binds: [String]) async throws -> [MemberHit] {
        var bindings = PostgresBindings()
        for bind in binds { bindings.append(bind) }
        var scope = ""
        if let cells {
          bindings.append(cells)
          scope = " AND m.current_cell_id = ANY($\(binds.count + 1))"
        }
        bindings.append(search.limit)
        let rows = try await transaction.rows(
          PostgresQuery(
            unsafeSQL: """
              SELECT m.id, m.full_name, m.birth_date, m.party_card_number, o.code, o.name
              FROM member m LEFT JOIN organisation o ON o.id = m.current_cell_id
              WHERE \(condition)\(scope) ORDER BY \(order) LIMIT $\(bindings.count)
              """, binds: bindings),
          columns: [
            "member.id", "member.full_name", "member.birth_date", "member.party_card_number", "organisation.code",
            "organisation.name",
          ])
        return try rows.map { row in
          MemberHit(
            id: try row.value(0), fullName: try row.value(1), birthDate: try row.day(2),
            partyCardNumber: try row.optional(3), cellCode: try row.optional(4), cellName: try row.optional(5))
        }
      }
      // Every word whole, or the last one as a prefix (FTS5's `"w1" "w2"` and `"w1" "w2"*`): the first matches by
      // id, as FTS5 answers a match in rowid order.
      func wordMatches(lastIsPrefix: Bool) async throws -> [MemberHit] {
        let patterns = search.words.enumerated().map { index, word in
          lastIsPrefix && index == search.words.count - 1 ? "% \(word)%" : "% \(word) %"
        }
        return try await hits(
          where: patterns.indices.map { "m.search_words LIKE $\($0 + 1)" }.joined(separator: " AND "),
          orderBy: "m.id", patterns)
      }
      // Names that start with what was typed: one range of the name index, in byte order as SQLite's.
      let found = try await hits(
        where: "m.search_name COLLATE \"C\" >= $1 AND m.search_name COLLATE \"C\" < $2",
        orderBy: "m.search_name COLLATE \"C\", m.id", [search.typed, search.typedEnd])
      var more: [MemberHit] = []
      if search.wantsWordMatches(afterFinding: found.count) {
        more = try await wordMatches(lastIsPrefix: false)
        if more.isEmpty { more = try await wordMatches(lastIsPrefix: true) }
      }
      return search.hits(startingWith: found, wordMatches: more)
    }
  }

  /// Whether the unit is the one root and never had a parent: its subtree is everyone (SQLite's `holdsEveryone`).
  static func holdsEveryone(_ id: Int64, in transaction: PostgresTransaction) async throws -> Bool {
    let roots = try await transaction.rows(
      "SELECT DISTINCT child_id FROM organisation_parent WHERE parent_id IS NULL",
      columns: ["organisation_parent.child_id"]
    ).map { try $0.value(0, as: Int64.self) }
    let everHadParent = try await exists(
      "SELECT 1 FROM organisation_parent WHERE child_id = \(id) AND parent_id IS NOT NULL", in: transaction)
    return roots == [id] && !everHadParent
  }
}
