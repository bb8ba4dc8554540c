import DangVuStore
import Foundation
import Hummingbird

/// The organisation tree: `GET /` shows its top on a day, `GET /to-chuc/{code}` one unit.
struct TreeController<Context: RequestContext> {
  let store: any PartyStore

  func addRoutes(to router: Router<Context>) {
    router.get("/", use: root)
    router.get("to-chuc/:code", use: unit)
  }

  @Sendable func root(_ request: Request, context: Context) async throws -> HTMLPage {
    let model = try await TreePageModel.load(from: store, on: try request.requestedDay())
    return HTMLPage(html: TreePageView.render(model))
  }

  @Sendable func unit(_ request: Request, context: Context) async throws -> HTMLPage {
    // Path parameters arrive still percent-encoded; links encode codes, so decode them here.
    let raw = try context.parameters.require("code")
    let code = raw.removingPercentEncoding ?? raw
    let model = try await UnitPageModel.load(from: store, code: code, on: try request.requestedDay())
    return HTMLPage(html: UnitPageView.render(model))
  }
}
