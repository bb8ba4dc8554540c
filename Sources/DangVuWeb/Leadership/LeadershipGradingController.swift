import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Grading a unit's leadership on one page (`GET|POST /to-chuc/{code}/xep-loai-lanh-dao?nam=2025`): each member
/// holding a post in the unit on the evaluation date, graded as a cadre (besides their member grade), each
/// collective of the unit serving then, and each party organisation directly below it then. The rows come from the posts and collectives users recorded; the grades
/// go through `recordGrades`, so the rules (a collective with a member warned or worse is not complete; a cadre
/// disciplined in the year…) apply as for every other path. All rows are saved or none.
struct LeadershipGradingController {
  let store: any PartyStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/xep-loai-lanh-dao", use: show)
    router.post("to-chuc/:code/xep-loai-lanh-dao", use: save)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editGrades, context, store: store)
    let year = try CellGradingController.year(request.queryValue("nam"))
    var model = try await Self.model(context, access, year: year)
    model.justSaved = request.queryValue("da-luu") == "1"
    return HTMLPage(html: LeadershipGradingView.render(model))
  }

  @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    _ = try await LeadershipPagesController.unit(context, access)
    let fields = try await SubmittedForm(request).decode([String: String].self)
    let year = try CellGradingController.year(fields["nam"])
    var model = try await Self.model(context, access, year: year)
    var entries: [GradeEntry] = []
    var rows: [String] = []
    for row in model.rows {
      let typed = (fields[row.key] ?? "").trimmingCharacters(in: .whitespaces)
      model.typed[row.key] = typed
      guard !typed.isEmpty else { continue }
      guard let outcome = GradeOutcome(code: typed) else {
        model.errors[row.key] = "Hãy chọn một mức xếp loại."
        continue
      }
      entries.append(GradeEntry(subject: row.subject, outcome: outcome))
      rows.append(row.key)
    }
    if model.errors.isEmpty && entries.isEmpty {
      // Nothing chosen: nothing to save, and nothing wrong either.
      return .redirect(to: Links.leadershipGrading(model.unit.code, year: year), type: .normal)
    }
    if model.errors.isEmpty {
      do {
        try await store.recordGrades(entries, year: year, unit: model.unit.code, by: AuditActor(access.principal))
        AuditRecorder.recordedByStore()
        return .redirect(to: Links.leadershipGrading(model.unit.code, year: year, saved: true), type: .normal)
      } catch let refused as BatchItemError {
        model.errors[rows[refused.index]] = refused.error.message
      } catch let refused as DomainError {
        model.general = refused.message
      }
    }
    return try HTMLPage(status: .unprocessableContent, html: LeadershipGradingView.render(model))
      .response(from: request, context: context)
  }

  /// The unit (inside the subtree), its cycle for the year, the rows on the evaluation date and what is saved.
  static func model(_ context: AppRequestContext, _ access: Access, year: Int) async throws -> LeadershipGradingModel {
    let unit = try await LeadershipPagesController.unit(context, access)
    var model = LeadershipGradingModel(unit: unit, year: year, csrf: CSRF.field(context))
    guard let cycle = try await access.store.cycleCovering(code: unit.code, year: year) else { return model }
    model.evaluationDate = cycle.evaluationDate
    let day = cycle.evaluationDate
    var seen = Set<Int64>()
    for post in try await access.store.posts(ofUnit: unit.code) where post.post.holds(on: day) {
      // A member holding two posts in the unit is graded once as a cadre.
      guard seen.insert(post.post.memberID).inserted else { continue }
      model.rows.append(
        .init(
          key: "cadre-\(post.post.memberID)", subject: .leadershipCadre(memberID: post.post.memberID),
          label: post.memberName, detail: "\(post.title), từ \(post.post.from.vietnamese)"))
    }
    for collective in try await access.store.collectives(ofUnit: unit.code)
    where collective.collective.formed <= day && (collective.collective.ended.map { day < $0 } ?? true) {
      model.rows.append(
        .init(
          key: "collective-\(collective.collective.id)", subject: .leadershipCollective(collective.collective.id),
          label: collective.collective.name,
          detail: "\(collective.seats.count) thành viên, nhiệm kỳ từ \(collective.collective.formed.vietnamese)"))
    }
    // The units directly below are graded by this one (a grade of an organisation is counted at its parent).
    for child in try await access.store.children(of: unit.code, on: day) {
      model.rows.append(
        .init(
          key: "unit-\(child.id)", subject: .organisation(code: child.code), label: child.name,
          detail: "tổ chức trực thuộc, mã \(child.code)"))
    }
    let saved = try await access.store.grades(of: model.rows.map(\.subject), year: year, cycleOf: unit.code)
    for row in model.rows {
      if let grade = saved.first(where: { $0.subject == row.subject }) {
        model.saved[row.key] = grade
        model.typed[row.key] = grade.outcome.code
      }
    }
    return model
  }
}

struct LeadershipGradingModel: Sendable {
  struct Row: Sendable {
    var key: String
    var subject: GradedSubject
    var label: String
    var detail: String
  }

  var unit: Organisation
  var year: Int
  /// nil when no cycle covers the unit for the year.
  var evaluationDate: Day?
  var rows: [Row] = []
  var typed: [String: String] = [:]
  var saved: [String: RecordedGrade] = [:]
  var errors: [String: String] = [:]
  var general: String?
  var justSaved = false
  var csrf: HTML

  init(unit: Organisation, year: Int, csrf: HTML) {
    self.unit = unit
    self.year = year
    self.csrf = csrf
  }
}
