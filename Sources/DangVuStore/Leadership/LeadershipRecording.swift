import DangVuCore

/// Leading posts and leadership collectives as pages, the API and imports record them: each write is checked by
/// `PostRules` / `CollectiveRules` and appends its audit entry in the same transaction
/// (docs/decisions/0026-leading-posts-and-collectives.md).
public protocol LeadershipRecording: Sendable {
  /// The kinds of post (the `post_kind` table), in their order.
  func postKinds() async throws -> [PostKind]

  /// Records a post held by a member in a unit.
  func recordPost(_ post: NewPost, by actor: AuditActor) async throws -> PostRecord
  /// Records the first day a post is no longer held (or clears it with nil), checked again as a whole.
  func endPost(id: Int64, until: Day?, by actor: AuditActor) async throws -> PostRecord
  /// The posts of an import file, each checked as `recordPost` checks it (the earlier rows of the file count), in
  /// one transaction: all or none, a refusal naming the item (`BatchItemError`), with the import's `audit` entry.
  func importPosts(_ batch: [NewPost], audit: ImportAudit?) async throws
  func post(id: Int64) async throws -> PostRecord?
  /// Every post of the member, the oldest first.
  func posts(ofMember id: Int64) async throws -> [PostRecord]
  /// Every post held in the unit itself (not below it), the oldest first.
  func posts(ofUnit code: String) async throws -> [PostRecord]

  func recordCollective(_ collective: NewCollective, by actor: AuditActor) async throws -> CollectiveRecord
  func seatInCollective(_ seat: NewCollectiveSeat, by actor: AuditActor) async throws -> CollectiveRecord
  /// The rows of a collectives file in one transaction, all or none (`BatchItemError` names the row): each row's
  /// collective is found by its unit, name and first day of term, or added; a row naming a member seats them.
  func importCollectives(_ rows: [CollectiveFileRow], audit: ImportAudit?) async throws
  func collective(id: Int64) async throws -> CollectiveRecord?
  /// The collectives of the unit itself, the newest term first.
  func collectives(ofUnit code: String) async throws -> [CollectiveRecord]
}

/// A post to record, as typed: the member by id, the kind and the unit by code.
public struct NewPost: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var kindCode: String
  public var unitCode: String
  public var from: Day
  public var until: Day?
  public var note: String

  public init(memberID: Int64, kindCode: String, unitCode: String, from: Day, until: Day? = nil, note: String = "") {
    self.memberID = memberID
    self.kindCode = kindCode
    self.unitCode = unitCode
    self.from = from
    self.until = until
    self.note = note
  }
}

/// A stored post with the names a page shows.
public struct PostRecord: Hashable, Sendable, Codable {
  public var post: HeldPost
  /// The kind's name, or the free title of a post recorded before kinds (the demo's "Bí thư chi bộ").
  public var title: String
  public var memberName: String
  public var unitCode: String
  public var unitName: String

  public init(post: HeldPost, title: String, memberName: String, unitCode: String, unitName: String) {
    self.post = post
    self.title = title
    self.memberName = memberName
    self.unitCode = unitCode
    self.unitName = unitName
  }
}

public struct NewCollective: Hashable, Sendable, Codable {
  public var unitCode: String
  public var name: String
  public var kindCode: String
  public var formed: Day
  public var ended: Day?

  public init(unitCode: String, name: String, kindCode: String, formed: Day, ended: Day? = nil) {
    self.unitCode = unitCode
    self.name = name
    self.kindCode = kindCode
    self.formed = formed
    self.ended = ended
  }
}

public struct NewCollectiveSeat: Hashable, Sendable, Codable {
  public var collectiveID: Int64
  public var memberID: Int64
  public var from: Day
  public var until: Day?

  public init(collectiveID: Int64, memberID: Int64, from: Day, until: Day? = nil) {
    self.collectiveID = collectiveID
    self.memberID = memberID
    self.from = from
    self.until = until
  }
}

/// A stored collective with its unit and its seats, each with the member's name.
public struct CollectiveRecord: Hashable, Sendable, Codable {
  public struct Seat: Hashable, Sendable, Codable {
    public var seat: CollectiveSeat
    public var memberName: String

    public init(seat: CollectiveSeat, memberName: String) {
      self.seat = seat
      self.memberName = memberName
    }
  }

  public var collective: Collective
  public var unitCode: String
  public var unitName: String
  public var seats: [Seat]

  public init(collective: Collective, unitCode: String, unitName: String, seats: [Seat]) {
    self.collective = collective
    self.unitCode = unitCode
    self.unitName = unitName
    self.seats = seats
  }
}

/// One row of a collectives file: the collective, and the member it seats if the row names one.
public struct CollectiveFileRow: Hashable, Sendable {
  public var collective: NewCollective
  /// `collectiveID` is found when the row is written.
  public var seat: NewCollectiveSeat?

  public init(collective: NewCollective, seat: NewCollectiveSeat? = nil) {
    self.collective = collective
    self.seat = seat
  }
}
