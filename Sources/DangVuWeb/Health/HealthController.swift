import DangVuCore
import DangVuStore
import Hummingbird

/// `GET /health`: for load balancers and people checking a deployment; it touches the database, so "ok"
/// means the store answers, not only that the process is up. Anyone may ask, so anyone hears only
/// "ok" or "not ok"; the counts and the schema version are for a signed-in administrator, and the
/// database's own error goes to the log, never to the caller (it can name files and tables).
struct HealthController {
  let store: any RegisterStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("health", use: health)
  }

  @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
    let statistics: StoreStatistics
    do {
      statistics = try await store.statistics()
    } catch {
      context.logger.error("health check failed", metadata: ["error": "\(error)"])
      return try JSONResponse(HealthStatus(status: "not ok"), status: .serviceUnavailable)
        .response(from: request, context: context)
    }
    guard context.principal?.role == .administrator else {
      return try JSONResponse(HealthStatus(status: "ok")).response(from: request, context: context)
    }
    return try JSONResponse(
      HealthStatus(
        status: "ok", schemaVersion: statistics.schemaVersion, organisations: statistics.organisations,
        members: statistics.members, events: statistics.events)
    ).response(from: request, context: context)
  }
}

struct HealthStatus: Encodable {
  var status: String
  var schemaVersion: String?
  var organisations: Int?
  var members: Int?
  var events: Int?
}
