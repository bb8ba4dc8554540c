import DangVuCore
import DangVuStore
import Hummingbird

/// Yearly inspection and supervision programmes per body on a page (`/kiem-tra-ky-luat/chuong-trinh`) and in the
/// API (`/api/units/{code}/oversight-programmes/{year}`): everyone who reads oversight records sees a unit's
/// programmes and how far each body has got; the inspection staff set them for the units of their subtree.
struct ProgrammesController {
  typealias Context = AppRequestContext
  let store: any OversightStore & AuditStore & AccessStore
  let answers = ProgrammeProgressAnswers()

  func addRoutes(to router: Router<Context>) {
    router.get("kiem-tra-ky-luat/chuong-trinh", use: page)
    router.post("kiem-tra-ky-luat/chuong-trinh", use: set)
    router.get("api/units/:code/oversight-programmes/:year", use: progressJSON)
    router.put("api/units/:code/oversight-programmes/:year", use: setJSON)
  }

  struct Progress: ResponseEncodable {
    var unit: String
    var year: Int
    var day: Day
    /// The programme of each of the unit's bodies that has one, with what it has begun and concluded by `day`.
    var programmes: [ProgrammeProgress]
  }

  @Sendable func page(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let today = context.today
    let code = try await access.reportScope(request.queryValue("to-chuc"), on: today)
    let year = try Self.year(request.queryValue("nam"), today: today)
    let model = try await model(access, context, code: code, year: year)
    return try HTMLPage(html: ProgrammesPageView.render(model)).response(from: request, context: context)
  }

  @Sendable func set(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let fields = ProgrammeFields(form: try await SubmittedForm(request).text)
    switch try await ProgrammeSubmission.set(fields, access: access, today: context.today, in: store) {
    case .saved(let programme):
      return .redirect(to: Links.programmes(unit: programme.body.unitCode, year: programme.year), type: .normal)
    case .invalid(let errors):
      // The page of the scope, for the year typed when it is one the page shows.
      let typed = Int(fields.year ?? "").flatMap {
        ProgrammeSubmission.years(today: context.today).contains($0) ? $0 : nil
      }
      var model = try await model(access, context, code: access.scopeCode, year: typed ?? context.today.year)
      model.refused = (fields.organ ?? "", fields, errors)
      return try HTMLPage(status: .unprocessableContent, html: ProgrammesPageView.render(model))
        .response(from: request, context: context)
    }
  }

  @Sendable func progressJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let today = context.today
    let unit = try await access.unit(code: context.parameters.get("code") ?? "", on: today)
    guard let year = context.parameters.get("year", as: Int.self),
      ProgrammeSubmission.years(today: today).contains(year)
    else {
      return APIError.response(
        status: .badRequest, code: "programme.year", message: "Năm không hợp lệ: hãy chọn một năm từ 2000.")
    }
    let day = min(today, Day.lastDay(ofYear: year))
    let found = try await answers.progress(of: unit.code, year: year, on: day, store: store)
    return try JSONResponse(
      Progress(
        unit: unit.code, year: year, day: day,
        programmes: ConductingBody.Organ.allCases.compactMap { found[$0] })
    ).response(from: request, context: context)
  }

  @Sendable func setJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    // A unit in the address answers 404 when outside the subtree, as every address with a code does.
    let unit = try await access.unit(code: context.parameters.get("code") ?? "", on: context.today)
    var fields = try await SubmittedJSON(request).decode(ProgrammeFields.self)
    fields.unit = unit.code
    fields.year = context.parameters.get("year")
    switch try await ProgrammeSubmission.set(fields, access: access, today: context.today, in: store) {
    case .saved(let programme): return try JSONResponse(programme).response(from: request, context: context)
    case .invalid(let errors): return MemberAPIController.invalid(errors)
    }
  }

  /// The year asked for: this year by default; up to next year, whose programme is set before it begins.
  static func year(_ typed: String?, today: Day) throws -> Int {
    guard let typed = typed.flatMap({ $0.isEmpty ? nil : $0 }) else { return today.year }
    let years = ProgrammeSubmission.years(today: today)
    guard let year = Int(typed), years.contains(year) else {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ",
        message: "Năm “\(typed)” không hợp lệ: hãy chọn một năm từ 2000 đến \(years.upperBound).",
        code: "programme.year")
    }
    return year
  }

  private func model(_ access: Access, _ context: Context, code: String, year: Int) async throws
    -> ProgrammesPageModel
  {
    let today = context.today
    let unit = try await access.unit(code: code, on: today)
    let day = min(today, Day.lastDay(ofYear: year))
    return ProgrammesPageModel(
      unit: unit, year: year, day: day,
      progress: try await answers.progress(of: unit.code, year: year, on: day, store: store),
      canSet: access.principal.allows(.editOversight), csrf: CSRF.field(context))
  }
}
