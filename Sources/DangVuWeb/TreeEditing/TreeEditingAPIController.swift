import DangVuCore
import DangVuStore
import Hummingbird

/// Changes to the tree in the JSON API (`openapi.yaml`, "tree"): the checks, messages and audit entries of the
/// page. `?preview=1` answers what the change will do and writes nothing; without it the change is written.
struct TreeEditingAPIController {
  let store: any TreeEditing & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/units/:code/history", use: history)
    router.post("api/units", use: found)
    for act in TreeChangeAct.allCases where act != .found {
      router.post("api/units/:code/\(act.apiName)") { request, context in
        try await change(act, request, context)
      }
    }
  }

  /// What a change did or would do.
  struct Answer: ResponseEncodable {
    /// False for a preview: nothing was written.
    var written: Bool
    var change: TreeChangePreview
  }

  /// A unit's history: its names, its parents and its end.
  struct History: ResponseEncodable {
    struct Parent: Encodable {
      /// nil while the unit was a root.
      var code: String?
      var name: String?
      var from: Day
      var until: Day?
    }

    var code: String
    var name: String
    var founded: Day
    var ended: Day?
    var names: [NamePeriod]
    var parents: [Parent]
  }

  @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: context.today)
    var parents: [History.Parent] = []
    for link in try await store.parentHistory(ofCode: unit.code) {
      let parent = try await link.parent.asyncFlatMap { try await store.organisation(id: $0) }
      parents.append(.init(code: parent?.code, name: parent?.name, from: link.from, until: link.until))
    }
    return try JSONResponse(
      History(
        code: unit.code, name: unit.name, founded: unit.founded, ended: unit.ended,
        names: try await store.nameHistory(ofCode: unit.code), parents: parents)
    ).response(from: request, context: context)
  }

  @Sendable func found(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try await Access.requireTreeEditing(context, store: store)
    let fields = try await SubmittedJSON(request).decode(TreeChangeFields.self)
    guard let parentCode = LifecycleFields.text(fields.parent) else {
      var errors = FieldProblems()
      errors["parent"] = "Hãy nhập mã tổ chức cấp trên của tổ chức mới."
      return MemberAPIController.invalid(errors)
    }
    let parent: Organisation
    do {
      parent = try await access.unit(code: parentCode, on: context.today)
    } catch is AccessError {
      var errors = FieldProblems()
      errors["parent"] = "Không có tổ chức mã “\(parentCode)” trong phạm vi của bạn."
      return MemberAPIController.invalid(errors)
    }
    return try await answer(.found, unit: parent, fields, request, context, access: access, created: true)
  }

  @Sendable func change(_ act: TreeChangeAct, _ request: Request, _ context: AppRequestContext) async throws
    -> Response
  {
    let access = try await Access.requireTreeEditing(context, store: store)
    // A unit in the address answers 404 when outside the subtree, as every address with a code does.
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: context.today)
    let fields = try await SubmittedJSON(request).decode(TreeChangeFields.self)
    return try await answer(act, unit: unit, fields, request, context, access: access, created: false)
  }

  private func answer(
    _ act: TreeChangeAct, unit: Organisation, _ fields: TreeChangeFields, _ request: Request,
    _ context: AppRequestContext, access: Access, created: Bool
  ) async throws -> Response {
    let preview: Bool
    switch request.queryValue("preview") {
    case nil, "0", "false": preview = false
    case "1", "true": preview = true
    case let typed?:
      // A word the API does not know must not be read as "write it": the caller meant something else.
      return APIError.response(
        status: .badRequest, code: "query.preview",
        message: "Tham số preview “\(typed)” không hợp lệ: dùng 1 hoặc true để xem trước, bỏ đi (hoặc 0, false) để ghi."
      )
    }
    switch try await TreeChangeSubmission.submit(
      act, unit: unit, fields, confirm: !preview, access: access, in: store, today: context.today)
    {
    case .preview(let change):
      return try JSONResponse(Answer(written: false, change: change)).response(from: request, context: context)
    case .done(let change):
      return try JSONResponse(Answer(written: true, change: change), status: created ? .created : .ok)
        .response(from: request, context: context)
    case .invalid(let errors):
      return MemberAPIController.invalid(errors)
    }
  }
}

extension Optional {
  fileprivate func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
    guard let self else { return nil }
    return try await transform(self)
  }
}
