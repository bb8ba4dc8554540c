import DangVuCore
import DangVuStore
import PostgresNIO

/// The organisation tree on PostgreSQL: SQLite's tables and queries (`SQLiteStore+Tree.swift`), the rules in Core
/// (`TreeRules`), so both engines refuse the same changes with the same messages.
///
/// SQLite lets one writer in at a time; PostgreSQL lets many. Every change to the tree takes one lock (`treeLock`)
/// for its transaction, so it checks the tree as the previous change left it: two servers moving the same unit on
/// the same day cannot both end its one open link, nor two founding the same code both find it free.
extension PostgresStore: TreeStore {
  /// Taken by every transaction that changes the tree, on every server ("DVtree" in ASCII). A change that records
  /// an audit entry takes the trail's lock after this one, never before, so the two cannot deadlock.
  static let treeLock: Int64 = 0x0000_4456_7472_6565

  /// Runs `body` as `write` does, holding the tree's lock until the transaction ends.
  func writeTree<Result: Sendable>(_ body: @Sendable (PostgresTransaction) async throws -> Result) async throws
    -> Result
  {
    try await write { transaction in
      try await Self.lockTree(in: transaction)
      return try await body(transaction)
    }
  }

  static func lockTree(in transaction: PostgresTransaction) async throws {
    try await transaction.query("SELECT pg_advisory_xact_lock(\(treeLock))")
  }

  // MARK: Reading

  public func unitKinds() async throws -> UnitKindTable {
    try await read { transaction in try await Self.unitKinds(in: transaction) }
  }

  static func unitKinds(in transaction: PostgresTransaction) async throws -> UnitKindTable {
    let kinds = try await transaction.rows(
      "SELECT code, name_vi, holds_members, rank FROM unit_kind ORDER BY rank",
      columns: ["unit_kind.code", "unit_kind.name_vi", "unit_kind.holds_members", "unit_kind.rank"]
    ).map { row in
      UnitKindDefinition(
        kind: UnitKind(try row.value(0, as: String.self)), nameVi: try row.value(1),
        holdsMembers: try row.value(2), rank: try row.value(3))
    }
    let rules = try await transaction.rows(
      "SELECT child, parent, valid_from, valid_until FROM unit_kind_rule",
      columns: [
        "unit_kind_rule.child", "unit_kind_rule.parent", "unit_kind_rule.valid_from", "unit_kind_rule.valid_until",
      ]
    ).map { row in
      ParentRule(
        child: UnitKind(try row.value(0, as: String.self)),
        parent: try row.optional(1, as: String.self).map(UnitKind.init), validFrom: try row.optionalDay(2),
        validUntil: try row.optionalDay(3))
    }
    return UnitKindTable(kinds: kinds, rules: rules)
  }

  // One row by its key, asked several times by nearly every request: one statement, without a transaction around.
  public func organisation(code: String) async throws -> Organisation? {
    try await statement(
      "SELECT \(unescaped: Self.organisationColumns) FROM organisation o WHERE o.code = \(code)",
      columns: Self.organisationColumnNames
    ).first.map(Self.organisation)
  }

  public func organisation(id: Int64) async throws -> Organisation? {
    try await statement(
      "SELECT \(unescaped: Self.organisationColumns) FROM organisation o WHERE o.id = \(id)",
      columns: Self.organisationColumnNames
    ).first.map(Self.organisation)
  }

  public func parentHistory(ofCode code: String) async throws -> [ParentLink] {
    try await statement(
      """
      SELECT \(unescaped: Self.linkColumns) FROM organisation_parent p
      JOIN organisation o ON o.id = p.child_id WHERE o.code = \(code) ORDER BY p.valid_from
      """, columns: Self.linkColumnNames
    ).map(Self.link)
  }

  // Walks up from the unit rather than down from the root, as SQLite does: the same cost for a cell under the
  // whole country as for a cell under its own committee. The lineage is the root and the units it took over by
  // merger, and theirs (SQLite's `unitIsReachable`, decision 0040): a few rows.
  public func unitIsWithin(id: Int64, rootCode: String, on day: Day) async throws -> Bool {
    try await !statement(Self.reachable(id: id, rootCode: rootCode, on: day), columns: ["organisation.id"]).isEmpty
  }

