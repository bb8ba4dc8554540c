import DangVuCore

/// The grades file (kết quả đánh giá, xếp loại) of one year for a subtree: one row per subject graded.
public enum GradesFile {
  enum Column: Int, FileColumn {
    case subject, key, grade, reason, score, sickLeaveMonths
    // The score sheet under 366-QĐ/TW: the framework, the points of its two criterion groups, the excellent facts.
    case framework, general, tasks, onTime, beyondPercent

    var vietnamese: String {
      switch self {
      case .subject: "doi_tuong"
      case .key: "ma"
      case .grade: "xep_loai"
      case .reason: "ly_do"
      case .score: "diem"
      case .sickLeaveMonths: "nghi_om_thang"
      case .framework: "khung"
      case .general: "diem_chung"
      case .tasks: "diem_nhiem_vu"
      case .onTime: "dung_han"
      case .beyondPercent: "vuot_yeu_cau"
      }
    }

    var english: String {
      switch self {
      case .subject: "subject"
      case .key: "key"
      case .grade: "grade"
      case .reason: "reason"
      case .score: "score"
      case .sickLeaveMonths: "sick_leave_months"
      case .framework: "framework"
      case .general: "general"
      case .tasks: "tasks"
      case .onTime: "all_tasks_on_time"
      case .beyondPercent: "beyond_requirement_percent"
      }
    }

    var isRequired: Bool { self == .subject || self == .key || self == .grade }

    var scopeReference: ScopeReference? { self == .key ? .gradedSubject : nil }
  }

  /// Kinds of subject as staff write them (folded): đảng viên, tổ chức, tập thể, cán bộ — or the code names.
  static func subjectKind(_ text: String) -> String? {
    let w = SearchFolding.words(text).joined(separator: " ")
    if w.hasPrefix("dang vien") || w == "member" { return "member" }
    if w.hasPrefix("to chuc") || w == "organisation" || w == "organization" { return "organisation" }
    if w.hasPrefix("tap the") || w == "collective" || w == "leadershipcollective" { return "collective" }
    if w.hasPrefix("can bo") || w == "cadre" || w == "leadershipcadre" { return "cadre" }
    return nil
  }

  /// The reason a subject is not evaluated, from a code name or the usual Vietnamese words.
  static func reason(_ text: String) -> NotEvaluatedReason? {
    if let exact = NotEvaluatedReason(rawValue: text) { return exact }
    let w = SearchFolding.words(text).joined(separator: " ")
    if w.contains("6 thang") || w.contains("moi thanh lap") || w.contains("moi ket nap") { return .tooNew }
    if w.contains("khieu nai") || w.contains("to cao") { return .pendingComplaint }
    if w.contains("ky luat") { return .pendingDiscipline }
    if w.contains("kiem tra") || w.contains("thanh tra") || w.contains("kiem toan") { return .pendingInspection }
    return w.isEmpty ? nil : .other
  }
}

