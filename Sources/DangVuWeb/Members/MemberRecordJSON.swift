import DangVuCore
import DangVuStore

/// A member's record in the JSON API: the same as the page shows, with the version an edit must carry.
struct MemberRecordJSON: Encodable, Sendable {
  struct Event: Encodable, Sendable {
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
    func event(_ e: MembershipEvent) -> Event {
      Event(date: e.date, kind: e.kind, label: e.kind.nameVi, cell: model.cell(e.cellID), note: e.note)
    }
    exit = model.timeline.exit.map(event)
    admission = model.admission.map {
      AdmissionRecord(
        decisionNumber: $0.decisionNumber,
        sponsors: model.sponsors.map { AdmissionRecord.Sponsor(id: $0.id, fullName: $0.fullName) })
    }
    timeline = model.timeline.events.map(event)
    spans = model.timeline.spans.map {
      Span(
        from: $0.from, until: $0.until, cell: model.cell($0.cellID), standing: $0.standing, exempt: $0.exempt,
        inTransit: $0.inTransit)
    }
  }
}
