import DangVuCore
import GRDB

extension SQLiteStore {
  /// `sub(id)`: the unit with code `:code` and every unit under it, as the tree stood on day `:day`.
  static let subtreeCTE = """
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM organisation WHERE code = :code AND founded <= :day AND (ended IS NULL OR ended > :day)
      UNION ALL
      SELECT p.child_id FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
      WHERE p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day))
    """

  /// The ids of the unit and every unit below it on `day`.
  static func subtreeIDs(of code: String, on day: Day, in db: Database) throws -> [Int64] {
    try Int64.fetchAll(
      db, sql: subtreeCTE + " SELECT id FROM sub", arguments: ["code": code, "day": day.daysSinceEpoch])
  }

  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func unitKinds() async throws -> UnitKindTable {
    try readOnCallingThread { db in try Self.unitKinds(in: db) }
  }

  static func unitKinds(in db: Database) throws -> UnitKindTable {
    let kinds = try db.cachedRows(sql: "SELECT code, name_vi, holds_members, rank FROM unit_kind ORDER BY rank")
      .map { UnitKindDefinition(kind: UnitKind($0[0]), nameVi: $0[1], holdsMembers: $0[2], rank: $0[3]) }
    let rules = try db.cachedRows(sql: "SELECT child, parent, valid_from, valid_until FROM unit_kind_rule").map {
      ParentRule(
        child: UnitKind($0[0]), parent: ($0[1] as String?).map(UnitKind.init),
        validFrom: ($0[2] as Int?).map(Day.init(daysSinceEpoch:)),
        validUntil: ($0[3] as Int?).map(Day.init(daysSinceEpoch:)))
    }
    return UnitKindTable(kinds: kinds, rules: rules)
  }

