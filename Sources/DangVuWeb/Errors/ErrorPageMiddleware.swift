import DangVuCore
import Foundation
import Hummingbird

/// Turns every failure into something a person or a program can act on: a page in Vietnamese, or under
/// `/api/` a JSON error with a code. Added before any route, it also covers addresses no route matches.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let api = request.uri.path.hasPrefix("/api/") || request.uri.path == "/api"
    do {
      return try await next(request, context)
    } catch let error as AccessError {
      if error == .signInRequired && !api {
        // A page asks the person to sign in, then brings them back to where they were going.
        return Response.redirect(to: Links.signIn(next: request.uri.description), type: .found)
      }
      let title = if case .unitNotFound = error { "Không tìm thấy tổ chức" } else { "Không xem được" }
      return try respond(api, error.status, error.code, title, error.message, request, context)
    } catch let error as PageError {
      return try respond(api, error.status, error.code, error.title, error.message, request, context)
    } catch let error as StaleEditError {
      return try respond(
        api, .conflict, "edit.stale", "Hồ sơ đã được người khác sửa", error.message, request, context,
        details: error.current)
    } catch let problems as FieldProblems {
      // A form renders its own problems beside the fields; this is the API's (and a stray form's) answer.
      return try respond(
        api, .unprocessableContent, "validation.failed", "Dữ liệu chưa hợp lệ",
        problems.general ?? problems.fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "),
        request, context, details: problems)
    } catch let error as DomainError {
      // A refusal from the domain already says, in Vietnamese, what was wrong.
      return try respond(api, .badRequest, error.code, "Không thực hiện được", error.message, request, context)
    } catch is DecodingError {
      return try respond(
        api, .badRequest, "request.malformed", "Yêu cầu không hợp lệ",
        "Dữ liệu gửi lên không đúng định dạng: hãy kiểm tra các trường bắt buộc và kiểu dữ liệu.", request, context)
    } catch let error as HTTPError where error.status == .notFound {
      return try respond(
        api, .notFound, "notFound", "Không tìm thấy trang", "Địa chỉ này không có trong DangVu.", request, context)
    } catch let error as HTTPResponseError where error.status == .contentTooLarge {
      // A body over the limit a route reads (SubmittedForm.limit): the sender's mistake, not the server's.
      return try respond(
        api, .contentTooLarge, "request.tooLarge", "Dữ liệu gửi lên quá lớn",
        "Dữ liệu gửi lên vượt quá \(SubmittedForm.limit / 1024) KB cho phép. Hãy gửi ít dữ liệu hơn; "
          + "một tệp lớn hãy nhập bằng lệnh dangvu import.", request, context)
    } catch let error as MethodNotAllowed {
      var response = try respond(
        api, error.status, "request.method", "Phương thức không được hỗ trợ",
        "Địa chỉ này chỉ nhận \(error.allowed.joined(separator: ", ")).", request, context)
      response.headers.append(contentsOf: error.headers)
      return response
    } catch let error as HTTPResponseError where error.status.code < 500 {
      // The framework's own messages are English; say it in Vietnamese with the status code.
      return try respond(
        api, error.status, "request.invalid", "Yêu cầu không hợp lệ",
        "Máy chủ không thực hiện được yêu cầu này (mã \(error.status.code)).", request, context)
    } catch {
      context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
      return try respond(
        api, .internalServerError, "server.error", "Lỗi máy chủ",
        "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống.", request, context)
    }
  }

  private func respond(
    _ api: Bool, _ status: HTTPResponse.Status, _ code: String, _ title: String, _ message: String,
    _ request: Request, _ context: Context, details: (any Encodable & Sendable)? = nil
  ) throws -> Response {
    if api { return APIError.response(status: status, code: code, message: message, details: details) }
    return try HTMLPage(status: status, html: ErrorPageView.render(title: title, message: message))
      .response(from: request, context: context)
  }
}
