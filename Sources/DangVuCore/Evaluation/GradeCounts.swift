/// How many subjects of one kind got each outcome: the numbers every line of the evaluation report is made of.
public struct GradeCounts: Hashable, Sendable, Codable {
  public var excellent = 0
  public var good = 0
  public var complete = 0
  public var notComplete = 0
  public var notEvaluated: [NotEvaluatedReason: Int] = [:]

  public init() {}

  public init(excellent: Int, good: Int, complete: Int, notComplete: Int, notEvaluated: [NotEvaluatedReason: Int] = [:])
  {
    self.excellent = excellent
    self.good = good
    self.complete = complete
    self.notComplete = notComplete
    self.notEvaluated = notEvaluated
  }

  public mutating func add(_ outcome: GradeOutcome, count: Int = 1) {
    switch outcome {
    case .graded(.excellent): excellent += count
    case .graded(.good): good += count
    case .graded(.complete): complete += count
    case .graded(.notComplete): notComplete += count
    case .notEvaluated(let reason): notEvaluated[reason, default: 0] += count
    }
  }

  public static func + (a: GradeCounts, b: GradeCounts) -> GradeCounts {
    var sum = a
    sum.excellent += b.excellent
    sum.good += b.good
    sum.complete += b.complete
    sum.notComplete += b.notComplete
    sum.notEvaluated.merge(b.notEvaluated, uniquingKeysWith: +)
    return sum
  }

  public var goodOrAbove: Int { excellent + good }
  public var evaluated: Int { excellent + good + complete + notComplete }
  public var notEvaluatedTotal: Int { notEvaluated.values.reduce(0, +) }
  public var total: Int { evaluated + notEvaluatedTotal }

  /// Shares as the published reports compute them: grades of the evaluated, excellent of good-or-above,
  /// evaluated and not evaluated of the total.
  public var shares: GradeShares {
    GradeShares(
      evaluated: Percent(evaluated, of: total), notEvaluated: Percent(notEvaluatedTotal, of: total),
      goodOrAbove: Percent(goodOrAbove, of: evaluated), excellent: Percent(excellent, of: goodOrAbove),
      good: Percent(good, of: evaluated), complete: Percent(complete, of: evaluated),
      notComplete: Percent(notComplete, of: evaluated))
  }
}

public struct GradeShares: Hashable, Sendable, Codable {
  public var evaluated: Percent?
  public var notEvaluated: Percent?
  public var goodOrAbove: Percent?
  public var excellent: Percent?
  public var good: Percent?
  public var complete: Percent?
  public var notComplete: Percent?
}