  /// One row when unit `id` is `rootCode`, below it, or below a unit it took over, on `day`; none otherwise.
  static func reachable(id: Int64, rootCode: String, on day: Day) -> PostgresQuery {
    """
    WITH RECURSIVE up(id) AS (
      SELECT \(id)::bigint
      UNION
      SELECT p.parent_id FROM organisation_parent p JOIN up ON p.child_id = up.id
      WHERE p.valid_from <= \(day.daysSinceEpoch)
        AND (p.valid_until IS NULL OR p.valid_until > \(day.daysSinceEpoch))),
    lineage(id) AS (
      SELECT id FROM organisation WHERE code = \(rootCode)
      UNION
      SELECT s.predecessor_id FROM organisation_succession s JOIN lineage l ON s.successor_id = l.id)
    SELECT 1 FROM up JOIN lineage ON lineage.id = up.id LIMIT 1
    """
  }

  public func tree(on day: Day, root code: String?) async throws -> OrganisationTree {
    try await read { transaction in
      let units: [Organisation]
      let links: [ParentLink]
      if let code {
        _ = try await Self.requireOrganisation(code: code, in: transaction)
        units = try await transaction.rows(
          Self.inSubtree(
            of: code, on: day,
            "SELECT \(Self.organisationColumns) FROM organisation o JOIN sub ON sub.id = o.id"),
          columns: Self.organisationColumnNames
        ).map(Self.organisation)
        links = try await transaction.rows(
          Self.inSubtree(
            of: code, on: day,
            """
            SELECT \(Self.linkColumns) FROM organisation_parent p JOIN sub ON sub.id = p.child_id
            WHERE p.valid_from <= $2 AND (p.valid_until IS NULL OR p.valid_until > $2)
            """), columns: Self.linkColumnNames
        ).map(Self.link)
      } else {
        let d = day.daysSinceEpoch
        units = try await transaction.rows(
          """
          SELECT \(unescaped: Self.organisationColumns) FROM organisation o
          WHERE o.founded <= \(d) AND (o.ended IS NULL OR o.ended > \(d))
          """, columns: Self.organisationColumnNames
        ).map(Self.organisation)
        links = try await transaction.rows(
          """
          SELECT \(unescaped: Self.linkColumns) FROM organisation_parent p
          WHERE p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
          """, columns: Self.linkColumnNames
        ).map(Self.link)
      }
      return OrganisationTree(day: day, organisations: units, links: links)
    }
  }

  public func roots(on day: Day) async throws -> [Organisation] {
    try await read { transaction in try await Self.roots(on: day, in: transaction) }
  }

  static func roots(on day: Day, in transaction: PostgresTransaction) async throws -> [Organisation] {
    try await transaction.rows(
      """
      SELECT \(unescaped: organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
      WHERE p.parent_id IS NULL AND p.valid_from <= \(day.daysSinceEpoch)
        AND (p.valid_until IS NULL OR p.valid_until > \(day.daysSinceEpoch))
      ORDER BY o.code
      """, columns: organisationColumnNames
    ).map(organisation)
  }

  public func children(of code: String, on day: Day) async throws -> [Organisation] {
    try await read { transaction in
      let parent = try await Self.requireOrganisation(code: code, in: transaction)
      let d = day.daysSinceEpoch
      return try await transaction.rows(
        """
        SELECT \(unescaped: Self.organisationColumns) FROM organisation o
        JOIN organisation_parent p ON p.child_id = o.id
        WHERE p.parent_id = \(parent.id) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
          AND o.founded <= \(d) AND (o.ended IS NULL OR o.ended > \(d))
        ORDER BY o.code
        """, columns: Self.organisationColumnNames
      ).map(Self.organisation)
    }
  }

