import DangVuCore

/// What one import is asked to do: check a file only (the web page's preview) or check it and write it; inside
/// which subtree its rows may land; and whom to tell how far it has gone.
public struct ImportRun: Sendable {
  /// Whether the checked rows are written. A check writes nothing whatever the file holds.
  public var writes: Bool
  /// The subtree every unit and member the file names must lie in (the account's scope), by the tree of the
  /// importer's day; nil for the command line on the server, which may import anywhere.
  public var scope: Scope?
  /// For a grades file: the year of the evaluation cycle the grades belong to.
  public var year: Int?
  /// The sheet of a workbook to read; nil for the first.
  public var sheet: String?
  /// Who imports, and the file's name, for the one audit entry a written import leaves; nil writes none (tests).
  public var audit: (actor: AuditActor, fileName: String)?
  public var progress: @Sendable (WorkProgress) -> Void
  /// The entry itself, made once the file's hash is known (`ImportFileKind.run`); its rows are counted by `finish`.
  var entry: ImportAudit?

  public init(
    writes: Bool, scope: Scope? = nil, year: Int? = nil, sheet: String? = nil,
    audit: (actor: AuditActor, fileName: String)? = nil, progress: @escaping @Sendable (WorkProgress) -> Void = { _ in }
  ) {
    self.writes = writes
    self.scope = scope
    self.year = year
    self.sheet = sheet
    self.audit = audit
    self.progress = progress
  }

  /// The account's subtree: the root's code and the day the request is made on (`AppRequestContext.today`), whose
  /// tree a unit that still exists is placed by (decision 0041: the store reads no clock).
  public struct Scope: Sendable {
    public var code: String
    public var day: Day

    public init(code: String, on day: Day) {
      self.code = code
      self.day = day
    }
  }

  public var scopeCode: String? { scope?.code }

  /// The command line's and the tests' import: everything checked, then written, anywhere in the tree.
  public static let writing = ImportRun(writes: true)

  /// The phases a progress bar shows, in order.
  static let phases = (read: "đọc tệp", check: "kiểm tra từng dòng", write: "ghi vào cơ sở dữ liệu")

  /// The end of every kind's import: a file with any issue is refused whole; a check stops before writing;
  /// otherwise the checked rows go to the store in one batch, which appends the import's audit entry (handed to
  /// `write`, nil when the run keeps none) in its transaction. `lines` are the file lines of the batch's items, so
  /// a refusal by the store (the database changed since the check) names the row.
  func finish(issues: [ImportIssue], lines: [Int], rows: Int, write: (ImportAudit?) async throws -> Void)
    async throws -> Int
  {
    guard issues.isEmpty else { throw ImportError(issues) }
    progress(WorkProgress(phase: Self.phases.check, done: rows, total: rows))
    guard writes else { return rows }
    progress(WorkProgress(phase: Self.phases.write, done: 0, total: rows))
    var entry = entry
    entry?.rows = rows
    try await ImportError.writing(lines: lines) { try await write(entry) }
    progress(WorkProgress(phase: Self.phases.write, done: rows, total: rows))
    return rows
  }
}

/// What an import found: how many rows, the first of them as they will be stored, warnings that do not stop it,
/// and the issues that do (then nothing was written).
public struct ImportOutcome: Sendable {
  public var kind: ImportFileKind
  /// The file's SHA-256 (hex): what a confirmation names, so exactly the checked file is written.
  public var sha256: String
  /// Rows checked (and written when `written`).
  public var rows: Int
  /// The first rows as read; nil when the header itself was refused.
  public var preview: ImportPreview?
  /// Probable duplicates and the like: shown beside the preview, never a reason to refuse.
  public var warnings: [ImportIssue]
  /// Why the file is refused; empty when it can be (or was) written.
  public var issues: [ImportIssue]
  public var written: Bool

  public var isAccepted: Bool { issues.isEmpty }
}
