import DangVuCore
import DangVuStore
import Hummingbird

/// The two-step transfers of a subtree on a page: `GET /chuyen-sinh-hoat` lists the letters addressed to its
/// cells and those its cells sent; `POST /chuyen-sinh-hoat/{id}/tiep-nhan` receives a letter addressed to
/// one of its cells (the member joins that cell on the day typed).
struct TransfersController {
  let store: any LifecycleRecording & AccessStore
  let letters = TransferLetterAnswers()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("chuyen-sinh-hoat", use: list)
    router.post("chuyen-sinh-hoat/:id/tiep-nhan", use: receive)
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.readRecords, context, store: store)
    return HTMLPage(html: TransfersPageView.render(try await model(access, context)))
  }

  @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.recordLifecycle, context, store: store)
    guard let id = context.parameters.get("id", as: Int64.self) else { throw AccessError.notFound }
    let letter = try await access.incomingLetter(id: id, in: store)
    let fields = try await SubmittedForm(request).decode(LifecycleFields.self)
    switch try await LifecycleSubmission.receive(letterID: letter.id, fields, access: access, in: store) {
    case .saved, .letter:
      return .redirect(to: Links.transfers(), type: .normal)
    case .invalid(let errors):
      var model = try await model(access, context)
      model.refused = (letter.id, fields.date ?? "", errors)
      return try HTMLPage(status: .unprocessableContent, html: TransfersPageView.render(model))
        .response(from: request, context: context)
    case .stale:
      // Receiving carries no version: the letter's own state decides.
      throw PageError(status: .internalServerError, title: "Lỗi máy chủ", message: "Không tiếp nhận được.")
    }
  }

  private func model(_ access: Access, _ context: AppRequestContext) async throws -> TransfersPageModel {
    let today = context.today
    return TransfersPageModel(
      today: today, scopeCode: access.scopeCode,
      incoming: try await letters.pending(within: access.scopeCode, direction: .incoming, on: today, store: store),
      outgoing: try await letters.pending(within: access.scopeCode, direction: .outgoing, on: today, store: store),
      canReceive: access.principal.allows(.recordLifecycle), csrf: CSRF.field(context))
  }
}
