import DangVuCore
import Foundation

/// A plan or a target as typed: the same names in the forms and the JSON API. Kept as text so what a person typed
/// goes back to them unchanged when something is refused; the API may send numbers as numbers.
struct TargetFields: Decodable, Sendable, Equatable {
  /// The unit's code (a plan's, or a target's; empty for a central target).
  var unit: String?
  var year: String?
  var planned: String?
  var measure: String?
  var fromYear: String?
  var untilYear: String?
  var low: String?
  var high: String?
  var source: String?

  init(
    unit: String? = nil, year: String? = nil, planned: String? = nil, measure: String? = nil,
    fromYear: String? = nil, untilYear: String? = nil, low: String? = nil, high: String? = nil, source: String? = nil
  ) {
    self.unit = unit
    self.year = year
    self.planned = planned
    self.measure = measure
    self.fromYear = fromYear
    self.untilYear = untilYear
    self.low = low
    self.high = high
    self.source = source
  }

  enum CodingKeys: String, CodingKey {
    case unit, year, planned, measure, fromYear, untilYear, low, high, source
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func text(_ key: CodingKeys) throws -> String? {
      if let number = try? c.decodeIfPresent(Int.self, forKey: key) { return String(number) }
      return try c.decodeIfPresent(String.self, forKey: key)
    }
    self.init(
      unit: try text(.unit), year: try text(.year), planned: try text(.planned), measure: try text(.measure),
      fromYear: try text(.fromYear), untilYear: try text(.untilYear), low: try text(.low), high: try text(.high),
      source: try text(.source))
  }

  /// A whole number typed into `field`, within `range`; a message beside the field otherwise.
  static func number(
    _ typed: String?, _ field: String, _ label: String, _ range: ClosedRange<Int>, errors: inout FieldProblems,
    required: Bool = true
  ) -> Int? {
    // A year is written as it is (2025), a count with its thousands grouped (1.600).
    let isYear = range.upperBound <= Day.recordedYears.upperBound && range.lowerBound >= Day.recordedYears.lowerBound
    func shown(_ n: Int) -> String { isYear ? String(n) : VietnameseNumber.count(n) }
    guard let text = LifecycleFields.text(typed) else {
      if required { errors[field] = "Hãy nhập \(label)." }
      return nil
    }
    // People type 1.600 as they write it; the dots group thousands.
    guard let value = Int(text.replacingOccurrences(of: ".", with: "")), range.contains(value) else {
      errors[field] =
        "\(label.prefix(1).uppercased() + label.dropFirst()) “\(text)” phải là số nguyên từ "
        + "\(shown(range.lowerBound)) đến \(shown(range.upperBound))."
      return nil
    }
    return value
  }
}
