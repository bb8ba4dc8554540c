import DangVuCore
import DangVuStore

/// What a workflow step form or body carries: kept as text so a refused step shows what was typed.
struct GradeWorkflowFields: Codable, Sendable {
  var step: String?
  var reason: String?
  var nam: String?
}

/// A step of the grading workflow (submit, approve, send back, reopen), the same for the pages and the API:
/// the unit must be inside the principal's subtree (404 otherwise, before anything else), `GradeWorkflow` says
/// whether this person may take the step on this unit, and the store writes the step with its audit entry in
/// one transaction. Nothing is written when anything is refused.
enum GradeWorkflowSubmission {
  enum Outcome: Sendable {
    case done(action: GradeWorkflowAction, grades: Int)
    case invalid(FieldProblems)
  }

  static func advance(
    unit: Organisation, year: Int, fields: GradeWorkflowFields, access: Access, in store: any EvaluationStore
  ) async throws -> Outcome {
    var errors = FieldProblems()
    guard let action = fields.step.flatMap(GradeWorkflowAction.init(rawValue:)) else {
      errors["step"] =
        "Hãy chọn một bước: "
        + GradeWorkflowAction.allCases.map { "\($0.rawValue) (\($0.nameVi))" }
        .joined(separator: ", ") + "."
      return .invalid(errors)
    }
    let principal = access.principal
    if let refusal = GradeWorkflow.refusal(
      action, unitCode: unit.code, scopeCode: principal.scopeCode, mayDecide: principal.allows(.approveGrades))
    {
      errors["step"] = refusal
    }
    let reason = fields.reason ?? ""
    if let refusal = GradeWorkflow.reasonRefusal(action, reason: reason) { errors["reason"] = refusal }
    if reason.count > 2000 { errors["reason"] = "Lý do dài quá 2.000 ký tự: hãy viết gọn lại." }
    guard errors.isEmpty else { return .invalid(errors) }
    do {
      let changed = try await store.advanceGrades(
        of: unit.code, year: year, to: action, by: AuditActor(principal), reason: reason)
      AuditRecorder.recordedByStore()
      return .done(action: action, grades: changed)
    } catch let refused as DomainError {
      // No cycle, or no grade in a state this step applies to: the whole step is refused.
      errors.general = refused.message
      return .invalid(errors)
    }
  }
}
