/// A complaint or denunciation (khiếu nại, tố cáo) about a member or a unit.
public struct Complaint: Hashable, Sendable, Codable, Identifiable {
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    case complaint  // khiếu nại
    case denunciation  // tố cáo

    public var nameVi: String { self == .complaint ? "khiếu nại" : "tố cáo" }
  }

  /// What the resolution found the complaint or denunciation to be.
  public enum Finding: String, Hashable, Sendable, Codable, CaseIterable {
    case correct  // đúng
    case incorrect  // sai
    case partlyCorrect  // đúng một phần

    public var nameVi: String {
      switch self {
      case .correct: "đúng"
      case .incorrect: "sai"
      case .partlyCorrect: "đúng một phần"
      }
    }

    public init?(parsing text: String) {
      if let exact = Finding(rawValue: text) {
        self = exact
        return
      }
      switch SearchFolding.words(text).joined(separator: " ") {
      case "dung": self = .correct
      case "sai": self = .incorrect
      case "dung mot phan", "co dung co sai": self = .partlyCorrect
      default: return nil
      }
    }
  }

  public var id: Int64
  public var kind: Kind
  public var subject: OversightSubject
  public var received: Day
  /// nil while unresolved: the subject then counts as "pending complaint" for the evaluation.
  public var resolved: Day?
  public var finding: Finding?
  public var summary: String

  public init(
    id: Int64 = 0, kind: Kind, subject: OversightSubject, received: Day, resolved: Day? = nil, finding: Finding? = nil,
    summary: String = ""
  ) {
    self.id = id
    self.kind = kind
    self.subject = subject
    self.received = received
    self.resolved = resolved
    self.finding = finding
    self.summary = summary
  }
}
