import DangVuCore
import GRDB

/// Checking batches of new members, on a reader or on the writer (decision 0016).
extension SQLiteStore {
  /// Checks a batch against the tree on a reader, so the writer can go on writing meanwhile.
  public func checkMembers(_ batch: [NewMember]) async throws -> CheckedMembers {
    try await writer.read { db in try Self.check(batch, cells: CellLookup(db: db)) }
  }

  public func addMembers(_ checked: CheckedMembers, audit: ImportAudit?) async throws -> [Member] {
    try await addMembers(checked.batch, bulk: nil, checked: checked, audit: audit)
  }

  /// Checks each member's identity and history; repeats within the batch are refused here, repeats of the
  /// register by its UNIQUE indexes when written.
  static func check(_ batch: [NewMember], cells: CellLookup) throws -> CheckedMembers {
    var cards = Set<String>()
    var nationalIDs = Set<String>()
    cards.reserveCapacity(batch.count)
    nationalIDs.reserveCapacity(batch.count)
    var members: [CheckedMember] = []
    members.reserveCapacity(batch.count)
    for (index, new) in batch.enumerated() {
      do {
        let member = new.member
        // Rows that plainly pass skip the Character walk of the full rule; any other gets the rule itself.
        if !IdentityShape.plainlyValid(member) { try MemberRules.checkIdentity(member) }
        if let card = member.partyCardNumber, !cards.insert(card).inserted { throw MemberRules.duplicateCard(card) }
        if let nid = member.nationalID, !nationalIDs.insert(nid).inserted {
          throw MemberRules.duplicateNationalID(nid)
        }
        let timeline = try MemberTimeline(member: member, events: new.events, cell: cells.check)
        members.append(CheckedMember(timeline: timeline, searchName: SearchFolding.fold(member.fullName)))
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    return CheckedMembers(batch: batch, members: members, units: cells.cache, kinds: cells.kinds)
  }

  /// Whether every unit a check read is still as it read it, with the same kind rules: one range read of
  /// the units (a batch's cells are mostly a district's, whose ids are close together).
  static func stillHolds(_ checked: CheckedMembers, in db: Database) throws -> Bool {
    guard try unitKinds(in: db) == checked.kinds else { return false }
    let found = checked.units.compactMapValues { $0 }
    guard found.count == checked.units.count else { return false }
    guard let low = found.keys.min(), let high = found.keys.max() else { return true }
    var matched = 0
    let rows = try Row.fetchCursor(
      db, sql: "SELECT \(organisationColumns) FROM organisation o WHERE o.id BETWEEN ? AND ?", arguments: [low, high])
    while let row = try rows.next() {
      guard let unit = found[row[0]] else { continue }
      guard organisation(row) == unit else { return false }
      matched += 1
    }
    return matched == found.count
  }
}
