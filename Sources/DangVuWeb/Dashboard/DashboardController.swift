import DangVuCore
import DangVuStore
import Hummingbird

/// The leaders' dashboard: `GET /tong-quan` and `GET /api/dashboard`, for every role that reads reports.
struct DashboardController {
  let store: any ReportingStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("tong-quan", use: page)
    router.get("api/dashboard", use: json)
  }

  @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    let scope = try await ReportScopePicker.requestedScope(request, name: "to-chuc", access: access, on: today)
    let summary = try await DashboardSummary.load(store: store, scopeCode: scope, today: today)
    let picker = try await ReportScopePicker.load(
      access: access, store: store, selected: scope, selectedName: summary.scopeName, on: today)
    return HTMLPage(html: DashboardPageView.render(summary, picker: picker))
  }

  @Sendable func json(_ request: Request, context: AppRequestContext) async throws -> ReportJSON {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    let scope = try await access.reportScope(request.queryValue("org"), on: today)
    return try ReportJSON(try await DashboardSummary.load(store: store, scopeCode: scope, today: today))
  }
}
