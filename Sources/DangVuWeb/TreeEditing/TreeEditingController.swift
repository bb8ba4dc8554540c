import DangVuCore
import DangVuStore
import Hummingbird

/// Changing the tree on pages (`/to-chuc/{code}/thay-doi`): a province's organisation staff and administrators
/// found a unit under this one, rename, move, merge or dissolve it. Every form first shows what will change
/// (nothing written); the confirmation writes it and goes to the unit's page.
struct TreeEditingController {
  let store: any TreeEditing & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/thay-doi", use: page)
    router.post("to-chuc/:code/thay-doi/:act", use: submit)
  }

  @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try await Access.requireTreeEditing(context, store: store)
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: context.today)
    let model = try await model(unit, context)
    return try HTMLPage(html: TreeEditingPageView.render(model)).response(from: request, context: context)
  }

  @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try await Access.requireTreeEditing(context, store: store)
    guard let act = context.parameters.get("act").flatMap(TreeChangeAct.init(rawValue:)) else {
      throw AccessError.notFound
    }
    let unit = try await access.unit(code: try context.parameters.requireCode(), on: context.today)
    let form = try await SubmittedForm(request)
    let fields = try form.decode(TreeChangeFields.self)
    let confirm = try form.decode(Confirmation.self).confirm == "1"
    let outcome = try await TreeChangeSubmission.submit(
      act, unit: unit, fields, confirm: confirm, access: access, in: store, today: context.today)
    var model = try await model(unit, context)
    model.act = act
    model.fields = fields
    switch outcome {
    case .done(let change):
      return .redirect(to: Links.unit(change.unit.code), type: .normal)
    case .preview(let change):
      model.preview = change
      return try HTMLPage(html: TreeEditingPageView.render(model)).response(from: request, context: context)
    case .invalid(let errors):
      model.errors = errors
      return try HTMLPage(status: .unprocessableContent, html: TreeEditingPageView.render(model))
        .response(from: request, context: context)
    }
  }

  /// `confirm=1` is the second step: the preview's button sends it with the fields it showed.
  private struct Confirmation: Decodable {
    var confirm: String?
  }

  private func model(_ unit: Organisation, _ context: AppRequestContext) async throws -> TreeEditingPageModel {
    let today = context.today
    let parent = try await store.parentHistory(ofCode: unit.code).first { $0.holds(on: today) }?.parent
    let kinds = try await store.unitKinds()
    return TreeEditingPageModel(
      unit: unit, kindName: kinds.nameVi(of: unit.kind),
      parent: try await parent.asyncMap { try await store.organisation(id: $0) } ?? nil,
      childKinds: kinds.kinds.filter { kinds.allows(child: $0.kind, under: unit.kind, on: today) }
        .map { ($0.kind.code, $0.nameVi) },
      csrf: CSRF.field(context))
  }
}

extension Optional {
  fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let self else { return nil }
    return try await transform(self)
  }
}
