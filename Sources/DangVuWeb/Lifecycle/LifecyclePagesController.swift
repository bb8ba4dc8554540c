import DangVuCore
import DangVuStore
import Hummingbird

/// The lifecycle acts of a member's page (`GET|POST /dang-vien/{id}/su-kien/{act}`) and the correction of a
/// wrongly entered event (`GET|POST /dang-vien/{id}/sua-su-kien/{event}`). A recorded act redirects to the
/// member's page; a refused one shows the form again with what was typed and the reason beside its field.
struct LifecyclePagesController {
  let store: any LifecycleRecording & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("dang-vien/:id/su-kien/:act", use: actForm)
    router.post("dang-vien/:id/su-kien/:act", use: recordAct)
    router.get("dang-vien/:id/sua-su-kien/:event", use: correctionForm)
    router.post("dang-vien/:id/sua-su-kien/:event", use: correct)
  }

  @Sendable func actForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let model = LifecycleFormModel(
      mode: .act(try Self.act(context)), memberID: record.versioned.member.id,
      memberName: record.versioned.member.fullName, fields: LifecycleFields(date: context.today.vietnamese),
      version: record.versioned.version, csrf: CSRF.field(context))
    return HTMLPage(html: LifecycleFormView.render(model))
  }

  @Sendable func recordAct(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    // Outside the subtree is 404 before the body is even read.
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let act = try Self.act(context)
    let form = try await SubmittedForm(request)
    let fields = try form.decode(LifecycleFields.self)
    let id = record.versioned.member.id
    var model = LifecycleFormModel(
      mode: .act(act), memberID: id, memberName: record.versioned.member.fullName, fields: fields,
      version: try form.version(), csrf: CSRF.field(context))
    let outcome = try await LifecycleSubmission.record(
      act, fields, memberID: id, version: model.version, access: access, in: store)
    return try Self.answer(outcome, &model, request, context)
  }

  @Sendable func correctionForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let stored = try Self.event(context, in: record)
    let model = LifecycleFormModel(
      mode: .correct(eventID: stored.id, stored: Self.describe(stored.event, record)),
      memberID: record.versioned.member.id, memberName: record.versioned.member.fullName,
      fields: LifecycleFields(stored.event, cellCode: stored.event.cellID.flatMap { record.units[$0]?.code }),
      version: record.versioned.version, csrf: CSRF.field(context))
    return HTMLPage(html: LifecycleFormView.render(model))
  }

  @Sendable func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let stored = try Self.event(context, in: record)
    let form = try await SubmittedForm(request)
    let fields = try form.decode(LifecycleFields.self)
    let id = record.versioned.member.id
    var model = LifecycleFormModel(
      mode: .correct(eventID: stored.id, stored: Self.describe(stored.event, record)), memberID: id,
      memberName: record.versioned.member.fullName, fields: fields, version: try form.version(),
      csrf: CSRF.field(context))
    let outcome = try await LifecycleSubmission.correct(
      memberID: id, eventID: stored.id, fields, version: model.version, access: access, in: store)
    return try Self.answer(outcome, &model, request, context)
  }

  /// Saved: back to the member's page (POST-redirect-GET). Refused or stale: the form again, as typed.
  private static func answer(
    _ outcome: LifecycleSubmission.Outcome, _ model: inout LifecycleFormModel, _ request: Request,
    _ context: AppRequestContext
  ) throws -> Response {
    let status: HTTPResponse.Status
    switch outcome {
    case .saved, .letter:
      return .redirect(to: Links.member(model.memberID), type: .normal)
    case .invalid(let errors):
      model.errors = errors
      status = .unprocessableContent
    case .stale(let current):
      model.stale = true
      model.version = current.version
      status = .conflict
    }
    return try HTMLPage(status: status, html: LifecycleFormView.render(model)).response(from: request, context: context)
  }

  /// The act in the path; an unknown one names no page (404).
  static func act(_ context: AppRequestContext) throws -> LifecycleAct {
    guard let act = context.parameters.get("act").flatMap(LifecycleAct.init(rawValue:)) else {
      throw AccessError.notFound
    }
    return act
  }

  /// The stored event the path names, among the member's own events (another member's event is 404).
  static func event(_ context: AppRequestContext, in record: MemberRecord) throws -> RecordedEvent {
    guard let id = context.parameters.get("event", as: Int64.self),
      let stored = record.recordedEvents.first(where: { $0.id == id })
    else { throw AccessError.notFound }
    return stored
  }

  static func describe(_ event: MembershipEvent, _ record: MemberRecord) -> String {
    let cell = event.cellID.flatMap { record.units[$0] }.map { " — \($0.name) (\($0.code))" } ?? ""
    let note = event.note.isEmpty ? "" : " (\(event.note))"
    return "\(event.date.vietnamese) \(event.kind.nameVi)\(cell)\(note)"
  }
}
