import DangVuCore
import GRDB

/// Answers `MemberTimeline`'s "can a member be in this cell on this day?" inside one transaction,
/// caching units so a batch of 50,000 members into a few thousand cells reads each cell once.
final class CellLookup {
  private let db: Database
  let kinds: UnitKindTable
  /// Every unit read so far, as read (nil: no such unit).
  private(set) var cache: [Int64: Organisation?] = [:]

  init(db: Database) throws {
    self.db = db
    self.kinds = try SQLiteStore.unitKinds(in: db)
  }

  func check(_ id: Int64, on day: Day) -> CellCheck {
    let unit: Organisation?
    if let cached = cache[id] {
      unit = cached
    } else {
      unit = try? SQLiteStore.organisation(id: id, in: db)
      cache[id] = unit
    }
    return .of(unit, on: day, kinds: kinds)
  }
}
