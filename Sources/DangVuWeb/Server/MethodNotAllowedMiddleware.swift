import Hummingbird

/// The methods each address of the application answers, from its route table: `/api/members/7` is
/// `/api/members/{id}` (as the router prints a parameter), which answers GET and PUT.
struct RouteMethods: Sendable {
  private var routes: [(segments: [Substring], method: String)]

  init(_ routes: [(path: String, method: HTTPRequest.Method)]) {
    self.routes = routes.map { ($0.path.split(separator: "/"), $0.method.rawValue) }
  }

  /// The methods that answer `path`, sorted; empty when no route has that shape.
  func allowed(for path: String) -> [String] {
    let parts = path.split(separator: "/")
    let methods = routes.filter { route in
      route.segments.count == parts.count
        && zip(route.segments, parts).allSatisfy { pattern, part in
          pattern.hasPrefix("{") || pattern.hasPrefix(":") || pattern == part
        }
    }.map(\.method)
    return Set(methods).sorted()
  }
}

/// A method an address does not answer (TRACE on the tree, DELETE on a member) is 405 with the methods it
/// does answer in `Allow`, as HTTP asks, rather than "no such page", which would send a client looking for
/// a typo in the address.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
  let methods: RouteMethods

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      let allowed = methods.allowed(for: request.uri.path)
      guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
      throw MethodNotAllowed(allowed: allowed)
    }
  }
}

/// The refusal, carrying the `Allow` header the error pages keep.
struct MethodNotAllowed: HTTPResponseError {
  var allowed: [String]
  var status: HTTPResponse.Status { .methodNotAllowed }
  var headers: HTTPFields { [.allow: allowed.joined(separator: ", ")] }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(status: status, headers: headers)
  }
}
