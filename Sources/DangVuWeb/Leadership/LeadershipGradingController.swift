import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// Grading a unit's leadership on one page (`GET|POST /to-chuc/{code}/xep-loai-lanh-dao?nam=2025`): each member
/// holding a post in the unit on the evaluation date, graded as a cadre (besides their member grade), each
/// collective of the unit serving then, and each party organisation directly below it then. The rows come from the posts and collectives users recorded; the grades
/// go through `recordGrades`, so the rules (a collective with a member warned or worse is not complete; a cadre
/// disciplined in the year…) apply as for every other path. Under 366-QĐ/TW each row carries its score sheet (fields
/// `<row>-framework`, `<row>-general`, `<row>-tasks`, `<row>-onTime`, `<row>-beyond`); with points and no grade chosen
/// the grade is the band of their total. All rows are saved or none.
struct LeadershipGradingController {
  let store: any PartyStore
  /// The rows of a unit's year, kept while the store is unchanged: a province's page reads its posts, collectives,
  /// units below and their grades (1.8 ms a request at national scale) and is opened far more often than saved.
  let kept = GenerationCache<LeadershipGradingRows>()

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/xep-loai-lanh-dao", use: show)
    router.post("to-chuc/:code/xep-loai-lanh-dao", use: save)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editGrades, context, store: store)
    let year = try CellGradingController.year(request.queryValue("nam"), today: context.today)
    var model = try await model(context, access, year: year)
    model.justSaved = request.queryValue("da-luu") == "1"
    return HTMLPage(html: LeadershipGradingView.render(model))
  }

  @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    _ = try await LeadershipPagesController.unit(context, access)
    let fields = try await SubmittedForm(request).decode([String: String].self)
    let year = try CellGradingController.year(fields["nam"], today: context.today)
    var model = try await model(context, access, year: year)
    var entries: [GradeEntry] = []
    var rows: [String] = []
    for row in model.rows {
      let typed = (fields[row.key] ?? "").trimmingCharacters(in: .whitespaces)
      model.typed[row.key] = typed
      let sheet = TypedScoreSheet(fields: fields, name: { "\(row.key)-\($0)" }, regulation: model.regulation)
      model.typedSheets[row.key] = sheet
      do {
        guard
          let (outcome, scored) = try TypedScoreSheet.proposal(
            grade: typed, sheet: sheet, regulation: model.regulation, subject: row.subjectClass,
            usual: row.subject.usualFramework, name: row.label)
        else { continue }
        entries.append(GradeEntry(subject: row.subject, outcome: outcome, sheet: scored))
        rows.append(row.key)
      } catch {
        model.errors[row.key] = error.message
      }
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

  /// The unit (inside the subtree) with its rows for the year and what is saved.
  func model(_ context: AppRequestContext, _ access: Access, year: Int) async throws -> LeadershipGradingModel {
    let unit = try await LeadershipPagesController.unit(context, access)
    var model = LeadershipGradingModel(unit: unit, year: year, csrf: CSRF.field(context))
    let rows = try await kept.value(key: "\(unit.code)|\(year)", of: store) {
      try await LeadershipGradingRows(of: unit.code, year: year, store: store)
    }
    model.evaluationDate = rows.evaluationDate
    model.regulation = rows.regulation
    model.rows = rows.rows
    model.saved = rows.saved
    model.typed = rows.saved.mapValues(\.outcome.code)
    model.typedSheets = rows.saved.mapValues { TypedScoreSheet($0.sheet) }
    return model
  }
}

/// What a unit's leadership grading page lists for a year: on the evaluation date of the cycle covering the unit,
/// each member holding a post in it (graded once as a cadre, however many posts), each collective serving then and
/// each party organisation directly below it then (its grade is counted at this unit), with the grades saved.
struct LeadershipGradingRows: Sendable {
  /// nil when no cycle covers the unit for the year.
  var evaluationDate: Day?
  /// The cycle's regulation (with its frameworks under 366-QĐ/TW).
  var regulation: Regulation?
  var rows: [LeadershipGradingModel.Row] = []
  var saved: [String: RecordedGrade] = [:]

  init(of code: String, year: Int, store: any PartyStore) async throws {
    guard let cycle = try await store.cycleCovering(code: code, year: year) else { return }
    let day = cycle.evaluationDate
    evaluationDate = day
    regulation = Regulation.withID(cycle.regulation)
    var seen = Set<Int64>()
    for post in try await store.posts(ofUnit: code) where post.post.holds(on: day) {
      guard seen.insert(post.post.memberID).inserted else { continue }
      rows.append(
        .init(
          key: "cadre-\(post.post.memberID)", subject: .leadershipCadre(memberID: post.post.memberID),
          subjectClass: .leadershipCadre, label: post.memberName,
          detail: "\(post.title), từ \(post.post.from.vietnamese)"))
    }
    for collective in try await store.collectives(ofUnit: code)
    where collective.collective.formed <= day && (collective.collective.ended.map { day < $0 } ?? true) {
      rows.append(
        .init(
          key: "collective-\(collective.collective.id)", subject: .leadershipCollective(collective.collective.id),
          subjectClass: .leadershipCollective, label: collective.collective.name,
          detail: "\(collective.seats.count) thành viên, nhiệm kỳ từ \(collective.collective.formed.vietnamese)"))
    }
    for child in try await store.children(of: code, on: day) {
      rows.append(
        .init(
          key: "unit-\(child.id)", subject: .organisation(code: child.code), subjectClass: .organisation(child.kind),
          label: child.name,
          detail: "tổ chức trực thuộc, mã \(child.code)"))
    }
    let grades = try await store.grades(of: rows.map(\.subject), year: year, cycleOf: code)
    let keys = Dictionary(rows.map { ($0.subject, $0.key) }, uniquingKeysWith: { first, _ in first })
    for grade in grades {
      if let key = keys[grade.subject] { saved[key] = grade }
    }
  }
}

struct LeadershipGradingModel: Sendable {
  struct Row: Sendable {
    var key: String
    var subject: GradedSubject
    var subjectClass: SubjectClass
    var label: String
    var detail: String
  }

  var unit: Organisation
  var year: Int
  /// nil when no cycle covers the unit for the year.
  var evaluationDate: Day?
  var regulation: Regulation?
  var rows: [Row] = []
  var typed: [String: String] = [:]
  /// Under 366-QĐ/TW, each row's score sheet as typed (or saved).
  var typedSheets: [String: TypedScoreSheet] = [:]
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
