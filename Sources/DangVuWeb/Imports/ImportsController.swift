import DangVuCore
import DangVuStore
import Hummingbird
import Logging

/// Uploads on the web (`/nhap-tep`): a file is checked whole and previewed, nothing written; the confirmation
/// writes exactly the checked file (by its SHA-256), in the background, with a page that shows its progress.
/// Each role imports only the kinds it may write, and only into its subtree.
struct ImportsController {
  let store: any PartyStore
  let uploads: CheckedUploads
  let jobs: ImportJobs

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("nhap-tep", use: form)
    router.post("nhap-tep", use: check)
    router.post("nhap-tep/xac-nhan", use: confirm)
    router.get("nhap-tep/tien-do/:job", use: progress)
  }

  /// The kinds the principal may import; none refuses the page.
  static func kinds(_ context: AppRequestContext) throws -> (Principal, [ImportFileKind]) {
    guard let principal = context.principal else { throw AccessError.signInRequired }
    let kinds = ImportFileKind.allCases.filter { principal.allows($0.permission) }
    guard !kinds.isEmpty else { throw AccessError.forbidden }
    return (principal, kinds)
  }

  @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (_, kinds) = try Self.kinds(context)
    let asked = request.queryValue("loai").flatMap(ImportFileKind.init(rawValue:))
    let choice = ImportPageView.Choice(kind: asked.flatMap { kinds.contains($0) ? $0 : nil } ?? kinds.first)
    return try HTMLPage(
      html: ImportPageView.page(ImportPageView.form(kinds: kinds, choice: choice, csrf: CSRF.field(context)))
    )
    .response(from: request, context: context)
  }

  @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (principal, kinds) = try Self.kinds(context)
    AuditRecorder.noEntryNeeded()
    let upload = try await UploadedForm(request)
    var choice = ImportPageView.Choice(
      kind: upload.fields["loai"].flatMap(ImportFileKind.init(rawValue:)), sheet: upload.fields["trang"] ?? "",
      year: upload.fields["nam"] ?? "")
    var problems: [String: String] = [:]
    if choice.kind.map(kinds.contains) != true { problems["loai"] = "Hãy chọn một loại dữ liệu trong danh sách." }
    if upload.file == nil { problems["tep"] = "Hãy chọn tệp cần nhập." }
    let year = ImportRequest.year(choice.year, kind: choice.kind, problems: &problems)
    guard problems.isEmpty, let kind = choice.kind, let file = upload.file else {
      choice.kind = choice.kind ?? kinds.first
      let html = ImportPageView.page(
        ImportPageView.form(kinds: kinds, choice: choice, problems: problems, csrf: CSRF.field(context)))
      return try HTMLPage(status: .unprocessableContent, html: html).response(from: request, context: context)
    }
    let sheet = choice.sheet.isEmpty ? nil : choice.sheet
    let outcome = try await ImportRequest.check(
      file, kind: kind, sheet: sheet, year: year, principal: principal, on: context.today, store: store)
    if outcome.isAccepted {
      uploads.keep(
        CheckedUploads.Upload(
          kind: kind, fileName: file.name, sha256: outcome.sha256, sheet: sheet, year: year, rows: outcome.rows,
          bytes: file.bytes, checked: .now), for: principal.login)
    }
    let html = ImportPageView.preview(
      outcome, fileName: file.name, kinds: kinds, choice: choice, csrf: CSRF.field(context))
    return try HTMLPage(status: outcome.isAccepted ? .ok : .unprocessableContent, html: html)
      .response(from: request, context: context)
  }

  struct Confirmation: Decodable {
    var sha256: String?
  }

  @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (principal, _) = try Self.kinds(context)
    let sha256 = try await SubmittedForm(request).decode(Confirmation.self).sha256 ?? ""
    guard let upload = uploads.take(sha256, for: principal.login), let bytes = upload.bytes else {
      throw ImportRequest.notChecked
    }
    guard principal.allows(upload.kind.permission) else { throw AccessError.forbidden }
    // The store appends the import's one audit entry in the transaction that writes its rows.
    AuditRecorder.recordedByStore()
    let (store, today) = (store, context.today)
    let id = jobs.start(login: principal.login, fileName: upload.fileName, kind: upload.kind) { progress in
      try await ImportRequest.write(
        bytes, upload, principal: principal, on: today, progress: progress, store: store)
    }
    return Response(status: .seeOther, headers: [.location: Links.importProgress(id)])
  }

  @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
    let (principal, _) = try Self.kinds(context)
    guard let job = jobs.job(context.parameters.get("job") ?? "", for: principal.login) else {
      throw PageError(
        status: .notFound, title: "Không có lượt nhập này",
        message: "Không có lượt nhập tệp này (hoặc đã kết thúc quá một giờ).", code: "import.unknownJob")
    }
    return try HTMLPage(html: ImportPageView.progress(job)).response(from: request, context: context)
  }
}
