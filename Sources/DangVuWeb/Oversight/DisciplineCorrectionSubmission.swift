import DangVuCore
import DangVuStore

/// A correction of a discipline decision as typed on its page or sent to the API; kept as text so what was typed
/// goes back unchanged when something is refused.
struct DisciplineCorrectionFields: Codable, Sendable, Equatable {
  var number: String = ""
  var violated: String = ""
  var categories: [String]? = nil
  var selfCorrected: String? = nil
  var note: String = ""
  var reason: String = ""

  enum CodingKeys: String, CodingKey { case number, violated, categories, selfCorrected, note, reason }

  init() {}

  /// The fields prefilled from the decision as it stands.
  init(_ d: DisciplineDecision) {
    number = d.number
    violated = d.violated.vietnamese
    categories = d.categories
    selfCorrected = d.selfCorrected ? "on" : nil
    note = d.note
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    number = try c.decodeIfPresent(String.self, forKey: .number) ?? ""
    violated = try c.decodeIfPresent(String.self, forKey: .violated) ?? ""
    categories = try c.decodeIfPresent([String].self, forKey: .categories)
    // The API may send a boolean.
    if let flag = try? c.decodeIfPresent(Bool.self, forKey: .selfCorrected) {
      selfCorrected = flag ? "on" : nil
    } else {
      selfCorrected = try c.decodeIfPresent(String.self, forKey: .selfCorrected)
    }
    note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
  }
}

/// Correcting a decision: the same for the page and the API. The decision must lie in the subtree (checked by
/// `AppealSubmission.decision`); each refusal beside its field; the store writes the correction and its audit entry,
/// which keeps the old decision, in one transaction.
enum DisciplineCorrectionSubmission: RecordCorrection {
  static func find(id: Int64?, access: Access, in store: any OversightStore) async throws -> DisciplineHistory {
    try await AppealSubmission.decision(id: id, access: access, in: store)
  }

  static func page(of saved: DisciplineDecision) -> String { Links.disciplineDecision(saved.id) }

  static func correct(
    _ fields: DisciplineCorrectionFields, of history: DisciplineHistory, access: Access, in store: any OversightStore
  )
    async throws -> CorrectionOutcome<DisciplineDecision>
  {
    let d = history.decision
    var problems = FieldProblems()
    let number = problems.required(fields.number, "number", "số quyết định")
    let violated = problems.day(fields.violated, "violated", "ngày vi phạm")
    let reason = problems.required(fields.reason, "reason", "lý do sửa")
    let categories = (fields.categories ?? []).filter { !$0.isEmpty }
    if categories.isEmpty { problems["categories"] = "Hãy chọn ít nhất một nội dung vi phạm." }
    guard problems.isEmpty, let number, let violated, let reason else { return .invalid(problems) }
    let correction = DisciplineCorrection(
      decisionID: d.id, number: number, violated: violated, categories: categories,
      selfCorrected: ["on", "true", "1"].contains(fields.selfCorrected ?? ""), note: fields.note, reason: reason)
    do {
      let saved = try await store.correctDiscipline(correction, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return .saved(saved)
    } catch let error as DomainError {
      problems[field(of: error.code)] = error.message
      return .invalid(problems)
    }
  }

  /// The field a refusal is about.
  static func field(of code: String) -> String {
    switch code {
    case "discipline.violationAfterDecision", "discipline.limitation": "violated"
    case "discipline.numberMissing": "number"
    case "discipline.noCategory", "discipline.unknownCategory": "categories"
    case "correction.reason": "reason"
    case "text.tooLong", "text.forbiddenCharacter": "note"
    default: "reason"
    }
  }
}
