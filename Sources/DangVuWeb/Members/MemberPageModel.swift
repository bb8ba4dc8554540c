import DangVuCore
import DangVuStore

/// A member's record as a page (and the API) shows it: identity, where they are now, the admission and
/// its sponsors, posts, and the dated history.
struct MemberPageModel: Sendable {
  struct CellRef: Sendable, Hashable, Codable {
    var code: String
    var name: String
  }

  struct Sponsor: Sendable, Hashable {
    var id: Int64
    var fullName: String
  }

  var today: Day
  var member: Member
  var version: Int
  /// The national ID as this role may see it (masked for some roles).
  var nationalID: String?
  var timeline: MemberTimeline
  var cells: [Int64: CellRef]
  var admission: Admission?
  var sponsors: [Sponsor]
  var canEdit: Bool

  static func load(id: Int64, access: Access, store: any PartyStore & RegisterEditing) async throws
    -> MemberPageModel
  {
    // 404 for a member outside the subtree (or, for the member role, anyone but themselves).
    _ = try await access.member(id: id)
    guard let versioned = try await store.memberWithVersion(id: id) else { throw AccessError.notFound }
    let timeline = try await store.timeline(ofMember: id)
    var cells: [Int64: CellRef] = [:]
    for cellID in Set(timeline.events.compactMap(\.cellID) + timeline.spans.map(\.cellID)) {
      if let unit = try await store.organisation(id: cellID) {
        cells[cellID] = CellRef(code: unit.code, name: unit.name)
      }
    }
    let admission = try await store.admission(ofMember: id)
    var sponsors: [Sponsor] = []
    for sponsorID in admission?.sponsorIDs ?? [] {
      // The sponsors are part of the member's own record (lý lịch), so their names are shown with it.
      if let sponsor = try await store.member(id: sponsorID) {
        sponsors.append(Sponsor(id: sponsorID, fullName: sponsor.fullName))
      }
    }
    return MemberPageModel(
      today: Day.today, member: versioned.member, version: versioned.version,
      nationalID: access.shown(nationalID: versioned.member.nationalID), timeline: timeline, cells: cells,
      admission: admission, sponsors: sponsors, canEdit: access.principal.allows(.editRegister))
  }

  /// Where the member stands today; nil once they have left the register (or the province).
  var currentSpan: MemberSpan? { timeline.span(on: today) }

  var currentCell: CellRef? { timeline.currentCellID.flatMap { cells[$0] } }

  func cell(_ id: Int64?) -> CellRef? { id.flatMap { cells[$0] } }
}
