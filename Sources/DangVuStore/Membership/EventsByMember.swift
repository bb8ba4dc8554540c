import DangVuCore

extension [MembershipEvent] {
  /// The batch by member, for checking each history whole with all of its new events at once: each member once, in
  /// the order it first appears, with its events in the order given and each event's place in the batch (a refusal
  /// names the member's first one, `BatchItemError`). Both engines' `recordEvents` walk the batch this way.
  public func groupedByMember() -> [(memberID: Int64, events: [(index: Int, event: MembershipEvent)])] {
    var order: [Int64] = []
    var byMember: [Int64: [(index: Int, event: MembershipEvent)]] = [:]
    for (index, event) in enumerated() {
      if byMember[event.memberID] == nil { order.append(event.memberID) }
      byMember[event.memberID, default: []].append((index, event))
    }
    return order.map { ($0, byMember[$0]!) }
  }
}