  public func allOrganisations() async throws -> (units: [Organisation], links: [ParentLink]) {
    try await read { transaction in
      (
        try await transaction.rows(
          "SELECT \(unescaped: Self.organisationColumns) FROM organisation o ORDER BY o.id",
          columns: Self.organisationColumnNames
        ).map(Self.organisation),
        try await transaction.rows(
          "SELECT \(unescaped: Self.linkColumns) FROM organisation_parent p ORDER BY p.child_id, p.valid_from",
          columns: Self.linkColumnNames
        ).map(Self.link)
      )
    }
  }

  // MARK: Writing

  @discardableResult
  public func addOrganisations(_ batch: [NewOrganisation], audit: ImportAudit?) async throws -> [Organisation] {
    try await writeTree { transaction in
      let kinds = try await Self.unitKinds(in: transaction)
      var added: [String: Organisation] = [:]
      var result: [Organisation] = []
      result.reserveCapacity(batch.count)
      for (index, new) in batch.enumerated() {
        do {
          let unit = try await Self.add(new, known: added, kinds: kinds, in: transaction)
          added[unit.code] = unit
          result.append(unit)
        } catch let error as DomainError {
          throw BatchItemError(index: index, error: error)
        }
      }
      try await Self.append(audit, in: transaction)
      return result
    }
  }

  /// Checks and inserts one unit; `known` holds the units added earlier in the same batch, by code.
  static func add(
    _ new: NewOrganisation, known: [String: Organisation], kinds: UnitKindTable, in transaction: PostgresTransaction
  ) async throws -> Organisation {
    var parent: Organisation?
    if let parentCode = new.parentCode {
      parent = known[parentCode]
      if parent == nil { parent = try await organisation(code: parentCode, in: transaction) }
      if parent == nil { throw TreeRules.unknownParent(parentCode) }
    }
    var taken = known[new.code] != nil
    if !taken { taken = try await exists("SELECT 1 FROM organisation WHERE code = \(new.code)", in: transaction) }
    try TreeRules.checkNew(
      code: new.code, name: new.name, kind: new.kind, parent: parent, founded: new.founded, kinds: kinds,
      codeTaken: taken)
    let ids = try await transaction.rows(
      """
      INSERT INTO organisation(code, name, kind, founded)
      VALUES (\(new.code), \(new.name), \(new.kind.code), \(new.founded.daysSinceEpoch)) RETURNING id
      """, columns: ["organisation.id"])
    let unit = Organisation(
      id: try ids[0].value(0), code: new.code, name: new.name, kind: new.kind, founded: new.founded)
    try await transaction.query(
      """
      INSERT INTO organisation_parent(child_id, parent_id, valid_from)
      VALUES (\(unit.id), \(parent?.id), \(new.founded.daysSinceEpoch))
      """)
    return unit
  }

  public func moveOrganisation(code: String, underParent parentCode: String, on day: Day) async throws {
    try await writeTree { transaction in
      try await Self.move(
        Self.requireOrganisation(code: code, in: transaction),
        under: Self.requireOrganisation(code: parentCode, in: transaction), on: day, in: transaction)
    }
  }

  static func move(_ unit: Organisation, under parent: Organisation, on day: Day, in transaction: PostgresTransaction)
    async throws
  {
    // Only the new parent's ancestry matters for the cycle check, so build just that chain.
    let chain = try await ancestry(of: parent.id, on: day, in: transaction)
    let tree = OrganisationTree(day: day, organisations: chain.units, links: chain.links)
    let kinds = try await unitKinds(in: transaction)
    try TreeRules.checkMove(unit, under: parent, on: day, tree: tree, kinds: kinds)
    let latest = try await transaction.rows(
      "SELECT max(valid_from) FROM organisation_parent WHERE child_id = \(unit.id)",
      columns: ["organisation_parent.valid_from"])
    try TreeRules.checkInDateOrder(unit, latestLinkFrom: try latest.first?.optionalDay(0), movingOn: day)
    let d = day.daysSinceEpoch
    try await transaction.query(
      """
      UPDATE organisation_parent SET valid_until = \(d)
      WHERE child_id = \(unit.id) AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
      """)
    try await transaction.query(
      "INSERT INTO organisation_parent(child_id, parent_id, valid_from) VALUES (\(unit.id), \(parent.id), \(d))")
  }

