import DangVuCore
import DangVuStore
import Hummingbird

/// What a correction's submission comes to: saved, or refused with a message beside each field and nothing written.
enum CorrectionOutcome<Record: Sendable>: Sendable {
  case saved(Record)
  case invalid(FieldProblems)
}

/// An oversight record corrected on its page and through the API (a decision, a complaint, an inspection): found in
/// the principal's subtree or not at all (404), its typed fields checked, then written by the store with its audit
/// entry in one transaction. The page's form and the JSON route of every kind go through `submitForm` and
/// `submitJSON`, so they refuse, redirect and answer alike.
protocol RecordCorrection {
  /// What the record's page shows (a decision with its appeals; the record itself otherwise).
  associatedtype Found: Sendable
  associatedtype Fields: Decodable & Sendable
  associatedtype Record: Encodable & Sendable

  /// The record `id`, if it belongs to the principal's subtree; otherwise `AccessError.notFound`.
  static func find(id: Int64?, access: Access, in store: any OversightStore) async throws -> Found
  static func correct(_ fields: Fields, of found: Found, access: Access, in store: any OversightStore) async throws
    -> CorrectionOutcome<Record>
  /// The record's page, where a saved correction leads.
  static func page(of saved: Record) -> String
}

extension RecordCorrection {
  /// The page's form: back to the record's page once saved (post, redirect, get); otherwise `form` renders the page
  /// again with what was typed and each refusal beside its field.
  static func submitForm(
    _ request: Request, _ context: AppRequestContext, store: any OversightStore & AccessStore,
    form: (Found, Access, (fields: Fields, problems: FieldProblems)) async throws -> HTMLPage
  ) async throws -> Response {
    let access = try Access.require(.editOversight, context, store: store)
    let found = try await find(id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    let fields = try await SubmittedForm(request).decode(Fields.self)
    switch try await correct(fields, of: found, access: access, in: store) {
    case .saved(let saved): return .redirect(to: page(of: saved), type: .normal)
    case .invalid(let problems):
      return try await form(found, access, (fields, problems)).response(from: request, context: context)
    }
  }

  /// The JSON route: the corrected record, or 422 with a message per field.
  static func submitJSON(_ request: Request, _ context: AppRequestContext, store: any OversightStore & AccessStore)
    async throws
    -> Response
  {
    let access = try Access.require(.editOversight, context, store: store)
    let found = try await find(id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    let fields = try await SubmittedJSON(request).decode(Fields.self)
    switch try await correct(fields, of: found, access: access, in: store) {
    case .saved(let saved): return try JSONResponse(saved).response(from: request, context: context)
    case .invalid(let problems): return MemberAPIController.invalid(problems)
    }
  }
}

/// A record's page (`GET {page}`), its correction form (`POST {page}/sua`) and its JSON correction (`POST {api}`),
/// wired alike for every kind. `render` draws the page: as it stands, or after a refusal with what was typed and why.
struct RecordCorrectionRoutes<Correction: RecordCorrection>: Sendable {
  typealias Typed = (fields: Correction.Fields, problems: FieldProblems)
  typealias Render =
    @Sendable (Correction.Found, Access, AppRequestContext, HTTPResponse.Status, Typed?) async throws -> HTMLPage
  let store: any OversightStore & AuditStore & AccessStore
  let render: Render

  func addRoutes(to router: Router<AppRequestContext>, page: String, api: String) {
    router.get(RouterPath(page), use: show)
    router.post(RouterPath(page + "/sua"), use: correct)
    router.post(RouterPath(api), use: correctJSON)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let found = try await Correction.find(id: context.parameters.get("id", as: Int64.self), access: access, in: store)
    return try await render(found, access, context, .ok, nil).response(from: request, context: context)
  }

  @Sendable func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
    try await Correction.submitForm(request, context, store: store) {
      try await render($0, $1, context, .unprocessableContent, $2)
    }
  }

  @Sendable func correctJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
    try await Correction.submitJSON(request, context, store: store)
  }
}
