/// The forms of party discipline (hình thức kỷ luật), lightest first.
public enum DisciplineForm: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  case reprimand  // khiển trách
  case warning  // cảnh cáo
  case dismissal  // cách chức (members only)
  case expulsion  // khai trừ (members only)
  case dissolution  // giải tán (units only)

  public var nameVi: String {
    switch self {
    case .reprimand: "khiển trách"
    case .warning: "cảnh cáo"
    case .dismissal: "cách chức"
    case .expulsion: "khai trừ"
    case .dissolution: "giải tán"
    }
  }

  /// The forms a member may be given, and a unit, in the order the reports list them.
  public static let forMembers: [DisciplineForm] = [.reprimand, .warning, .dismissal, .expulsion]
  public static let forUnits: [DisciplineForm] = [.reprimand, .warning, .dissolution]

  /// Years after the violation within which the form may still be decided; nil: no limit
  /// (Quy định 69-QĐ/TW, Điều 4: 5 years for reprimand, 10 for warning or dismissal, none for expulsion).
  public var limitationYears: Int? {
    switch self {
    case .reprimand: 5
    case .warning, .dismissal: 10
    case .expulsion, .dissolution: nil
    }
  }

  /// Warning or worse: a leadership collective with such a member is graded not complete.
  public var isWarningOrWorse: Bool { self != .reprimand }

  private var rank: Int { Self.allCases.firstIndex(of: self)! }
  public static func < (a: DisciplineForm, b: DisciplineForm) -> Bool { a.rank < b.rank }

  /// The code name or the Vietnamese word, with or without marks.
  public init?(parsing text: String) {
    if let exact = DisciplineForm(rawValue: text) {
      self = exact
      return
    }
    let w = SearchFolding.words(text).joined(separator: " ")
    guard let form = Self.allCases.first(where: { SearchFolding.words($0.nameVi).joined(separator: " ") == w }) else {
      return nil
    }
    self = form
  }
}
