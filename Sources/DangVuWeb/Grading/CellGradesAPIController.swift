import DangVuCore
import DangVuStore
import Hummingbird

/// A cell's grades of a year in the JSON API (`openapi.yaml`, "evaluation"): read them with their version,
/// and replace them from that version, all or none.
struct CellGradesAPIController {
  let store: any AccessStore & CellGrading

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("api/units/:code/grades/:year", use: show)
    router.put("api/units/:code/grades/:year", use: update)
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readRecords, context, store: store)
    let sheet = try await CellGradingController.sheet(
      code: try CellGradingController.code(context), year: try Self.year(context), access: access, store: store)
    return try MemberAPIController.json(.ok, CellGradesJSON(sheet))
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.editGrades, context, store: store)
    let code = try CellGradingController.code(context)
    let year = try Self.year(context)
    // Read first for what it checks: the cell is in the subtree and a cycle covers it (404 otherwise).
    let current = try await CellGradingController.sheet(code: code, year: year, access: access, store: store)
    let regulation = Regulation.withID(current.regulation)
    let body = try await SubmittedJSON(request).decode(CellGradesUpdate.self)
    guard let version = body.version else {
      return MemberAPIController.invalid(
        FieldProblems(fields: [
          "version": "Hãy gửi kèm “version”: phiên bản của kết quả xếp loại mà thay đổi này dựa trên."
        ]))
    }
    var inputs: [CellGradeInput] = []
    var errors: [Int64: String] = [:]
    for entry in body.grades {
      var outcome = entry.outcome.flatMap(GradeOutcome.init(code:))
      if entry.outcome == nil, let sheet = entry.sheet, let regulation {
        // Points and no grade: the band of their total (the store checks the sheet again when it saves).
        do {
          outcome = try regulation.outcome(nil, sheet: sheet, for: .member, of: "Đảng viên mã số \(entry.memberID)")
            .outcome
        } catch {
          errors[entry.memberID] = error.message
          continue
        }
      }
      guard let outcome else {
        errors[entry.memberID] =
          "Mức xếp loại “\(entry.outcome ?? "")” không hợp lệ: dùng excellent, good, complete, notComplete "
          + "hoặc notEvaluated.<lý do>."
        continue
      }
      let sick = entry.sickLeaveMonths ?? 0
      guard (0...CellGradingEntries.maxSickLeaveMonths).contains(sick) else {
        errors[entry.memberID] =
          "Số tháng nghỉ ốm \(sick) không hợp lệ: từ 0 đến \(CellGradingEntries.maxSickLeaveMonths)."
        continue
      }
      inputs.append(
        CellGradeInput(memberID: entry.memberID, outcome: outcome, sheet: entry.sheet, sickLeaveMonths: sick))
    }
    guard errors.isEmpty else { return Self.refused(errors) }
    do {
      let saved = try await store.gradeCell(
        code: code, year: year, entries: inputs, expectedVersion: version, by: AuditActor(access.principal))
      AuditRecorder.recordedByStore()
      return try MemberAPIController.json(.ok, CellGradesJSON(saved))
    } catch let refused as CellGradingRefused {
      return Self.refused(refused.reasons)
    } catch let stale as StaleVersion<CellGradeSheet> {
      throw StaleEditError(
        message:
          "Kết quả xếp loại của \(stale.current.cellName) năm \(year) đã được lưu sau phiên bản \(version) "
          + "(nay là phiên bản \(stale.current.version)); không có gì được ghi. Hãy xem kết quả mới trong details, "
          + "rồi gửi lại với version \(stale.current.version).",
        current: CellGradesJSON(stale.current))
    }
  }

  static func year(_ context: AppRequestContext) throws -> Int {
    guard let year = context.parameters.get("year", as: Int.self), (1930...2200).contains(year) else {
      throw PageError(
        status: .badRequest, title: "Năm không hợp lệ",
        message: "Năm trong địa chỉ không hợp lệ: hãy dùng năm như 2023.")
    }
    return year
  }

  static func refused(_ reasons: [Int64: String]) -> Response {
    APIError.response(
      status: .unprocessableContent, code: "evaluation.rowsRefused",
      message: "Không lưu gì: có \(reasons.count) dòng không hợp lệ, lý do của từng dòng trong details.rows.",
      details: RowErrorsJSON(reasons))
  }
}
