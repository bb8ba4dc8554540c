import DangVuCore
import DangVuStore
import Hummingbird

/// The grading workflow by level on pages: `GET /to-chuc/{code}/tien-do-xep-loai?nam=2025` shows how far the
/// unit and each unit directly below it have got with the year's grades, with the steps the signed-in person
/// may take; `POST` takes one step on the unit (submit, approve, send back, reopen) and comes back to the page,
/// or shows the page again with the refusal beside the field and what was typed.
struct GradingProgressController {
  let store: any EvaluationStore & AccessStore
  let answers = GradingProgressAnswers()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/tien-do-xep-loai", use: show)
    router.post("to-chuc/:code/tien-do-xep-loai", use: step)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.readReports, context, store: store)
    let year = try CellGradingController.year(request.queryValue("nam"), today: context.today)
    var model = try await Self.model(context, access, year: year, in: store, answers: answers)
    model.done = request.queryValue("da").flatMap(GradeWorkflowAction.init(rawValue:))
    return HTMLPage(status: model.progress == nil ? .notFound : .ok, html: GradingProgressView.render(model))
  }

  @Sendable func step(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    // Outside the subtree answers 404 before anything is written, by the tree at the end of the graded year as the
    // page itself is shown: a unit that has moved since (the 2025 reorganisation) is still its year's approvers'.
    let fields = try await SubmittedForm(request).decode(GradeWorkflowFields.self)
    let year = try CellGradingController.year(fields.nam, today: context.today)
    var model = try await Self.model(context, access, year: year, in: store, answers: answers)
    switch try await GradeWorkflowSubmission.advance(
      unit: model.unit, year: year, fields: fields, access: access, in: store)
    {
    case .done(let action, _):
      return .redirect(to: Links.gradingProgress(model.unit.code, year: year, done: action), type: .normal)
    case .invalid(let errors):
      model.refused = (fields, errors)
      // The counts may have changed since the page was opened: show them as they are now.
      model = try await Self.reload(model, access: access, in: store, answers: answers)
      return try HTMLPage(status: .unprocessableContent, html: GradingProgressView.render(model))
        .response(from: request, context: context)
    }
  }

  /// The unit (inside the subtree at the end of the year) and its progress, or none when no cycle covers it.
  static func model(
    _ context: AppRequestContext, _ access: Access, year: Int, in store: any EvaluationStore & TreeStore,
    answers: GradingProgressAnswers
  ) async throws -> GradingProgressModel {
    let unit = try await access.unit(
      code: try CellGradingController.code(context), on: Day.lastDay(ofYear: year))
    let model = GradingProgressModel(unit: unit, year: year, principal: access.principal, csrf: CSRF.field(context))
    return try await reload(model, access: access, in: store, answers: answers)
  }

  static func reload(
    _ model: GradingProgressModel, access: Access, in store: any EvaluationStore & TreeStore,
    answers: GradingProgressAnswers
  ) async throws
    -> GradingProgressModel
  {
    var model = model
    guard try await store.cycleCovering(code: model.unit.code, year: model.year) != nil else {
      model.progress = nil
      return model
    }
    model.progress = try await answers.progress(of: model.unit.code, year: model.year, store: store)
    return model
  }
}
