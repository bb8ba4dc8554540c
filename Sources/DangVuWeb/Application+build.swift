import DangVuStore
import Hummingbird

/// Assembles the web application over a store: one function, controllers that add their own routes,
/// so tests build exactly what `dangvu serve` runs.
public func buildApplication(
  store: any PartyStore, configuration: ApplicationConfiguration = ApplicationConfiguration()
) -> some ApplicationProtocol {
  let router = Router(context: AppRequestContext.self)
  // First, so it also turns "no such route" into a page in Vietnamese.
  router.add(middleware: ErrorPageMiddleware())
  HealthController(store: store).addRoutes(to: router)
  OpenAPIController().addRoutes(to: router)
  TreeController(store: store).addRoutes(to: router)
  SearchController(store: store).addRoutes(to: router)
  var config = configuration
  config.serverName = config.serverName ?? "DangVu"
  return Application(router: router, configuration: config)
}
