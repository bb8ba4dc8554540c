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

  public var nameVi: String {
    switch self {
    case .tooNew: "thành lập (hoặc kết nạp) chưa đủ 6 tháng"
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

  public var nameVi: String {
    switch self {
    case .graded(let g): g.nameVi
    case .notEvaluated(let r): "chưa đánh giá, xếp loại (\(r.nameVi))"
    }
  }
}
