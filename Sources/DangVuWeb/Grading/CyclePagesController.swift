import DangVuCore
import DangVuStore
import Hummingbird

/// Cycles of a term, quarter or ad hoc under 366-QĐ/TW on a page (decision 0035): `GET /to-chuc/{code}/dot-danh-gia`
/// shows the form to open one (for the organisation commission, `approveGrades`) and the form to score one subject
/// per criterion group (`editGrades`); `POST` does either and comes back with what was done, or shows the page
/// again with the refusal and what was typed. The same store calls, checks and audit entries as the API.
struct CyclePagesController {
  let store: any CycleEvaluationStore & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("to-chuc/:code/dot-danh-gia", use: show)
    router.post("to-chuc/:code/dot-danh-gia", use: submit)
  }

  struct Fields: Decodable, Sendable {
    var action: String?
    var dot: String?
    var ky: String?
    var ngay: String?
    var card: String?
    var unit: String?
    var framework: String?
    var general: String?
    var tasks: String?
    var onTime: String?
    var beyond: String?
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
    let access = try Access.require(.editGrades, context, store: store)
    let unit = try await access.unit(code: try CellGradingController.code(context), on: context.today)
    let done = request.queryValue("da").map { HTML("<p class=\"notice\" role=\"status\">\($0)</p>") }
    return HTMLPage(
      status: .ok, html: CyclePageView.render(unit: unit, access: access, csrf: CSRF.field(context), message: done))
  }

  @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    let unit = try await access.unit(code: try CellGradingController.code(context), on: context.today)
    let fields = try await SubmittedForm(request).decode(Fields.self)
    do {
      let kind = CycleKind(rawValue: fields.dot ?? "") ?? .quarter
      let cycle = try CyclePeriod(kind: kind, parsing: fields.ky ?? "")
      let done: String
      if fields.action == "open" {
        guard access.principal.allows(.approveGrades) else { throw AccessError.forbidden }
        guard let date = Day(parsing: fields.ngay ?? "") else {
          throw DomainError("evaluation.badDate", "Không đọc được ngày đánh giá \"\(fields.ngay ?? "")\".")
        }
        let opened = try await store.openEvaluationCycle(
          scope: unit.code, cycle, evaluationDate: date, by: AuditActor(access.principal))
        done =
          "Đã mở đợt đánh giá \(opened.nameVi) cho \(unit.name), ngày đánh giá \(date.vietnamese), theo \(opened.regulation)."
      } else {
        let subject: GradedSubject
        if let card = fields.card?.trimmingCharacters(in: .whitespaces), !card.isEmpty {
          guard let member = try await store.member(cardNumber: card) else {
            throw DomainError("member.unknown", "Không tìm thấy đảng viên có số thẻ \(card).")
          }
          subject = .member(member.id)
        } else if let code = fields.unit?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
          subject = .organisation(code: code)
        } else {
          throw DomainError("evaluation.oneSubject", "Hãy ghi số thẻ đảng viên hoặc mã tổ chức được chấm điểm.")
        }
        guard let framework = SubjectGroup(rawValue: fields.framework ?? "") else {
          throw DomainError("evaluation.frameworkMissing", "Hãy chọn khung tiêu chí.")
        }
        var criteria: [String: Int] = [:]
        for (id, text) in [("general", fields.general), ("tasks", fields.tasks)] {
          if let text, let points = Int(text.trimmingCharacters(in: .whitespaces)) { criteria[id] = points }
        }
        let recorded = try await store.recordScoredGrades(
          [
            ScoredGradeEntry(
              subject: subject, framework: framework, criteria: criteria, allTasksOnTime: fields.onTime == "on",
              beyondRequirementPercent: fields.beyond.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
          ], in: cycle, scope: unit.code, by: AuditActor(access.principal))
        done = recorded.map {
          "\($0.subjectName): \($0.score.map { "\($0) điểm, " } ?? "")\($0.outcome.nameVi(for: $0.subject.reasonSubject)) (\(cycle.nameVi))."
        }.joined(separator: " ")
      }
      AuditRecorder.recordedByStore()
      return .redirect(
        to: "/to-chuc/\(Links.encode(unit.code, allowed: .urlPathAllowed))/dot-danh-gia?da="
          + Links.encode(done, allowed: .alphanumerics), type: .normal)
    } catch let error as DomainError {
      return try refused(error.message, fields, unit, access, context, request)
    } catch let error as BatchItemError {
      return try refused(error.error.message, fields, unit, access, context, request)
    }
  }

  private func refused(
    _ message: String, _ fields: Fields, _ unit: Organisation, _ access: Access, _ context: AppRequestContext,
    _ request: Request
  ) throws -> Response {
    try HTMLPage(
      status: .unprocessableContent,
      html: CyclePageView.render(
        unit: unit, access: access, csrf: CSRF.field(context),
        message: HTML("<p class=\"error\" role=\"alert\">\(message) Không có gì được ghi.</p>"),
        typed: fields)
    ).response(from: request, context: context)
  }
}
