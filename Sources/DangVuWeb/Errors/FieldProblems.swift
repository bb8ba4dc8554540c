import DangVuCore
import Foundation

/// What is wrong with typed input: a message for each field, shown beside it, and `general` for what no
/// single field explains, shown above the form. Every form and JSON route reports its problems with this;
/// thrown, it is the API's 422 `validation.failed` with itself as `details` (`ErrorPageMiddleware`).
struct FieldProblems: Error, Sendable, Encodable {
  var fields: [String: String] = [:]
  var general: String?

  var isEmpty: Bool { fields.isEmpty && general == nil }

  init(fields: [String: String] = [:], general: String? = nil) {
    self.fields = fields
    self.general = general
  }

  /// A refusal of the store as a form shows it: beside the field `field(code)` names, or above the form.
  init(refusal error: DomainError, field: (String) -> String?) {
    if let name = field(error.code) {
      fields[name] = error.message
    } else {
      general = error.message
    }
  }

  /// Text as typed, trimmed; nil when nothing was typed.
  static func text(_ value: String?) -> String? {
    guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return trimmed
  }

  /// A note as typed, checked as the store checks it, its problem beside the `note` field.
  mutating func note(_ typed: String?) -> String {
    let note = Self.text(typed) ?? ""
    if let problem = TextRules.problem(in: note, .note) { fields["note"] = problem.message }
    return note
  }

  subscript(field: String) -> String? {
    get { fields[field] }
    set { fields[field] = newValue }
  }

  mutating func day(_ text: String, _ field: String, _ label: String) -> Day? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else {
      fields[field] = "Hãy nhập \(label)."
      return nil
    }
    guard let day = Day(parsing: trimmed) else {
      fields[field] = "“\(trimmed)” không phải ngày hợp lệ: nhập dạng 31/12/2023 hoặc 2023-12-31."
      return nil
    }
    return day
  }

  mutating func required(_ text: String, _ field: String, _ label: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { fields[field] = "Hãy nhập \(label)." }
    return trimmed.isEmpty ? nil : trimmed
  }
}
