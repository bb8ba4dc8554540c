import DangVuCore
import Hummingbird

/// Turns every failure into a page in Vietnamese, so a person never meets an empty response or an
/// English framework message. Added before any route, it also covers addresses no route matches.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as PageError {
      return try page(error.status, error.title, error.message, request, context)
    } catch let error as DomainError {
      // A refusal from the domain already says, in Vietnamese, what was wrong.
      return try page(.badRequest, "Không thực hiện được", error.message, request, context)
    } catch let error as HTTPError where error.status == .notFound {
      return try page(.notFound, "Không tìm thấy trang", "Địa chỉ này không có trong DangVu.", request, context)
    } catch let error as HTTPError {
      // The framework's own messages are English; say it in Vietnamese with the status code.
      return try page(
        error.status, "Yêu cầu không hợp lệ",
        "Máy chủ không thực hiện được yêu cầu này (mã \(error.status.code)).", request, context)
    } catch {
      context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
      return try page(
        .internalServerError, "Lỗi máy chủ",
        "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống.", request, context)
    }
  }

  private func page(
    _ status: HTTPResponse.Status, _ title: String, _ message: String, _ request: Request, _ context: Context
  ) throws -> Response {
    try HTMLPage(status: status, html: ErrorPageView.render(title: title, message: message))
      .response(from: request, context: context)
  }
}
