import DangVuCore
import GRDB

extension SQLiteStore {
  public func searchMembers(_ text: String, within code: String?, limit: Int) async throws -> [MemberHit] {
    let words = SearchFolding.words(text)
    guard !words.isEmpty, limit > 0 else { return [] }
    // Whole words except the last, which is a prefix: "nguyen v" finds "Nguyễn Văn …" as the user types.
    let match = words.enumerated().map { i, w in "\"\(w)\"" + (i == words.count - 1 ? "*" : "") }
      .joined(separator: " ")
    let today = Day.today.daysSinceEpoch
    return try await writer.read { db in
      var sql = """
        SELECT m.id, m.full_name, m.birth_date, m.party_card_number, o.code, o.name
        FROM member_search s JOIN member m ON m.id = s.rowid LEFT JOIN organisation o ON o.id = m.current_cell_id
        WHERE member_search MATCH :match
        """
      var arguments: StatementArguments = ["match": match, "limit": limit]
      if let code {
        let unit = try Self.requireOrganisation(code: code, in: db)
        if try !Self.isRoot(unit.id, in: db) {
          sql = Self.subtreeCTE + "\n" + sql + " AND m.current_cell_id IN (SELECT id FROM sub)"
          _ = arguments.append(contentsOf: ["code": code, "day": today])
        }
      }
      sql += " LIMIT :limit"
      let hits = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        MemberHit(
          id: row[0], fullName: row[1], birthDate: Day(daysSinceEpoch: row[2]), partyCardNumber: row[3],
          cellCode: row[4], cellName: row[5])
      }
      return hits.sorted { (SearchFolding.fold($0.fullName), $0.id) < (SearchFolding.fold($1.fullName), $1.id) }
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
