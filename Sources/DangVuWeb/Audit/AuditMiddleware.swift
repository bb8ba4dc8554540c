import DangVuCore
import DangVuStore
import Hummingbird

/// The safety net under the audit trail: a successful write (any unsafe method answered below 400) by a
/// signed-in principal that did not record its own entry gets a plain one naming the method and address.
/// Handlers record richer entries (before and after) through `AuditRecorder`.
struct AuditMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  let store: any AuditStore

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    guard !request.method.isSafe else { return try await next(request, context) }
    let mark = AuditRecorder.Mark()
    let response = try await AuditRecorder.$mark.withValue(mark) { try await next(request, context) }
    if response.status.code < 400, let principal = context.principal, !mark.recorded.withLock({ $0 }) {
      await AuditRecorder.record(
        store, by: principal, action: "request.\(request.method.rawValue.lowercased())", subject: request.uri.path)
    }
    return response
  }
}
