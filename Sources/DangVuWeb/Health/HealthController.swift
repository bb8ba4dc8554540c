import DangVuStore
import Hummingbird

/// `GET /health`: for load balancers and people checking a deployment; it touches the database,
/// so "ok" means the store answers, not only that the process is up.
struct HealthController<Context: RequestContext> {
  let store: any PartyStore

  func addRoutes(to router: Router<Context>) {
    router.get("health", use: health)
  }

  @Sendable func health(_ request: Request, context: Context) async throws -> Response {
    do {
      let statistics = try await store.statistics()
      return try HealthStatus(
        status: "ok", schemaVersion: statistics.schemaVersion, organisations: statistics.organisations,
        members: statistics.members, events: statistics.events
      ).response(from: request, context: context)
    } catch {
      context.logger.error("health check failed", metadata: ["error": "\(error)"])
      var response = try HealthStatus(status: "error", message: "\(error)").response(from: request, context: context)
      response.status = .serviceUnavailable
      return response
    }
  }
}

struct HealthStatus: ResponseEncodable {
  var status: String
  var schemaVersion: String?
  var organisations: Int?
  var members: Int?
  var events: Int?
  var message: String?
}
