import DangVuCore
import Foundation

/// A score sheet in the four columns `grade` and `cycle_grade` keep it in: the framework, the points per criterion
/// group as JSON (sorted keys, so an unchanged sheet is stored as the same text), the two entered facts. Both engines
/// keep the same text.
public enum StoredScoreSheet {
  public static func criteria(_ sheet: ScoreSheet?) throws -> String? {
    guard let sheet else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(sheet.criteria), as: UTF8.self)
  }

  /// The sheet stored in a row's columns, nil when the grade was not scored by framework.
  public static func sheet(framework: String?, criteria: String?, onTime: Bool?, beyond: Int?, table: String) throws
    -> ScoreSheet?
  {
    guard let framework else { return nil }
    let group: SubjectGroup = try StoredValue.decode(framework, column: "\(table).framework")
    guard let points = try? JSONDecoder().decode([String: Int].self, from: Data((criteria ?? "").utf8)) else {
      throw StoredValue.unknown(criteria ?? "", column: "\(table).criteria")
    }
    return ScoreSheet(framework: group, criteria: points, allTasksOnTime: onTime, beyondRequirementPercent: beyond)
  }
}
