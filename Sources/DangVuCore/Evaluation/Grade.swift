/// The four grades of the annual quality evaluation (xếp loại chất lượng).
public enum Grade: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  case excellent  // hoàn thành xuất sắc nhiệm vụ
  case good  // hoàn thành tốt nhiệm vụ
  case complete  // hoàn thành nhiệm vụ
  case notComplete  // không hoàn thành nhiệm vụ

  public var nameVi: String {
    switch self {
    case .excellent: "hoàn thành xuất sắc nhiệm vụ"
    case .good: "hoàn thành tốt nhiệm vụ"
    case .complete: "hoàn thành nhiệm vụ"
    case .notComplete: "không hoàn thành nhiệm vụ"
    }
  }

  public var isGoodOrAbove: Bool { self == .excellent || self == .good }

  private var rank: Int { Grade.allCases.firstIndex(of: self)! }
  /// Better grades sort first.
  public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }
}

/// Why a subject was not graded (chưa đánh giá, xếp loại).
public enum NotEvaluatedReason: String, Hashable, Sendable, Codable, CaseIterable {
  case tooNew  // under 6 months old at the evaluation date
  case pendingInspection  // đang bị kiểm tra, thanh tra
  case pendingComplaint  // đang giải quyết khiếu nại, tố cáo
  case pendingDiscipline  // đang xem xét kỷ luật
  case other

  /// Who a reason is said of: a member is too new since admission, a unit or a collective since it was
  /// founded or formed, a cadre since taking the post.
  public enum Subject: Hashable, Sendable {
    case member
    case organisation
    case cadre

    public init(_ subject: SubjectClass) {
      switch subject {
      case .member: self = .member
      case .organisation, .leadershipCollective: self = .organisation
      case .leadershipCadre: self = .cadre
      }
    }
  }

  /// "kết nạp chưa đủ 6 tháng" for a member, "thành lập chưa đủ 6 tháng" for a unit: one word for both
  /// ("thành lập (hoặc kết nạp)") reads as if the writer did not know which.
  public func nameVi(for subject: Subject) -> String {
    guard self == .tooNew else { return nameVi }
    switch subject {
    case .member: return "kết nạp chưa đủ 6 tháng"
    case .organisation: return "thành lập chưa đủ 6 tháng"
    case .cadre: return "giữ chức vụ chưa đủ 6 tháng"
    }
  }

  /// Every name a reason is written with, for a drop-down list that any subject's row may use.
  public static var allNamesVi: [String] {
    allCases.flatMap { reason in
      reason == .tooNew ? [Subject.member, .organisation, .cadre].map { reason.nameVi(for: $0) } : [reason.nameVi]
    }
  }

  /// The words of a reason that does not depend on the subject; a too-new subject is named by `nameVi(for:)`.
  private var nameVi: String {
    switch self {
    case .tooNew: "chưa đủ 6 tháng"
    case .pendingInspection: "đang bị kiểm tra, thanh tra, kiểm toán"
    case .pendingComplaint: "đang giải quyết khiếu nại, tố cáo"
    case .pendingDiscipline: "đang xem xét kỷ luật"
    case .other: "lý do khác"
    }
  }
}

/// The outcome for one subject in one cycle.
public enum GradeOutcome: Hashable, Sendable, Codable {
  case graded(Grade)
  case notEvaluated(NotEvaluatedReason)
}

extension NotEvaluatedReason: CodingKeyRepresentable {}

extension GradeOutcome {
  /// One word per outcome for files and the database: "good", "notEvaluated.tooNew".
  public var code: String {
    switch self {
    case .graded(let g): g.rawValue
    case .notEvaluated(let r): "notEvaluated.\(r.rawValue)"
    }
  }

  public init?(code: String) {
    if let g = Grade(rawValue: code) {
      self = .graded(g)
    } else if code.hasPrefix("notEvaluated."), let r = NotEvaluatedReason(rawValue: String(code.dropFirst(13))) {
      self = .notEvaluated(r)
    } else {
      return nil
    }
  }

  public func nameVi(for subject: NotEvaluatedReason.Subject) -> String {
    switch self {
    case .graded(let g): g.nameVi
    case .notEvaluated(let r): "chưa đánh giá, xếp loại (\(r.nameVi(for: subject)))"
    }
  }
}