  @discardableResult
  public func addOrganisations(_ batch: [NewOrganisation], audit: ImportAudit?) async throws -> [Organisation] {
    try await writer.write { db in
      let kinds = try Self.unitKinds(in: db)
      var added: [String: Organisation] = [:]
      var result: [Organisation] = []
      result.reserveCapacity(batch.count)
      for (index, new) in batch.enumerated() {
        do {
          let unit = try Self.add(new, known: added, kinds: kinds, in: db)
          added[unit.code] = unit
          result.append(unit)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try Self.append(audit, in: db)
      return result
    }
  }

  /// Checks and inserts one unit; `known` holds the units added earlier in the same batch, by code.
  static func add(_ new: NewOrganisation, known: [String: Organisation], kinds: UnitKindTable, in db: Database) throws
    -> Organisation
  {
    var parent: Organisation?
    if let parentCode = new.parentCode {
      parent = try known[parentCode] ?? organisation(code: parentCode, in: db)
      if parent == nil { throw TreeRules.unknownParent(parentCode) }
    }
    let taken =
      try known[new.code] != nil
      || db.cachedValue(Bool.self, sql: "SELECT 1 FROM organisation WHERE code = ?", arguments: [new.code]) != nil
    try TreeRules.checkNew(
      code: new.code, name: new.name, kind: new.kind, parent: parent, founded: new.founded, kinds: kinds,
      codeTaken: taken)
    try db.cachedStatement(sql: "INSERT INTO organisation(code, name, kind, founded) VALUES (?, ?, ?, ?)")
      .execute(arguments: [new.code, new.name, new.kind.code, new.founded.daysSinceEpoch])
    let unit = Organisation(
      id: db.lastInsertedRowID, code: new.code, name: new.name, kind: new.kind, founded: new.founded)
    try db.cachedStatement(sql: "INSERT INTO organisation_parent(child_id, parent_id, valid_from) VALUES (?, ?, ?)")
      .execute(arguments: [unit.id, parent?.id, new.founded.daysSinceEpoch])
    return unit
  }

  public func moveOrganisation(code: String, underParent parentCode: String, on day: Day) async throws {
    try await writer.write { db in try Self.move(code: code, underParent: parentCode, on: day, in: db) }
  }

  static func move(code: String, underParent parentCode: String, on day: Day, in db: Database) throws {
    let unit = try requireOrganisation(code: code, in: db)
    let before = try roots(of: unit.id, from: day, in: db)
    try move(unit, under: requireOrganisation(code: parentCode, in: db), on: day, in: db)
    // Which province a cell sits under over time feeds the register's monthly sums: a move that leaves the
    // unit under the same provinces (a move inside a district, say) changes none of them.
    if try roots(of: unit.id, from: day, in: db) != before { try MemberStockRollup.markStale(db) }
  }

  /// The roots `unit` sits under from `day` on, as they are recorded now.
  static func roots(of unit: Int64, from day: Day, in db: Database) throws -> [String] {
    var history = RootHistory()
    return try history.roots(of: unit, from: day, reading: MemberStockRollup.links(in: db))
  }

  static func move(_ unit: Organisation, under parent: Organisation, on day: Day, in db: Database) throws {
    // Only the new parent's ancestry matters for the cycle check, so build just that chain.
    let chain = try ancestry(of: parent.id, on: day, in: db)
    let tree = OrganisationTree(day: day, organisations: chain.units, links: chain.links)
    try TreeRules.checkMove(unit, under: parent, on: day, tree: tree, kinds: unitKinds(in: db))
    let latest = try db.cachedValue(
      Int.self, sql: "SELECT MAX(valid_from) FROM organisation_parent WHERE child_id = ?", arguments: [unit.id])
    try TreeRules.checkInDateOrder(unit, latestLinkFrom: latest.map(Day.init(daysSinceEpoch:)), movingOn: day)
    try db.execute(
      sql: """
        UPDATE organisation_parent SET valid_until = :day
        WHERE child_id = :id AND valid_from <= :day AND (valid_until IS NULL OR valid_until > :day)
        """, arguments: ["day": day.daysSinceEpoch, "id": unit.id])
    try db.execute(
      sql: "INSERT INTO organisation_parent(child_id, parent_id, valid_from) VALUES (?, ?, ?)",
      arguments: [unit.id, parent.id, day.daysSinceEpoch])
  }

  public func endOrganisation(code: String, on day: Day) async throws {
    try await writer.write { db in try Self.end(Self.requireOrganisation(code: code, in: db), on: day, in: db) }
  }

  static func end(_ unit: Organisation, on day: Day, in db: Database) throws {
    try TreeRules.checkEnd(unit, on: day)
    // The register's monthly sums stay as they are: no member may be in the subtree from `day` on (refused
    // below), and before it the units sat under the same provinces as ever.
    // The subtree on the day itself: units moved away that day (a merge) are no longer below it.
    let ids = try subtreeIDs(of: unit.code, on: day, in: db)
    let list = ids.map(String.init).joined(separator: ",")
    let remaining =
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(DISTINCT member_id) FROM member_span
          WHERE cell_id IN (\(list)) AND (valid_until IS NULL OR valid_until > ?)
          """, arguments: [day.daysSinceEpoch]) ?? 0
    try TreeRules.checkNoMembersRemain(unit, remaining: remaining, on: day)
    try db.execute(
      sql: "UPDATE organisation SET ended = ? WHERE id IN (\(list)) AND ended IS NULL",
      arguments: [day.daysSinceEpoch])
    try db.execute(
      sql: "UPDATE organisation_parent SET valid_until = ? WHERE child_id IN (\(list)) AND valid_until IS NULL",
      arguments: [day.daysSinceEpoch])
  }

  public func mergeOrganisation(code: String, into targetCode: String, on day: Day) async throws {
    try await writer.write { db in try Self.merge(code: code, into: targetCode, on: day, in: db) }
  }

  static func merge(code: String, into targetCode: String, on day: Day, in db: Database) throws {
    // Which province a cell sits under over time feeds the register's monthly sums.
    try MemberStockRollup.markStale(db)
    let source = try requireOrganisation(code: code, in: db)
    let target = try requireOrganisation(code: targetCode, in: db)
    try TreeRules.checkMerge(source, into: target, on: day)
    // The units below move across; the members of a merged cell transfer into the target cell.
    let children = try Row.fetchAll(
      db,
      sql: """
        SELECT \(organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
        WHERE p.parent_id = :id AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
        """, arguments: ["id": source.id, "day": day.daysSinceEpoch]
    ).map(organisation)
    for child in children { try move(child, under: target, on: day, in: db) }
    let members = try Int64.fetchAll(
      db,
      sql: """
        SELECT member_id FROM member_span
        WHERE cell_id = :id AND valid_from <= :day AND (valid_until IS NULL OR valid_until > :day)
        """, arguments: ["id": source.id, "day": day.daysSinceEpoch])
    try record(TreeRules.mergeTransfers(of: members, from: source, into: target, on: day), in: db)
    try end(source, on: day, in: db)
    // The target holds the merged unit's records from now on: its staff reach them (decision 0040).
    try db.execute(
      sql: "INSERT INTO organisation_succession(predecessor_id, successor_id, day) VALUES (?, ?, ?)",
      arguments: [source.id, target.id, day.daysSinceEpoch])
  }

  // One row by its key, asked several times by nearly every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func organisation(code: String) async throws -> Organisation? {
    try readOneQueryOnCallingThread { db in try Self.organisation(code: code, in: db) }
  }

  public func organisation(id: Int64) async throws -> Organisation? {
    try readOneQueryOnCallingThread { db in try Self.organisation(id: id, in: db) }
  }

  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func parentHistory(ofCode code: String) async throws -> [ParentLink] {
    try readOnCallingThread { db in
      try db.cachedRows(
        sql: """
          SELECT p.child_id, p.parent_id, p.valid_from, p.valid_until FROM organisation_parent p
          JOIN organisation o ON o.id = p.child_id WHERE o.code = ? ORDER BY p.valid_from
          """, arguments: [code]
      ).map(Self.link)
    }
  }

  public func tree(on day: Day, root code: String?) async throws -> OrganisationTree {
    try await writer.read { db in
      let d = day.daysSinceEpoch
      let units: [Organisation]
      let links: [ParentLink]
      if let code {
        guard try Self.organisation(code: code, in: db) != nil else { throw Self.unknownOrganisation(code) }
        let args: StatementArguments = ["code": code, "day": d]
        units = try Row.fetchAll(
          db,
          sql: Self.subtreeCTE + " SELECT \(Self.organisationColumns) FROM organisation o JOIN sub ON sub.id = o.id",
          arguments: args
        ).map(Self.organisation)
        links = try Row.fetchAll(
          db,
          sql: Self.subtreeCTE + """
             SELECT p.child_id, p.parent_id, p.valid_from, p.valid_until FROM organisation_parent p
             JOIN sub ON sub.id = p.child_id
             WHERE p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
            """, arguments: args
        ).map(Self.link)
      } else {
        units = try Row.fetchAll(
          db,
          sql:
            "SELECT \(Self.organisationColumns) FROM organisation o WHERE o.founded <= ? AND (o.ended IS NULL OR o.ended > ?)",
          arguments: [d, d]
        ).map(Self.organisation)
        links = try Row.fetchAll(
          db,
          sql: """
            SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent
            WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
            """, arguments: [d, d]
        ).map(Self.link)
      }
      return OrganisationTree(day: day, organisations: units, links: links)
    }
  }

  public func roots(on day: Day) async throws -> [Organisation] {
    try await writer.read { db in try Self.roots(on: day, in: db) }
  }

  public func children(of code: String, on day: Day) async throws -> [Organisation] {
    try await writer.read { db in
      try Self.children(of: try Self.requireOrganisation(code: code, in: db).id, on: day, in: db)
    }
  }

  /// The units directly below `id` on `day`, by code: one range of `organisation_parent_parent`, where loading the
  /// subtree to find them read a province's every unit.
  static func children(of id: Int64, on day: Day, in db: Database) throws -> [Organisation] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT \(organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
        WHERE p.parent_id = :id AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
          AND o.founded <= :day AND (o.ended IS NULL OR o.ended > :day)
        ORDER BY o.code
        """, arguments: ["id": id, "day": day.daysSinceEpoch]
    ).map(organisation)
  }

  static func roots(on day: Day, in db: Database) throws -> [Organisation] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT \(organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
        WHERE p.parent_id IS NULL AND p.valid_from <= :day AND (p.valid_until IS NULL OR p.valid_until > :day)
        ORDER BY o.code
        """, arguments: ["day": day.daysSinceEpoch]
    ).map(organisation)
  }

  public func allOrganisations() async throws -> (units: [Organisation], links: [ParentLink]) {
    try await writer.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT \(Self.organisationColumns) FROM organisation o ORDER BY o.id").map(
          Self.organisation),
        try Row.fetchAll(
          db,
          sql:
            "SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent ORDER BY child_id, valid_from"
        ).map(Self.link)
      )
    }
  }

  /// The only root there is holds everyone: queries skip the subtree walk for it (at national scale that walk
  /// visits 300,000 units). In a database of several provinces a province is a root but holds only its own.
  static func holdsEveryone(_ id: Int64, in db: Database) throws -> Bool {
    let roots = try db.cachedRows(sql: "SELECT DISTINCT child_id FROM organisation_parent WHERE parent_id IS NULL")
      .map { $0[0] as Int64 }
    let everHadParent =
      try db.cachedValue(
        Bool.self, sql: "SELECT 1 FROM organisation_parent WHERE child_id = ? AND parent_id IS NOT NULL",
        arguments: [id]) != nil
    return roots == [id] && !everHadParent
  }

  static func requireOrganisation(code: String, in db: Database) throws -> Organisation {
    guard let unit = try organisation(code: code, in: db) else { throw unknownOrganisation(code) }
    return unit
  }

  static func unknownOrganisation(_ code: String) -> DomainError { TreeRules.unknownUnit(code) }

  /// The unit and its ancestors on `day`, with the links between them.
  static func ancestry(of id: Int64, on day: Day, in db: Database) throws -> (
    units: [Organisation], links: [ParentLink]
  ) {
    var units: [Organisation] = []
    var links: [ParentLink] = []
    var current: Int64? = id
    while let c = current, let unit = try organisation(id: c, in: db), units.count < 64 {
      units.append(unit)
      let link = try db.cachedRow(
        sql: """
          SELECT child_id, parent_id, valid_from, valid_until FROM organisation_parent
          WHERE child_id = :id AND valid_from <= :day AND (valid_until IS NULL OR valid_until > :day)
          """, arguments: ["id": c, "day": day.daysSinceEpoch]
      ).map(link)
      if let link { links.append(link) }
      current = link?.parent
    }
    return (units, links)
  }
}
