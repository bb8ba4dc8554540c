/// A category of violation named in discipline decisions. The list is data (table `violation_category`,
/// seeded by the oversight migration): the Central Committee renames and adds categories, and a new
/// one must not need a new release.
public struct ViolationCategory: Hashable, Sendable, Codable {
  public var code: String
  public var nameVi: String

  public init(code: String, nameVi: String) {
    self.code = code
    self.nameVi = nameVi
  }

  /// The categories of the published reports, in their order; what the migration seeds.
  public static let standard = [
    ViolationCategory(code: "prohibitedActs", nameVi: "những điều đảng viên không được làm"),
    ViolationCategory(code: "populationPolicy", nameVi: "chính sách dân số – kế hoạch hóa gia đình"),
    ViolationCategory(code: "exemplaryResponsibility", nameVi: "trách nhiệm nêu gương"),
    ViolationCategory(code: "corruption", nameVi: "tham nhũng"),
    ViolationCategory(code: "waste", nameVi: "lãng phí"),
    ViolationCategory(code: "negativePractices", nameVi: "tiêu cực"),
    ViolationCategory(code: "degradation", nameVi: "suy thoái về tư tưởng chính trị, đạo đức, lối sống"),
    ViolationCategory(code: "other", nameVi: "khác"),
  ]

  /// The two categories the reports add up into one figure ("68 trường hợp vi phạm những điều đảng viên
  /// không được làm và chính sách dân số, chiếm 65%").
  public static let prohibitedOrPopulation: Set<String> = ["prohibitedActs", "populationPolicy"]
}
