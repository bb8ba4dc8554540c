import DangVuCore

/// The export's walk through the register, as every engine takes it (`RegisterStore.forEachMemberBatch`): batches in
/// id order, each read after the last id of the one before, until a read comes back empty.
public enum MemberBatches {
  public typealias Batch = [(member: Member, events: [MembershipEvent])]

  /// Calls `body` with each batch `read` returns for the members after an id (at most a batch of them).
  public static func forEach(read: (_ after: Int64) async throws -> Batch, _ body: (Batch) throws -> Void)
    async throws
  {
    var after: Int64 = 0
    while true {
      let batch = try await read(after)
      guard let last = batch.last else { return }
      try body(batch)
      after = last.member.id
    }
  }

  /// Each member with its events: `events` in the order they were recorded, of these members in any order.
  public static func pairing(_ members: [Member], with events: [MembershipEvent]) -> Batch {
    let byMember = Dictionary(grouping: events, by: \.memberID)
    return members.map { ($0, byMember[$0.id] ?? []) }
  }
}
