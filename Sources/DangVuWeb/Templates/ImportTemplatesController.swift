import DangVuCore
import DangVuStore
import Hummingbird

/// Blank workbooks to fill in for an import (`/mau-nhap`, `/mau-nhap/{kind}.xlsx`): headers, an example row and
/// drop-down lists. They hold no records, but they are for the staff who import, so only for the signed-in.
struct ImportTemplatesController {
  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("mau-nhap", use: list)
    router.get("mau-nhap/:file", use: workbook)
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    guard context.principal != nil else { throw AccessError.signInRequired }
    return try HTMLPage(html: ImportTemplatesPageView.render()).response(from: request, context: context)
  }

  @Sendable func workbook(_ request: Request, context: AppRequestContext) async throws -> Response {
    guard context.principal != nil else { throw AccessError.signInRequired }
    let file = context.parameters.get("file") ?? ""
    guard file.hasSuffix(".xlsx"), let kind = ImportFileKind(rawValue: String(file.dropLast(5))) else {
      throw PageError(
        status: .notFound, title: "Không có mẫu nhập này",
        message: "Không có mẫu nhập “\(file)”; các mẫu có ở trang Mẫu nhập (/mau-nhap).", code: "template.unknown")
    }
    return Response(
      status: .ok,
      headers: [
        .contentType: ReportFormat.xlsx.contentType,
        .contentDisposition: "attachment; filename=\"mau-nhap-\(kind.rawValue).xlsx\"",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: try ImportTemplate.bytes(kind))))
  }
}
