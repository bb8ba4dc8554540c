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
  /// May record lifecycle acts and correct events (`recordLifecycle`).
  var canRecord = false
  /// The stored events with their ids, in the timeline's order (by date, ties as recorded).
  var recorded: [RecordedEvent] = []
  /// The history of changes: corrected events, newest first.
  var corrections: [EventCorrection] = []
  var pendingLetter: TransferLetter?
  /// The member's leading posts, with ids and unit names (a post typed as a free title has no kind).
  var posts: [PostRecord] = []
  /// May record posts and the day one ended (`recordPosts`).
  var canRecordPosts = false

  static func load(id: Int64, access: Access) async throws
    -> MemberPageModel
  {
    // 404 for a member outside the subtree (or, for the member role, anyone but themselves).
    let record = try await access.memberRecord(id: id)
    let versioned = record.versioned
    let timeline = record.timeline
    let cells = record.units.mapValues { CellRef(code: $0.code, name: $0.name) }
    let admission = record.admission
    // The sponsors are part of the member's own record (lý lịch), so their names are shown with it.
    let sponsors = (admission?.sponsorIDs ?? []).compactMap { id in
      record.sponsorNames[id].map { Sponsor(id: id, fullName: $0) }
    }
    return MemberPageModel(
      today: access.today, member: versioned.member, version: versioned.version,
      nationalID: access.shown(nationalID: versioned.member.nationalID), timeline: timeline, cells: cells,
      admission: admission, sponsors: sponsors, canEdit: access.principal.allows(.editRegister),
      canRecord: access.principal.allows(.recordLifecycle),
      recorded: record.recordedEvents.sorted { ($0.event.date, $0.id) < ($1.event.date, $1.id) },
      corrections: record.corrections, pendingLetter: record.pendingLetter,
      posts: record.posts,
      canRecordPosts: access.principal.allows(.recordPosts))
  }

  /// Where the member stands today; nil once they have left the register (or the province).
  var currentSpan: MemberSpan? { timeline.span(on: today) }

  var currentCell: CellRef? { timeline.currentCellID.flatMap { cells[$0] } }

  func cell(_ id: Int64?) -> CellRef? { id.flatMap { cells[$0] } }
}
