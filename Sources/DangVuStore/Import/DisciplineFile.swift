import DangVuCore

/// The discipline decisions file: one row per decision. Violation categories are separated by `|` (their
/// names contain commas), each a code or the name as the database holds it.
public enum DisciplineFile {
  enum Column: Int, FileColumn {
    case number, subjectKind, subjectKey, form, categories, organ, bodyUnit, decided, violated, inspection
    case selfCorrected, note

    var vietnamese: String {
      [
        "so_quyet_dinh", "doi_tuong", "ma_doi_tuong", "hinh_thuc", "noi_dung_vi_pham", "co_quan", "don_vi",
        "ngay_quyet_dinh", "ngay_vi_pham", "cuoc_kiem_tra", "tu_phat_hien_khac_phuc", "ghi_chu",
      ][rawValue]
    }

    var english: String {
      [
        "decision_number", "subject", "subject_key", "form", "violations", "organ", "body_unit", "decided",
        "violated", "inspection_id", "self_corrected", "note",
      ][rawValue]
    }

    var isRequired: Bool { ![.inspection, .selfCorrected, .note].contains(self) }

    var scopeReference: ScopeReference? {
      switch self {
      case .bodyUnit: .unit
      case .subjectKey: .unitOrMember
      default: nil
      }
    }
  }

  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    let categories = try await store.violationCategories()
    var byWords: [String: String] = [:]
    for c in categories {
      byWords[SearchFolding.words(c.code).joined(separator: " ")] = c.code
      byWords[SearchFolding.words(c.nameVi).joined(separator: " ")] = c.code
    }
    var rows: [(line: Int, named: (member: Bool, key: String), decision: DisciplineDecision)] = []
    for record in document.records {
      let before = parser.issues.count
      let number = parser.text(.number, record, required: true)
      let named = parser.subject(.subjectKind, .subjectKey, record)
      let formText = parser.text(.form, record, required: true)
      let form = formText.flatMap(DisciplineForm.init(parsing:))
      if let formText, form == nil {
        parser.report(
          record, .form,
          "\"\(formText)\" không phải hình thức kỷ luật (khiển trách, cảnh cáo, cách chức, khai trừ, giải tán).")
      }
      var codes: [String] = []
      if let text = parser.text(.categories, record, required: true) {
        for part in text.split(separator: "|") {
          let words = SearchFolding.words(part).joined(separator: " ")
          if let code = byWords[words] {
            codes.append(code)
          } else {
            parser.report(
              record, .categories,
              "\"\(part.split(separator: " ").joined(separator: " "))\" không phải nội dung vi phạm đã khai báo; dùng: "
                + categories.map(\.nameVi).joined(separator: "; ") + " (ngăn cách bằng dấu |).")
          }
        }
      }
      let organText = parser.text(.organ, record, required: true)
      let organ = organText.flatMap(ConductingBody.Organ.init(parsing:))
      if let organText, organ == nil {
        parser.report(record, .organ, "\"\(organText)\" không phải cấp ủy hoặc ủy ban kiểm tra.")
      }
      let unit = parser.text(.bodyUnit, record, required: true)
      let decided = parser.day(.decided, record, required: true)
      let violated = parser.day(.violated, record, required: true)
      var inspection: Int64?
      if let text = parser.text(.inspection, record) {
        inspection = Int64(text)
        if inspection == nil { parser.report(record, .inspection, "\"\(text)\" không phải số cuộc kiểm tra.") }
      }
      let selfCorrected = parser.flag(.selfCorrected, record)
      if parser.issues.count == before, let number, let named, let form, let organ, let unit,
        let decided = decided.value, let violated = violated.value
      {
        rows.append(
          (
            record.line, named,
            DisciplineDecision(
              subject: .member(0), form: form, categories: codes, decidingBody: ConductingBody(organ, of: unit),
              number: number, decided: decided, violated: violated, inspectionID: inspection,
              selfCorrected: selfCorrected.value ?? false, note: header.field(.note, in: record))
          ))
      }
    }
    var issues = parser.issues
    let subjects = try await OversightSubjects.load(rows.map(\.named), from: store)
    let bodies = try await UnitDirectory.load(codes: Set(rows.map(\.decision.decidingBody.unitCode)), from: store)
    var batch: [DisciplineDecision] = []
    var lines: [Int] = []
    for row in rows {
      guard let subject = subjects.subject(row.named) else {
        issues.append(
          ImportIssue(line: row.line, column: header.name(of: .subjectKey), OversightSubjects.unknown(row.named)))
        continue
      }
      guard bodies.unit(code: row.decision.decidingBody.unitCode) != nil else {
        issues.append(
          ImportIssue(
            line: row.line, column: header.name(of: .bodyUnit),
            "không có tổ chức nào mã \"\(row.decision.decidingBody.unitCode)\" trong cơ sở dữ liệu."))
        continue
      }
      var decision = row.decision
      decision.subject = subject
      // The rules that need nothing from the database are checked here, so every such row is listed at once.
      do {
        if subject.isMember {
          try OversightRules.check(
            decision, member: .init(name: row.named.key, inRegister: true, probationary: false, holdsPost: true))
        } else {
          try OversightRules.check(decision, unitName: row.named.key)
        }
      } catch {
        issues.append(ImportIssue(line: row.line, column: nil, error.message))
        continue
      }
      batch.append(decision)
      lines.append(row.line)
    }
    return try await run.finish(issues: issues, lines: lines, rows: batch.count) {
      try await store.recordDiscipline(batch, audit: $0)
    }
  }
}
