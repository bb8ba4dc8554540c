import DangVuCore
import DangVuStore

/// A member's record in the JSON API: the same as the page shows, with the version an edit must carry.
struct MemberRecordJSON: Encodable, Sendable {
  struct Event: Encodable, Sendable {
    /// The stored event's id, which a correction names (`/api/members/{id}/events/{event}/corrections`).
    var id: Int64?
    var date: Day
    var kind: MembershipEventKind
    /// The Vietnamese name of the event.
    var label: String
    var cell: MemberPageModel.CellRef?
    var note: String
  }

  struct Span: Encodable, Sendable {
    var from: Day
    var until: Day?
    var cell: MemberPageModel.CellRef?
    var standing: Standing
    var exempt: Bool
    var inTransit: Bool
  }

  struct AdmissionRecord: Encodable, Sendable {
    struct Sponsor: Encodable, Sendable {
      var id: Int64
      var fullName: String
    }
    var decisionNumber: String
    var sponsors: [Sponsor]
  }

  /// The identity fields; `nationalID` masked for roles that do not need it.
  var member: Member
  var version: Int
  var currentCell: MemberPageModel.CellRef?
  var standing: Standing?
  var exempt: Bool
  var inTransit: Bool
  var admissionDate: Day?
  var officialDate: Day?
  /// The event that ended the membership, if it has ended.
  var exit: Event?
  var admission: AdmissionRecord?
  /// Every event, in date order.
  var timeline: [Event]
  var spans: [Span]
  /// The history of changes: each corrected event as it was, what replaced it (none: removed), and why.
  var corrections: [Correction]
  /// While the member is in transit: the letter, with its 30-day deadline.
  var pendingLetter: TransferLetterJSON?

  struct Correction: Encodable, Sendable {
    var id: Int64
    var eventID: Int64
    var old: Event
    var new: Event?
    var reason: String
    var actorLogin: String
    var at: AuditTime
  }

  init(_ model: MemberPageModel) {
    member = model.member
    member.nationalID = model.nationalID
    version = model.version
    let current = model.currentSpan
    currentCell = model.currentCell
    standing = current?.standing
    exempt = current?.exempt ?? false
    inTransit = current?.inTransit ?? false
    admissionDate = model.timeline.admissionDate
    officialDate = model.timeline.officialDate
    func event(_ e: MembershipEvent, id: Int64? = nil) -> Event {
      Event(id: id, date: e.date, kind: e.kind, label: e.kind.nameVi, cell: model.cell(e.cellID), note: e.note)
    }
    exit = model.timeline.exit.map { exit in event(exit, id: model.recorded.last { $0.event == exit }?.id) }
    admission = model.admission.map {
      AdmissionRecord(
        decisionNumber: $0.decisionNumber,
        sponsors: model.sponsors.map { AdmissionRecord.Sponsor(id: $0.id, fullName: $0.fullName) })
    }
    timeline = model.recorded.map { event($0.event, id: $0.id) }
    corrections = model.corrections.map {
      Correction(
        id: $0.id, eventID: $0.eventID, old: event($0.old), new: $0.new.map { event($0) }, reason: $0.reason,
        actorLogin: $0.actorLogin, at: $0.at)
    }
    pendingLetter = model.pendingLetter.map { TransferLetterJSON($0, today: model.today) }
    spans = model.timeline.spans.map {
      Span(
        from: $0.from, until: $0.until, cell: model.cell($0.cellID), standing: $0.standing, exempt: $0.exempt,
        inTransit: $0.inTransit)
    }
  }
}
