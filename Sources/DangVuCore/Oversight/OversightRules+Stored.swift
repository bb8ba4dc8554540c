/// The refusals of oversight writes that depend on what is stored (a record not found, a finding about someone not
/// inspected, a category not declared, a complaint settled already) and what a write derives from a stored record
/// (a resolution, an appeal's effects, the expulsion event's note): one text for both engines, so SQLite and
/// PostgreSQL refuse the same things with the same codes and write the same records.
extension OversightRules {
  public static func unknownInspection(_ id: Int64) -> DomainError {
    DomainError("inspection.unknown", "Không tìm thấy cuộc kiểm tra, giám sát số \(id).")
  }

  /// A conclusion is dated on or after the inspection began.
  public static func checkConclusion(of inspection: Inspection, on day: Day) throws(DomainError) {
    guard day >= inspection.started else {
      throw DomainError(
        "inspection.dates", "Ngày kết luận \(day.vietnamese) trước ngày bắt đầu \(inspection.started.vietnamese).")
    }
  }

  public static func notASubject(_ name: String, of inspectionID: Int64) -> DomainError {
    DomainError(
      "inspection.notASubject", "\(name) không phải đối tượng của cuộc kiểm tra, giám sát số \(inspectionID).")
  }

  /// Each planned kind is a kind of inspection or supervision and no count is negative, checked in the kinds'
  /// order so the first refusal is the same whichever engine checks.
  public static func check(_ programme: OversightProgramme) throws(DomainError) {
    for (kind, planned) in programme.planned.sorted(by: { $0.key < $1.key }) {
      guard OversightKind(code: kind) != nil else {
        throw DomainError(
          "programme.unknownKind",
          "\"\(kind)\" không phải loại kiểm tra, giám sát; dùng: \(OversightKind.allCases.map(\.code).joined(separator: ", "))."
        )
      }
      guard planned >= 0 else {
        throw DomainError("programme.negative", "Số cuộc dự kiến không được âm (\(kind): \(planned)).")
      }
    }
  }

  /// Every category of a decision is one the database declares (`known`).
  public static func checkCategories(_ categories: [String], known: Set<String>) throws(DomainError) {
    for code in categories where !known.contains(code) {
      throw DomainError(
        "discipline.unknownCategory",
        "\"\(code)\" không phải nội dung vi phạm đã khai báo; dùng: \(known.sorted().joined(separator: ", ")).")
    }
  }

  public static func unknownInspectionBehind(_ id: Int64) -> DomainError {
    DomainError("discipline.unknownInspection", "Không tìm thấy cuộc kiểm tra số \(id) dẫn đến kỷ luật.")
  }

  public static func unknownDecision(_ id: Int64) -> DomainError {
    DomainError("discipline.unknown", "Không tìm thấy quyết định kỷ luật số \(id).")
  }

  public static func unknownAppealedDecision(_ id: Int64) -> DomainError {
    DomainError("appeal.unknownDecision", "Không tìm thấy quyết định kỷ luật số \(id).")
  }

  public static func unknownComplaint(_ id: Int64) -> DomainError {
    DomainError("complaint.unknown", "Không tìm thấy đơn khiếu nại, tố cáo số \(id).")
  }

  /// The complaint as resolved on `day` with `finding`: refused when it was resolved already or the result breaks
  /// a complaint's rules.
  public static func resolving(_ c: Complaint, on day: Day, finding: Complaint.Finding) throws(DomainError)
    -> Complaint
  {
    if let resolved = c.resolved {
      throw DomainError(
        "complaint.alreadyResolved", "Đơn số \(c.id) đã được giải quyết ngày \(resolved.vietnamese).")
    }
    var after = c
    after.resolved = day
    after.finding = finding
    try check(after)
    return after
  }

  /// A member a record is about is in the register on the record's day.
  public static func memberNotInRegister(_ name: String, on day: Day) -> DomainError {
    DomainError(
      "oversight.memberNotInRegister",
      "\(name) không có trong danh sách đảng viên ngày \(day.vietnamese); hãy kiểm tra ngày hoặc đối tượng.")
  }

  /// A unit a record is about exists on the record's day.
  public static func checkExists(_ unit: Organisation, on day: Day) throws(DomainError) {
    guard unit.exists(on: day) else {
      throw DomainError(
        "oversight.unitNotExisting", "\(unit.name) (\(unit.code)) không tồn tại vào ngày \(day.vietnamese).")
    }
  }

  /// The expulsion's event could not be recorded in the member's history (`reason`, the history's refusal).
  public static func expulsionRefused(_ name: String, by d: DisciplineDecision, reason: String) -> DomainError {
    DomainError("discipline.expulsion", "Không ghi được việc khai trừ \(name) theo quyết định \(d.number): \(reason)")
  }

  /// The dissolution could not end the unit (`reason`, the tree's refusal: members remain, say).
  public static func dissolutionRefused(_ unit: Organisation, by d: DisciplineDecision, reason: String) -> DomainError {
    DomainError(
      "discipline.dissolutionWithMembers", "Không thể giải tán \(unit.name) theo quyết định \(d.number): \(reason)")
  }
}

extension DisciplineDecision {
  /// The note of the expulsion event a decision causes: it names the decision, so undoing removes exactly that event.
  public var expulsionNote: String { "Khai trừ theo quyết định \(number) (kỷ luật số \(id))" }
}

extension DisciplineHistory {
  /// What an appeal does to the decision's effects on the day it is settled: the form whose effects are undone
  /// (nil: none) and the form whose effects are applied (nil: none), and the form in force afterwards (nil once
  /// annulled). An appeal that leaves the form as it was changes nothing.
  public func effects(of appeal: Appeal) -> (undo: DisciplineForm?, apply: DisciplineForm?, inForce: DisciplineForm?) {
    let before = form(on: appeal.decided)
    let after = DisciplineHistory(decision: decision, appeals: appeals + [appeal]).form(on: appeal.decided)
    return (before != after ? before : nil, after != before ? after : nil, after)
  }
}
