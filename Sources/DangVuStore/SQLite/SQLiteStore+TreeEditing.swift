import DangVuCore
import GRDB

/// Changes to the tree with their preview and audit entry (`TreeEditing`).
extension SQLiteStore {
  /// The change is made in a transaction that is rolled back: the preview passes every check the write passes
  /// (the member histories of a merge included), and nothing stays written.
  public func previewTreeChange(_ change: TreeChange) async throws -> TreeChangePreview {
    try await writer.writeWithoutTransaction { db in
      var preview: TreeChangePreview?
      try db.inTransaction(.immediate) {
        preview = try Self.apply(change, in: db)
        return .rollback
      }
      guard let preview else { throw DomainError("organisation.preview", "Không xem trước được thay đổi.") }
      return preview
    }
  }

  @discardableResult
  public func changeTree(_ change: TreeChange, by actor: AuditActor) async throws -> TreeChangePreview {
    try await writer.write { db in
      let before = try Self.organisation(code: change.code, in: db)
      let parentBefore = try before.flatMap { unit in
        try Self.ancestry(of: unit.id, on: change.day, in: db).units.dropFirst().first?.code
      }
      let preview = try Self.apply(change, in: db)
      _ = try Self.append(
        .treeChange(change.auditAction, preview, before: before, parentCodeBefore: parentBefore, by: actor), in: db)
      return preview
    }
  }

  @discardableResult
  public func foundTopUnit(code: String, name: String, kind: UnitKind, on day: Day, by actor: AuditActor)
    async throws -> TreeChangePreview
  {
    try await writer.write { db in
      let unit = try Self.add(
        NewOrganisation(code: code, name: name, kind: kind, parentCode: nil, founded: day), known: [:],
        kinds: Self.unitKinds(in: db), in: db)
      let preview = TreeChangePreview(kind: .found, unit: .init(unit), newName: name, day: day)
      _ = try Self.append(
        .treeChange(TreeChange.foundAction, preview, before: nil, parentCodeBefore: nil, by: actor), in: db)
      return preview
    }
  }

  // A few rows of one record, asked by a page on every request: on the calling thread
  // (SQLiteStore.readOnCallingThread).
  public func nameHistory(ofCode code: String) async throws -> [NamePeriod] {
    try readOnCallingThread { db in try Self.nameHistory(of: Self.requireOrganisation(code: code, in: db), in: db) }
  }

  /// The stored names of a renamed unit; a unit never renamed has had one name since its founding.
  static func nameHistory(of unit: Organisation, in db: Database) throws -> [NamePeriod] {
    let stored = try db.cachedRows(
      sql: "SELECT name, valid_from, valid_until FROM organisation_name WHERE organisation_id = ? ORDER BY valid_from",
      arguments: [unit.id]
    ).map {
      NamePeriod(
        name: $0[0], from: Day(daysSinceEpoch: $0[1]), until: ($0[2] as Int?).map(Day.init(daysSinceEpoch:)))
    }
    return TreeRules.nameHistory(of: unit, stored: stored)
  }

  /// Checks and makes one change, counting what it changes on the tree as it stood before.
  static func apply(_ change: TreeChange, in db: Database) throws -> TreeChangePreview {
    switch change {
    case .found(let code, let name, let kind, let parentCode, let day):
      let unit = try add(
        NewOrganisation(code: code, name: name, kind: kind, parentCode: parentCode, founded: day), known: [:],
        kinds: unitKinds(in: db), in: db)
      let parent = try requireOrganisation(code: parentCode, in: db)
      return TreeChangePreview(kind: .found, unit: .init(unit), other: .init(parent), newName: name, day: day)

    case .rename(let code, let name, let day):
      let unit = try requireOrganisation(code: code, in: db)
      let names = try nameHistory(of: unit, in: db)
      try TreeRules.checkRename(unit, to: name, on: day, names: names)
      let previous = TreeRules.name(of: unit, on: day, names: names)
      if try db.cachedValue(
        Bool.self, sql: "SELECT 1 FROM organisation_name WHERE organisation_id = ?", arguments: [unit.id]) == nil
      {
        try db.execute(
          sql: "INSERT INTO organisation_name(organisation_id, name, valid_from) VALUES (?, ?, ?)",
          arguments: [unit.id, unit.name, unit.founded.daysSinceEpoch])
      }
      try db.execute(
        sql: "UPDATE organisation_name SET valid_until = ? WHERE organisation_id = ? AND valid_until IS NULL",
        arguments: [day.daysSinceEpoch, unit.id])
      try db.execute(
        sql: "INSERT INTO organisation_name(organisation_id, name, valid_from) VALUES (?, ?, ?)",
        arguments: [unit.id, name, day.daysSinceEpoch])
      // The latest name is the one pages and reports read (decision 0028).
      try db.execute(sql: "UPDATE organisation SET name = ? WHERE id = ?", arguments: [name, unit.id])
      return TreeChangePreview(
        kind: .rename, unit: .init(unit), previousName: previous, newName: name, day: day)

    case .move(let code, let parentCode, let day):
      let unit = try requireOrganisation(code: code, in: db)
      let parent = try requireOrganisation(code: parentCode, in: db)
      let counts = try subtreeCounts(of: unit, on: day, in: db)
      try move(code: code, underParent: parentCode, on: day, in: db)
      return TreeChangePreview(
        kind: .move, unit: .init(unit), other: .init(parent), day: day, unitsBelow: counts.units,
        members: counts.members)

    case .merge(let code, let intoCode, let day):
      let unit = try requireOrganisation(code: code, in: db)
      let target = try requireOrganisation(code: intoCode, in: db)
      let counts = try subtreeCounts(of: unit, on: day, in: db)
      let own = try membersOn(day, in: [unit.id], in: db)
      try merge(code: code, into: intoCode, on: day, in: db)
      return TreeChangePreview(
        kind: .merge, unit: .init(unit), other: .init(target), day: day, unitsBelow: counts.units, members: own)

    case .dissolve(let code, let day):
      let unit = try requireOrganisation(code: code, in: db)
      let counts = try subtreeCounts(of: unit, on: day, in: db)
      try end(unit, on: day, in: db)
      return TreeChangePreview(
        kind: .dissolve, unit: .init(unit), day: day, unitsBelow: counts.units, members: counts.members)
    }
  }

  /// The units below `unit` and the members in it and below it on `day`.
  private static func subtreeCounts(of unit: Organisation, on day: Day, in db: Database) throws -> (
    units: Int, members: Int
  ) {
    let ids = try subtreeIDs(of: unit.code, on: day, in: db)
    return (max(0, ids.count - 1), try membersOn(day, in: ids, in: db))
  }

  private static func membersOn(_ day: Day, in cells: [Int64], in db: Database) throws -> Int {
    guard !cells.isEmpty else { return 0 }
    return try Int.fetchOne(
      db,
      sql: """
        SELECT COUNT(DISTINCT member_id) FROM member_span
        WHERE cell_id IN (\(cells.map(String.init).joined(separator: ",")))
          AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
        """, arguments: [day.daysSinceEpoch, day.daysSinceEpoch]) ?? 0
  }
}
