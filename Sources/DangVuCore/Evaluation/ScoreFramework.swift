/// Who a scoring framework of 366-QĐ/TW is for: five subject groups, each with its own framework.
public enum SubjectGroup: String, Hashable, Sendable, Codable, CaseIterable {
  /// Tập thể: party organisations and leadership collectives.
  case collective
  /// Cán bộ thuộc diện Trung ương quản lý.
  case centrallyManagedCadre
  /// Cán bộ lãnh đạo, quản lý các cấp.
  case leaderOrManager
  /// Đảng viên không giữ chức vụ lãnh đạo, quản lý.
  case memberWithoutPost
  /// Đảng viên làm việc ngoài hệ thống chính trị.
  case memberOutsidePoliticalSystem

  public var nameVi: String {
    switch self {
    case .collective: "tập thể"
    case .centrallyManagedCadre: "cán bộ thuộc diện Trung ương quản lý"
    case .leaderOrManager: "cán bộ lãnh đạo, quản lý các cấp"
    case .memberWithoutPost: "đảng viên không giữ chức vụ lãnh đạo, quản lý"
    case .memberOutsidePoliticalSystem: "đảng viên làm việc ngoài hệ thống chính trị"
    }
  }

  /// Which subjects a group's framework may score: a collective's framework is for units and leadership
  /// collectives, the two cadre frameworks for members graded in a post, the two member frameworks for members.
  public func fits(_ subject: SubjectClass) -> Bool {
    switch (self, subject) {
    case (.collective, .organisation), (.collective, .leadershipCollective): true
    case (.centrallyManagedCadre, .leadershipCadre), (.leaderOrManager, .leadershipCadre): true
    case (.memberWithoutPost, .member), (.memberOutsidePoliticalSystem, .member): true
    default: false
    }
  }
}

/// One group of criteria of a framework and the most points it can give.
public struct CriterionGroup: Hashable, Sendable, Codable {
  /// "general", "tasks"
  public var id: String
  public var nameVi: String
  public var maximum: Int
}

/// The scoring framework of one subject group: its criterion groups and their maxima (the sum is 100). Data, like
/// `Regulation`: a regulation that changes a framework changes these values, not the code that scores.
public struct ScoreFramework: Hashable, Sendable, Codable, Identifiable {
  public var group: SubjectGroup
  public var criteria: [CriterionGroup]

  public var id: String { group.rawValue }
  public var nameVi: String { "khung tiêu chí \(group.nameVi)" }

  /// Each framework of 366-QĐ/TW: 30 points of general criteria, 70 of task results.
  static func of366(_ group: SubjectGroup) -> ScoreFramework {
    ScoreFramework(
      group: group,
      criteria: [
        CriterionGroup(id: "general", nameVi: "nhóm tiêu chí chung", maximum: 30),
        CriterionGroup(id: "tasks", nameVi: "nhóm tiêu chí kết quả thực hiện nhiệm vụ", maximum: 70),
      ])
  }

  /// The score: the sum of the groups, each given once, each within its maximum, none unknown.
  public func score(_ points: [String: Int], of subjectName: String) throws(DomainError) -> Int {
    for id in points.keys.sorted() where !criteria.contains(where: { $0.id == id }) {
      throw DomainError(
        "evaluation.unknownCriterion",
        "\(subjectName): \(nameVi) không có nhóm tiêu chí \"\(id)\" (có: "
          + criteria.map(\.id).joined(separator: ", ") + ").")
    }
    var total = 0
    for group in criteria {
      guard let given = points[group.id] else {
        throw DomainError(
          "evaluation.criterionMissing", "\(subjectName): chưa nhập điểm \(group.nameVi) (tối đa \(group.maximum)).")
      }
      guard (0...group.maximum).contains(given) else {
        throw DomainError(
          "evaluation.criterionAboveMaximum",
          "\(subjectName): \(group.nameVi) được \(given) điểm, phải từ 0 đến \(group.maximum).")
      }
      total += given
    }
    return total
  }
}
