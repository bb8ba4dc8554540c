import DangVuCore
import DangVuStore
import Hummingbird

/// The three reports, as pages with their downloads (`/bao-cao/…`) and as JSON (`/api/reports/…`).
/// Every route needs `readReports`, and the subtree it names must be inside the principal's.
struct ReportsController {
  let store: any ReportingStore
  /// Where the JSON answers are computed: `store`, or a read replica that has caught up with it.
  let reads: ReportReads
  /// The JSON answers, kept until the data changes.
  let cache = ReportCache()

  init(store: any ReportingStore, replica: (any ReportingStore)? = nil) {
    self.store = store
    reads = ReportReads(primary: store, replica: replica)
  }

  func addRoutes(to router: Router<AppRequestContext>) {
    router.get("bao-cao/danh-gia", use: evaluationPage)
    router.get("bao-cao/dang-vien", use: membershipPage)
    router.get("bao-cao/kiem-tra", use: oversightPage)
    router.get("api/reports/evaluation", use: evaluationJSON)
    router.get("api/reports/membership", use: membershipJSON)
    router.get("api/reports/oversight", use: oversightJSON)
  }

  // MARK: Evaluation

  @Sendable func evaluationPage(_ request: Request, context: AppRequestContext) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let format = try ReportParameters.format(request)
    let today = context.today
    if let cycle = try Self.cycle(request, kind: "dot", period: "ky") {
      return try await evaluationPage(cycle, request: request, context: context, access: access, format: format)
    }
    let year = try ReportParameters.year(request, names: .page)
    let scope = try await ReportScopePicker.requestedScope(
      request, name: "to-chuc", access: access, on: Self.scopeDay(year: year, today: today))
    if let format {
      let report = try await Self.evaluation(year: year, scope: scope, today: today, in: store)
      return try await evaluationDownload(
        report, of: scope, format: format, fileStem: "\(report.year)",
        issuedOn: Self.scopeDay(year: report.year, today: today),
        today: today, request, context)
    }
    let model = try await EvaluationPageModel.load(
      store: store, access: access, scopeCode: scope, year: year, today: today)
    return try HTMLPage(status: model.report == nil ? .notFound : .ok, html: EvaluationPageView.render(model))
      .response(from: request, context: context)
  }

  @Sendable func evaluationJSON(_ request: Request, context: AppRequestContext) async throws -> ReportJSON {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    if let cycle = try Self.cycle(request) {
      // A cycle of a term, quarter or ad hoc (366-QĐ/TW): its own report, naming it.
      let scope = try await access.reportScope(request.queryValue("org"), on: min(today, cycle.period.through))
      return try await cached("evaluation|\(cycle.kind.rawValue)|\(cycle.code)|\(scope)|\(today.iso)") { store in
        try await store.evaluationReport(cycle, scope: scope)
      }
    }
    let year = try ReportParameters.year(request, names: .api)
    let scope = try await access.reportScope(
      request.queryValue("org"), on: Self.scopeDay(year: year, today: today))
    return try await cached("evaluation|\(year.map(String.init) ?? "latest")|\(scope)|\(today.iso)") { store in
      try await Self.evaluation(year: year, scope: scope, today: today, in: store)
    }
  }

  /// The cycle other than the year that `kind` and `period` name, or nil for the yearly report. A page's form sends
  /// its empty field for "the year"; the API refuses an empty `kind`, as it does every empty parameter.
  static func cycle(_ request: Request, kind: String = "kind", period: String = "period") throws -> CyclePeriod? {
    guard let text = request.queryValue(kind), !(text.isEmpty && !request.isAPI) else { return nil }
    guard let kind = CycleKind(rawValue: text), kind != .year else {
      throw DomainError("evaluation.cycleKind", "Loại đợt đánh giá \"\(text)\" không hợp lệ: term, quarter hoặc adHoc.")
    }
    return try CyclePeriod(kind: kind, parsing: request.queryValue(period) ?? "")
  }

  /// The page (or a download) of a cycle's report: 404 naming the cycle when none covers the subtree.
  private func evaluationPage(
    _ cycle: CyclePeriod, request: Request, context: AppRequestContext, access: Access, format: ReportFormat?
  ) async throws -> Response {
    let day = min(context.today, cycle.period.through)
    let scope = try await ReportScopePicker.requestedScope(request, name: "to-chuc", access: access, on: day)
    guard try await store.cycleCovering(code: scope, cycle) != nil else {
      throw PageError(
        status: .notFound, title: "Chưa có đợt đánh giá",
        message: "Chưa mở đợt đánh giá, xếp loại \(cycle.nameVi) cho \(scope) hoặc cấp trên.",
        code: "evaluation.noCycle")
    }
    let report = try await store.evaluationReport(cycle, scope: scope)
    if let format {
      return try await evaluationDownload(
        report, of: scope, format: format, fileStem: cycle.code, issuedOn: day, today: context.today, request, context)
    }
    let picker = try await ReportScopePicker.load(
      access: access, store: store, selected: scope, selectedName: report.scopeName, on: day)
    let cycles = try await store.cyclesCovering(code: scope)
    return try HTMLPage(
      status: .ok, html: EvaluationPageView.render(cycle: cycle, report, picker: picker, cycles: cycles)
    )
    .response(from: request, context: context)
  }

  /// The year's report, or 404 saying no cycle covers the subtree that year.
  /// The evaluation report as a file (CSV, XLSX, text or DOCX), yearly or of another cycle: `fileStem` names the year
  /// or the cycle, `issuedOn` the day whose committee issues it.
  private func evaluationDownload(
    _ report: EvaluationReport, of scope: String, format: ReportFormat, fileStem: String, issuedOn day: Day, today: Day,
    _ request: Request, _ context: AppRequestContext
  ) async throws -> Response {
    let issuer = try await store.reportIssuer(scope: scope, on: day)
    let options = try ReportParameters.documentOptions(request, today: today)
    return try ReportDownload(
      report, format: format, dialect: try ReportParameters.csvDialect(request),
      fileName: "bao-cao-danh-gia-\(fileStem)-\(scope)", sheet: "Đánh giá, xếp loại",
      csv: EvaluationReportCSV.rows,
      text: EvaluationNarrative.text, document: { .evaluation($0, issuer: issuer, options: options) }
    ).response(from: request, context: context)
  }

  private static func evaluation(year asked: Int?, scope: String, today: Day, in store: any ReportingStore)
    async throws -> EvaluationReport
  {
    var year = asked
    if year == nil { year = try await EvaluationPageModel.latestYear(store: store, scopeCode: scope, today: today) }
    guard let year, let report = try await EvaluationPageModel.report(store: store, scopeCode: scope, year: year)
    else {
      throw PageError(
        status: .notFound, title: "Chưa có đợt đánh giá",
        message:
          "Chưa mở đợt đánh giá, xếp loại năm \(asked.map(String.init) ?? "gần đây") cho \(scope) hoặc cấp trên. "
          + "Hãy chọn năm khác, ví dụ năm trước.",
        code: "evaluation.noCycle")
    }
    return report
  }

  /// The subtree is checked on the last day of the year looked at (the tree its report uses), or today.
  static func scopeDay(year: Int?, today: Day) -> Day {
    guard let year, let end = Day(year: year, month: 12, day: 31) else { return today }
    return min(today, end)
  }

  // MARK: Membership

  @Sendable func membershipPage(_ request: Request, context: AppRequestContext) async throws -> Response {
    try await periodReportPage(
      request, context, stem: "bao-cao-dang-vien", sheet: "Đảng viên",
      report: { try await store.membershipReport(scope: $0, period: $1) },
      lastRecord: { try await store.lastMembershipRecord(onOrBefore: $0) },
      csv: MembershipReportCSV.rows, text: MembershipNarrative.text, document: PartyReportDocument.membership,
      page: { access, scope, period, today in
        MembershipPageView.render(
          try await MembershipPageModel.load(
            store: store, access: access, scopeCode: scope, period: period, today: today)
        )
      })
  }

  @Sendable func membershipJSON(_ request: Request, context: AppRequestContext) async throws -> ReportJSON {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    let period = try ReportParameters.period(request, names: .api) ?? .year(today.year)
    let scope = try await access.reportScope(request.queryValue("org"), on: min(today, period.through))
    return try await cached("membership|\(Self.key(period))|\(scope)") { store in
      try await store.membershipReport(scope: scope, period: period)
    }
  }

  // MARK: Oversight

  @Sendable func oversightPage(_ request: Request, context: AppRequestContext) async throws -> Response {
    try await periodReportPage(
      request, context, stem: "bao-cao-kiem-tra", sheet: "Kiểm tra, giám sát, kỷ luật",
      report: { try await store.oversightReport(period: $1, scope: $0) },
      lastRecord: { try await store.lastOversightRecord(onOrBefore: $0) },
      csv: OversightReportCSV.rows, text: OversightNarrative.text, document: PartyReportDocument.oversight,
      page: { access, scope, period, today in
        OversightPageView.render(
          try await OversightPageModel.load(
            store: store, access: access, scopeCode: scope, period: period, today: today)
        )
      })
  }

  /// The membership and oversight pages differ only in their report and its page: both take the period
  /// and subtree from the pickers (the latest year with records when none is picked), and send a download when a
  /// format is asked for.
  private func periodReportPage<Report: Encodable>(
    _ request: Request, _ context: AppRequestContext, stem: String, sheet: String,
    report: (String, ReportPeriod) async throws -> Report, lastRecord: (Day) async throws -> Day?,
    csv: (Report) -> [[String]], text: (Report) -> String,
    document: @escaping (Report, IssuingCommittee, PartyReportOptions) -> PartyReportDocument,
    page: (Access, String, ReportPeriod, Day) async throws -> HTML
  ) async throws -> Response {
    let access = try Access.require(.readReports, context, store: store)
    let format = try ReportParameters.format(request)
    let today = context.today
    let period: ReportPeriod
    if let picked = try ReportParameters.period(request, names: .page) {
      period = picked
    } else {
      period = try ReportPeriod.opening(today: today, lastRecord: try await lastRecord(today))
    }
    let scope = try await ReportScopePicker.requestedScope(
      request, name: "to-chuc", access: access, on: min(today, period.through))
    if let format {
      let issuer = try await store.reportIssuer(scope: scope, on: min(today, period.through))
      let options = try ReportParameters.documentOptions(request, today: today)
      return try ReportDownload(
        try await report(scope, period), format: format, dialect: try ReportParameters.csvDialect(request),
        fileName: "\(stem)-\(Self.fileStem(period))-\(scope)", sheet: sheet, csv: csv, text: text,
        document: { document($0, issuer, options) }
      ).response(from: request, context: context)
    }
    return try HTMLPage(html: try await page(access, scope, period, today)).response(from: request, context: context)
  }

  @Sendable func oversightJSON(_ request: Request, context: AppRequestContext) async throws -> ReportJSON {
    let access = try Access.require(.readReports, context, store: store)
    let today = context.today
    let period = try ReportParameters.period(request, names: .api) ?? .year(today.year)
    let scope = try await access.reportScope(request.queryValue("org"), on: min(today, period.through))
    return try await cached("oversight|\(Self.key(period))|\(scope)") { store in
      try await store.oversightReport(period: period, scope: scope)
    }
  }

  /// A report's JSON from the cache while the store has not changed; computed (on the replica when it has caught
  /// up, `ReportReads`) and kept otherwise. Callers have checked the scope, which is part of the key, so an answer
  /// only ever goes to someone allowed it.
  private func cached<Report: Encodable & Sendable>(
    _ key: String, report: @escaping @Sendable (any ReportingStore) async throws -> Report
  ) async throws -> ReportJSON {
    let (source, generation) = try await reads.current()
    return ReportJSON(
      body: try await cache.body(key: key, generation: generation) { try ReportJSON.text(try await report(source)) })
  }

  private static func key(_ period: ReportPeriod) -> String {
    "\(period.kind.rawValue)|\(period.from.iso)|\(period.through.iso)"
  }

  /// "2023-Q1", or "2023-01-01_2023-06-30" for plain dates.
  static func fileStem(_ period: ReportPeriod) -> String {
    ReportParameters.periodText(period) ?? "\(period.from.iso)_\(period.through.iso)"
  }
}
