import DangVuCore

/// A batch of new members whose identities and histories were checked against the tree as it stood
/// (`BulkLoading.checkMembers`, or the members file's import), to be written by `BulkLoading.addMembers(_:audit:)`.
///
/// Checking is most of the work of writing a batch besides SQLite's own, and it needs only the tree: a
/// caller loading many batches checks the next one while the store writes the previous one, so the single
/// writer only binds and inserts (the national demo). The store checks again on its writer, cheaply, that
/// every unit the check read is still as it was, and checks the batch again itself if one changed.
public struct CheckedMembers: Sendable {
  /// The batch as it was given to the check.
  public let batch: [NewMember]
  let members: [CheckedMember]
  /// Every unit the check read, as it read it (nil: no such unit), and the kind rules it applied.
  let units: [Int64: Organisation?]
  let kinds: UnitKindTable

  public var count: Int { batch.count }

  /// Whether `id` is a unit the check found: every cell a checked history names has been looked up.
  func found(_ id: Int64) -> Bool { units[id].map { $0 != nil } ?? false }
}

/// One member of a checked batch: its history laid out, and its name folded for search.
public struct CheckedMember: Sendable {
  public let timeline: MemberTimeline
  public let searchName: String

  /// Checks each new member's identity and history against `cell` (the tree as the engine read it), in the batch's
  /// order; repeated card or ID numbers within the batch are refused here, repeats of the register by the engine
  /// when written. A refusal is a `BatchItemError` at the member's place. Every engine checks a batch through this.
  public static func check(_ batch: [NewMember], cell: (Int64, Day) -> CellCheck) throws -> [CheckedMember] {
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
        let timeline = try MemberTimeline(member: member, events: new.events, cell: cell)
        members.append(CheckedMember(timeline: timeline, searchName: SearchFolding.fold(member.fullName)))
      } catch let error as DomainError {
        throw BatchItemError(index: index, error: error)
      }
    }
    return members
  }
}
