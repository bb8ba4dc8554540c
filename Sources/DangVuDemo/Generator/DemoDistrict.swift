import DangVuCore

/// A unit of the demo, its parent named both by index (within its district) and by code.
public struct DemoUnit: Hashable, Sendable {
  public var code: String
  public var name: String
  public var kind: UnitKind
  /// The parent's index in the district's units; nil when the parent is the province (or none).
  public var parent: Int?
  public var parentCode: String?
  public var founded: Day
  /// A dissolution after the reference day; the unit's members are transferred out before it,
  /// and the loader ends the unit once they are in.
  public var ended: Day?
  /// A later move under another unit of the same district.
  public var move: DemoMove?

  public func exists(on day: Day) -> Bool { founded <= day && (ended.map { day < $0 } ?? true) }
}

public struct DemoMove: Hashable, Sendable {
  public var parent: Int
  public var parentCode: String
  public var day: Day
}

/// A membership event whose cell is named by its index in the district's units: the store gives
/// the real ids only when the units are written.
public struct DemoEvent: Hashable, Sendable {
  public var kind: MembershipEventKind
  public var date: Day
  public var unit: Int?
  public var note: String
}

public struct DemoMember: Hashable, Sendable {
  public var member: Member
  /// In date order, as MemberTimeline reads them.
  public var events: [DemoEvent]

  /// The events with real cell ids, `cellIDs[i]` being the id of the district's unit `i`.
  public func membershipEvents(cellIDs: [Int64]) -> [MembershipEvent] {
    events.map {
      MembershipEvent(
        memberID: member.id, kind: $0.kind, date: $0.date, cellID: $0.unit.map { cellIDs[$0] }, note: $0.note)
    }
  }

  /// Whether the member is in the register on `day`, and exempt from activity then.
  public func status(on day: Day) -> (inRegister: Bool, exempt: Bool) {
    DemoStatus.of(events.lazy.map { (kind: $0.kind, date: $0.date) }, on: day)
  }
}

/// Where a history in date order leaves a member on a day, without the checks of `MemberTimeline`:
/// the demo counts its own members as it writes them.
public enum DemoStatus {
  public static func of(
    _ events: some Sequence<(kind: MembershipEventKind, date: Day)>, on day: Day
  ) -> (inRegister: Bool, exempt: Bool) {
    var inRegister = false
    var exempt = false
    for e in events where e.date <= day {
      switch e.kind {
      case .admitted, .transferredIn: inRegister = true
      case .exempted: exempt = true
      case .restored: exempt = false
      case .struckOff, .askedToLeave, .expelled, .died, .notRecognised, .transferredOut: inRegister = false
      case .madeOfficial, .transferred, .transferSent, .transferReceived: break
      }
    }
    return (inRegister, inRegister && exempt)
  }
}

/// People living in the area a unit covers, in one year.
public struct DemoPopulation: Hashable, Sendable {
  public var unit: Int
  public var year: Int
  public var people: Int
}

/// One district-level committee with everything below it and every member who ever sat in it.
public struct DemoDistrict: Sendable {
  public let plan: DemoDistrictPlan
  /// The district first; every parent comes before its children.
  public let units: [DemoUnit]
  public let members: [DemoMember]
  public let population: [DemoPopulation]

  /// What the register rules need to know about unit `index` on `day` (for checking without a store).
  public func cellCheck(_ index: Int64, on day: Day, kinds: UnitKindTable = .standard) -> CellCheck {
    guard index >= 0, index < units.count else { return .unknown }
    let unit = units[Int(index)]
    guard kinds.holdsMembers(unit.kind) else { return .notACell(unit.kind) }
    return unit.exists(on: day) ? .holdsMembers : .notExisting
  }
}
