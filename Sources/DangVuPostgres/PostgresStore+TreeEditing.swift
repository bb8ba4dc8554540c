import DangVuCore
import DangVuStore
import PostgresNIO

/// Changes to the tree with their preview and audit entry (`TreeEditing`), as SQLite makes them
/// (`SQLiteStore+TreeEditing.swift`): the change and its entry in one transaction, under the tree's lock.
extension PostgresStore: TreeEditing {
  /// The change is made in a transaction that is rolled back: the preview passes every check the write passes,
  /// and nothing stays written.
  public func previewTreeChange(_ change: TreeChange) async throws -> TreeChangePreview {
    try await rehearse { transaction in
      try await Self.lockTree(in: transaction)
      return try await Self.apply(change, in: transaction)
    }
  }

  @discardableResult
  public func changeTree(_ change: TreeChange, by actor: AuditActor) async throws -> TreeChangePreview {
    try await writeTree { transaction in
      let before = try await Self.organisation(code: change.code, in: transaction)
      var parentBefore: String?
      if let before {
        parentBefore = try await Self.ancestry(of: before.id, on: change.day, in: transaction).units.dropFirst()
          .first?.code
      }
      let preview = try await Self.apply(change, in: transaction)
      _ = try await Self.append(
        .treeChange(change.auditAction, preview, before: before, parentCodeBefore: parentBefore, by: actor),
        in: transaction)
      return preview
    }
  }

  @discardableResult
  public func foundTopUnit(code: String, name: String, kind: UnitKind, on day: Day, by actor: AuditActor)
    async throws -> TreeChangePreview
  {
    try await writeTree { transaction in
      let unit = try await Self.add(
        NewOrganisation(code: code, name: name, kind: kind, parentCode: nil, founded: day), known: [:],
        kinds: Self.unitKinds(in: transaction), in: transaction)
      let preview = TreeChangePreview(kind: .found, unit: .init(unit), newName: name, day: day)
      _ = try await Self.append(
        .treeChange(TreeChange.foundAction, preview, before: nil, parentCodeBefore: nil, by: actor), in: transaction)
      return preview
    }
  }

  public func nameHistory(ofCode code: String) async throws -> [NamePeriod] {
    try await read { transaction in
      try await Self.nameHistory(of: Self.requireOrganisation(code: code, in: transaction), in: transaction)
    }
  }

  static func nameHistory(of unit: Organisation, in transaction: PostgresTransaction) async throws -> [NamePeriod] {
    let stored = try await transaction.rows(
      "SELECT name, valid_from, valid_until FROM organisation_name WHERE organisation_id = \(unit.id) ORDER BY valid_from",
      columns: ["organisation_name.name", "organisation_name.valid_from", "organisation_name.valid_until"]
    ).map { row in NamePeriod(name: try row.value(0), from: try row.day(1), until: try row.optionalDay(2)) }
    return TreeRules.nameHistory(of: unit, stored: stored)
  }

  /// Checks and makes one change, counting what it changes on the tree as it stood before.
  static func apply(_ change: TreeChange, in transaction: PostgresTransaction) async throws -> TreeChangePreview {
    switch change {
    case .found(let code, let name, let kind, let parentCode, let day):
      let unit = try await add(
        NewOrganisation(code: code, name: name, kind: kind, parentCode: parentCode, founded: day), known: [:],
        kinds: unitKinds(in: transaction), in: transaction)
      let parent = try await requireOrganisation(code: parentCode, in: transaction)
      return TreeChangePreview(kind: .found, unit: .init(unit), other: .init(parent), newName: name, day: day)

    case .rename(let code, let name, let day):
      let unit = try await requireOrganisation(code: code, in: transaction)
      let names = try await nameHistory(of: unit, in: transaction)
      try TreeRules.checkRename(unit, to: name, on: day, names: names)
      let previous = TreeRules.name(of: unit, on: day, names: names)
      let d = day.daysSinceEpoch
      // The founding name is stored with the first rename; until then `organisation.name` is the whole history.
      if try await !exists("SELECT 1 FROM organisation_name WHERE organisation_id = \(unit.id)", in: transaction) {
        try await transaction.query(
          """
          INSERT INTO organisation_name(organisation_id, name, valid_from)
          VALUES (\(unit.id), \(unit.name), \(unit.founded.daysSinceEpoch))
          """)
      }
      try await transaction.query(
        "UPDATE organisation_name SET valid_until = \(d) WHERE organisation_id = \(unit.id) AND valid_until IS NULL")
      try await transaction.query(
        "INSERT INTO organisation_name(organisation_id, name, valid_from) VALUES (\(unit.id), \(name), \(d))")
      // The latest name is the one pages and reports read (decision 0028).
      try await transaction.query("UPDATE organisation SET name = \(name) WHERE id = \(unit.id)")
      return TreeChangePreview(kind: .rename, unit: .init(unit), previousName: previous, newName: name, day: day)

    case .move(let code, let parentCode, let day):
      let unit = try await requireOrganisation(code: code, in: transaction)
      let parent = try await requireOrganisation(code: parentCode, in: transaction)
      let counts = try await subtreeCounts(of: unit, on: day, in: transaction)
      try await move(unit, under: parent, on: day, in: transaction)
      return TreeChangePreview(
        kind: .move, unit: .init(unit), other: .init(parent), day: day, unitsBelow: counts.units,
        members: counts.members)

    case .merge(let code, let intoCode, let day):
      let unit = try await requireOrganisation(code: code, in: transaction)
      let target = try await requireOrganisation(code: intoCode, in: transaction)
      let counts = try await subtreeCounts(of: unit, on: day, in: transaction)
      let own = try await membersOn(day, in: [unit.id], in: transaction)
      try await merge(code: code, into: intoCode, on: day, in: transaction)
      return TreeChangePreview(
        kind: .merge, unit: .init(unit), other: .init(target), day: day, unitsBelow: counts.units, members: own)

    case .dissolve(let code, let day):
      let unit = try await requireOrganisation(code: code, in: transaction)
      let counts = try await subtreeCounts(of: unit, on: day, in: transaction)
      try await end(unit, on: day, in: transaction)
      return TreeChangePreview(
        kind: .dissolve, unit: .init(unit), day: day, unitsBelow: counts.units, members: counts.members)
    }
  }

  /// The units below `unit` and the members in it and below it on `day`.
  private static func subtreeCounts(of unit: Organisation, on day: Day, in transaction: PostgresTransaction)
    async throws -> (units: Int, members: Int)
  {
    let ids = try await subtreeIDs(of: unit.code, on: day, in: transaction)
    return (max(0, ids.count - 1), try await membersOn(day, in: ids, in: transaction))
  }
}
