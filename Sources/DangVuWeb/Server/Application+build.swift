import DangVuStore
import Hummingbird

/// What the web application needs besides the store.
public struct WebOptions: Sendable {
  /// Mark cookies Secure (HTTPS only) and send HSTS. Off only for a server reached over plain HTTP on loopback.
  public var secureCookies: Bool

  public init(secureCookies: Bool = true) {
    self.secureCookies = secureCookies
  }
}

/// Assembles the web application over a store: one function, controllers that add their own routes,
/// so tests build exactly what `dangvu serve` runs.
public func buildApplication(
  store: any PartyStore, configuration: ApplicationConfiguration = ApplicationConfiguration(),
  options: WebOptions = WebOptions()
) -> some ApplicationProtocol {
  let router = buildRouter(store: store, options: options)
  var config = configuration
  config.serverName = config.serverName ?? "DangVu"
  return Application(router: router, configuration: config)
}

/// The routes, for the application and for the test that checks each one is in the OpenAPI document.
public func buildRouter(store: any PartyStore, options: WebOptions = WebOptions()) -> Router<AppRequestContext> {
  // The controllers on a scratch router first, for the table of methods each address answers (405s).
  let methods = RouteMethods(
    addControllers(to: Router(context: AppRequestContext.self), store: store, options: options).routes.map {
      ("\($0.path)", $0.method)
    })
  let router = Router(context: AppRequestContext.self)
  // Outermost, so error pages and "no such route" answers carry the headers too.
  router.add(middleware: SecurityHeadersMiddleware(https: options.secureCookies))
  // First, so it also turns "no such route" and refused sessions into a page or a JSON error.
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: SessionMiddleware(store: store))
  // Again inside the session, so error pages from the routes show who is signed in and their menu.
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: AuditMiddleware(store: store))
  router.add(middleware: MethodNotAllowedMiddleware(methods: methods))
  router.add(middleware: RepeatedParameterMiddleware())
  return addControllers(to: router, store: store, options: options)
}

private func addControllers(
  to router: Router<AppRequestContext>, store: any PartyStore, options: WebOptions
) -> Router<AppRequestContext> {
  HealthController(store: store).addRoutes(to: router)
  OpenAPIController().addRoutes(to: router)
  SignInController(store: store, cookies: SessionCookie(secure: options.secureCookies)).addRoutes(to: router)
  TreeController(store: store).addRoutes(to: router)
  SearchController(store: store).addRoutes(to: router)
  TreeAPIController(store: store).addRoutes(to: router)
  OversightRecordsController(store: store).addRoutes(to: router)
  ReportsController(store: store).addRoutes(to: router)
  DashboardController(store: store).addRoutes(to: router)
  AuditController(store: store).addRoutes(to: router)
  MemberPagesController(store: store).addRoutes(to: router)
  MemberAPIController(store: store).addRoutes(to: router)
  CellGradingController(store: store).addRoutes(to: router)
  CellGradesAPIController(store: store).addRoutes(to: router)
  return router
}
