import DangVuCore
import DangVuStore

/// The settlement of an appeal against a discipline decision as typed on the decision's page or sent to the API:
/// the same names in both, kept as text so what was typed goes back unchanged when something is refused.
struct AppealFields: Codable, Sendable, Equatable {
  /// "upheld", "changed" or "annulled".
  var outcome: String = ""
  /// With "changed": the form the decision now carries.
  var newForm: String = ""
  var lodged: String = ""
  /// The day the appeal was settled.
  var decided: String = ""
  /// The body that settled it and the number of its decision.
  var settledBy: String = ""
  var settledNumber: String = ""

  enum CodingKeys: String, CodingKey { case outcome, newForm, lodged, decided, settledBy, settledNumber }

  init() {}

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
    outcome = try text(.outcome)
    newForm = try text(.newForm)
    lodged = try text(.lodged)
    decided = try text(.decided)
    settledBy = try text(.settledBy)
    settledNumber = try text(.settledNumber)
  }
}

/// Recording an appeal's outcome: the same for the page and the API. The decision must lie in the principal's
/// subtree (one outside answers as one that does not exist); the fields are checked, each message for its field;
/// the store applies or undoes the effects as `dangvu oversight appeal` does and appends the audit entry in the
/// same transaction. Nothing is written when anything is refused.
enum AppealSubmission {
  enum Outcome: Sendable {
    case saved(DisciplineHistory)
    case invalid(FieldProblems)
  }

  /// The decision `id` with its appeals, if it is counted in a unit of the principal's subtree.
  static func decision(id: Int64?, access: Access, in store: any OversightStore) async throws -> DisciplineHistory {
    guard let id, let found = try await store.disciplineDecision(id: id),
      try await access.store.unitIsWithin(
        id: found.unitID, rootCode: access.scopeCode, on: found.history.decision.decided)
    else { throw AccessError.notFound }
    return found.history
  }

  static func record(
    _ fields: AppealFields, on history: DisciplineHistory, access: Access, in store: any OversightStore
  ) async throws -> Outcome {
    var problems = FieldProblems()
    let outcome = appealOutcome(fields, problems: &problems)
    let lodged = problems.day(fields.lodged, "lodged", "ngày nhận đơn khiếu nại")
    let decided = problems.day(fields.decided, "decided", "ngày giải quyết")
    let body = problems.required(fields.settledBy, "settledBy", "cơ quan giải quyết")
    let number = problems.required(fields.settledNumber, "settledNumber", "số quyết định giải quyết")
    guard problems.isEmpty, let outcome, let lodged, let decided, let body, let number else {
      return .invalid(problems)
    }
    let appeal = Appeal(
      decisionID: history.decision.id, lodged: lodged, decided: decided, outcome: outcome,
      note: "Quyết định số \(number) của \(body)")
    do {
      let saved = try await store.recordAppeal(appeal, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(DisciplineHistory(decision: history.decision, appeals: history.appeals + [saved]))
    } catch let error as DomainError {
      // The rule's own message, beside the field it is about.
      problems[field(of: error.code)] = error.message
      return .invalid(problems)
    }
  }

  private static func appealOutcome(_ fields: AppealFields, problems: inout FieldProblems) -> Appeal.Outcome? {
    // A form named when the outcome keeps or annuls the decision is ignored, but a form that is not one is refused:
    // what was sent is either understood or sent back, never silently dropped.
    if !fields.newForm.isEmpty, fields.outcome != "changed",
      DisciplineForm(rawValue: fields.newForm) ?? DisciplineForm(parsing: fields.newForm) == nil
    {
      problems["newForm"] = "“\(fields.newForm)” không phải một hình thức kỷ luật."
      return nil
    }
    switch fields.outcome {
    case "upheld": return .upheld
    case "annulled": return .annulled
    case "changed":
      guard let form = DisciplineForm(rawValue: fields.newForm) ?? DisciplineForm(parsing: fields.newForm) else {
        problems["newForm"] = "Hãy chọn hình thức kỷ luật mới."
        return nil
      }
      return .changed(form)
    default:
      problems["outcome"] = "Hãy chọn kết quả: giữ nguyên, thay đổi hình thức hoặc xóa bỏ quyết định."
      return nil
    }
  }

  /// The field a refusal of `OversightRules` or the store is about.
  static func field(of code: String) -> String {
    switch code {
    case "appeal.dates", "appeal.order": "decided"
    case "appeal.badForm": "newForm"
    case "appeal.annulled": "outcome"
    case let code where code.hasPrefix("text."): "settledBy"
    // An expulsion re-applied on a changed form checks the member's history (already out, died…).
    default: "outcome"
    }
  }
}
