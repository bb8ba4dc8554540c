/// Where a grade stands in its unit's workflow: a draft the unit still edits, submitted to the level above,
/// or approved by it (locked until reopened).
public enum GradeState: String, Hashable, Sendable, Codable, CaseIterable {
  case draft, submitted, approved

  public var nameVi: String {
    switch self {
    case .draft: "nháp"
    case .submitted: "đã trình"
    case .approved: "đã duyệt"
    }
  }
}

/// A step of the grading workflow by level: the unit submits; the level above approves, sends back or
/// reopens what it approved.
public enum GradeWorkflowAction: String, Hashable, Sendable, Codable, CaseIterable {
  case submit, approve, sendBack, reopen

  public var nameVi: String {
    switch self {
    case .submit: "trình"
    case .approve: "duyệt"
    case .sendBack: "trả lại"
    case .reopen: "mở lại"
    }
  }

  /// The states a grade may be in for this step, and the state it is left in.
  public var moves: (from: Set<GradeState>, to: GradeState) {
    switch self {
    case .submit: ([.draft], .submitted)
    case .approve: ([.submitted], .approved)
    case .sendBack: ([.submitted], .draft)
    case .reopen: ([.approved], .draft)
    }
  }

  /// Sending back and reopening undo someone's work: the unit must read why, so the reason is kept.
  public var needsReason: Bool { self == .sendBack || self == .reopen }

  /// Only the level above decides on a unit's submission; the unit itself only submits.
  public var byTheLevelAbove: Bool { self != .submit }
}

/// The rules of the grading workflow by level, as pure functions: who may take a step on which unit, and
/// whether the grades are in a state the step applies to.
public enum GradeWorkflow {
  /// Why `action` on the unit `unitCode` is refused for someone whose subtree starts at `scopeCode`, or nil.
  /// The unit is already known to be inside that subtree; `mayDecide` says whether the role may approve.
  public static func refusal(
    _ action: GradeWorkflowAction, unitCode: String, scopeCode: String, mayDecide: Bool
  ) -> String? {
    guard action.byTheLevelAbove else { return nil }
    guard mayDecide else {
      return "Chỉ cấp trên (Ban Tổ chức cấp trên hoặc quản trị) mới được \(action.nameVi) kết quả xếp loại."
    }
    if unitCode == scopeCode {
      return "Không thể tự \(action.nameVi) kết quả xếp loại của chính tổ chức mình: việc này do cấp trên làm."
    }
    return nil
  }

  /// Why the reason typed is not enough for `action`, or nil.
  public static func reasonRefusal(_ action: GradeWorkflowAction, reason: String) -> String? {
    guard action.needsReason, reason.allSatisfy(\.isWhitespace) else { return nil }
    return "Hãy ghi rõ lý do \(action.nameVi): đơn vị cần biết phải sửa gì."
  }

  /// Why no grade can take the step, given how many grades of the unit are in each state, or nil.
  public static func stateRefusal(_ action: GradeWorkflowAction, counts: [GradeState: Int], unitName: String)
    -> String?
  {
    let movable = action.moves.from.reduce(0) { $0 + (counts[$1] ?? 0) }
    guard movable == 0 else { return nil }
    let total = counts.values.reduce(0, +)
    if total == 0 { return "\(unitName) chưa có kết quả xếp loại nào để \(action.nameVi)." }
    let wanted = action.moves.from.map(\.nameVi).sorted().joined(separator: " hoặc ")
    return "\(unitName) không có kết quả nào ở trạng thái \(wanted) để \(action.nameVi)."
  }

  /// The message for an edit of a grade that is no longer a draft.
  public static func lockedMessage(subjectName: String, state: GradeState) -> String {
    "Kết quả của \(subjectName) đã \(state == .approved ? "được cấp trên duyệt" : "được trình cấp trên"): "
      + "không sửa được. Muốn sửa, cấp trên phải \(state == .approved ? "mở lại" : "trả lại") (ghi rõ lý do)."
  }
}

/// How far a unit has got with the year's grading, as the progress page shows it.
public enum GradingStage: String, Hashable, Sendable, Codable {
  case notStarted, grading, submitted, approved, sentBack

  public var nameVi: String {
    switch self {
    case .notStarted: "chưa bắt đầu"
    case .grading: "đang xếp loại"
    case .submitted: "đã trình"
    case .approved: "đã duyệt"
    case .sentBack: "bị trả lại"
    }
  }

  /// The stage from the unit's grades by state and its last workflow step: drafts after a send-back (or a
  /// reopen) are work sent back; any draft is still grading; otherwise the least advanced state decides.
  public static func of(counts: [GradeState: Int], lastAction: GradeWorkflowAction?) -> GradingStage {
    let drafts = counts[.draft] ?? 0
    let submitted = counts[.submitted] ?? 0
    let approved = counts[.approved] ?? 0
    if drafts + submitted + approved == 0 { return .notStarted }
    if drafts > 0 {
      return lastAction == .sendBack || lastAction == .reopen ? .sentBack : .grading
    }
    return submitted > 0 ? .submitted : .approved
  }
}

/// One unit's line on the progress page.
public struct GradingProgressRow: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var counts: [GradeState: Int]
  public var lastAction: GradeWorkflowAction?
  /// The reason given with the last step, if any (a send-back's or a reopen's).
  public var lastReason: String?
  public var lastActor: String?

  public init(
    code: String, name: String, counts: [GradeState: Int], lastAction: GradeWorkflowAction? = nil,
    lastReason: String? = nil, lastActor: String? = nil
  ) {
    self.code = code
    self.name = name
    self.counts = counts
    self.lastAction = lastAction
    self.lastReason = lastReason
    self.lastActor = lastActor
  }

  public var stage: GradingStage { .of(counts: counts, lastAction: lastAction) }
  public func count(_ state: GradeState) -> Int { counts[state] ?? 0 }
}

/// The year's progress of a unit (its own line) and of each unit directly below it.
public struct GradingProgress: Hashable, Sendable, Codable {
  public var year: Int
  public var evaluationDate: Day
  public var unit: GradingProgressRow
  public var below: [GradingProgressRow]

  public init(year: Int, evaluationDate: Day, unit: GradingProgressRow, below: [GradingProgressRow]) {
    self.year = year
    self.evaluationDate = evaluationDate
    self.unit = unit
    self.below = below
  }
}
