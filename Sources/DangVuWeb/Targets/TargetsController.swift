import DangVuCore
import DangVuStore
import Hummingbird

/// Admission plans and report targets on a page (`/chi-tieu`): everyone who reads reports sees them for their
/// subtree; organisation staff and administrators set plans and add or remove targets of units in it.
struct TargetsController {
  let store: any TargetStore & AccessStore
  let answers = TargetAnswers()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("chi-tieu", use: page)
    router.post("chi-tieu/ke-hoach", use: setPlan)
    router.post("chi-tieu/them", use: addTarget)
    router.post("chi-tieu/:id/xoa", use: removeTarget)
  }

  @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let model = try await model(access, context, code: request.queryValue("to-chuc"), year: request.queryValue("nam"))
    return try HTMLPage(html: TargetsPageView.render(model)).response(from: request, context: context)
  }

  @Sendable func setPlan(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    let fields = try await SubmittedForm(request).decode(TargetFields.self)
    return try await answer(
      try await TargetSubmission.setPlan(fields, access: access, in: store, today: context.today), form: "plan", fields,
      access,
      request, context)
  }

  @Sendable func addTarget(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    let fields = try await SubmittedForm(request).decode(TargetFields.self)
    return try await answer(
      try await TargetSubmission.addTarget(fields, access: access, in: store, today: context.today), form: "target",
      fields,
      access,
      request, context)
  }

  @Sendable func removeTarget(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.setTargets, context, store: store)
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    let removed = try await TargetSubmission.removeTarget(id: id, access: access, in: store, today: context.today)
    return .redirect(to: Links.targets(scope: removed.scopeCode ?? access.scopeCode), type: .normal)
  }

  private func answer(
    _ outcome: TargetSubmission.Outcome, form: String, _ fields: TargetFields, _ access: Access, _ request: Request,
    _ context: AppRequestContext
  ) async throws -> Response {
    switch outcome {
    case .plan(let plan):
      // Next year's plan is set ahead; its pace shows once the year begins.
      let shown = plan.year <= context.today.year ? plan.year : nil
      return .redirect(to: Links.targets(scope: plan.organisationCode, year: shown), type: .normal)
    case .target(let target):
      return .redirect(to: Links.targets(scope: target.scopeCode ?? access.scopeCode), type: .normal)
    case .invalid(let errors):
      var model = try await model(access, context, code: nil, year: nil)
      model.refused = (form, fields, errors)
      return try HTMLPage(status: .unprocessableContent, html: TargetsPageView.render(model))
        .response(from: request, context: context)
    }
  }

  private func model(_ access: Access, _ context: AppRequestContext, code: String?, year typed: String?) async throws
    -> TargetsPageModel
  {
    let today = context.today
    let unit = try await access.unit(code: try await access.reportScope(code, on: today), on: today)
    let year = try Self.year(typed, today: today)
    let day = min(today, Day.lastDay(ofYear: year))
    let targets = try await answers.targets(relatedTo: access.scopeCode, on: today, store: store)
    var removable = Set<Int64>()
    for target in targets where try await TargetSubmission.mayChange(target, access: access, today: today) {
      if let id = target.id { removable.insert(id) }
    }
    return TargetsPageModel(
      unit: unit, year: year, day: day, progress: try await answers.progress(within: unit.code, on: day, store: store),
      targets: targets, removable: removable, canSet: access.principal.allows(.setTargets), csrf: CSRF.field(context))
  }

  /// The year asked for: this year by default; one that has begun (a plan for next year is set, not followed).
  /// The year typed, this year when none is. A page's form sends its empty field for "this year"; a program that
  /// sends `year=` made a mistake (`emptyIsThisYear: false`), as the reports' API says too.
  static func year(_ typed: String?, today: Day, emptyIsThisYear: Bool = true) throws -> Int {
    if typed == "" && !emptyIsThisYear {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ",
        message: "Năm để trống: bỏ tham số để xem năm nay, hoặc ghi năm bằng bốn chữ số, ví dụ year=\(today.year).",
        code: "target.year")
    }
    guard let typed = typed.flatMap({ $0.isEmpty ? nil : $0 }) else { return today.year }
    guard let year = Int(typed), (2000...today.year).contains(year) else {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ",
        message: "Năm “\(typed)” không hợp lệ: hãy chọn một năm từ 2000 đến \(today.year).", code: "target.year")
    }
    return year
  }
}
