import DangVuStore
import Foundation
import Hummingbird

/// What the web application needs besides the store.
public struct WebOptions: Sendable {
  /// Mark cookies Secure (HTTPS only) and send HSTS. Off only for a server reached over plain HTTP on loopback.
  public var secureCookies: Bool
  /// Proxies whose `X-Forwarded-For` names the client a sign-in attempt is counted against
  /// (`dangvu serve --trusted-proxy`); from any other peer the header is ignored.
  public var trustedProxies: Set<String>
  /// The time sign-in delays, sessions and token expiry are judged by; tests move it forward.
  public var clock: @Sendable () -> Date

  public init(
    secureCookies: Bool = true, trustedProxies: Set<String> = [], clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.secureCookies = secureCookies
    self.trustedProxies = trustedProxies
    self.clock = clock
  }
}

/// Assembles the web application over a store: one function, controllers that add their own routes,
/// so tests build exactly what `dangvu serve` runs.
public func buildApplication(
  store: any PartyStore, readReplica: (any PartyStore)? = nil,
  configuration: ApplicationConfiguration = ApplicationConfiguration(), options: WebOptions = WebOptions()
) -> some ApplicationProtocol {
  let router = buildRouter(store: store, readReplica: readReplica, options: options)
  var config = configuration
  config.serverName = config.serverName ?? "DangVu"
  return Application(router: router, configuration: config)
}

/// The routes, for the application and for the test that checks each one is in the OpenAPI document.
/// `readReplica`: where the JSON reports may be computed once it has caught up (`ReportReads`).
public func buildRouter(
  store: any PartyStore, readReplica: (any PartyStore)? = nil, options: WebOptions = WebOptions()
) -> Router<AppRequestContext> {
  // The controllers on a scratch router first, for the table of methods each address answers (405s).
  let state = RouteState()
  let methods = RouteMethods(
    addControllers(
      to: Router(context: AppRequestContext.self), store: store, readReplica: readReplica, options: options,
      state: state
    )
    .routes.map {
      ("\($0.path)", $0.method)
    })
  let router = Router(context: AppRequestContext.self)
  // Outermost, so error pages and "no such route" answers carry the headers too.
  router.add(middleware: SecurityHeadersMiddleware(https: options.secureCookies))
  // First, so it also turns "no such route" and refused sessions into a page or a JSON error.
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: SessionMiddleware(store: store, clock: options.clock))
  // Again inside the session, so error pages from the routes show who is signed in and their menu.
  router.add(middleware: ErrorPageMiddleware())
  router.add(middleware: AuditMiddleware(store: store))
  router.add(middleware: MethodNotAllowedMiddleware(methods: methods))
  router.add(middleware: RepeatedParameterMiddleware())
  return addControllers(to: router, store: store, readReplica: readReplica, options: options, state: state)
}

/// What routes keep between requests, made once for the application (the scratch router of the 405 table shares
/// it): checked files awaiting confirmation, running imports, the register's completeness counts.
private struct RouteState {
  let uploads = CheckedUploads()
  let jobs = ImportJobs()
  let completeness = RegisterCompletenessCache()
}

private func addControllers(
  to router: Router<AppRequestContext>, store: any PartyStore, readReplica: (any PartyStore)?, options: WebOptions,
  state: RouteState
) -> Router<AppRequestContext> {
  HealthController(store: store).addRoutes(to: router)
  OpenAPIController().addRoutes(to: router)
  SignInController(store: store, cookies: SessionCookie(secure: options.secureCookies), options: options)
    .addRoutes(to: router)
  APITokensController(store: store, clock: options.clock).addRoutes(to: router)
  TreeController(store: store).addRoutes(to: router)
  SearchController(store: store).addRoutes(to: router)
  TreeAPIController(store: store).addRoutes(to: router)
  OversightRecordsController(store: store).addRoutes(to: router)
  DisciplineAppealsController(store: store).addRoutes(to: router)
  ProgrammesController(store: store).addRoutes(to: router)
  ComplaintCorrectionController(store: store).addRoutes(to: router)
  InspectionCorrectionController(store: store).addRoutes(to: router)
  ReportsController(store: store, replica: readReplica).addRoutes(to: router)
  DashboardController(store: store).addRoutes(to: router)
  AuditController(store: store).addRoutes(to: router)
  ImportTemplatesController().addRoutes(to: router)
  ImportsController(store: store, uploads: state.uploads, jobs: state.jobs).addRoutes(to: router)
  ImportsAPIController(store: store, uploads: state.uploads).addRoutes(to: router)
  DataQualityController(store: store, cache: state.completeness).addRoutes(to: router)
  MemberPagesController(store: store).addRoutes(to: router)
  MemberAPIController(store: store).addRoutes(to: router)
  CellGradingController(store: store).addRoutes(to: router)
  CellGradesAPIController(store: store).addRoutes(to: router)
  GradingProgressController(store: store).addRoutes(to: router)
  GradeWorkflowAPIController(store: store).addRoutes(to: router)
  CyclesAPIController(store: store).addRoutes(to: router)
  CyclePagesController(store: store).addRoutes(to: router)
  LifecyclePagesController(store: store).addRoutes(to: router)
  TransfersController(store: store).addRoutes(to: router)
  AdmissionController(store: store).addRoutes(to: router)
  LifecycleAPIController(store: store).addRoutes(to: router)
  TargetsController(store: store).addRoutes(to: router)
  TargetsAPIController(store: store).addRoutes(to: router)
  LeadershipPagesController(store: store).addRoutes(to: router)
  LeadershipAPIController(store: store).addRoutes(to: router)
  LeadershipGradingController(store: store).addRoutes(to: router)
  TreeEditingController(store: store).addRoutes(to: router)
  TreeEditingAPIController(store: store).addRoutes(to: router)
  return router
}
