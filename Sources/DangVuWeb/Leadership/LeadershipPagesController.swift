import DangVuCore
import DangVuStore
import Hummingbird

/// The pages recording leading posts (from a member's page or a unit's) and leadership collectives with their
/// members (from a unit's page). A recorded one redirects to the page it came from; a refused one shows the form
/// again with what was typed and the reason beside its field.
struct LeadershipPagesController {
  let store: any LeadershipRecording & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("dang-vien/:id/chuc-vu", use: memberPostForm)
    router.post("dang-vien/:id/chuc-vu", use: recordMemberPost)
    router.get("dang-vien/:id/chuc-vu/:post/thoi-giu", use: endPostForm)
    router.post("dang-vien/:id/chuc-vu/:post/thoi-giu", use: endPost)
    router.get("to-chuc/:code/chuc-vu", use: unitPostForm)
    router.post("to-chuc/:code/chuc-vu", use: recordUnitPost)
    router.get("to-chuc/:code/tap-the", use: collectiveForm)
    router.post("to-chuc/:code/tap-the", use: recordCollective)
    router.get("to-chuc/:code/tap-the/:collective/thanh-vien", use: seatForm)
    router.post("to-chuc/:code/tap-the/:collective/thanh-vien", use: seat)
  }

  @Sendable func memberPostForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordPosts, context, store: store)
    let record = try await access.memberRecord(id: try MemberPagesController.memberID(context))
    let member = record.versioned.member
    // The member's cell today is where a cell's post is most often held: the form starts with it.
    let cell = record.timeline.currentCellID.flatMap { record.units[$0]?.code }
    let model = LeadershipFormModel(
      mode: .postForMember(id: member.id, name: member.fullName), action: Links.newPost(member: member.id),
      fields: LeadershipFields(unit: cell, from: context.today.vietnamese), postKinds: try await store.postKinds(),
      csrf: CSRF.field(context))
    return HTMLPage(html: LeadershipFormView.render(model))
  }

  @Sendable func recordMemberPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    // Outside the subtree is 404 before the body is even read.
    let member = try await access.member(id: try MemberPagesController.memberID(context))
    let fields = try await SubmittedForm(request).decode(LeadershipFields.self)
    var model = LeadershipFormModel(
      mode: .postForMember(id: member.id, name: member.fullName), action: Links.newPost(member: member.id),
      fields: fields, postKinds: try await store.postKinds(), csrf: CSRF.field(context))
    let outcome = try await LeadershipSubmission.recordPost(
      fields, memberID: member.id, unit: nil, access: access, in: store)
    return try Self.answer(outcome, &model, to: Links.member(member.id), request, context)
  }

  @Sendable func endPostForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordPosts, context, store: store)
    let post = try await Self.post(context, access, in: store)
    let model = LeadershipFormModel(
      mode: .endPost(post), action: Links.endPost(member: post.post.memberID, post: post.post.id),
      fields: LeadershipFields(until: context.today.vietnamese), csrf: CSRF.field(context))
    return HTMLPage(html: LeadershipFormView.render(model))
  }

  @Sendable func endPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let post = try await Self.post(context, access, in: store)
    let fields = try await SubmittedForm(request).decode(LeadershipFields.self)
    var model = LeadershipFormModel(
      mode: .endPost(post), action: Links.endPost(member: post.post.memberID, post: post.post.id), fields: fields,
      csrf: CSRF.field(context))
    let outcome = try await LeadershipSubmission.endPost(post, fields, access: access, in: store)
    return try Self.answer(outcome, &model, to: Links.member(post.post.memberID), request, context)
  }

  @Sendable func unitPostForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await Self.unit(context, access)
    let model = LeadershipFormModel(
      mode: .postInUnit(code: unit.code, name: unit.name), action: Links.newPost(unit: unit.code),
      fields: LeadershipFields(from: context.today.vietnamese), postKinds: try await store.postKinds(),
      csrf: CSRF.field(context))
    return HTMLPage(html: LeadershipFormView.render(model))
  }

  @Sendable func recordUnitPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await Self.unit(context, access)
    let fields = try await SubmittedForm(request).decode(LeadershipFields.self)
    var model = LeadershipFormModel(
      mode: .postInUnit(code: unit.code, name: unit.name), action: Links.newPost(unit: unit.code), fields: fields,
      postKinds: try await store.postKinds(), csrf: CSRF.field(context))
    let outcome = try await LeadershipSubmission.recordPost(
      fields, memberID: nil, unit: unit, access: access, in: store)
    return try Self.answer(outcome, &model, to: Links.unit(unit.code), request, context)
  }

  @Sendable func collectiveForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await Self.unit(context, access)
    let model = LeadershipFormModel(
      mode: .collective(code: unit.code, name: unit.name), action: Links.newCollective(unit: unit.code),
      fields: LeadershipFields(), csrf: CSRF.field(context))
    return HTMLPage(html: LeadershipFormView.render(model))
  }

  @Sendable func recordCollective(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await Self.unit(context, access)
    let fields = try await SubmittedForm(request).decode(LeadershipFields.self)
    var model = LeadershipFormModel(
      mode: .collective(code: unit.code, name: unit.name), action: Links.newCollective(unit: unit.code),
      fields: fields, csrf: CSRF.field(context))
    let outcome = try await LeadershipSubmission.recordCollective(fields, unit: unit, access: access, in: store)
    return try Self.answer(outcome, &model, to: Links.unit(unit.code), request, context)
  }

  @Sendable func seatForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.recordPosts, context, store: store)
    let collective = try await Self.collective(context, access, in: store)
    let model = LeadershipFormModel(
      mode: .seat(collective), action: Links.newSeat(unit: collective.unitCode, collective: collective.collective.id),
      fields: LeadershipFields(from: collective.collective.formed.vietnamese), csrf: CSRF.field(context))
    return HTMLPage(html: LeadershipFormView.render(model))
  }

  @Sendable func seat(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let collective = try await Self.collective(context, access, in: store)
    let fields = try await SubmittedForm(request).decode(LeadershipFields.self)
    var model = LeadershipFormModel(
      mode: .seat(collective), action: Links.newSeat(unit: collective.unitCode, collective: collective.collective.id),
      fields: fields, csrf: CSRF.field(context))
    let outcome = try await LeadershipSubmission.seat(fields, in: collective, access: access, in: store)
    return try Self.answer(outcome, &model, to: Links.unit(collective.unitCode), request, context)
  }

  /// Saved: back to the page it came from (POST-redirect-GET). Refused: the form again, as typed (422).
  private static func answer(
    _ outcome: LeadershipSubmission.Outcome, _ model: inout LeadershipFormModel, to page: String, _ request: Request,
    _ context: AppRequestContext
  ) throws -> Response {
    switch outcome {
    case .post, .collective:
      return .redirect(to: page, type: .normal)
    case .invalid(let errors):
      model.errors = errors
      return try HTMLPage(status: .unprocessableContent, html: LeadershipFormView.render(model))
        .response(from: request, context: context)
    }
  }

  /// The unit in the path, inside the subtree (else 404 as for a code that does not exist).
  static func unit(_ context: AppRequestContext, _ access: Access) async throws -> Organisation {
    try await access.unit(code: context.parameters.get("code") ?? "", on: context.today)
  }

  /// The post in the path: one of the member's in the path, the member and the post's unit both inside the
  /// subtree; anything else is 404.
  static func post(_ context: AppRequestContext, _ access: Access, in store: any LeadershipRecording) async throws
    -> PostRecord
  {
    let memberID = try MemberPagesController.memberID(context)
    guard let id = context.parameters.get("post", as: Int64.self), let post = try await store.post(id: id),
      post.post.memberID == memberID
    else { throw AccessError.notFound }
    _ = try await access.member(id: memberID)
    try await access.requirePostUnit(post)
    return post
  }

  /// The collective in the path, one of the unit's in the path, inside the subtree; anything else is 404.
  static func collective(_ context: AppRequestContext, _ access: Access, in store: any LeadershipRecording)
    async throws -> CollectiveRecord
  {
    let unit = try await unit(context, access)
    guard let id = context.parameters.get("collective", as: Int64.self),
      let collective = try await store.collective(id: id), collective.collective.unitID == unit.id
    else { throw AccessError.notFound }
    return collective
  }
}
