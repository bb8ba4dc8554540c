import DangVuCore
import DangVuStore
import Hummingbird

/// An inspection's or supervision's page (`/kiem-tra-ky-luat/kiem-tra/{id}`) with its corrections, where the
/// inspection staff correct one entered wrongly; `/api/oversight/inspections/{id}/corrections` does the same in JSON.
/// An inspection run by a body outside the principal's subtree does not exist for them.
struct InspectionCorrectionController {
  typealias Context = AppRequestContext
  let store: any OversightStore & AuditStore & AccessStore

  func addRoutes(to router: Router<Context>) {
    RecordCorrectionRoutes<InspectionCorrectionSubmission>(store: store) {
      try await render($0, $1, $2, status: $3, typed: $4)
    }
    .addRoutes(to: router, page: "kiem-tra-ky-luat/kiem-tra/:id", api: "api/oversight/inspections/:id/corrections")
  }

  private func render(
    _ i: Inspection, _ access: Access, _ context: Context, status: HTTPResponse.Status,
    typed: (fields: InspectionCorrectionFields, problems: FieldProblems)? = nil
  ) async throws -> HTMLPage {
    var names: [OversightSubject: String] = [:]
    var cards: [Int64: String] = [:]
    for s in i.subjects {
      switch s.subject {
      case .member(let id):
        let member = try await store.memberWithVersion(id: id)?.member
        names[s.subject] = member?.fullName ?? "đảng viên \(id)"
        cards[id] = member?.partyCardNumber
      case .unit(let code): names[s.subject] = try await store.organisation(code: code)?.name ?? code
      }
    }
    let model = InspectionPageModel(
      inspection: i, subjectNames: names, canEdit: access.principal.allows(.editOversight), csrf: CSRF.field(context),
      corrections: try await CorrectionLine.load(
        action: "inspection.correct", subject: "inspection:\(i.id)", from: store),
      fields: typed?.fields ?? InspectionCorrectionFields(i, cards: cards), problems: typed?.problems ?? FieldProblems()
    )
    return HTMLPage(status: status, html: InspectionPageView.render(model))
  }
}
