/// The rules of DESIGN.md for discipline, checked before anything is written; refusals say what is wrong
/// and what to do, in Vietnamese.
public enum OversightRules {
  /// What the store knows about a member on the decision day.
  public struct MemberStanding: Hashable, Sendable {
    public var name: String
    public var inRegister: Bool
    public var probationary: Bool
    public var holdsPost: Bool

    public init(name: String, inRegister: Bool, probationary: Bool, holdsPost: Bool) {
      self.name = name
      self.inRegister = inRegister
      self.probationary = probationary
      self.holdsPost = holdsPost
    }
  }

  /// Checks a decision about a member: the form fits the member, the limitation period has not run out.
  public static func check(_ d: DisciplineDecision, member m: MemberStanding) throws(DomainError) {
    try checkCommon(d)
    guard DisciplineForm.forMembers.contains(d.form) else {
      throw DomainError(
        "discipline.formForUnits",
        "\(m.name): hình thức \(d.form.nameVi) chỉ áp dụng với tổ chức đảng; đảng viên bị khiển trách, cảnh cáo, cách chức hoặc khai trừ."
      )
    }
    guard m.inRegister else {
      throw DomainError(
        "discipline.notInRegister",
        "\(m.name) không có trong danh sách đảng viên ngày \(d.decided.vietnamese): không thể thi hành kỷ luật.")
    }
    if m.probationary && !(d.form == .reprimand || d.form == .warning) {
      throw DomainError(
        "discipline.probationary",
        "\(m.name) là đảng viên dự bị ngày \(d.decided.vietnamese): chỉ được khiển trách hoặc cảnh cáo, không \(d.form.nameVi)."
      )
    }
    if d.form == .dismissal && !m.holdsPost {
      throw DomainError(
        "discipline.noPost",
        "\(m.name) không giữ chức vụ nào ngày \(d.decided.vietnamese): không có chức vụ để cách chức. "
          + "Hãy ghi chức vụ của đảng viên trước, hoặc chọn hình thức khác.")
    }
  }

  /// Checks a decision about a unit.
  public static func check(_ d: DisciplineDecision, unitName: String) throws(DomainError) {
    try checkCommon(d)
    guard DisciplineForm.forUnits.contains(d.form) else {
      throw DomainError(
        "discipline.formForMembers",
        "\(unitName): hình thức \(d.form.nameVi) chỉ áp dụng với đảng viên; tổ chức đảng bị khiển trách, cảnh cáo hoặc giải tán."
      )
    }
  }

  static func checkCommon(_ d: DisciplineDecision) throws(DomainError) {
    if d.number.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("discipline.numberMissing", "Quyết định kỷ luật phải có số quyết định.")
    }
    try TextRules.check(d.number, .decisionNumber)
    try TextRules.check(d.note, .note)
    for category in d.categories { try TextRules.check(category, .category) }
    if d.categories.isEmpty {
      throw DomainError(
        "discipline.noCategory", "Quyết định kỷ luật \(d.number) phải nêu ít nhất một nội dung vi phạm.")
    }
    if d.violated > d.decided {
      throw DomainError(
        "discipline.violationAfterDecision",
        "Quyết định \(d.number): ngày vi phạm \(d.violated.vietnamese) sau ngày quyết định \(d.decided.vietnamese).")
    }
    if let years = d.form.limitationYears, d.violated.adding(months: 12 * years) < d.decided {
      throw DomainError(
        "discipline.limitation",
        "Quyết định \(d.number): vi phạm ngày \(d.violated.vietnamese) đã hết thời hiệu \(years) năm để \(d.form.nameVi) "
          + "(đến \(d.violated.adding(months: 12 * years).vietnamese)); không thể thi hành kỷ luật hình thức này.")
    }
  }

  /// Checks an appeal against the decision it is about.
  public static func check(_ appeal: Appeal, against history: DisciplineHistory, isMember: Bool) throws(DomainError) {
    let d = history.decision
    try TextRules.check(appeal.note, .note)
    if appeal.lodged < d.decided || appeal.decided < appeal.lodged {
      throw DomainError(
        "appeal.dates",
        "Khiếu nại quyết định \(d.number): ngày nhận (\(appeal.lodged.vietnamese)) phải từ ngày quyết định "
          + "(\(d.decided.vietnamese)) và ngày giải quyết (\(appeal.decided.vietnamese)) không trước ngày nhận.")
    }
    if let last = history.appeals.map(\.decided).max(), appeal.decided < last {
      throw DomainError(
        "appeal.order",
        "Quyết định \(d.number) đã có khiếu nại giải quyết ngày \(last.vietnamese): hãy ghi khiếu nại theo thứ tự ngày."
      )
    }
    if history.form(on: appeal.decided) == nil {
      throw DomainError("appeal.annulled", "Quyết định \(d.number) đã bị xóa bỏ: không còn gì để khiếu nại.")
    }
    if case .changed(let form) = appeal.outcome {
      let allowed = isMember ? DisciplineForm.forMembers : DisciplineForm.forUnits
      guard allowed.contains(form) else {
        throw DomainError(
          "appeal.badForm", "Quyết định \(d.number): không thể đổi sang hình thức \(form.nameVi) với đối tượng này.")
      }
    }
  }
}
