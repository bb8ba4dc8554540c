import ArgumentParser
import DangVuCore

/// A score sheet under 366-QĐ/TW on the command line, for `grades set` (the yearly cycle) and `grades score` (a
/// cycle by kind): the framework, the points of each criterion group, the excellent facts.
struct ScoreSheetOptions: ParsableArguments {
  @Option(help: "The subject group's framework; the subject's usual one when left out.")
  var framework: SubjectGroup?
  @Option(name: .customLong("points"), help: "GROUP=POINTS for a criterion group (general=28); repeat for each.")
  var points: [String] = []
  @Flag(help: "Every task was done on time (needed for excellent).") var onTime = false
  @Option(help: "Per cent of tasks done beyond the requirement (excellent needs 30).") var beyond: Int?

  /// The points by criterion group, or the refusal of a pair that is not GROUP=POINTS.
  func criteria() throws -> [String: Int] {
    var criteria: [String: Int] = [:]
    for pair in points {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let value = Int(parts[1]) else {
        throw DomainError(
          "evaluation.pointsUnreadable", "Không đọc được \"\(pair)\": hãy ghi NHÓM=ĐIỂM, ví dụ general=28.")
      }
      criteria[parts[0]] = value
    }
    return criteria
  }

  /// The sheet given, nil when no points are: a grade under an older regulation takes none.
  func sheet(usual: SubjectGroup) throws -> ScoreSheet? {
    let criteria = try criteria()
    guard !criteria.isEmpty || beyond != nil || onTime || framework != nil else { return nil }
    return ScoreSheet(
      framework: framework ?? usual, criteria: criteria, allTasksOnTime: onTime, beyondRequirementPercent: beyond)
  }
}
