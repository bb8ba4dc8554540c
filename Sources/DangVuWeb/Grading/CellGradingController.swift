import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Grading a whole cell on one page: `GET /to-chuc/{code}/xep-loai?nam=2023` shows the evaluation population
/// with the saved grades, `POST /to-chuc/{code}/xep-loai` saves every row or none, from the version the page
/// was opened at.
struct CellGradingController {
  let store: any AccessStore & CellGrading

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/xep-loai", use: show)
    router.post("to-chuc/:code/xep-loai", use: save)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editGrades, context, store: store)
    let year = try Self.year(request.queryValue("nam"), today: context.today)
    let code = try Self.code(context)
    // A committee is graded cell by cell: its page leads down to the cells below it.
    let yearEnd = Day.lastDay(ofYear: year)
    let unit = try await access.unit(code: code, on: yearEnd)
    let kinds = try await store.unitKinds()
    if !kinds.holdsMembers(unit.kind) {
      let tree = try await store.tree(on: yearEnd, root: unit.code)
      let children = tree.children(of: unit.id).map { ($0, kinds.holdsMembers($0.kind)) }
      return HTMLPage(html: CellGradingPageView.render(committee: unit, year: year, children: children))
    }
    let sheet = try await Self.sheet(code: code, year: year, access: access, store: store)
    var model = CellGradingPageModel(sheet: sheet, csrf: CSRF.field(context))
    model.saved = request.queryValue("da-luu") == "1"
    return HTMLPage(html: CellGradingPageView.render(model))
  }

  @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    let code = try Self.code(context)
    // Outside the subtree answers 404 before the form is even read, like every other route.
    _ = try await access.unit(code: code, on: context.today)
    let submitted = try await SubmittedForm(request)
    let form = CellGradingForm(fields: try submitted.decode([String: String].self))
    let year = try Self.year(form.nam, today: context.today)
    let version = try submitted.version()
    let current = try await Self.sheet(code: code, year: year, access: access, store: store)
    let typed = form.typed
    var model = CellGradingPageModel(sheet: current, typed: typed, csrf: CSRF.field(context))
    let (inputs, errors) = CellGradingEntries.inputs(
      from: typed, regulation: current.regulation,
      names: Dictionary(current.rows.map { ($0.member.memberID, $0.member.fullName) }, uniquingKeysWith: { a, _ in a }))
    let status: HTTPResponse.Status
    if !errors.isEmpty {
      model.sheet.version = version
      model.rowErrors = errors
      status = .unprocessableContent
    } else {
      do {
        let saved = try await store.gradeCell(
          code: code, year: year, entries: inputs, expectedVersion: version, by: AuditActor(access.principal))
        AuditRecorder.recordedByStore()
        return .redirect(to: Links.cellGrading(saved.cellCode, year: year, saved: true), type: .normal)
      } catch let refused as CellGradingRefused {
        // The page keeps the version it was made from: the next save is still checked against it.
        model.sheet.version = version
        let shown = Set(current.rows.map(\.member.memberID))
        model.rowErrors = refused.reasons.filter { shown.contains($0.key) }
        model.otherErrors = refused.reasons.filter { !shown.contains($0.key) }.sorted { $0.key < $1.key }
          .map { "Đảng viên mã số \($0.key): \($0.value)" }
        status = .unprocessableContent
      } catch let stale as StaleVersion<CellGradeSheet> {
        model.sheet = stale.current
        model.stale = true
        status = .conflict
      }
    }
    return try HTMLPage(status: status, html: CellGradingPageView.render(model))
      .response(from: request, context: context)
  }

  /// The sheet of a cell inside the subtree: the cell must be in it at the end of the year and on the
  /// evaluation date; otherwise 404, as if it did not exist.
  static func sheet(code: String, year: Int, access: Access, store: any AccessStore & CellGrading) async throws
    -> CellGradeSheet
  {
    _ = try await access.unit(code: code, on: Day.lastDay(ofYear: year))
    let sheet = try await store.cellGrades(code: code, year: year)
    if sheet.evaluationDate != Day.lastDay(ofYear: year) {
      _ = try await access.unit(code: code, on: sheet.evaluationDate)
    }
    return sheet
  }

  static func code(_ context: AppRequestContext) throws -> String {
    // Path parameters arrive still percent-encoded; links encode codes.
    let raw = try context.parameters.require("code")
    return raw.removingPercentEncoding ?? raw
  }

  /// The year asked for; without one, the year whose evaluation is under way (the evaluation runs from
  /// the last quarter of a year into the first months of the next).
  static func year(_ text: String?, today day: Day) throws -> Int {
    guard let text, !text.isEmpty else {
      let today = day.components
      return today.month >= 10 ? today.year : today.year - 1
    }
    guard let year = Int(text), (1930...2200).contains(year) else {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ", message: "Năm “\(text)” không hợp lệ: hãy nhập năm như 2023.")
    }
    return year
  }
}
