import DangVuCore

extension ImportFileKind {
  /// Checks a file of this kind (a CSV file, or one sheet of a workbook) and, when the run writes and nothing is
  /// wrong, writes it, all rows or none. File faults come back as the outcome's issues, with a preview of the
  /// first rows, so a page can show both; only a failure of the store itself is thrown. `asWorkbook` says how to
  /// read the bytes when the caller knows (an .xlsx name); nil tells by content.
  public func run(file bytes: [UInt8], asWorkbook: Bool? = nil, _ run: ImportRun, into store: some PartyStore)
    async throws -> ImportOutcome
  {
    let workbook = asWorkbook ?? Self.isWorkbook(bytes)
    run.progress(WorkProgress(phase: ImportRun.phases.read, done: 0, total: bytes.count))
    let sha256 = AuditChain.sha256Hex(bytes)
    // The entry goes to the store with the rows, written in their transaction: both or neither (decision 0034).
    var run = run
    run.entry = run.audit.map {
      ImportAudit(actor: $0.actor, kind: self, fileName: $0.fileName, sha256: sha256, scopeCode: run.scopeCode)
    }
    switch self {
    case .organisations:
      return try await running(sha256, OrganisationsFile.Column.self, bytes, workbook, run, store) {
        try await OrganisationsFile.importing($0, run: run, into: store)
      }
    case .members:
      return try await running(sha256, MembersFile.Column.self, bytes, workbook, run, store) {
        try await MembersFile.importing($0, run: run, into: store)
      }
    case .events:
      return try await running(sha256, EventsFile.Column.self, bytes, workbook, run, store) {
        try await EventsFile.importing($0, run: run, into: store)
      }
    case .population:
      return try await running(sha256, PopulationFile.Column.self, bytes, workbook, run, store) {
        try await PopulationFile.importing($0, run: run, into: store)
      }
    case .inspections:
      return try await running(sha256, InspectionsFile.Column.self, bytes, workbook, run, store) {
        try await InspectionsFile.importing($0, run: run, into: store)
      }
    case .discipline:
      return try await running(sha256, DisciplineFile.Column.self, bytes, workbook, run, store) {
        try await DisciplineFile.importing($0, run: run, into: store)
      }
    case .appeals:
      return try await running(sha256, AppealsFile.Column.self, bytes, workbook, run, store) {
        try await AppealsFile.importing($0, run: run, into: store)
      }
    case .complaints:
      return try await running(sha256, ComplaintsFile.Column.self, bytes, workbook, run, store) {
        try await ComplaintsFile.importing($0, run: run, into: store)
      }
    case .grades:
      return try await running(sha256, GradesFile.Column.self, bytes, workbook, run, store) {
        try await GradesFile.importing($0, run: run, into: store)
      }
    case .posts:
      return try await running(sha256, PostsFile.Column.self, bytes, workbook, run, store) {
        try await PostsFile.importing($0, run: run, into: store)
      }
    case .collectives:
      return try await running(sha256, CollectivesFile.Column.self, bytes, workbook, run, store) {
        try await CollectivesFile.importing($0, run: run, into: store)
      }
    }
  }

  /// The steps every kind shares: read the file into records, hold it to the run's subtree, warn of probable
  /// duplicates, then the kind's own checks (and write).
  private func running<Column: FileColumn>(
    _ sha256: String, _ column: Column.Type, _ bytes: [UInt8], _ workbook: Bool, _ run: ImportRun,
    _ store: some PartyStore,
    importer: (CSVDocument) async throws -> Int
  ) async throws -> ImportOutcome {
    let document: CSVDocument
    let sheet: SheetDocument<Column>?
    do {
      (document, sheet) = try Self.read(Column.self, bytes, workbook: workbook, sheet: run.sheet)
    } catch {
      return ImportOutcome(
        kind: self, sha256: sha256, rows: 0, preview: nil, warnings: [], issues: error.issues, written: false)
    }
    // A workbook's issues are put back at its cells (`Sheet1!F12`).
    func relocated(_ error: ImportError) -> ImportError { sheet?.relocated(error) ?? error }
    run.progress(WorkProgress(phase: ImportRun.phases.read, done: bytes.count, total: bytes.count))
    run.progress(WorkProgress(phase: ImportRun.phases.check, done: 0, total: document.records.count))
    var issues: [ImportIssue] = []
    var warnings: [ImportIssue] = []
    var rows = 0
    do {
      if let scope = run.scope {
        let outside = try await ImportScope.issues(
          document, Column.self, within: scope.code, on: scope.day, store: store)
        if !outside.isEmpty { throw ImportError(outside) }
      }
      if self == .members {
        warnings = relocated(ImportError(try await ProbableDuplicates.warnings(in: document, store: store))).issues
      }
      rows = try await importer(document)
    } catch let refused as ImportError {
      issues = relocated(refused).issues
      rows = document.records.count
    }
    return ImportOutcome(
      kind: self, sha256: sha256, rows: rows, preview: ImportPreview.of(document, Column.self, issues: issues),
      warnings: warnings,
      issues: issues, written: issues.isEmpty && run.writes)
  }

  /// The file's records: a CSV file's, or one sheet's (with the sheet, to name its cells).
  private static func read<Column: FileColumn>(_ column: Column.Type, _ bytes: [UInt8], workbook: Bool, sheet: String?)
    throws(ImportError) -> (CSVDocument, SheetDocument<Column>?)
  {
    guard workbook else { return (try CSVDocument(bytes: bytes), nil) }
    let (content, date1904) = try WorkbookReader.sheet(in: bytes, named: sheet)
    let document = try SheetDocument<Column>(content, date1904: date1904)
    return (document.document, document)
  }
}
