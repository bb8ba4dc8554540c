import DangVuStore
import Hummingbird

/// `GET /tim-kiem?q=…[&trong=CODE]`: members by name, diacritics optional.
struct SearchController<Context: RequestContext> {
  let store: any PartyStore

  func addRoutes(to router: Router<Context>) {
    router.get("tim-kiem", use: search)
  }

  @Sendable func search(_ request: Request, context: Context) async throws -> HTMLPage {
    let query = request.queryValue("q") ?? ""
    let within = request.queryValue("trong").flatMap { $0.isEmpty ? nil : $0 }
    let model = try await SearchPageModel.load(from: store, query: query, withinCode: within)
    return HTMLPage(html: SearchPageView.render(model))
  }
}
