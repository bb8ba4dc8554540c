import DangVuCore
import DangVuStore
import Hummingbird

/// The member register's pages: a member's record (`GET /dang-vien/{id}`), adding a member
/// (`GET /dang-vien/moi?to-chuc=CODE`, `POST /dang-vien`) and editing one (`GET /dang-vien/{id}/sua`,
/// `POST /dang-vien/{id}`). A save redirects to the member's page (POST-redirect-GET); a refused one shows
/// the form again with what was typed.
struct MemberPagesController {
  let store: any LifecycleRecording & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("dang-vien/moi", use: newForm)
    router.post("dang-vien", use: create)
    router.get("dang-vien/:id", use: show)
    router.get("dang-vien/:id/sua", use: editForm)
    router.post("dang-vien/:id", use: update)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.requireReadingMembers(context, store: store)
    let model = try await MemberPageModel.load(id: try Self.memberID(context), access: access)
    return HTMLPage(html: MemberPageView.render(model))
  }

  @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editRegister, context, store: store)
    guard let code = request.queryValue("to-chuc"), !code.isEmpty else {
      throw PageError(
        status: .badRequest, title: "Chưa chọn chi bộ",
        message: "Hãy mở trang thêm đảng viên từ trang của chi bộ kết nạp đảng viên đó.")
    }
    let cell = try await access.unit(code: code, on: context.today)
    guard try await store.unitKinds().holdsMembers(cell.kind) else {
      throw PageError(
        status: .badRequest, title: "Không phải chi bộ",
        message: "\(cell.name) không phải chi bộ: đảng viên được kết nạp vào một chi bộ. Hãy chọn chi bộ.")
    }
    let model = MemberFormModel(
      mode: .create(cellName: cell.name), fields: .new(inCell: cell.code),
      nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
    return HTMLPage(html: MemberFormView.render(model))
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editRegister, context, store: store)
    let fields = try await SubmittedForm(request).decode(MemberFields.self)
    switch try await MemberSubmission.create(fields, access: access, store: store) {
    case .saved(let member):
      return .redirect(to: Links.member(member.member.id), type: .normal)
    case .invalid(let errors):
      var cellName: String?
      if let code = fields.cell { cellName = try? await access.unit(code: code, on: context.today).name }
      let model = MemberFormModel(
        mode: .create(cellName: cellName), fields: fields, errors: errors,
        nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
      return try HTMLPage(status: .unprocessableContent, html: MemberFormView.render(model))
        .response(from: request, context: context)
    case .stale:
      // A new member has no earlier version to be stale against.
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không lưu được đảng viên mới.")
    }
  }

  @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editRegister, context, store: store)
    let id = try Self.memberID(context)
    _ = try await access.member(id: id)
    guard let stored = try await store.memberWithVersion(id: id) else { throw AccessError.notFound }
    let model = MemberFormModel(
      mode: .edit(id: id, storedName: stored.member.fullName), fields: MemberFields(stored.member),
      version: stored.version, nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
    return HTMLPage(html: MemberFormView.render(model))
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editRegister, context, store: store)
    let id = try Self.memberID(context)
    // Outside the subtree is 404 before the body is even read.
    let before = try await access.member(id: id)
    let form = try await SubmittedForm(request)
    let fields = try form.decode(MemberFields.self)
    let version = try form.version()
    var model = MemberFormModel(
      mode: .edit(id: id, storedName: before.fullName), fields: fields, version: version,
      nationalIDEditable: access.principal.allows(.seeNationalID), csrf: CSRF.field(context))
    let status: HTTPResponse.Status
    switch try await MemberSubmission.update(id: id, fields, version: version, access: access, store: store) {
    case .saved:
      return .redirect(to: Links.member(id), type: .normal)
    case .invalid(let errors):
      model.errors = errors
      status = .unprocessableContent
    case .stale(let current):
      // The form now carries the stored version: saving again deliberately writes what was typed.
      model.newer = MemberFields(current.member)
      model.version = current.version
      model.mode = .edit(id: id, storedName: current.member.fullName)
      status = .conflict
    }
    return try HTMLPage(status: status, html: MemberFormView.render(model)).response(from: request, context: context)
  }

  /// The id in the path; anything that is not a number names no member (404, like one outside the subtree).
  static func memberID(_ context: AppRequestContext) throws -> Int64 {
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    return id
  }
}
