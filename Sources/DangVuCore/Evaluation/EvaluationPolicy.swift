/// The tunable numbers of the evaluation rules. A policy file may change them; every report states the
/// policy it used, so nothing changes silently.
public struct EvaluationPolicy: Hashable, Sendable, Codable {
  /// Units, collectives and members younger than this at the evaluation date are not graded.
  public var minimumMonthsBeforeEvaluation = 6
  /// Excellent grades should not exceed this share of good-or-above, within each grassroots organisation.
  public var excellentCapPercentOfGoodOrAbove = 20
  /// Sick leave of this many months or more in the year rules out good or above.
  public var sickLeaveMonthsRulingOutGood = 3

  public init() {}

  public static let standard = EvaluationPolicy()
}
