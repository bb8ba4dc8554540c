import DangVuStore
import Hummingbird

/// `GET /tim-kiem?q=…[&trong=CODE]`: members by name, diacritics optional, inside the principal's
/// subtree (or a unit of it).
struct SearchController {
  typealias Context = AppRequestContext
  let store: any AccessStore

  func addRoutes(to router: Router<Context>) {
    router.get("tim-kiem", use: search)
  }

  @Sendable func search(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.readRecords, context, store: store)
    let query = request.queryValue("q") ?? ""
    let requested = request.queryValue("trong").flatMap { $0.isEmpty ? nil : $0 }
    let within = try await access.reportScope(requested, on: context.today)
    let model = try await SearchPageModel.load(
      from: store, query: query, withinCode: within, named: requested != nil, today: context.today)
    return HTMLPage(html: SearchPageView.render(model))
  }
}
