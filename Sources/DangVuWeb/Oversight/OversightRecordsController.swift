import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// The inspection commission's records: `GET /kiem-tra-ky-luat` lists a subtree's inspections, supervisions,
/// discipline and complaints for a period; the forms record a discipline decision or a complaint and settle
/// a complaint. `/api/oversight…` does the same in JSON.
struct OversightRecordsController {
  typealias Context = AppRequestContext
  let store: any OversightStore & AuditStore & AccessStore
  let records = GenerationCache<OversightRecords>()

  func addRoutes(to router: Router<Context>) {
    router.get("kiem-tra-ky-luat", use: list)
    router.get("kiem-tra-ky-luat/ky-luat/moi", use: newDiscipline)
    router.post("kiem-tra-ky-luat/ky-luat", use: createDiscipline)
    router.get("kiem-tra-ky-luat/kiem-tra/moi", use: newInspection)
    router.post("kiem-tra-ky-luat/kiem-tra", use: createInspection)
    router.get("kiem-tra-ky-luat/don/moi", use: newComplaint)
    router.post("kiem-tra-ky-luat/don", use: createComplaint)
    router.post("kiem-tra-ky-luat/don/:id/giai-quyet", use: resolveComplaint)
    router.get("api/oversight", use: listJSON)
    router.post("api/oversight/discipline", use: createDisciplineJSON)
    router.post("api/oversight/inspections", use: createInspectionJSON)
    router.post("api/oversight/complaints", use: createComplaintJSON)
    router.post("api/oversight/complaints/:id/resolve", use: resolveComplaintJSON)
  }

  // MARK: Pages

