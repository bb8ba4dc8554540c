/// Checks on inspections and complaints before anything is written.
extension OversightRules {
  public static func check(_ i: Inspection) throws(DomainError) {
    if i.title.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("inspection.titleMissing", "Cuộc \(i.kind.nameVi) phải có nội dung (tên cuộc).")
    }
    try TextRules.check(i.title, .recordTitle)
    for subject in i.subjects { try check(finding: subject) }
    if i.subjects.isEmpty {
      throw DomainError(
        "inspection.noSubject", "Cuộc \(i.kind.nameVi) \"\(i.title)\" phải có ít nhất một tổ chức đảng hoặc đảng viên.")
    }
    if let end = i.concluded, end < i.started {
      throw DomainError(
        "inspection.dates",
        "Cuộc \"\(i.title)\": ngày kết luận \(end.vietnamese) trước ngày bắt đầu \(i.started.vietnamese).")
    }
    if Set(i.subjects.map(\.subject)).count != i.subjects.count {
      throw DomainError(
        "inspection.repeatedSubject",
        "Cuộc \"\(i.title)\": một đối tượng được ghi hai lần; mỗi đối tượng chỉ một lượt trong một cuộc.")
    }
  }

  /// The texts of one subject's finding, when recorded with the inspection or at its conclusion.
  public static func check(finding: InspectionSubject) throws(DomainError) {
    try TextRules.check(finding.conclusion, .conclusion)
    try TextRules.check(finding.followUp, .followUp)
  }

  public static func check(_ c: Complaint) throws(DomainError) {
    try TextRules.check(c.summary, .summary)
    if let resolved = c.resolved, resolved < c.received {
      throw DomainError(
        "complaint.dates",
        "Đơn \(c.kind.nameVi) nhận ngày \(c.received.vietnamese) không thể giải quyết trước đó (\(resolved.vietnamese))."
      )
    }
    if c.resolved != nil && c.finding == nil {
      throw DomainError(
        "complaint.findingMissing", "Đơn \(c.kind.nameVi) đã giải quyết phải có kết luận: đúng, sai hoặc đúng một phần."
      )
    }
    if c.resolved == nil && c.finding != nil {
      throw DomainError("complaint.resolvedMissing", "Đơn \(c.kind.nameVi) có kết luận thì phải có ngày giải quyết.")
    }
  }
}

extension OversightRules {
  /// What every correction of a record needs before the record's own checks: a reason, checked as a note is, and a
  /// change. `what` names the record in the messages ("quyết định 12-QĐ/UBKT", "đơn tố cáo").
  static func checkCorrection(reason: String, changed: Bool, of what: String) throws(DomainError) {
    if reason.allSatisfy(\.isWhitespace) {
      throw DomainError("correction.reason", "Hãy ghi lý do sửa \(what).")
    }
    try TextRules.check(reason, .note)
    if !changed {
      throw DomainError("correction.unchanged", "Không có gì thay đổi so với \(what) đã ghi.")
    }
  }
}
