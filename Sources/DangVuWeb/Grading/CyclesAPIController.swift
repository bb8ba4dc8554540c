import DangVuCore
import DangVuStore
import Hummingbird

/// Cycles of a term, quarter or ad hoc under 366-QĐ/TW in the JSON API (`openapi.yaml`, "evaluation";
/// docs/decisions/0035-cycles-and-frameworks-under-366.md): open one, score subjects per criterion group, and read
/// its report (`GET /api/reports/evaluation?kind=…&period=…`, in `ReportsController`).
struct CyclesAPIController {
  let store: any CycleEvaluationStore & EvaluationStore & AccessStore

  func addRoutes(to router: Router<AppRequestContext>) {
    router.post("api/units/:code/cycles", use: open)
    router.post("api/units/:code/cycles/:kind/:period/scores", use: score)
    router.get("api/units/:code/cycles/:kind/:period/scores", use: scores)
  }

  /// The grades of the unit's subtree in the cycle covering it, with their scores.
  @Sendable func scores(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let unit = try await access.unit(
      code: try CellGradingController.code(context), on: (try? Self.cycle(context))?.period.through ?? context.today)
    let period = try Self.cycle(context)
    return try MemberAPIController.json(
      .ok, Scored(cycle: period.nameVi, grades: try await store.grades(of: unit.code, in: period)))
  }

  struct OpenFields: Decodable {
    var kind: CycleKind
    var period: String
    var evaluationDate: String
  }

  /// A cycle as the API shows it: its kind, its period as sent back ("2026-Q1") and named ("quý I năm 2026").
  struct CycleJSON: Encodable {
    var scopeCode: String
    var kind: CycleKind
    var period: String
    var name: String
    var from: Day
    var through: Day
    var evaluationDate: Day
    var regulation: String

    init(_ cycle: EvaluationCycle, _ period: CyclePeriod) {
      scopeCode = cycle.scopeCode
      kind = period.kind
      self.period = period.code
      name = period.nameVi
      from = period.period.from
      through = period.period.through
      evaluationDate = cycle.evaluationDate
      regulation = cycle.regulation
    }
  }

  /// Opening a cycle is the organisation commission's (the role that approves grades): `approveGrades`.
  @Sendable func open(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.approveGrades, context, store: store)
    let unit = try await access.unit(code: try CellGradingController.code(context), on: context.today)
    let fields = try await SubmittedJSON(request).decode(OpenFields.self)
    let period = try CyclePeriod(kind: fields.kind, parsing: fields.period)
    guard let date = Day(parsing: fields.evaluationDate) else {
      throw DomainError(
        "evaluation.badDate", "Không đọc được ngày đánh giá \"\(fields.evaluationDate)\": hãy ghi 2026-03-31.")
    }
    let cycle = try await store.openEvaluationCycle(
      scope: unit.code, period, evaluationDate: date, by: AuditActor(access.principal))
    AuditRecorder.recordedByStore()
    return try MemberAPIController.json(.created, CycleJSON(cycle, period))
  }

  struct ScoreFields: Decodable {
    struct Entry: Decodable {
      var memberID: Int64?
      var cadreMemberID: Int64?
      var unitCode: String?
      var collectiveID: Int64?
      var framework: SubjectGroup
      var criteria: [String: Int]
      var allTasksOnTime: Bool?
      var beyondRequirementPercent: Int?
      var sickLeaveMonths: Int?
    }
    var grades: [Entry]
  }

  struct Scored: Encodable {
    var cycle: String
    var grades: [RecordedGrade]
  }

  @Sendable func score(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    // The unit first: an address aimed outside the subtree is 404 whatever its cycle says.
    let unit = try await access.unit(
      code: try CellGradingController.code(context), on: (try? Self.cycle(context))?.period.through ?? context.today)
    let period = try Self.cycle(context)
    let body = try await SubmittedJSON(request).decode(ScoreFields.self)
    var entries: [ScoredGradeEntry] = []
    for (index, e) in body.grades.enumerated() {
      let subject: GradedSubject
      switch (e.memberID, e.cadreMemberID, e.unitCode, e.collectiveID) {
      case (let id?, nil, nil, nil): subject = .member(id)
      case (nil, let id?, nil, nil): subject = .leadershipCadre(memberID: id)
      case (nil, nil, let code?, nil): subject = .organisation(code: code)
      case (nil, nil, nil, let id?): subject = .leadershipCollective(id)
      default:
        throw DomainError(
          "evaluation.oneSubject",
          "Mục \(index + 1): hãy ghi đúng một đối tượng: memberID, cadreMemberID, unitCode hoặc collectiveID.")
      }
      entries.append(
        ScoredGradeEntry(
          subject: subject, framework: e.framework, criteria: e.criteria, allTasksOnTime: e.allTasksOnTime,
          beyondRequirementPercent: e.beyondRequirementPercent, sickLeaveMonths: e.sickLeaveMonths ?? 0))
    }
    do {
      let recorded = try await store.recordScoredGrades(
        entries, in: period, scope: unit.code, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return try MemberAPIController.json(.ok, Scored(cycle: period.nameVi, grades: recorded))
    } catch let refused as BatchItemError {
      // Nothing was written: which row and why, under the refusal's own code.
      return APIError.response(
        status: .unprocessableContent, code: refused.error.code,
        message: "Mục \(refused.index + 1): \(refused.error.message) Không có gì được ghi.")
    }
  }

  /// The cycle named by the path's kind and period.
  static func cycle(_ context: AppRequestContext) throws -> CyclePeriod {
    guard let kindText = context.parameters.get("kind"), let kind = CycleKind(rawValue: kindText),
      let period = context.parameters.get("period")
    else {
      throw PageError(
        status: .badRequest, title: "Đợt đánh giá không hợp lệ",
        message: "Loại đợt đánh giá trong địa chỉ phải là term, quarter hoặc adHoc.")
    }
    return try CyclePeriod(kind: kind, parsing: period)
  }
}
