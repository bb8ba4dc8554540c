import DangVuCore
import DangVuStore
import Hummingbird

/// The register's completeness (`/chat-luong-du-lieu`, `/api/data-quality`): for a unit of the subtree, the share
/// of its members with each field, and its units below worst first; as a page, CSV, a workbook and JSON.
struct DataQualityController {
  let store: any AccessStore
  let cache: RegisterCompletenessCache

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("chat-luong-du-lieu", use: page)
    router.get("api/data-quality", use: api)
  }

  @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
    let model = try await model(request, context, parameter: "to-chuc")
    switch try ReportParameters.format(request) {
    case nil:
      return try HTMLPage(html: DataQualityPageView.render(model)).response(from: request, context: context)
    case let format? where format == .csv || format == .xlsx:
      return try ReportDownload(
        table: model.rows, format: format, dialect: ReportParameters.csvDialect(request),
        fileName: "chat-luong-du-lieu-\(model.unit.code)-\(model.day.iso)", sheet: "Chất lượng dữ liệu"
      ).response(from: request, context: context)
    case let format?:
      throw PageError(
        status: .badRequest, title: "Định dạng không hợp lệ",
        message: "Trang chất lượng dữ liệu tải về được dạng CSV hoặc XLSX, không có dạng \(format.rawValue).",
        code: "report.format")
    }
  }

  @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> Response {
    try JSONResponse(try await model(request, context, parameter: "org")).response(from: request, context: context)
  }

  private func model(_ request: Request, _ context: AppRequestContext, parameter: String) async throws
    -> RegisterCompletenessReport
  {
    let access = try Access.require(.readRecords, context, store: store)
    let code = try await access.reportScope(request.queryValue(parameter), on: context.today)
    guard
      let report = RegisterCompletenessReport.build(
        code: code, totals: try await cache.totals(of: store, on: context.today))
    else { throw AccessError.unitNotFound(code) }
    return report
  }
}
