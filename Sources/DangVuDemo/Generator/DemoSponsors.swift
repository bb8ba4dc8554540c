import DangVuCore

/// The two sponsors of each admission in the demo: official members of the admitting cell on the day.
///
/// Worked out from the histories while a district is generated (a join over the stored spans took about
/// a minute at national scale). A hash spreads the choice, so the same two do not sponsor everyone.
public enum DemoSponsors {
  /// Where a member was official: in `cell` from `from` until `until` (exclusive; nil while it lasts).
  struct Stay {
    var member: Int64
    var from: Day
    var until: Day?
  }

  /// The sponsors of each admission on or after `since` that has two to choose from, by admitted member.
  public static func pick(_ histories: [(memberID: Int64, events: [MembershipEvent])], since: Day) -> [Int64: [Int64]] {
    var stays: [Int64: [Stay]] = [:]
    for history in histories { officialStays(history.memberID, history.events, into: &stays) }
    var result: [Int64: [Int64]] = [:]
    for (admitted, events) in histories {
      guard let admission = events.first(where: { $0.kind == .admitted }), admission.date >= since,
        let cell = admission.cellID, let here = stays[cell]
      else { continue }
      var best: [(key: Int64, member: Int64)] = []
      for stay in here
      where stay.member != admitted && stay.from <= admission.date
        && (stay.until.map { admission.date < $0 } ?? true)
      {
        best.append((key: (stay.member &* 7919 &+ admitted) % 1009, member: stay.member))
      }
      guard best.count >= AdmissionRules.sponsorsRequired else { continue }
      best.sort { ($0.key, $0.member) < ($1.key, $1.member) }
      result[admitted] = best.prefix(AdmissionRules.sponsorsRequired).map(\.member)
    }
    return result
  }

  /// The stretches a history is official in one cell, as the register's spans have them: a transfer sent
  /// and not yet received still counts in the sending cell; an arrival from another province is official.
  static func officialStays(_ member: Int64, _ events: [MembershipEvent], into stays: inout [Int64: [Stay]]) {
    var cell: Int64?
    var officialFrom: Day?
    func close(on day: Day?) {
      if let cell, let from = officialFrom, day.map({ from < $0 }) ?? true {
        stays[cell, default: []].append(Stay(member: member, from: from, until: day))
      }
    }
    for event in events {
      switch event.kind {
      case .admitted: cell = event.cellID
      case .madeOfficial: officialFrom = event.date
      case .transferredIn:
        cell = event.cellID
        officialFrom = event.date
      case .transferred, .transferReceived:
        close(on: event.date)
        cell = event.cellID
        if officialFrom != nil { officialFrom = event.date }
      case .transferredOut, .struckOff, .askedToLeave, .expelled, .died, .notRecognised:
        close(on: event.date)
        cell = nil
        officialFrom = nil
      case .transferSent, .exempted, .restored: break
      }
    }
    close(on: nil)
  }
}
