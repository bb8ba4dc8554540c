import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// API tokens, by page and by JSON: `GET/POST /ma-truy-cap`, `POST /ma-truy-cap/{id}/thu-hoi`;
/// `GET/POST /api/tokens`, `DELETE /api/tokens/{id}`. Every signed-in role manages its own tokens; an
/// administrator also those of accounts inside their subtree (Access+Tokens.swift).
struct APITokensController {
  typealias Context = AppRequestContext
  let store: any AccountStore & AccessStore
  let clock: @Sendable () -> Date

  func addRoutes(to router: Router<Context>) {
    router.get("ma-truy-cap", use: page)
    router.post("ma-truy-cap", use: issueFromPage)
    router.post("ma-truy-cap/:id/thu-hoi", use: revokeFromPage)
    router.get("api/tokens", use: list)
    router.post("api/tokens", use: issue)
    router.get("api/tokens/:id", use: show)
    router.delete("api/tokens/:id", use: revoke)
  }

  // MARK: JSON

  @Sendable func list(_ request: Request, context: Context) async throws -> JSONResponse<APITokenListJSON> {
    let access = try Access.requireSignedIn(context, store: store)
    let now = clock()
    return JSONResponse(
      APITokenListJSON(tokens: try await access.manageableTokens(in: store).map { APITokenJSON($0, now: now) }))
  }

  @Sendable func issue(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.requireSignedIn(context, store: store)
    let fields = try await SubmittedJSON(request).decode(NewAPITokenFields.self)
    let issued = try await issue(name: fields.name ?? "", days: fields.days, login: fields.login, access)
    var response = try JSONResponse(
      IssuedAPITokenJSON(token: APITokenJSON(issued.token, now: clock()), secret: issued.secret), status: .created
    ).response(from: request, context: context)
    response.headers[.location] = "/api/tokens/\(issued.token.id)"
    return response
  }

  @Sendable func show(_ request: Request, context: Context) async throws -> JSONResponse<APITokenJSON> {
    let access = try Access.requireSignedIn(context, store: store)
    return JSONResponse(
      APITokenJSON(try await access.manageableToken(id: try Self.tokenID(context), in: store), now: clock()))
  }

  @Sendable func revoke(_ request: Request, context: Context) async throws -> JSONResponse<APITokenJSON> {
    let access = try Access.requireSignedIn(context, store: store)
    let token = try await revoke(try Self.tokenID(context), access)
    return JSONResponse(APITokenJSON(token, now: clock()))
  }

  // MARK: Page

  struct PageFields: Decodable {
    var name: String?
    var days: String?
    var login: String?
  }

  @Sendable func page(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.requireSignedIn(context, store: store)
    return HTMLPage(html: APITokensPageView.render(try await model(access, context)))
  }

  @Sendable func issueFromPage(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.requireSignedIn(context, store: store)
    let fields = try await SubmittedForm(request).decode(PageFields.self)
    var model = try await model(access, context)
    model.typedName = fields.name ?? ""
    let daysText = (fields.days ?? "").trimmingCharacters(in: .whitespaces)
    do {
      guard daysText.isEmpty || Int(daysText) != nil else {
        throw DomainError("token.badLifetime", "Thời hạn phải là một số ngày, ví dụ 90.")
      }
      let issued = try await issue(name: fields.name ?? "", days: Int(daysText), login: fields.login, access)
      model = try await self.model(access, context)
      model.issued = issued
    } catch let error as DomainError {
      // The form comes back with what was typed and the reason beside it.
      model.problem = error.message
      return HTMLPage(status: .unprocessableContent, html: APITokensPageView.render(model))
    }
    return HTMLPage(status: .created, html: APITokensPageView.render(model))
  }

  @Sendable func revokeFromPage(_ request: Request, context: Context) async throws -> Response {
    let access = try Access.requireSignedIn(context, store: store)
    _ = try await revoke(try Self.tokenID(context), access)
    return Response.redirect(to: "/ma-truy-cap", type: .normal)
  }

  // MARK: Shared

  private func model(_ access: Access, _ context: Context) async throws -> APITokensPageModel {
    APITokensPageModel(
      tokens: try await access.manageableTokens(in: store), now: clock(), principal: access.principal,
      canIssueForOthers: access.principal.allows(.manageAccounts), csrf: CSRF.field(context))
  }

  private func issue(name: String, days: Int?, login: String?, _ access: Access) async throws -> IssuedAPIToken {
    let owner = try await access.tokenOwner(login, in: store)
    let issued = try await store.issueAPIToken(
      NewAPIToken(login: owner, name: name, lifetimeDays: days), by: AuditActor(access.principal), at: clock())
    // The store wrote the audit entry in the same transaction as the token.
    AuditRecorder.mark?.recorded.withLock { $0 = true }
    return issued
  }

  private func revoke(_ id: Int64, _ access: Access) async throws -> APIToken {
    _ = try await access.manageableToken(id: id, in: store)
    let token = try await store.revokeAPIToken(id: id, by: AuditActor(access.principal), at: clock())
    AuditRecorder.mark?.recorded.withLock { $0 = true }
    return token
  }

  static func tokenID(_ context: AppRequestContext) throws -> Int64 {
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    return id
  }
}
