import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Leading posts and leadership collectives in the JSON API (`openapi.yaml`, "leadership"): the same checks, the
/// same messages per field and the same audit entries as the pages.
struct LeadershipAPIController {
  let store: any LeadershipRecording & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/post-kinds", use: postKinds)
    router.get("api/members/:id/posts", use: memberPosts)
    router.post("api/members/:id/posts", use: recordMemberPost)
    router.post("api/members/:id/posts/:post/end", use: endPost)
    router.get("api/units/:code/posts", use: unitPosts)
    router.post("api/units/:code/posts", use: recordUnitPost)
    router.get("api/units/:code/collectives", use: collectives)
    router.post("api/units/:code/collectives", use: recordCollective)
    router.post("api/units/:code/collectives/:collective/members", use: seat)
  }

  @Sendable func postKinds(_ request: Request, context: AppRequestContext) async throws -> PostKindListJSON {
    _ = try Access.require(.readRecords, context, store: store)
    return PostKindListJSON(
      kinds: try await store.postKinds().map { .init(code: $0.code, name: $0.nameVi, singleHolder: $0.singleHolder) })
  }

  @Sendable func memberPosts(_ request: Request, context: AppRequestContext) async throws -> PostListJSON {
    let access = try Access.requireReadingMembers(context, store: store)
    let member = try await access.member(id: try MemberPagesController.memberID(context))
    return PostListJSON(posts: try await store.posts(ofMember: member.id).map(PostJSON.init))
  }

  @Sendable func recordMemberPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let member = try await access.member(id: try MemberPagesController.memberID(context))
    let fields = try await SubmittedJSON(request).decode(LeadershipFields.self)
    return try Self.answer(
      try await LeadershipSubmission.recordPost(fields, memberID: member.id, unit: nil, access: access, in: store),
      status: .created)
  }

  @Sendable func endPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let post = try await LeadershipPagesController.post(context, access, in: store)
    let fields = try await SubmittedJSON(request).decode(LeadershipFields.self)
    return try Self.answer(try await LeadershipSubmission.endPost(post, fields, access: access, in: store), status: .ok)
  }

  @Sendable func unitPosts(_ request: Request, context: AppRequestContext) async throws -> PostListJSON {
    let access = try Access.require(.readRecords, context, store: store)
    let unit = try await LeadershipPagesController.unit(context, access)
    return PostListJSON(posts: try await store.posts(ofUnit: unit.code).map(PostJSON.init))
  }

  @Sendable func recordUnitPost(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await LeadershipPagesController.unit(context, access)
    let fields = try await SubmittedJSON(request).decode(LeadershipFields.self)
    return try Self.answer(
      try await LeadershipSubmission.recordPost(fields, memberID: nil, unit: unit, access: access, in: store),
      status: .created)
  }

  @Sendable func collectives(_ request: Request, context: AppRequestContext) async throws -> CollectiveListJSON {
    let access = try Access.require(.readRecords, context, store: store)
    let unit = try await LeadershipPagesController.unit(context, access)
    return CollectiveListJSON(collectives: try await store.collectives(ofUnit: unit.code).map(CollectiveJSON.init))
  }

  @Sendable func recordCollective(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let unit = try await LeadershipPagesController.unit(context, access)
    let fields = try await SubmittedJSON(request).decode(LeadershipFields.self)
    return try Self.answer(
      try await LeadershipSubmission.recordCollective(fields, unit: unit, access: access, in: store), status: .created)
  }

  @Sendable func seat(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordPosts, context, store: store)
    let collective = try await LeadershipPagesController.collective(context, access, in: store)
    let fields = try await SubmittedJSON(request).decode(LeadershipFields.self)
    return try Self.answer(
      try await LeadershipSubmission.seat(fields, in: collective, access: access, in: store), status: .ok)
  }

  private static func answer(_ outcome: LeadershipSubmission.Outcome, status: HTTPResponse.Status) throws -> Response {
    switch outcome {
    case .post(let post):
      var response = try MemberAPIController.json(status, PostJSON(post))
      if status == .created { response.headers[.location] = "/api/members/\(post.post.memberID)/posts" }
      return response
    case .collective(let collective):
      var response = try MemberAPIController.json(status, CollectiveJSON(collective))
      if status == .created {
        response.headers[.location] =
          "/api/units/\(Links.encode(collective.unitCode, allowed: Links.pathAllowed))/collectives"
      }
      return response
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    }
  }
}
