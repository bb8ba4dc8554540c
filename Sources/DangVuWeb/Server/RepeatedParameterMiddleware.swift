import Hummingbird

/// Refuses an API request that names a query parameter twice (`limit=5&limit=500`): the API reads one value
/// per name, and a program should hear that its second one was not read rather than get the first one's answer.
/// Pages are left alone: a browser's form decides what it sends.
struct RepeatedParameterMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    if request.isAPI, let name = request.repeatedQueryName {
      throw PageError(
        status: .badRequest, title: "Tham số lặp lại",
        message: "Tham số “\(name)” được ghi nhiều lần: mỗi tham số chỉ ghi một lần.", code: "query.repeated")
    }
    return try await next(request, context)
  }
}
