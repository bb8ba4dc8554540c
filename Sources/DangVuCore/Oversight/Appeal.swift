/// An appeal against a discipline decision (khiếu nại kỷ luật) and how it was settled. The decision
/// is never edited: discipline history keeps both, and the form in force follows from the appeals.
public struct Appeal: Hashable, Sendable, Codable, Identifiable {
  public enum Outcome: Hashable, Sendable, Codable {
    case upheld  // giữ nguyên
    case changed(DisciplineForm)  // thay đổi hình thức
    case annulled  // xóa bỏ quyết định

    public var code: String {
      switch self {
      case .upheld: "upheld"
      case .changed: "changed"
      case .annulled: "annulled"
      }
    }

    public var nameVi: String {
      switch self {
      case .upheld: "giữ nguyên quyết định kỷ luật"
      case .changed(let form): "thay đổi hình thức kỷ luật thành \(form.nameVi)"
      case .annulled: "xóa bỏ quyết định kỷ luật"
      }
    }
  }

  public var id: Int64
  public var decisionID: Int64
  public var lodged: Day
  public var decided: Day
  public var outcome: Outcome
  /// The body that settled it and its decision number, free text.
  public var note: String

  public init(id: Int64 = 0, decisionID: Int64, lodged: Day, decided: Day, outcome: Outcome, note: String = "") {
    self.id = id
    self.decisionID = decisionID
    self.lodged = lodged
    self.decided = decided
    self.outcome = outcome
    self.note = note
  }
}