  public func endOrganisation(code: String, on day: Day) async throws {
    try await writeTree { transaction in
      try await Self.end(Self.requireOrganisation(code: code, in: transaction), on: day, in: transaction)
    }
  }

  static func end(_ unit: Organisation, on day: Day, in transaction: PostgresTransaction) async throws {
    try TreeRules.checkEnd(unit, on: day)
    // The subtree on the day itself: units moved away that day (a merge) are no longer below it.
    let ids = try await subtreeIDs(of: unit.code, on: day, in: transaction)
    let d = day.daysSinceEpoch
    let remaining = try await count(
      """
      SELECT count(DISTINCT member_id) FROM member_span
      WHERE cell_id = ANY(\(ids)) AND (valid_until IS NULL OR valid_until > \(d))
      """, in: transaction)
    try TreeRules.checkNoMembersRemain(unit, remaining: remaining, on: day)
    try await transaction.query("UPDATE organisation SET ended = \(d) WHERE id = ANY(\(ids)) AND ended IS NULL")
    try await transaction.query(
      "UPDATE organisation_parent SET valid_until = \(d) WHERE child_id = ANY(\(ids)) AND valid_until IS NULL")
  }

  public func mergeOrganisation(code: String, into targetCode: String, on day: Day) async throws {
    try await writeTree { transaction in try await Self.merge(code: code, into: targetCode, on: day, in: transaction) }
  }

  static func merge(code: String, into targetCode: String, on day: Day, in transaction: PostgresTransaction)
    async throws
  {
    let source = try await requireOrganisation(code: code, in: transaction)
    let target = try await requireOrganisation(code: targetCode, in: transaction)
    try TreeRules.checkMerge(source, into: target, on: day)
    // The units below move across.
    let d = day.daysSinceEpoch
    let children = try await transaction.rows(
      """
      SELECT \(unescaped: organisationColumns) FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
      WHERE p.parent_id = \(source.id) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
      ORDER BY o.code
      """, columns: organisationColumnNames
    ).map(organisation)
    for child in children { try await move(child, under: target, on: day, in: transaction) }
    // The members of a merged cell transfer into the target, through the register's own write (their histories
    // checked as any transfer is).
    let members = try await transaction.rows(
      """
      SELECT member_id FROM member_span
      WHERE cell_id = \(source.id) AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
      ORDER BY member_id
      """, columns: ["member_span.member_id"]
    ).map { try $0.value(0, as: Int64.self) }
    try await record(TreeRules.mergeTransfers(of: members, from: source, into: target, on: day), in: transaction)
    try await end(source, on: day, in: transaction)
    // The target holds the merged unit's records from now on: its staff reach them (decision 0040).
    try await transaction.query(
      """
      INSERT INTO organisation_succession(predecessor_id, successor_id, day)
      VALUES (\(source.id), \(target.id), \(day.daysSinceEpoch))
      """)
  }

  // MARK: Population

  public func setPopulation(_ rows: [Population], audit: ImportAudit?) async throws {
    try await write { transaction in
      for (index, row) in rows.enumerated() {
        let unitExists = try await Self.exists(
          "SELECT 1 FROM organisation WHERE id = \(row.organisationID)", in: transaction)
        do throws(DomainError) {
          try TreeRules.checkPopulation(row, unitExists: unitExists)
        } catch {
          throw BatchItemError(index: index, error: error)
        }
        try await transaction.query(
          """
          INSERT INTO population(organisation_id, year, people) VALUES (\(row.organisationID), \(row.year), \(row.people))
          ON CONFLICT (organisation_id, year) DO UPDATE SET people = EXCLUDED.people
          """)
      }
      try await Self.append(audit, in: transaction)
    }
  }

  public func population(ofOrganisation id: Int64, year: Int) async throws -> Int? {
    try await statement(
      "SELECT people FROM population WHERE organisation_id = \(id) AND year = \(year)",
      columns: ["population.people"]
    ).first?.value(0)
  }

