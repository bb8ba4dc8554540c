/// The regulation an evaluation cycle follows. Each cycle records its regulation, and the rules come
/// from it: adding a regulation is adding a value here (data) and, if it grades differently, one rule file.
public struct Regulation: Hashable, Sendable, Codable, Identifiable {
  /// "124-QĐ/TW"
  public var id: String
  public var title: String
  public var inForceFrom: Day
  public var grading: Grading
  public var cycleKinds: [CycleKind]
  /// The scoring frameworks by subject group (none for a regulation that grades directly).
  public var frameworks: [ScoreFramework] = []
  /// What an excellent grade needs besides its score or vote, beyond the rules every regulation shares.
  public var excellentRequires: [ExcellentRequirement] = []

  public enum Grading: Hashable, Sendable, Codable {
    /// The body votes a grade directly (132-QĐ/TW, 124-QĐ/TW).
    case direct
    /// Scored out of 100, the grade follows from bands (366-QĐ/TW).
    case scored(ScoreBands)
  }

  /// Grade for a score under this regulation; nil when it grades directly or the score is out of range.
  public func grade(forScore score: Int) -> Grade? {
    guard case .scored(let bands) = grading, (0...100).contains(score) else { return nil }
    return bands.grade(for: score)
  }
}

/// Lower bounds (inclusive) of each band: excellent ≥ 90, good 70–<90, complete 50–<70, below 50 not complete.
public struct ScoreBands: Hashable, Sendable, Codable {
  public var excellentFrom = 90
  public var goodFrom = 70
  public var completeFrom = 50

  public func grade(for score: Int) -> Grade {
    score >= excellentFrom ? .excellent : score >= goodFrom ? .good : score >= completeFrom ? .complete : .notComplete
  }
}

public enum CycleKind: String, Hashable, Sendable, Codable, CaseIterable {
  case term, year, quarter, adHoc
}

extension Regulation {
  public static let q132 = Regulation(
    id: "132-QĐ/TW", title: "Quy định 132-QĐ/TW (2018) về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm",
    inForceFrom: Day(year: 2018, month: 3, day: 8)!, grading: .direct, cycleKinds: [.year])
  public static let q124 = Regulation(
    id: "124-QĐ/TW", title: "Quy định 124-QĐ/TW (2023) về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
    inForceFrom: Day(year: 2023, month: 10, day: 4)!, grading: .direct, cycleKinds: [.year])
  public static let q366 = Regulation(
    id: "366-QĐ/TW", title: "Quy định 366-QĐ/TW (2025) về kiểm điểm, đánh giá, xếp loại chất lượng",
    inForceFrom: Day(year: 2025, month: 8, day: 30)!, grading: .scored(ScoreBands()),
    cycleKinds: [.term, .year, .quarter, .adHoc], frameworks: SubjectGroup.allCases.map(ScoreFramework.of366),
    excellentRequires: [
      .allTasksOnTime, .beyondRequirement(percent: 30), .collectiveNoUnitBelowDisciplined,
      .collectiveNoMemberDisciplined,
    ])

  public static let all = [q132, q124, q366]

  /// The regulation with this id ("366-QĐ/TW"), as a cycle records it.
  public static func withID(_ id: String) -> Regulation? { all.first { $0.id == id } }

  /// The regulation in force on a day (the latest that had started).
  public static func inForce(on day: Day) -> Regulation {
    all.filter { $0.inForceFrom <= day }.max { $0.inForceFrom < $1.inForceFrom } ?? q132
  }
}
