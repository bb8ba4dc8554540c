import DangVuCore
import Foundation

/// A post, a collective or a seat as typed: the same names in the forms and the JSON API, all text, so what a
/// person typed goes back to them unchanged when something is refused.
struct LeadershipFields: Codable, Sendable, Equatable {
  /// A `PostKind` code (a post) or a `CollectiveKind` code (a collective).
  var kind: String?
  /// The unit's code (a post typed on a member's page).
  var unit: String?
  /// The member, by party card number or "#id" (a post typed on a unit's page, a seat).
  var member: String?
  /// A collective's name.
  var name: String?
  var from: String?
  var until: String?
  var note: String?

  init(
    kind: String? = nil, unit: String? = nil, member: String? = nil, name: String? = nil, from: String? = nil,
    until: String? = nil, note: String? = nil
  ) {
    self.kind = kind
    self.unit = unit
    self.member = member
    self.name = name
    self.from = from
    self.until = until
    self.note = note
  }

  static func text(_ value: String?) -> String? { FieldProblems.text(value) }

  /// The first day: required, a real date.
  func fromDay(_ label: String, errors: inout FieldProblems) -> Day? {
    guard let typed = Self.text(from) else {
      errors["from"] = "Hãy nhập \(label.lowercased()) (dạng 31/12/2024 hoặc 2024-12-31)."
      return nil
    }
    guard let day = Day(parsing: typed) else {
      errors["from"] = "“\(typed)” không phải một ngày: hãy nhập dạng 31/12/2024 hoặc 2024-12-31."
      return nil
    }
    return day
  }

  /// The first day no longer held: optional (empty while it is held), a real date when typed.
  func untilDay(errors: inout FieldProblems) -> Day?? {
    guard let typed = Self.text(until) else { return .some(nil) }
    guard let day = Day(parsing: typed) else {
      errors["until"] = "“\(typed)” không phải một ngày: hãy nhập dạng 31/12/2024, hoặc để trống nếu vẫn đang giữ."
      return nil
    }
    return .some(day)
  }

  func checkedNote(errors: inout FieldProblems) -> String { errors.note(note) }

  /// A refusal of the store as a form shows it: beside the field that causes it, or above the form.
  static func problems(forRefusal error: DomainError) -> FieldProblems {
    FieldProblems(refusal: error, field: field(forRefusal:))
  }

  static func field(forRefusal code: String) -> String? {
    switch code {
    case "post.unknownKind", "post.kindNotInForce", "collective.unknownKind": "kind"
    case "post.untilBeforeFrom", "post.leftUnit", "collective.endedBeforeFormed", "collective.untilBeforeFrom",
      "collective.leftUnit":
      "until"
    case "post.unitNotExisting", "organisation.unknown": "unit"
    case "post.notInUnit", "post.overlap", "post.heldByAnother", "collective.unitNotExisting",
      "collective.outsideTerm", "collective.notInUnit", "collective.overlap":
      "from"
    case "post.badNote": "note"
    case "member.unknown": "member"
    case "collective.nameMissing", "collective.badName": "name"
    default: nil
    }
  }
}
