/// The kinds of supervision (giám sát).
public enum SupervisionKind: String, Hashable, Sendable, Codable, CaseIterable {
  case regular  // thường xuyên
  case thematic  // chuyên đề

  public var nameVi: String { self == .regular ? "giám sát thường xuyên" : "giám sát chuyên đề" }
}

/// An inspection or a supervision kind, as one value: the store keeps both in one table and the report
/// counts them together ("kiểm tra, giám sát").
public enum OversightKind: Hashable, Sendable, Codable, CaseIterable {
  case inspection(InspectionKind)
  case supervision(SupervisionKind)

  public static let allCases: [OversightKind] =
    InspectionKind.allCases.map(OversightKind.inspection) + SupervisionKind.allCases.map(OversightKind.supervision)

  /// "inspection.regular", "supervision.thematic": files and the database.
  public var code: String {
    switch self {
    case .inspection(let k): "inspection.\(k.rawValue)"
    case .supervision(let k): "supervision.\(k.rawValue)"
    }
  }

  public init?(code: String) {
    guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
    self = kind
  }

  /// A small number per kind, its bit in the report's one-pass distinct count.
  public var number: Int { Self.allCases.firstIndex(of: self)! }

  public var isInspection: Bool {
    if case .inspection = self { return true }
    return false
  }

  public var inspectsOrganisationsOnly: Bool {
    if case .inspection(let k) = self { return k.inspectsOrganisationsOnly }
    return false
  }

  /// Regular inspection and regular supervision are "thường xuyên"; every other kind is on one matter
  /// ("chuyên đề"): how the reports split "kiểm tra, giám sát chuyên đề" from the routine programme.
  public var isThematic: Bool { self != .inspection(.regular) && self != .supervision(.regular) }

  public var nameVi: String {
    switch self {
    case .inspection(let k): k.nameVi
    case .supervision(let k): k.nameVi
    }
  }

  /// The verb of a body's paragraph in a summary, before its subjects: "kiểm tra" (a committee's own
  /// inspection), "kiểm tra khi có dấu hiệu vi phạm", "kiểm tra tài chính", "giám sát chuyên đề".
  public var ranByVi: String {
    switch self {
    case .inspection(.regular): "kiểm tra"
    case .inspection(.signsOfViolation): "kiểm tra khi có dấu hiệu vi phạm"
    case .inspection(.duties): "kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng"
    case .inspection(.partyFinance): "kiểm tra tài chính"
    case .inspection(.partyFee): "kiểm tra việc thu, nộp đảng phí"
    case .supervision(.regular): "giám sát thường xuyên"
    case .supervision(.thematic): "giám sát chuyên đề"
    }
  }

  /// Accepts the code or the usual words: "kiểm tra thường xuyên", "giám sát chuyên đề", "dấu hiệu vi phạm",
  /// "tài chính đảng", "đảng phí".
  public init?(parsing text: String) {
    if let exact = OversightKind(code: text) {
      self = exact
      return
    }
    let w = SearchFolding.words(text).joined(separator: " ")
    if w.contains("giam sat") {
      self = w.contains("chuyen de") ? .supervision(.thematic) : .supervision(.regular)
    } else if w.contains("dau hieu") {
      self = .inspection(.signsOfViolation)
    } else if w.contains("dang phi") {
      self = .inspection(.partyFee)
    } else if w.contains("tai chinh") {
      self = .inspection(.partyFinance)
    } else if w.contains("nhiem vu") || w.contains("thi hanh ky luat") {
      self = .inspection(.duties)
    } else if w.contains("thuong xuyen") {
      self = .inspection(.regular)
    } else {
      return nil
    }
  }
}