  // Every write moves it on as its last statement (`PostgresStore.write`): whichever server committed, this reads
  // the number the last commit left.
  public func dataGeneration() async throws -> Int64? {
    try await statement(
      "SELECT generation FROM data_generation WHERE id = 1", columns: ["data_generation.generation"]
    ).first?.value(0)
  }

  // MARK: Shared by the tree's reads and writes

  static let organisationColumns =
    "o.id, o.code, o.name, o.kind, o.founded, o.ended, EXISTS (SELECT 1 FROM unit_kind k WHERE k.code = o.kind)"
  static let organisationColumnNames = [
    "organisation.id", "organisation.code", "organisation.name", "organisation.kind", "organisation.founded",
    "organisation.ended", "unit_kind.code",
  ]

  /// A unit whose kind is not in the kind table (its reference dropped and the row changed outside DangVu) is
  /// refused as an unknown value: its place in the tree, which the kind table decides, cannot be known.
  static func organisation(_ row: StoredRow) throws -> Organisation {
    let kind = try row.value(3, as: String.self)
    guard try row.value(6, as: Bool.self) else { throw StoredValue.unknown(kind, column: "organisation.kind") }
    return Organisation(
      id: try row.value(0), code: try row.value(1), name: try row.value(2), kind: UnitKind(kind),
      founded: try row.day(4), ended: try row.optionalDay(5))
  }

  static let linkColumns = "p.child_id, p.parent_id, p.valid_from, p.valid_until"
  static let linkColumnNames = [
    "organisation_parent.child_id", "organisation_parent.parent_id", "organisation_parent.valid_from",
    "organisation_parent.valid_until",
  ]

  static func link(_ row: StoredRow) throws -> ParentLink {
    ParentLink(
      child: try row.value(0), parent: try row.optional(1), from: try row.day(2), until: try row.optionalDay(3))
  }

  static func organisation(code: String, in transaction: PostgresTransaction) async throws -> Organisation? {
    try await transaction.rows(
      "SELECT \(unescaped: organisationColumns) FROM organisation o WHERE o.code = \(code)",
      columns: organisationColumnNames
    ).first.map(organisation)
  }

  static func organisation(id: Int64, in transaction: PostgresTransaction) async throws -> Organisation? {
    try await transaction.rows(
      "SELECT \(unescaped: organisationColumns) FROM organisation o WHERE o.id = \(id)",
      columns: organisationColumnNames
    ).first.map(organisation)
  }

  static func requireOrganisation(code: String, in transaction: PostgresTransaction) async throws -> Organisation {
    guard let unit = try await organisation(code: code, in: transaction) else { throw TreeRules.unknownUnit(code) }
    return unit
  }

  /// `sub(id)`: the unit `$1` and every unit under it as the tree stood on day `$2` (SQLite's `subtreeCTE`),
  /// followed by `select`, which may use `$2`.
  static func inSubtree(of code: String, on day: Day, _ select: String) -> PostgresQuery {
    var binds = PostgresBindings()
    binds.append(code)
    binds.append(day.daysSinceEpoch)
    return PostgresQuery(
      unsafeSQL: """
        WITH RECURSIVE sub(id) AS (
          SELECT id FROM organisation WHERE code = $1 AND founded <= $2 AND (ended IS NULL OR ended > $2)
          UNION ALL
          SELECT p.child_id FROM organisation_parent p JOIN sub ON p.parent_id = sub.id
          WHERE p.valid_from <= $2 AND (p.valid_until IS NULL OR p.valid_until > $2))
        \(select)
        """, binds: binds)
  }

  /// The ids of the unit and every unit below it on `day`.
  static func subtreeIDs(of code: String, on day: Day, in transaction: PostgresTransaction) async throws -> [Int64] {
    try await transaction.rows(inSubtree(of: code, on: day, "SELECT id FROM sub"), columns: ["organisation.id"])
      .map { try $0.value(0) }
  }

