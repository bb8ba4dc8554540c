import DangVuStore

/// An import's check or write in the JSON API: the file, its hash (what a confirmation names), the rows, the
/// issues that refuse it and the warnings that do not, each with its place, and the first rows as read.
struct ImportOutcomeJSON: Encodable {
  struct Issue: Encodable {
    var line: Int?
    var column: String?
    var sheet: String?
    var cell: String?
    /// Where, as a person reads it: "dòng 12, cột so_the" or "ô Sheet1!F12 (cột so_the)".
    var place: String?
    var message: String

    init(_ issue: ImportIssue) {
      line = issue.line
      column = issue.column
      sheet = issue.sheet
      cell = issue.cell
      place = issue.place
      message = issue.message
    }
  }

  var kind: String
  var file: String
  var sha256: String
  var rows: Int
  var accepted: Bool
  var written: Bool
  var issues: [Issue]
  var warnings: [Issue]
  var preview: ImportPreview?

  init(_ outcome: ImportOutcome, file: String) {
    kind = outcome.kind.rawValue
    self.file = file
    sha256 = outcome.sha256
    rows = outcome.rows
    accepted = outcome.isAccepted
    written = outcome.written
    issues = outcome.issues.map(Issue.init)
    warnings = outcome.warnings.map(Issue.init)
    preview = outcome.preview
  }
}
