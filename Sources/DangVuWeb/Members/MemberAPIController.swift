import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// The member register in the JSON API (`openapi.yaml`, "tree and members"): search, a member's record with
/// its version and timeline, create, and a version-checked replace of the identity fields.
struct MemberAPIController {
  let store: any LifecycleRecording & AccessStore

  /// Enough for a picker; a longer list means the query should be more precise.
  static let searchLimit = 100

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/members", use: search)
    router.post("api/members", use: create)
    router.get("api/members/:id", use: show)
    router.put("api/members/:id", use: update)
  }

  struct SearchResult: ResponseEncodable {
    var members: [MemberHit]
  }

  @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> SearchResult {
    let access = try Access.require(.readRecords, context, store: store)
    // Within the unit asked for (404 outside the subtree), else the whole subtree: never the whole register.
    let scope = try await access.reportScope(request.queryValue("org"), on: context.today)
    guard let typed = request.queryValue("q") else {
      throw PageError(
        status: .badRequest, title: "Thiếu từ khóa", message: "Hãy ghi họ tên cần tìm: q=nguyen van an.",
        code: "search.missing")
    }
    let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    let limit = try request.queryNumber("limit", in: 1...Self.searchLimit) ?? 20
    guard !text.isEmpty else { return SearchResult(members: []) }
    return SearchResult(members: try await store.searchMembers(text, within: scope, on: context.today, limit: limit))
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.requireReadingMembers(context, store: store)
    let id = try MemberPagesController.memberID(context)
    return try Self.json(.ok, try await record(id, access))
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editRegister, context, store: store)
    let fields = try await SubmittedJSON(request).decode(MemberFields.self)
    switch try await MemberSubmission.create(fields, access: access, store: store) {
    case .saved(let member):
      var response = try Self.json(.created, try await record(member.member.id, access))
      response.headers[.location] = "/api/members/\(member.member.id)"
      return response
    case .invalid(let errors):
      return Self.invalid(errors)
    case .stale:
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  struct VersionField: Decodable {
    var version: Int?
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editRegister, context, store: store)
    let id = try MemberPagesController.memberID(context)
    _ = try await access.member(id: id)
    let body = try await SubmittedJSON(request)
    guard let version = try body.decode(VersionField.self).version else {
      return Self.invalid(
        FieldProblems(fields: ["version": "Hãy gửi kèm “version”: phiên bản của hồ sơ mà thay đổi này dựa trên."]))
    }
    let fields = try body.decode(MemberFields.self)
    switch try await MemberSubmission.update(id: id, fields, version: version, access: access, store: store) {
    case .saved:
      return try Self.json(.ok, try await record(id, access))
    case .invalid(let errors):
      return Self.invalid(errors)
    case .stale(var current):
      current.member.nationalID = access.shown(nationalID: current.member.nationalID)
      throw StaleEditError(
        message:
          "Hồ sơ đã được sửa sau phiên bản \(version) (nay là phiên bản \(current.version)); không có gì được ghi. "
          + "Hãy xem giá trị mới trong details, rồi gửi lại với version \(current.version).",
        current: current)
    }
  }

  private func record(_ id: Int64, _ access: Access) async throws -> MemberRecordJSON {
    MemberRecordJSON(try await MemberPageModel.load(id: id, access: access))
  }

  static func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
  }

  /// 422 with the message for each field, the shape `ValidationError` of openapi.yaml.
  static func invalid(_ errors: FieldProblems) -> Response {
    APIError.response(
      status: .unprocessableContent, code: "validation.failed",
      message: "Dữ liệu chưa hợp lệ, không có gì được ghi: xem thông báo của từng trường trong details.fields.",
      details: errors)
  }
}
