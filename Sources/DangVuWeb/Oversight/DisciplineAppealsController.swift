import DangVuCore
import DangVuStore
import Hummingbird

/// A discipline decision's page (`/kiem-tra-ky-luat/ky-luat/{id}`) with its appeals, where the inspection staff
/// record an appeal's outcome; `/api/oversight/discipline/{id}` and `…/appeals` do the same in JSON. A decision
/// counted outside the principal's subtree does not exist for them.
struct DisciplineAppealsController {
  typealias Context = AppRequestContext
  let store: any OversightStore & AuditStore & AccessStore

  func addRoutes(to router: Router<Context>) {
    router.get("kiem-tra-ky-luat/ky-luat/:id", use: page)
    router.post("kiem-tra-ky-luat/ky-luat/:id/khieu-nai", use: recordAppeal)
    router.post("kiem-tra-ky-luat/ky-luat/:id/sua", use: correct)
    router.get("api/oversight/discipline/:id", use: decisionJSON)
    router.post("api/oversight/discipline/:id/corrections", use: correctJSON)
    router.post("api/oversight/discipline/:id/appeals", use: recordAppealJSON)
  }

  @Sendable func page(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let history = try await AppealSubmission.decision(
      id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    return try await render(history, access, context, status: .ok).response(from: request, context: context)
  }

  @Sendable func recordAppeal(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let history = try await AppealSubmission.decision(
      id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    let fields = try await SubmittedForm(request).decode(AppealFields.self)
    switch try await AppealSubmission.record(fields, on: history, access: access, in: store) {
    case .saved(let after):
      return .redirect(to: Links.disciplineDecision(after.decision.id), type: .normal)
    case .invalid(let problems):
      return try await render(
        history, access, context, status: .unprocessableContent, fields: fields, problems: problems
      ).response(from: request, context: context)
    }
  }

  @Sendable func correct(_ request: Request, context: Context) async throws -> Response {
    try await DisciplineCorrectionSubmission.submitForm(request, context, store: store) {
      try await render($0, $1, context, status: .unprocessableContent, correction: $2)
    }
  }

  @Sendable func correctJSON(_ request: Request, context: Context) async throws -> Response {
    try await DisciplineCorrectionSubmission.submitJSON(request, context, store: store)
  }

  @Sendable func decisionJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let history = try await AppealSubmission.decision(
      id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    return try JSONResponse(history).response(from: request, context: context)
  }

  @Sendable func recordAppealJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let history = try await AppealSubmission.decision(
      id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    let fields = try await SubmittedJSON(request).decode(AppealFields.self)
    switch try await AppealSubmission.record(fields, on: history, access: access, in: store) {
    case .saved(let after): return try JSONResponse(after, status: .created).response(from: request, context: context)
    case .invalid(let problems): return MemberAPIController.invalid(problems)
    }
  }

  private func render(
    _ history: DisciplineHistory, _ access: Access, _ context: Context, status: HTTPResponse.Status,
    fields: AppealFields = AppealFields(), problems: FieldProblems = FieldProblems(),
    correction: (fields: DisciplineCorrectionFields, problems: FieldProblems)? = nil
  ) async throws -> HTMLPage {
    let name: String
    switch history.decision.subject {
    case .member(let id): name = try await store.memberWithVersion(id: id)?.member.fullName ?? "đảng viên \(id)"
    case .unit(let code): name = try await store.organisation(code: code)?.name ?? code
    }
    let corrections = try await DisciplineCorrectionLine.load(
      action: "discipline.correct", subject: "discipline:\(history.decision.id)", from: store)
    let model = DisciplineDecisionPageModel(
      history: history, today: access.today, subjectName: name, canEdit: access.principal.allows(.editOversight),
      csrf: CSRF.field(context), categories: try await store.violationCategories(),
      corrections: corrections, fields: fields, problems: problems,
      correction: correction)
    return HTMLPage(status: status, html: DisciplineDecisionPageView.render(model))
  }
}
