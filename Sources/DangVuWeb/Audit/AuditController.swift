import DangVuCore
import DangVuStore
import Hummingbird

/// The audit trail for administrators: `GET /nhat-ky` (page), `GET /api/audit` and
/// `GET /api/audit/verify` (JSON). Entries are those whose unit was inside the administrator's subtree
/// on the entry's day; the chain is checked whole.
struct AuditController<Context: RequestContext> {
  let store: any AuditStore & AccessStore
}

extension AuditController where Context == AppRequestContext {
  func addRoutes(to router: Router<Context>) {
    router.get("nhat-ky", use: page)
    router.get("api/audit", use: list)
    router.get("api/audit/verify", use: verify)
  }

  @Sendable func page(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.readAudit, context, store: store)
    let model = try await AuditPageModel.load(from: store, query: try AuditQuery(request), scopeCode: access.scopeCode)
    return HTMLPage(html: AuditPageView.render(model))
  }

  @Sendable func list(_ request: Request, context: Context) async throws -> AuditListResponse {
    let access = try Access.require(.readAudit, context, store: store)
    let page = try await AuditPageModel.page(from: store, query: try AuditQuery(request), scopeCode: access.scopeCode)
    return AuditListResponse(entries: page.entries, next: page.olderFrom)
  }

  @Sendable func verify(_ request: Request, context: Context) async throws -> AuditVerificationResponse {
    _ = try Access.require(.readAudit, context, store: store)
    return AuditVerificationResponse(try await store.verifyAuditChain())
  }
}
