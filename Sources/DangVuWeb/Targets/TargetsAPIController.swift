import DangVuCore
import DangVuStore
import Hummingbird

/// Plans and targets in the JSON API (`openapi.yaml`, "targets"): the checks, messages and audit entries of the
/// page.
struct TargetsAPIController {
  let store: any TargetStore & AccessStore
  let answers = TargetAnswers()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/units/:code/admission-plans", use: progress)
    router.put("api/units/:code/admission-plans/:year", use: setPlan)
    router.get("api/targets", use: targets)
    router.post("api/targets", use: addTarget)
    router.delete("api/targets/:id", use: removeTarget)
  }

  struct Progress: ResponseEncodable {
    var unit: String
    var year: Int
    var day: Day
    /// The unit itself first, then each unit directly below it.
    var units: [AdmissionProgress]
    /// The units below whose admissions are behind the pace of their plan.
    var behind: [String]
  }

  struct TargetList: ResponseEncodable {
    var targets: [ReportTarget]
  }

  @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    let unit = try await access.unit(code: context.parameters.get("code") ?? "", on: today)
    let year: Int
    do {
      year = try TargetsController.year(request.queryValue("year"), today: today, emptyIsThisYear: false)
    } catch let error as PageError {
      return APIError.response(status: .badRequest, code: "target.year", message: error.message)
    }
    let day = min(today, Day.lastDay(ofYear: year))
    let lines = try await answers.progress(within: unit.code, on: day, store: store)
    return try JSONResponse(
      Progress(
        unit: unit.code, year: year, day: day, units: lines, behind: lines.dropFirst().filter(\.isBehind).map(\.code))
    ).response(from: request, context: context)
  }

  @Sendable func setPlan(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    // A unit in the address answers 404 when outside the subtree, as every address with a code does.
    let unit = try await access.unit(code: context.parameters.get("code") ?? "", on: context.today)
    var fields = try await SubmittedJSON(request).decode(TargetFields.self)
    fields.unit = unit.code
    fields.year = context.parameters.get("year")
    return try answer(
      try await TargetSubmission.setPlan(fields, access: access, in: store, today: context.today), request, context)
  }

  @Sendable func targets(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let targets = try await answers.targets(relatedTo: access.scopeCode, on: context.today, store: store)
    return try JSONResponse(TargetList(targets: targets))
      .response(from: request, context: context)
  }

  @Sendable func addTarget(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    let fields = try await SubmittedJSON(request).decode(TargetFields.self)
    var response = try answer(
      try await TargetSubmission.addTarget(fields, access: access, in: store, today: context.today), request, context)
    if response.status == .ok { response.status = .created }
    return response
  }

  @Sendable func removeTarget(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    return try JSONResponse(
      try await TargetSubmission.removeTarget(id: id, access: access, in: store, today: context.today)
    )
    .response(from: request, context: context)
  }

  private func answer(_ outcome: TargetSubmission.Outcome, _ request: Request, _ context: AppRequestContext) throws
    -> Response
  {
    switch outcome {
    case .plan(let plan): try JSONResponse(plan).response(from: request, context: context)
    case .target(let target): try JSONResponse(target).response(from: request, context: context)
    case .invalid(let errors): MemberAPIController.invalid(errors)
    }
  }
}
