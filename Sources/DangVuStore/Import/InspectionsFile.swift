import DangVuCore

/// The inspections and supervisions file: one row per subject (one lượt); rows with the same `ma_cuoc`
/// are one inspection and must agree on its kind, body, title and dates.
public enum InspectionsFile {
  enum Column: Int, FileColumn {
    case key, kind, organ, bodyUnit, title, started, concluded, subjectKind, subjectKey, violation, conclusion
    case followUp

    var vietnamese: String {
      [
        "ma_cuoc", "loai", "co_quan", "don_vi", "noi_dung", "ngay_bat_dau", "ngay_ket_luan", "doi_tuong",
        "ma_doi_tuong", "vi_pham", "ket_luan", "khac_phuc",
      ][rawValue]
    }

    var english: String {
      [
        "inspection_key", "kind", "organ", "body_unit", "title", "started", "concluded", "subject", "subject_key",
        "violation_found", "conclusion", "follow_up",
      ][rawValue]
    }

    var isRequired: Bool { ![.concluded, .violation, .conclusion, .followUp].contains(self) }

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
    var rows: [InspectionRow] = []
    for record in document.records {
      let before = parser.issues.count
      let key = parser.text(.key, record, required: true)
      let kindText = parser.text(.kind, record, required: true)
      let kind = kindText.flatMap(OversightKind.init(parsing:))
      if let kindText, kind == nil {
        parser.report(
          record, .kind,
          "\"\(kindText)\" không phải loại kiểm tra, giám sát (thường xuyên, dấu hiệu vi phạm, thực hiện nhiệm vụ, tài chính đảng, đảng phí, giám sát thường xuyên, giám sát chuyên đề)."
        )
      }
      let organText = parser.text(.organ, record, required: true)
      let organ = organText.flatMap(ConductingBody.Organ.init(parsing:))
      if let organText, organ == nil {
        parser.report(record, .organ, "\"\(organText)\" không phải cấp ủy hoặc ủy ban kiểm tra.")
      }
      let unit = parser.text(.bodyUnit, record, required: true)
      let title = parser.text(.title, record, required: true)
      let started = parser.day(.started, record, required: true)
      let concluded = parser.day(.concluded, record)
      let named = parser.subject(.subjectKind, .subjectKey, record)
      let found = parser.flag(.violation, record)
      if parser.issues.count == before, let key, let kind, let organ, let unit, let title, let day = started.value,
        let named
      {
        let head = Inspection(
          kind: kind, body: ConductingBody(organ, of: unit), title: title, started: day, concluded: concluded.value,
          subjects: [])
        rows.append(
          InspectionRow(
            line: record.line, key: key, head: head, named: named, found: found.value,
            conclusion: header.field(.conclusion, in: record), followUp: header.field(.followUp, in: record)))
      }
    }
    var issues = parser.issues
    let subjects = try await OversightSubjects.load(rows.map(\.named), from: store)
    let bodies = try await UnitDirectory.load(codes: Set(rows.map(\.head.body.unitCode)), from: store)
    var batch: [Inspection] = []
    var lines: [Int] = []
    var index: [String: Int] = [:]
    for row in rows {
      guard bodies.unit(code: row.head.body.unitCode) != nil else {
        issues.append(
          ImportIssue(
            line: row.line, column: header.name(of: .bodyUnit),
            "không có tổ chức nào mã \"\(row.head.body.unitCode)\" trong cơ sở dữ liệu."))
        continue
      }
      guard let subject = subjects.subject(row.named) else {
        issues.append(
          ImportIssue(line: row.line, column: header.name(of: .subjectKey), OversightSubjects.unknown(row.named)))
        continue
      }
      let finding = InspectionSubject(
        subject, violationFound: row.found, conclusion: row.conclusion, followUp: row.followUp)
      if let i = index[row.key] {
        guard batch[i].kind == row.head.kind, batch[i].body == row.head.body, batch[i].title == row.head.title,
          batch[i].started == row.head.started, batch[i].concluded == row.head.concluded
        else {
          issues.append(
            ImportIssue(
              line: row.line, column: header.name(of: .key),
              "cuộc \(row.key) đã ghi ở dòng \(lines[i]) với loại, cơ quan, nội dung hoặc ngày khác; các dòng của một cuộc phải giống nhau."
            ))
          continue
        }
        if batch[i].subjects.contains(where: { $0.subject == subject }) {
          issues.append(
            ImportIssue(
              line: row.line, column: header.name(of: .subjectKey),
              "\(row.named.key) đã là đối tượng của cuộc \(row.key); mỗi đối tượng một dòng."))
          continue
        }
        batch[i].subjects.append(finding)
      } else {
        var inspection = row.head
        inspection.subjects = [finding]
        index[row.key] = batch.count
        batch.append(inspection)
        lines.append(row.line)
      }
    }
    return try await run.finish(issues: issues, lines: lines, rows: rows.count) {
      try await store.recordInspections(batch, audit: $0)
    }
  }
}

/// One row of the file, checked: the inspection it belongs to and its subject.
struct InspectionRow {
  var line: Int
  var key: String
  var head: Inspection
  var named: (member: Bool, key: String)
  var found: Bool?
  var conclusion: String
  var followUp: String
}