  /// The unit and its ancestors on `day`, with the links between them.
  static func ancestry(of id: Int64, on day: Day, in transaction: PostgresTransaction) async throws -> (
    units: [Organisation], links: [ParentLink]
  ) {
    var units: [Organisation] = []
    var links: [ParentLink] = []
    var current: Int64? = id
    let d = day.daysSinceEpoch
    while let next = current, units.count < 64 {
      guard let unit = try await organisation(id: next, in: transaction) else { break }
      units.append(unit)
      let link = try await transaction.rows(
        """
        SELECT \(unescaped: linkColumns) FROM organisation_parent p
        WHERE p.child_id = \(next) AND p.valid_from <= \(d) AND (p.valid_until IS NULL OR p.valid_until > \(d))
        """, columns: linkColumnNames
      ).first.map(Self.link)
      if let link { links.append(link) }
      current = link?.parent
    }
    return (units, links)
  }

  /// The members in the register on `day` in the given cells (SQLite's `membersOn`).
  static func membersOn(_ day: Day, in cells: [Int64], in transaction: PostgresTransaction) async throws -> Int {
    guard !cells.isEmpty else { return 0 }
    let d = day.daysSinceEpoch
    return try await count(
      """
      SELECT count(DISTINCT member_id) FROM member_span
      WHERE cell_id = ANY(\(cells)) AND valid_from <= \(d) AND (valid_until IS NULL OR valid_until > \(d))
      """, in: transaction)
  }

  /// Appends an import's entry in the write's transaction, under the importer's unit or the top of the tree.
  static func append(_ audit: ImportAudit?, in transaction: PostgresTransaction) async throws {
    guard let audit else { return }
    let scope: String
    if let given = audit.scopeCode { scope = given } else { scope = try await topUnitCode(in: transaction) }
    _ = try await append(audit.auditEntry(scopeCode: scope), in: transaction)
  }

  /// The top of the tree as it stands (a top place not closed; no clock read), or else the first unit never placed
  /// under another (SQLite's `topUnitCode`).
  static func topUnitCode(in transaction: PostgresTransaction) async throws -> String {
    if let root: String = try await transaction.rows(
      """
      SELECT o.code FROM organisation o JOIN organisation_parent p ON p.child_id = o.id
      WHERE p.parent_id IS NULL AND p.valid_until IS NULL AND o.ended IS NULL ORDER BY o.code LIMIT 1
      """, columns: ["organisation.code"]
    ).first?.value(0) {
      return root
    }
    guard let code = try await firstUnplacedCode(in: transaction) else { throw TreeRules.noUnitForAudit }
    return code
  }

  /// The first unit never placed under another (SQLite's `rootCode`).
  static func firstUnplacedCode(in transaction: PostgresTransaction) async throws -> String? {
    try await transaction.rows(
      """
      SELECT o.code FROM organisation o WHERE NOT EXISTS (
        SELECT 1 FROM organisation_parent p WHERE p.child_id = o.id AND p.parent_id IS NOT NULL)
      ORDER BY o.id LIMIT 1
      """, columns: ["organisation.code"]
    ).first?.value(0)
  }

  static func exists(_ query: PostgresQuery, in transaction: PostgresTransaction) async throws -> Bool {
    try await !transaction.rows(query, columns: ["exists"]).isEmpty
  }

  static func count(_ query: PostgresQuery, in transaction: PostgresTransaction) async throws -> Int {
    try await transaction.rows(query, columns: ["count"]).first?.value(0) ?? 0
  }

  /// One statement on its own, outside any transaction: one statement sees one commit's state by itself, so the
  /// hot reads of every page (a unit by its code, the scope check) save the round trips of BEGIN and COMMIT.
  func statement(_ query: PostgresQuery, columns: [String]) async throws -> [StoredRow] {
    try await PostgresFailure.naming(location) {
      try await client.withConnection { connection in
        var rows: [StoredRow] = []
        for try await row in try await connection.query(query, logger: logger) {
          rows.append(StoredRow(row: row.makeRandomAccess(), columns: columns))
        }
        return rows
      }
    }
  }
}