  @Sendable func list(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.readRecords, context, store: store)
    let (period, text) = try Self.period(request.queryValue("ky"), today: context.today)
    let model = try await OversightRecordsPageModel.load(
      access: access, unitCode: request.queryValue("to-chuc").flatMap { $0.isEmpty ? nil : $0 } ?? access.scopeCode,
      period: period, periodText: text, csrf: CSRF.field(context), kept: records, in: store)
    return HTMLPage(html: OversightRecordsPageView.render(model))
  }

  @Sendable func newDiscipline(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.editOversight, context, store: store)
    var input = DisciplineInput()
    input.bodyCode = try await access.reportScope(request.queryValue("to-chuc"), on: context.today)
    return try await disciplineForm(input, FieldProblems(), context, status: .ok)
  }

  @Sendable func createDiscipline(_ request: Request, context: Context) async throws -> Response {
    try await submit(
      request, context, save: { access, input in try await record(access.decision(from: input), by: access) },
      saved: { Links.oversight(unit: $1.decidingBody.unitCode, period: String($1.decided.year)) },
      form: { input, problems in try await disciplineForm(input, problems, context, status: .unprocessableContent) })
  }

  @Sendable func newInspection(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.editOversight, context, store: store)
    var input = InspectionInput()
    input.bodyCode = try await access.reportScope(request.queryValue("to-chuc"), on: context.today)
    return HTMLPage(
      html: OversightRecordFormView.inspection(input, problems: FieldProblems(), csrf: CSRF.field(context)))
  }

  @Sendable func createInspection(_ request: Request, context: Context) async throws -> Response {
    try await submit(
      request, context, save: { access, input in try await record(access.inspection(from: input), by: access) },
      saved: { Links.oversight(unit: $1.body.unitCode, period: String($1.started.year)) },
      form: { input, problems in
        HTMLPage(
          status: .unprocessableContent,
          html: OversightRecordFormView.inspection(input, problems: problems, csrf: CSRF.field(context)))
      })
  }

  @Sendable func createInspectionJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let input = try await request.decode(as: InspectionInput.self, context: context)
    let inspection = try await record(access.inspection(from: input), by: access)
    return try JSONResponse(inspection, status: .created).response(from: request, context: context)
  }

  @Sendable func newComplaint(_ request: Request, context: Context) async throws -> HTMLPage {
    _ = try Access.require(.editOversight, context, store: store)
    return HTMLPage(
      html: OversightRecordFormView.complaint(ComplaintInput(), problems: FieldProblems(), csrf: CSRF.field(context)))
  }

  @Sendable func createComplaint(_ request: Request, context: Context) async throws -> Response {
    try await submit(
      request, context, save: { access, input in try await record(access.complaint(from: input), by: access) },
      saved: { Links.oversight(unit: $0.scopeCode, period: String($1.received.year)) },
      form: { input, problems in
        HTMLPage(
          status: .unprocessableContent,
          html: OversightRecordFormView.complaint(input, problems: problems, csrf: CSRF.field(context)))
      })
  }

  @Sendable func resolveComplaint(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let complaint = try await resolve(access, context, try await SubmittedForm(request).decode(ResolutionInput.self))
    return Response.redirect(
      to: Links.oversight(unit: access.scopeCode, period: String(complaint.received.year)), type: .normal)
  }

  // MARK: JSON

  @Sendable func listJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let (period, _) = try Self.period(request.queryValue("period"), today: context.today)
    let unit = try await access.unit(code: request.queryValue("org") ?? access.scopeCode, on: period.through)
    let found = try await OversightRecordsPageModel.records(of: unit, period: period, store: store, kept: records)
    return try JSONResponse(found).response(from: request, context: context)
  }

  @Sendable func createDisciplineJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let input = try await request.decode(as: DisciplineInput.self, context: context)
    let decision = try await record(access.decision(from: input), by: access)
    return try JSONResponse(decision, status: .created).response(from: request, context: context)
  }

  @Sendable func createComplaintJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let input = try await request.decode(as: ComplaintInput.self, context: context)
    let complaint = try await record(access.complaint(from: input), by: access)
    return try JSONResponse(complaint, status: .created).response(from: request, context: context)
  }

  @Sendable func resolveComplaintJSON(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let input = try await request.decode(as: ResolutionInput.self, context: context)
    let complaint = try await resolve(access, context, input)
    return try JSONResponse(complaint).response(from: request, context: context)
  }

  // MARK: Shared

  /// A form post: read the typed input, save it, then redirect to the list (post, redirect, get); when
  /// something is wrong the same form comes back with each problem beside its field and nothing lost.
  private func submit<Input: Decodable, Record>(
    _ request: Request, _ context: Context, save: (Access, Input) async throws -> Record,
    saved: (Access, Record) -> String, form: (Input, FieldProblems) async throws -> HTMLPage
  ) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let input = try await SubmittedForm(request).decode(Input.self)
    do {
      return Response.redirect(to: saved(access, try await save(access, input)), type: .normal)
    } catch let problems as FieldProblems {
      return try await form(input, problems).response(from: request, context: context)
    }
  }

  /// Writes one record with its audit entry in the store's transaction; a refusal by the rules (limitation, a form
  /// the subject cannot get) becomes a problem shown above the form, with everything typed kept.
  private func record<Record: Sendable>(_ write: () async throws -> Record) async throws -> Record {
    do {
      let saved = try await write()
      AuditRecorder.recordedByStore()
      return saved
    } catch let error as DomainError {
      throw FieldProblems(general: error.message)
    }
  }

  private func record(_ decision: DisciplineDecision, by access: Access) async throws -> DisciplineDecision {
    try await record { try await store.recordDiscipline(decision, by: AuditActor(access.principal)) }
  }

  private func record(_ inspection: Inspection, by access: Access) async throws -> Inspection {
    try await record { try await store.recordInspection(inspection, by: AuditActor(access.principal)) }
  }

  private func record(_ complaint: Complaint, by access: Access) async throws -> Complaint {
    try await record { try await store.recordComplaint(complaint, by: AuditActor(access.principal)) }
  }

  /// Settles a complaint inside the scope; one outside it is not found, as everywhere.
  private func resolve(_ access: Access, _ context: Context, _ input: ResolutionInput) async throws -> Complaint {
    let complaint = try await ComplaintCorrectionSubmission.find(
      id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    var problems = FieldProblems()
    let day = problems.day(input.resolved, "resolved", "ngày giải quyết")
    let finding = Complaint.Finding(rawValue: input.finding) ?? Complaint.Finding(parsing: input.finding)
    if finding == nil { problems.fields["finding"] = "Hãy chọn kết luận: đúng, sai hoặc đúng một phần." }
    guard problems.isEmpty, let day, let finding else { throw problems }
    return try await record {
      try await store.resolveComplaint(id: complaint.id, on: day, finding: finding, by: AuditActor(access.principal))
    }
  }

  private func disciplineForm(
    _ input: DisciplineInput, _ problems: FieldProblems, _ context: Context, status: HTTPResponse.Status
  ) async throws -> HTMLPage {
    HTMLPage(
      status: status,
      html: OversightRecordFormView.discipline(
        input, problems: problems, categories: try await store.violationCategories(), csrf: CSRF.field(context)))
  }

  /// `ky=2023-Q1` and the like; this year when absent.
  static func period(_ text: String?, today: Day) throws -> (ReportPeriod, String) {
    guard let text, !text.isEmpty else {
      let year = today.year
      return (try ReportPeriod.year(year), String(year))
    }
    return (try ReportPeriod(parsing: text), text)
  }

}
