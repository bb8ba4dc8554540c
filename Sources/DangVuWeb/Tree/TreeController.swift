import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// The organisation tree: `GET /` shows the top of the principal's subtree on a day,
/// `GET /to-chuc/{code}` one unit inside it.
struct TreeController {
  typealias Context = AppRequestContext
  let store: any LeadershipRecording & TreeEditing & AccessStore

  func addRoutes(to router: Router<Context>) {
    router.get("/", use: root)
    router.get("to-chuc/:code", use: unit)
  }

  @Sendable func root(_ request: Request, context: Context) async throws -> Response {
    // A member has no tree to browse: their home is their own record.
    if let principal = context.principal, principal.role.ownRecordOnly {
      return Response.redirect(to: Links.home(for: principal), type: .found)
    }
    let access = try Access.require(.readRecords, context, store: store)
    let model = try await TreePageModel.load(
      from: store, root: access.scopeCode, on: try request.requestedDay(today: context.today), today: context.today)
    return try HTMLPage(html: TreePageView.render(model)).response(from: request, context: context)
  }

  @Sendable func unit(_ request: Request, context: Context) async throws -> HTMLPage {
    let access = try Access.require(.readRecords, context, store: store)
    let day = try request.requestedDay(today: context.today)
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: day)
    var model = try await UnitPageModel.load(from: store, code: unit.code, on: day, today: context.today)
    model.actions = .init(access.principal)
    model.posts = try await store.posts(ofUnit: unit.code)
    model.collectives = try await store.collectives(ofUnit: unit.code)
    if access.principal.allows(.editTree) { model.actions.editTree = try await access.scopeIsARoot() }
    return HTMLPage(html: UnitPageView.render(model))
  }
}

extension Parameters {
  /// A unit code from the path. Path parameters arrive still percent-encoded; links encode codes.
  func requireCode(_ name: String = "code") throws -> String {
    let raw = try require(name)
    return raw.removingPercentEncoding ?? raw
  }
}
