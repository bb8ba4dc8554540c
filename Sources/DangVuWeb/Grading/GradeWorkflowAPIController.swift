import DangVuCore
import DangVuStore
import Hummingbird

/// The grading workflow by level in the JSON API (`openapi.yaml`, "evaluation"): the same checks, messages and
/// audit entries as the progress page.
struct GradeWorkflowAPIController {
  let store: any EvaluationStore & AccessStore
  let answers = GradingProgressAnswers()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/units/:code/grades/:year/progress", use: progress)
    router.post("api/units/:code/grades/:year/workflow", use: step)
  }

  struct StepTaken: Encodable {
    var action: GradeWorkflowAction
    /// How many grades changed state.
    var grades: Int
    var progress: GradingProgressJSON
  }

  @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let year = try CellGradesAPIController.year(context)
    let unit = try await access.unit(code: try CellGradingController.code(context), on: Day.lastDay(ofYear: year))
    return try JSONResponse(GradingProgressJSON(try await answers.progress(of: unit.code, year: year, store: store)))
      .response(from: request, context: context)
  }

  @Sendable func step(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    let year = try CellGradesAPIController.year(context)
    let unit = try await access.unit(code: try CellGradingController.code(context), on: Day.lastDay(ofYear: year))
    let fields = try await SubmittedJSON(request).decode(GradeWorkflowFields.self)
    switch try await GradeWorkflowSubmission.advance(unit: unit, year: year, fields: fields, access: access, in: store)
    {
    case .done(let action, let grades):
      let progress = try await store.gradingProgress(of: unit.code, year: year)
      return try JSONResponse(StepTaken(action: action, grades: grades, progress: GradingProgressJSON(progress)))
        .response(from: request, context: context)
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    }
  }
}

/// A unit's grading progress in the JSON API: counts by state named, and the stage each unit has reached.
struct GradingProgressJSON: Encodable, Sendable {
  struct Row: Encodable, Sendable {
    var code: String
    var name: String
    var stage: GradingStage
    var draft: Int
    var submitted: Int
    var approved: Int
    var lastAction: GradeWorkflowAction?
    var lastReason: String?

    init(_ row: GradingProgressRow) {
      code = row.code
      name = row.name
      stage = row.stage
      draft = row.count(.draft)
      submitted = row.count(.submitted)
      approved = row.count(.approved)
      lastAction = row.lastAction
      lastReason = row.lastReason
    }
  }

  var year: Int
  var evaluationDate: Day
  var unit: Row
  var below: [Row]

  init(_ progress: GradingProgress) {
    year = progress.year
    evaluationDate = progress.evaluationDate
    unit = Row(progress.unit)
    below = progress.below.map(Row.init)
  }
}
