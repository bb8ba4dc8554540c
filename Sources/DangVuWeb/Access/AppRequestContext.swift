import DangVuCore
import Hummingbird

/// The context every route sees: who is signed in (set by the session or API-token middleware) and
/// the CSRF token their forms must carry.
public struct AppRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Nil until a valid session cookie or API token says who is asking.
  public var principal: Principal?
  /// The token hidden in every form of a signed-in page (`CSRF.field`); nil for API-token requests,
  /// which carry no cookie and so cannot be forged by another site.
  public var csrfToken: String?

  /// The peer's IP address. Behind a proxy this is the proxy's address; sign-in counts attempts
  /// against the client the proxy names when `--trusted-proxy` names this peer (ClientAddress).
  public var remoteAddress: String

  /// The day the request is answered on, in Vietnam: the one reading of the date for everything the request does
  /// (set from the application's clock by `SessionMiddleware`), passed to the store and the pages.
  public var today: Day

  public init(source: Source) {
    coreContext = .init(source: source)
    today = .today
    remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }
}
