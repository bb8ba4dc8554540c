import DangVuCore
import Foundation

/// A lifecycle act as typed: the same names in the forms and the JSON API, all text, so what a person typed
/// goes back to them unchanged when something is refused.
struct LifecycleFields: Codable, Sendable, Equatable {
  /// The event's kind (`MembershipEventKind`): in the API body, and in a correction; a page's act is its address.
  var kind: String?
  var date: String?
  /// The cell's code, for the kinds that name one.
  var cell: String?
  /// A transfer letter's number.
  var number: String?
  var note: String?
  /// Why an event is corrected.
  var reason: String?
  /// A correction: `replace` (the default) or `remove`.
  var action: String?

  init(
    kind: String? = nil, date: String? = nil, cell: String? = nil, number: String? = nil, note: String? = nil,
    reason: String? = nil, action: String? = nil
  ) {
    self.kind = kind
    self.date = date
    self.cell = cell
    self.number = number
    self.note = note
    self.reason = reason
    self.action = action
  }

  /// A stored event as the correction form starts.
  init(_ event: MembershipEvent, cellCode: String?) {
    self.init(
      kind: event.kind.rawValue, date: event.date.vietnamese, cell: cellCode, note: event.note, action: "replace")
  }

  static func text(_ value: String?) -> String? { FieldProblems.text(value) }

  /// The day typed into `date`: required, a real date, not after `today`.
  func day(_ label: String, today: Day, errors: inout FieldProblems) -> Day? {
    guard let typed = Self.text(date) else {
      errors["date"] = "Hãy nhập \(label.lowercased()) (dạng 31/12/2024 hoặc 2024-12-31)."
      return nil
    }
    guard let day = Day(parsing: typed) else {
      errors["date"] = "“\(typed)” không phải một ngày: hãy nhập dạng 31/12/2024 hoặc 2024-12-31."
      return nil
    }
    if day > today {
      errors["date"] = "\(label) \(day.vietnamese) là một ngày trong tương lai: chỉ ghi việc đã diễn ra."
      return nil
    }
    return day
  }

  /// The note, checked as the store checks it, beside its field.
  func checkedNote(errors: inout FieldProblems) -> String { errors.note(note) }

  /// A refusal of the store as a form shows it: beside the field that causes it, or above the form.
  static func problems(forRefusal error: DomainError) -> FieldProblems {
    FieldProblems(refusal: error, field: field(forRefusal:))
  }

  static func field(forRefusal code: String) -> String? {
    switch code {
    case "member.unknownCell", "member.cellNotExisting", "member.notACell", "member.sameCell", "member.wrongReceiver",
      "member.cellMissing", "member.cellNotExpected":
      "cell"
    case "member.officialTooEarly", "member.eventAfterExit", "member.exitOnAdmission", "member.tooYoung",
      "member.notSent", "member.notAdmitted", "member.away", "member.inTransit", "admission.sponsorNotOfficial":
      "date"
    case "member.badNote": "note"
    case "correction.reasonMissing": "reason"
    default: nil
    }
  }
}