extension GradesFile {
  /// Reads a grades file and records every grade in one store batch, checked by the evaluation rules, with the
  /// import's `audit` entry (its rows counted here) in the same transaction; or refuses the whole file with every
  /// bad row listed. Returns the grades as recorded.
  public static func importing(_ bytes: [UInt8], year: Int, audit: ImportAudit? = nil, into store: some PartyStore)
    async throws -> [RecordedGrade]
  {
    try await importing(CSVDocument(bytes: bytes), year: year, audit: audit, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, year: Int, audit: ImportAudit?, into store: some PartyStore)
    async throws -> [RecordedGrade]
  {
    let (entries, lines) = try await checked(document, into: store)
    var audit = audit
    audit?.rows = entries.count
    return try await ImportError.writing(lines: lines) {
      try await store.recordGrades(entries, year: year, audit: audit)
    }
  }

  /// The same file through an import run: checked, and written unless the run only checks.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    guard let year = run.year else {
      throw ImportError([ImportIssue(line: nil, "hãy chọn năm của đợt đánh giá mà tệp xếp loại thuộc về.")])
    }
    let (entries, lines) = try await checked(document, into: store)
    return try await run.finish(issues: [], lines: lines, rows: entries.count) {
      _ = try await store.recordGrades(entries, year: year, audit: $0)
    }
  }

  /// Every row read and its subject found, or every bad row listed; the evaluation rules are the store's, when it
  /// records the grades.
  private static func checked(_ document: CSVDocument, into store: some PartyStore) async throws -> (
    entries: [GradeEntry], lines: [Int]
  ) {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [(line: Int, kind: String, key: String, outcome: GradeOutcome, sheet: SheetColumns?, sick: Int)] = []
    for record in document.records {
      let before = parser.issues.count
      let kindText = parser.text(.subject, record, required: true)
      let kind = kindText.flatMap(subjectKind)
      if kindText != nil && kind == nil {
        parser.report(
          record, .subject, "\"\(kindText!)\" không phải đối tượng: dùng đảng viên, tổ chức, tập thể hoặc cán bộ.")
      }
      let key = parser.text(.key, record, required: true)
      let gradeText = parser.text(.grade, record, required: true)
      var outcome = gradeText.flatMap(GradeOutcome.init(parsing:))
      if gradeText != nil && outcome == nil {
        parser.report(
          record, .grade,
          "\"\(gradeText!)\" không phải mức xếp loại (xuất sắc, tốt, hoàn thành, không hoàn thành, chưa đánh giá).")
      }
      if case .notEvaluated = outcome, let why = parser.text(.reason, record).flatMap(reason) {
        outcome = .notEvaluated(why)
      }
      let sheet = parser.sheet(record)
      let sick =
        header.has(.sickLeaveMonths) && !header.field(.sickLeaveMonths, in: record).isEmpty
        ? parser.integer(.sickLeaveMonths, record, in: 0...12) : 0
      if parser.issues.count == before, let kind, let key, let outcome, let sick {
        rows.append((record.line, kind, key, outcome, sheet, sick))
      }
    }
    var issues = parser.issues
    let cards = Array(Set(rows.filter { $0.kind == "member" || $0.kind == "cadre" }.map(\.key)))
    let memberIDs = try await store.memberIDs(cardNumbers: cards)
    var entries: [GradeEntry] = []
    var lines: [Int] = []
    var seen: [String: Int] = [:]
    for row in rows {
      if let first = seen["\(row.kind)|\(row.key)"] {
        issues.append(
          ImportIssue(line: row.line, column: header.name(of: .key), "\(row.key) đã được xếp loại ở dòng \(first)."))
        continue
      }
      seen["\(row.kind)|\(row.key)"] = row.line
      let subject: GradedSubject
      switch row.kind {
      case "organisation": subject = .organisation(code: row.key)
      case "collective":
        guard let id = Int64(row.key) else {
          issues.append(
            ImportIssue(line: row.line, column: header.name(of: .key), "mã tập thể phải là số (\"\(row.key)\")."))
          continue
        }
        subject = .leadershipCollective(id)
      default:
        guard let id = memberIDs[row.key] else {
          issues.append(
            ImportIssue(line: row.line, column: header.name(of: .key), "không có đảng viên nào số thẻ \(row.key)."))
          continue
        }
        subject = row.kind == "cadre" ? .leadershipCadre(memberID: id) : .member(id)
      }
      entries.append(
        GradeEntry(
          subject: subject, outcome: row.outcome, sheet: row.sheet?.sheet(usual: subject.usualFramework),
          sickLeaveMonths: row.sick))
      lines.append(row.line)
    }
    guard issues.isEmpty else { throw ImportError(issues) }
    return (entries, lines)
  }
}

/// A row's score sheet columns, read before the subject is known: the framework, when the file leaves it empty, is
/// the subject's usual one.
struct SheetColumns {
  var framework: SubjectGroup?
  var criteria: [String: Int]
  var allTasksOnTime: Bool?
  var beyondRequirementPercent: Int?

  func sheet(usual: SubjectGroup) -> ScoreSheet {
    ScoreSheet(
      framework: framework ?? usual, criteria: criteria, allTasksOnTime: allTasksOnTime,
      beyondRequirementPercent: beyondRequirementPercent)
  }
}

extension RowParser where Column == GradesFile.Column {
  /// The row's score sheet (366-QĐ/TW), nil when it gives no points. `diem`, the total, is never taken alone: the
  /// regulation scores by criterion group, so a row with a total must give the groups, and they must add up to it.
  mutating func sheet(_ record: CSVRecord) -> SheetColumns? {
    func given(_ column: Column) -> Bool { header.has(column) && !header.field(column, in: record).isEmpty }
    var criteria: [String: Int] = [:]
    // The range is the widest any framework allows; each group's own maximum is the regulation's to check.
    for (column, id) in [(Column.general, "general"), (.tasks, "tasks")] where given(column) {
      criteria[id] = integer(column, record, in: 0...100)
    }
    let total = given(.score) ? integer(.score, record, in: 0...100) : nil
    guard !criteria.isEmpty else {
      if total != nil {
        report(
          record, .score,
          "theo Quy định 366-QĐ/TW hãy ghi điểm từng nhóm tiêu chí (diem_chung, diem_nhiem_vu); diem là tổng của chúng."
        )
      }
      return nil
    }
    if let total, total != criteria.values.reduce(0, +) {
      report(
        record, .score,
        "tổng \(total) khác tổng điểm các nhóm tiêu chí (\(criteria.values.reduce(0, +))): hãy sửa một trong hai.")
    }
    var framework: SubjectGroup?
    if let text = text(.framework, record) {
      framework = SubjectGroup(parsing: text)
      if framework == nil {
        report(
          record, .framework,
          "\"\(text)\" không phải khung tiêu chí: dùng "
            + SubjectGroup.allCases.map { "\($0.rawValue) (\($0.nameVi))" }.joined(separator: ", ") + ".")
      }
    }
    return SheetColumns(
      framework: framework, criteria: criteria, allTasksOnTime: flag(.onTime, record).value,
      beyondRequirementPercent: given(.beyondPercent) ? integer(.beyondPercent, record, in: 0...100) : nil)
  }
}
