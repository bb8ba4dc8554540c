import DangVuCore
import DangVuStore
import Hummingbird

/// Imports in the JSON API: `POST /api/imports/{kind}/check` with the file as the body checks it whole and writes
/// nothing; `POST /api/imports/{kind}?sha256=…` with the same file writes it, refused when the file is not the
/// one checked (another hash) or was not checked by this account. Both inside the account's subtree.
struct ImportsAPIController {
  let store: any PartyStore
  let uploads: CheckedUploads

  func addRoutes(to router: Router<AppRequestContext>) {
    router.post("api/imports/:kind/check", use: check)
    router.post("api/imports/:kind", use: write)
  }

  @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (principal, kind, file, sheet, year) = try await Self.read(request, context)
    AuditRecorder.noEntryNeeded()
    let outcome = try await ImportRequest.check(
      file, kind: kind, sheet: sheet, year: year, principal: principal, on: context.today, store: store)
    guard outcome.isAccepted else { return Self.refused(outcome, file: file.name) }
    uploads.keep(
      CheckedUploads.Upload(
        kind: kind, fileName: file.name, sha256: outcome.sha256, sheet: sheet, year: year, rows: outcome.rows,
        bytes: nil, checked: .now), for: principal.login)
    return try JSONResponse(ImportOutcomeJSON(outcome, file: file.name)).response(from: request, context: context)
  }

  @Sendable func write(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (principal, kind, file, sheet, year) = try await Self.read(request, context)
    guard let expected = request.queryValue("sha256"), !expected.isEmpty else {
      throw PageError(
        status: .badRequest, title: "Thiếu mã tệp",
        message: "Hãy gửi sha256 (của lần kiểm tra) trong địa chỉ: /api/imports/\(kind.rawValue)?sha256=….",
        code: "import.sha256Missing")
    }
    let sent = AuditChain.sha256Hex(file.bytes)
    guard sent == expected.lowercased() else {
      throw PageError(
        status: .conflict, title: "Tệp đã thay đổi",
        message:
          "Tệp gửi lên (SHA-256 \(sent)) không phải tệp đã kiểm tra (\(expected)); không có gì được ghi. Hãy kiểm "
          + "tra lại tệp này trước.", code: "import.fileChanged")
    }
    guard let upload = uploads.take(sent, for: principal.login), upload.kind == kind else {
      throw ImportRequest.notChecked
    }
    // The store appends the import's one audit entry in the transaction that writes its rows.
    AuditRecorder.recordedByStore()
    var checked = upload
    (checked.sheet, checked.year) = (sheet ?? upload.sheet, year ?? upload.year)
    let outcome = try await ImportRequest.write(
      file.bytes, checked, principal: principal, on: context.today, store: store)
    guard outcome.isAccepted else { return Self.refused(outcome, file: file.name) }
    return try JSONResponse(ImportOutcomeJSON(outcome, file: file.name), status: .created)
      .response(from: request, context: context)
  }

  /// The kind (its permission checked), the body as the file, and the options in the query.
  private static func read(_ request: Request, _ context: AppRequestContext) async throws -> (
    Principal, ImportFileKind, (name: String, bytes: [UInt8]), String?, Int?
  ) {
    guard let principal = context.principal else { throw AccessError.signInRequired }
    let named = context.parameters.get("kind") ?? ""
    guard let kind = ImportFileKind(rawValue: named) else {
      throw PageError(
        status: .notFound, title: "Không có loại tệp này",
        message:
          "Không có loại tệp “\(named)”; các loại: \(ImportFileKind.allCases.map(\.rawValue).joined(separator: ", ")).",
        code: "import.unknownKind")
    }
    guard principal.allows(kind.permission) else { throw AccessError.forbidden }
    var problems: [String: String] = [:]
    let year = ImportRequest.year(request.queryValue("year") ?? "", kind: kind, problems: &problems)
    if let problem = problems["nam"] {
      throw PageError(status: .unprocessableContent, title: "Năm không hợp lệ", message: problem, code: "import.year")
    }
    let body = try await request.body.collect(upTo: UploadedForm.limit)
    guard body.readableBytes > 0 else {
      throw PageError(
        status: .badRequest, title: "Tệp trống", message: "Hãy gửi nội dung tệp CSV hoặc XLSX làm thân yêu cầu.",
        code: "import.empty")
    }
    let name = request.queryValue("name").flatMap { $0.isEmpty ? nil : $0 } ?? "\(kind.rawValue) (API)"
    let sheet = request.queryValue("sheet").flatMap { $0.isEmpty ? nil : $0 }
    return (principal, kind, (name, Array(body.readableBytesView)), sheet, year)
  }

  private static func refused(_ outcome: ImportOutcome, file: String) -> Response {
    APIError.response(
      status: .unprocessableContent, code: "import.refused",
      message:
        "Tệp có \(VietnameseNumber.count(outcome.issues.count)) lỗi nên không có gì được ghi; từng lỗi và vị trí của "
        + "nó có trong details.issues.",
      details: ImportOutcomeJSON(outcome, file: file))
  }
}
