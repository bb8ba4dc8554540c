import DangVuCore

/// The appeals file: one row per appeal, naming the decision by its number.
public enum AppealsFile {
  enum Column: Int, FileColumn {
    case number, lodged, decided, outcome, newForm, note

    var vietnamese: String {
      ["so_quyet_dinh", "ngay_nhan", "ngay_giai_quyet", "ket_qua", "hinh_thuc_moi", "ghi_chu"][rawValue]
    }

    var english: String { ["decision_number", "lodged", "decided", "outcome", "new_form", "note"][rawValue] }

    var isRequired: Bool { ![.newForm, .note].contains(self) }

    var scopeReference: ScopeReference? { self == .number ? .disciplineDecision : nil }
  }

  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [(line: Int, number: String, appeal: Appeal)] = []
    for record in document.records {
      let before = parser.issues.count
      let number = parser.text(.number, record, required: true)
      let lodged = parser.day(.lodged, record, required: true)
      let decided = parser.day(.decided, record, required: true)
      var outcome: Appeal.Outcome?
      if let text = parser.text(.outcome, record, required: true) {
        let w = SearchFolding.words(text).joined(separator: " ")
        if w.hasPrefix("giu nguyen") || w == "upheld" {
          outcome = .upheld
        } else if w.hasPrefix("xoa bo") || w.hasPrefix("huy") || w == "annulled" {
          outcome = .annulled
        } else if w.hasPrefix("thay doi") || w == "changed" {
          if let formText = parser.text(.newForm, record, required: true) {
            if let form = DisciplineForm(parsing: formText) {
              outcome = .changed(form)
            } else {
              parser.report(record, .newForm, "\"\(formText)\" không phải hình thức kỷ luật.")
            }
          }
        } else {
          parser.report(record, .outcome, "\"\(text)\" không phải kết quả: giữ nguyên, thay đổi hoặc xóa bỏ.")
        }
      }
      if parser.issues.count == before, let number, let lodged = lodged.value, let decided = decided.value,
        let outcome
      {
        rows.append(
          (
            record.line, number,
            Appeal(
              decisionID: 0, lodged: lodged, decided: decided, outcome: outcome, note: header.field(.note, in: record))
          ))
      }
    }
    var issues = parser.issues
    let ids = try await store.disciplineDecisionIDs(numbers: Array(Set(rows.map(\.number))))
    var batch: [Appeal] = []
    var lines: [Int] = []
    for row in rows {
      let found = ids[row.number] ?? []
      guard found.count == 1 else {
        issues.append(
          ImportIssue(
            line: row.line, column: header.name(of: .number),
            found.isEmpty
              ? "không có quyết định kỷ luật số \(row.number)."
              : "có \(found.count) quyết định cùng số \(row.number); hãy ghi khiếu nại bằng lệnh dangvu oversight."))
        continue
      }
      var appeal = row.appeal
      appeal.decisionID = found[0]
      batch.append(appeal)
      lines.append(row.line)
    }
    return try await run.finish(issues: issues, lines: lines, rows: batch.count) {
      try await store.recordAppeals(batch, audit: $0)
    }
  }
}
