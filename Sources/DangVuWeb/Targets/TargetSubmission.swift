import DangVuCore
import DangVuStore

/// Setting a plan, adding or removing a target: the same for the pages and the API. The typed fields are checked
/// (each message for its field), the unit must lie in the principal's subtree, and the store writes with the
/// audit entry in one transaction. Nothing is written when anything is refused.
enum TargetSubmission {
  enum Outcome: Sendable {
    case plan(AdmissionPlanEntry)
    case target(ReportTarget)
    case invalid(FieldProblems)
  }

  /// Plans a year ahead at most: a plan for a year long past changes no report anyone still reads.
  static func planYears(today: Day) -> ClosedRange<Int> { 2000...(today.year + 1) }

  static func setPlan(_ fields: TargetFields, access: Access, in store: any TargetStore, today: Day) async throws
    -> Outcome
  {
    var errors = FieldProblems()
    let unit = try await unit(fields.unit, access: access, today: today, errors: &errors)
    let year = TargetFields.number(fields.year, "year", "năm", planYears(today: today), errors: &errors)
    let planned = TargetFields.number(fields.planned, "planned", "số đảng viên kết nạp", 0...1_000_000, errors: &errors)
    guard errors.isEmpty, let unit, let year, let planned else { return .invalid(errors) }
    let plan = AdmissionPlanEntry(organisationCode: unit.code, year: year, planned: planned)
    try await store.setAdmissionPlan(plan, by: AuditActor(access.principal))
    AuditRecorder.recordedByStore()
    return .plan(plan)
  }

  static func addTarget(_ fields: TargetFields, access: Access, in store: any TargetStore, today: Day) async throws
    -> Outcome
  {
    var errors = FieldProblems()
    let measure = fields.measure.flatMap(ReportTarget.Measure.init(rawValue:))
    if measure == nil {
      errors["measure"] =
        "Hãy chọn loại chỉ tiêu: " + ReportTarget.Measure.allCases.map(\.nameVi).joined(separator: ", ") + "."
    }
    // A central target binds every province: only an administrator over the whole tree sets one.
    var unit: Organisation?
    if LifecycleFields.text(fields.unit) == nil {
      if access.principal.role != .administrator {
        errors["unit"] = "Hãy nhập mã đơn vị mà chỉ tiêu ràng buộc (chỉ quản trị hệ thống đặt chỉ tiêu chung)."
      }
    } else {
      unit = try await self.unit(fields.unit, access: access, today: today, errors: &errors)
    }
    let years = Day.recordedYears
    let from = TargetFields.number(fields.fromYear, "fromYear", "năm bắt đầu", years, errors: &errors)
    let until = TargetFields.number(fields.untilYear, "untilYear", "năm kết thúc", years, errors: &errors)
    if let from, let until, until < from {
      errors["untilYear"] = "Năm kết thúc \(until) trước năm bắt đầu \(from)."
    }
    let low = TargetFields.number(
      fields.low, "low", measure == .goodOrAbovePercent ? "tỷ lệ (%)" : "cận dưới", 0...1_000_000, errors: &errors)
    let high = TargetFields.number(
      fields.high, "high", "cận trên", 0...1_000_000, errors: &errors, required: measure == .admissionsPerYear)
    let source = LifecycleFields.text(fields.source) ?? ""
    if source.isEmpty { errors["source"] = "Hãy ghi văn bản đặt chỉ tiêu (ví dụ: Nghị quyết số 21-NQ/TW)." }
    guard errors.isEmpty, let measure, let from, let until, let low else { return .invalid(errors) }
    let target: ReportTarget
    do {
      target = try ReportTarget(
        measure: measure, scopeCode: unit?.code, years: from...until, low: low,
        high: measure == .admissionsPerYear ? high : nil, source: source)
    } catch {
      // The rule's own message, beside the field it is about.
      let field: String =
        switch error.code {
        case "target.band": "high"
        case "target.percent": "low"
        case "target.years": "fromYear"
        default: "source"
        }
      errors[field] = error.message
      return .invalid(errors)
    }
    let saved = try await store.addReportTarget(target, by: AuditActor(access.principal))
    AuditRecorder.recordedByStore()
    return .target(saved)
  }

  /// Removes target `id` if the principal may change it: one of a unit in their subtree, or a central one for
  /// an administrator. Anything else answers as if it did not exist.
  static func removeTarget(id: Int64, access: Access, in store: any TargetStore, today: Day) async throws
    -> ReportTarget
  {
    guard let target = try await visibleTargets(access, in: store, today: today).first(where: { $0.id == id }),
      try await mayChange(target, access: access, today: today)
    else { throw AccessError.notFound }
    let removed = try await store.removeReportTarget(id: id, by: AuditActor(access.principal))
    AuditRecorder.recordedByStore()
    return removed
  }

  /// The targets a principal sees: those of units in their subtree, of units above it (which bind it), and
  /// central ones.
  static func visibleTargets(_ access: Access, in store: any TargetStore, today: Day) async throws -> [ReportTarget] {
    try await store.reportTargets(relatedTo: access.scopeCode, on: today)
  }

  static func mayChange(_ target: ReportTarget, access: Access, today: Day) async throws -> Bool {
    guard access.principal.allows(.setTargets) else { return false }
    guard let code = target.scopeCode else { return access.principal.role == .administrator }
    guard let unit = try await access.store.organisation(code: code) else { return false }
    return try await access.store.unitIsWithin(id: unit.id, rootCode: access.scopeCode, on: today)
  }

  private static func unit(_ typed: String?, access: Access, today: Day, errors: inout FieldProblems) async throws
    -> Organisation?
  {
    guard let code = LifecycleFields.text(typed) else {
      errors["unit"] = "Hãy nhập mã đơn vị."
      return nil
    }
    do {
      return try await access.unit(code: code, on: today)
    } catch is AccessError {
      errors["unit"] = "Không có đơn vị mã “\(code)” trong phạm vi của bạn."
      return nil
    }
  }
}
