import DangVuCore

/// The complaints and denunciations file: one row per complaint.
public enum ComplaintsFile {
  enum Column: Int, FileColumn {
    case kind, subjectKind, subjectKey, received, resolved, finding, summary

    var vietnamese: String {
      ["loai", "doi_tuong", "ma_doi_tuong", "ngay_nhan", "ngay_giai_quyet", "ket_luan", "noi_dung"][rawValue]
    }

    var english: String { ["kind", "subject", "subject_key", "received", "resolved", "finding", "summary"][rawValue] }

    var isRequired: Bool { [.kind, .subjectKind, .subjectKey, .received].contains(self) }

    var scopeReference: ScopeReference? { self == .subjectKey ? .unitOrMember : nil }
  }

  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [(line: Int, named: (member: Bool, key: String), complaint: Complaint)] = []
    for record in document.records {
      let before = parser.issues.count
      var kind: Complaint.Kind?
      if let text = parser.text(.kind, record, required: true) {
        switch SearchFolding.words(text).joined(separator: " ") {
        case "khieu nai", "complaint": kind = .complaint
        case "to cao", "denunciation": kind = .denunciation
        default: parser.report(record, .kind, "\"\(text)\" không phải khiếu nại hoặc tố cáo.")
        }
      }
      let named = parser.subject(.subjectKind, .subjectKey, record)
      let received = parser.day(.received, record, required: true)
      let resolved = parser.day(.resolved, record)
      var finding: Complaint.Finding?
      if let text = parser.text(.finding, record) {
        finding = Complaint.Finding(parsing: text)
        if finding == nil {
          parser.report(record, .finding, "\"\(text)\" không phải kết luận: đúng, sai, đúng một phần.")
        }
      }
      if parser.issues.count == before, let kind, let named, let received = received.value {
        let complaint = Complaint(
          kind: kind, subject: .member(0), received: received, resolved: resolved.value, finding: finding,
          summary: header.field(.summary, in: record))
        do {
          try OversightRules.check(complaint)
          rows.append((record.line, named, complaint))
        } catch {
          parser.report(record, nil, error.message)
        }
      }
    }
    var issues = parser.issues
    let subjects = try await OversightSubjects.load(rows.map(\.named), from: store)
    var batch: [Complaint] = []
    var lines: [Int] = []
    for row in rows {
      guard let subject = subjects.subject(row.named) else {
        issues.append(
          ImportIssue(line: row.line, column: header.name(of: .subjectKey), OversightSubjects.unknown(row.named)))
        continue
      }
      var complaint = row.complaint
      complaint.subject = subject
      batch.append(complaint)
      lines.append(row.line)
    }
    return try await run.finish(issues: issues, lines: lines, rows: batch.count) {
      try await store.recordComplaints(batch, audit: $0)
    }
  }
}
