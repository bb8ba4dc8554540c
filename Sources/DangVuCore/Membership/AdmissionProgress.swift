/// How a unit stands against its admission plan part way through a year: the plan pro rata to the days gone
/// is what it should have admitted by now (a plan of 365 asks 181 by 30 June), so a unit can be seen to
/// fall behind in July, not in January of the next year.
public struct AdmissionProgress: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var year: Int
  /// The unit's own plan (nil: it set none).
  public var planned: Int?
  public var admitted: Int
  /// What the plan asks by `day`: planned × days gone ÷ days in the year, rounded down.
  public var expectedByNow: Int?
  public var day: Day

  public init(code: String, name: String, planned: Int?, admitted: Int, on day: Day) {
    self.code = code
    self.name = name
    self.year = day.year
    self.planned = planned
    self.admitted = admitted
    self.day = day
    self.expectedByNow = planned.map { Self.expected(planned: $0, on: day) }
  }

  /// Behind the pace of its plan by `day`.
  public var isBehind: Bool { expectedByNow.map { admitted < $0 } ?? false }

  public static func expected(planned: Int, on day: Day) -> Int {
    let before = Day.lastDay(ofYear: day.year - 1).daysSinceEpoch
    let gone = day.daysSinceEpoch - before
    let days = Day.lastDay(ofYear: day.year).daysSinceEpoch - before
    return planned * gone / days
  }
}
