import DangVuCore

/// A member's lifecycle as pages and the API record it, one act at a time: each write checks the member's
/// whole history (`MemberTimeline`, as the import does), carries the version it was made from when the
/// caller has one, and appends its audit entry in the same transaction, so a write and its entry commit
/// together or not at all (docs/decisions/0024-transfer-letters-and-corrections.md).
///
/// Bulk paths (imports, the command line) keep going through `PartyStore.recordEvents` and `addMembers`.
public protocol LifecycleRecording: Sendable {
  /// Admits a new member (the `admitted` event, the decision and both sponsors, checked as `addMembers` does),
  /// or adds one admitted in another province (a history that starts with `transferredIn`).
  func admitMember(_ new: NewMember, by actor: AuditActor) async throws -> VersionedMember

  /// Appends one event to a member's history. With `expectedVersion`, refused with `StaleVersion` when the
  /// member changed since. A `transferSent` event goes through `issueTransferLetter` instead.
  @discardableResult
  func recordEvent(_ event: MembershipEvent, expectedVersion: Int?, by actor: AuditActor) async throws
    -> VersionedMember

  /// The sending cell's step of a two-step transfer: the `transferSent` event and the letter, together.
  func issueTransferLetter(_ letter: NewTransferLetter, expectedVersion: Int?, by actor: AuditActor) async throws
    -> TransferLetter

  /// The receiving cell's step: the `transferReceived` event into the cell the letter names, on `day`.
  func receiveTransferLetter(id: Int64, on day: Day, by actor: AuditActor) async throws -> TransferLetter

  /// A letter by its id (the id of its `transferSent` event), received or not.
  func transferLetter(id: Int64) async throws -> TransferLetter?

  /// Letters not yet received, addressed to a cell in `code`'s subtree on `day` (`incoming`), or sent by a
  /// cell in it (`outgoing`). Transfers sent without a letter (the command line, an import) are listed too,
  /// with no number.
  func pendingTransferLetters(within code: String, direction: TransferDirection, on day: Day) async throws
    -> [TransferLetter]

  /// Replaces a wrongly entered event (`replacement`), or removes it (nil), with a reason; the whole history
  /// is checked again. The old event is kept in the member's history of changes (`eventCorrections`).
  @discardableResult
  func correctEvent(
    memberID: Int64, eventID: Int64, replacement: MembershipEvent?, reason: String, expectedVersion: Int?,
    by actor: AuditActor
  ) async throws -> VersionedMember

  /// A member's corrections, newest first.
  func eventCorrections(ofMember id: Int64) async throws -> [EventCorrection]
}

/// A transfer letter to issue: who, into which cell, on which day, under which number.
public struct NewTransferLetter: Hashable, Sendable {
  public var memberID: Int64
  public var toCellID: Int64
  public var issued: Day
  /// The letter's number ("15-GGT/ĐU"); may be empty for a letter typed up later.
  public var number: String
  public var note: String

  public init(memberID: Int64, toCellID: Int64, issued: Day, number: String, note: String = "") {
    self.memberID = memberID
    self.toCellID = toCellID
    self.issued = issued
    self.number = number
    self.note = note
  }
}

public enum TransferDirection: String, Hashable, Sendable, Codable, CaseIterable {
  case incoming, outgoing
}

/// A letter introducing a member to the cell they transfer into (giấy giới thiệu sinh hoạt đảng): issued by
/// the sending cell, presented by the member within 30 days, received by the receiving cell.
public struct TransferLetter: Hashable, Sendable, Codable {
  /// The id of the `transferSent` event: a transfer sent without a stored letter is still one to receive.
  public var id: Int64
  public var memberID: Int64
  public var memberName: String
  public var fromCell: Cell
  public var toCell: Cell
  public var issued: Day
  /// The last day the member may present the letter (`issued` + 30 days).
  public var deadline: Day
  /// Empty for a transfer recorded without a letter.
  public var number: String
  public var note: String
  public var received: Day?

  public init(
    id: Int64, memberID: Int64, memberName: String, fromCell: Cell, toCell: Cell, issued: Day, deadline: Day,
    number: String, note: String, received: Day?
  ) {
    self.id = id
    self.memberID = memberID
    self.memberName = memberName
    self.fromCell = fromCell
    self.toCell = toCell
    self.issued = issued
    self.deadline = deadline
    self.number = number
    self.note = note
    self.received = received
  }

  /// The letter must be presented within 30 days of being issued (Hướng dẫn của Ban Tổ chức Trung ương).
  public static func deadline(issued: Day) -> Day { issued.adding(days: TransitEntry.daysToPresentLetter) }

  /// Past its deadline on `day` and not received.
  public func overdue(on day: Day) -> Bool { received == nil && day > deadline }
}

extension TransferLetter {
  /// A cell as a letter names it.
  public struct Cell: Hashable, Sendable, Codable {
    public var id: Int64
    public var code: String
    public var name: String

    public init(id: Int64, code: String, name: String) {
      self.id = id
      self.code = code
      self.name = name
    }
  }
}

/// A stored event with its id, which a correction names.
public struct RecordedEvent: Hashable, Sendable {
  public var id: Int64
  public var event: MembershipEvent

  public init(id: Int64, event: MembershipEvent) {
    self.id = id
    self.event = event
  }
}

/// One correction of a member's history: the event as it was, what replaced it (nil: removed), why, who, when.
public struct EventCorrection: Hashable, Sendable, Codable {
  public var id: Int64
  public var eventID: Int64
  public var old: MembershipEvent
  public var new: MembershipEvent?
  public var reason: String
  public var actorLogin: String
  public var at: AuditTime

  public init(
    id: Int64, eventID: Int64, old: MembershipEvent, new: MembershipEvent?, reason: String, actorLogin: String,
    at: AuditTime
  ) {
    self.id = id
    self.eventID = eventID
    self.old = old
    self.new = new
    self.reason = reason
    self.actorLogin = actorLogin
    self.at = at
  }
}
