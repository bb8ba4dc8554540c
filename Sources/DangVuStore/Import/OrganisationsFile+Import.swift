import DangVuCore

extension OrganisationsFile {
  /// Reads an organisations file and adds every unit in one store batch, parents before children;
  /// or refuses the whole file with every bad row listed. Returns how many units were added.
  public static func importing(_ bytes: [UInt8], into store: some PartyStore) async throws -> Int {
    try await importing(CSVDocument(bytes: bytes), run: .writing, into: store)
  }

  /// The records of a CSV file or of a workbook's sheet (`SheetDocument`): one set of checks for both.
  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    let kinds = try await store.unitKinds()
    let kindWords = UnitKindWords(kinds)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [Row] = []
    // Codes of rows already reported: their children are not blamed for them a second time.
    var reportedCodes = Set<String>()
    for record in document.records {
      if let row = parse(record, &parser, kindWords) {
        rows.append(row)
      } else {
        reportedCodes.insert(header.field(.code, in: record))
      }
    }
    var issues = parser.issues
    var lineOfCode: [String: Int] = [:]
    var unique: [Row] = []
    for row in rows {
      if let first = lineOfCode[row.new.code] {
        issues.append(
          ImportIssue(line: row.line, column: header.name(of: .code), "mã \(row.new.code) trùng với dòng \(first)."))
      } else {
        lineOfCode[row.new.code] = row.line
        unique.append(row)
      }
    }
    let named = Set(unique.map(\.new.code) + unique.compactMap(\.new.parentCode))
    let units = try await UnitDirectory.load(codes: named, from: store)
    let (ordered, loopIssues, looped) = parentsFirst(unique, header)
    issues += loopIssues
    reportedCodes.formUnion(looped)
    var added: [String: Organisation] = [:]
    for row in ordered {
      let new = row.new
      var parent: Organisation?
      if let code = new.parentCode {
        parent = added[code] ?? units.unit(code: code)
        if parent == nil {
          if !reportedCodes.contains(code) {
            issues.append(
              ImportIssue(
                line: row.line, column: header.name(of: .parentCode),
                "không có tổ chức nào mã \"\(code)\" trong tệp hay trong cơ sở dữ liệu."))
          }
          continue
        }
      }
      do {
        try TreeRules.checkNew(
          code: new.code, name: new.name, kind: new.kind, parent: parent, founded: new.founded, kinds: kinds,
          codeTaken: units.unit(code: new.code) != nil)
      } catch {
        issues.append(ImportIssue(line: row.line, column: column(for: error).map(header.name(of:)), error.message))
        continue
      }
      // Stands in for the unit until the store gives it an id, so its children can be checked.
      added[new.code] = Organisation(id: 0, code: new.code, name: new.name, kind: new.kind, founded: new.founded)
    }
    return try await run.finish(issues: issues, lines: ordered.map(\.line), rows: ordered.count) {
      try await store.addOrganisations(ordered.map(\.new), audit: $0)
    }
  }

  struct Row {
    var line: Int
    var new: NewOrganisation
  }

  private static func parse(_ record: CSVRecord, _ p: inout RowParser<Column>, _ kinds: UnitKindWords) -> Row? {
    let before = p.issues.count
    let code = p.text(.code, record, required: true)
    let name = p.text(.name, record, required: true)
    var kind: UnitKind?
    if let text = p.text(.kind, record, required: true) {
      kind = kinds.kind(text)
      if kind == nil {
        p.report(record, .kind, "\"\(text)\" không phải loại tổ chức; các loại được nhận: \(kinds.accepted).")
      }
    }
    let founded = p.day(.founded, record, required: true)
    let parent = p.text(.parentCode, record)
    guard p.issues.count == before, let code, let name, let kind, let founded = founded.value else { return nil }
    if parent == code {
      p.report(record, .parentCode, "tổ chức không thể là cấp trên của chính nó.")
      return nil
    }
    return Row(
      line: record.line, new: NewOrganisation(code: code, name: name, kind: kind, parentCode: parent, founded: founded))
  }

  /// The rows ordered so every parent in the file comes before its children (file order otherwise).
  /// Rows caught in a loop of parents are left out and reported; their codes are returned so their
  /// children are not blamed as well.
  private static func parentsFirst(_ rows: [Row], _ header: Header<Column>) -> (
    ordered: [Row], issues: [ImportIssue], looped: Set<String>
  ) {
    var indexOfCode: [String: Int] = [:]
    for (i, row) in rows.enumerated() { indexOfCode[row.new.code] = i }
    var depth = [Int?](repeating: nil, count: rows.count)
    var issues: [ImportIssue] = []
    var looped = Set<String>()
    for start in rows.indices where depth[start] == nil {
      var chain: [Int] = []
      var position: [Int: Int] = [:]
      var current: Int? = start
      var base = 0
      while let c = current {
        if let known = depth[c] {
          base = known + 1
          break
        }
        if looped.contains(rows[c].new.code) { break }
        if let p = position[c] {
          let loop = chain[p...].map { rows[$0] }
          for row in loop {
            looped.insert(row.new.code)
            issues.append(
              ImportIssue(
                line: row.line, column: header.name(of: .parentCode),
                "các tổ chức \(loop.map(\.new.code).joined(separator: " → ")) làm cấp trên của nhau thành vòng."))
          }
          chain.removeSubrange(p...)
          break
        }
        position[c] = chain.count
        chain.append(c)
        current = rows[c].new.parentCode.flatMap { indexOfCode[$0] }
      }
      for i in chain.reversed() {
        depth[i] = base
        base += 1
      }
    }
    let ordered = rows.indices.filter { !looped.contains(rows[$0].new.code) }
      .sorted { (depth[$0]!, $0) < (depth[$1]!, $1) }.map { rows[$0] }
    return (ordered, issues, looped)
  }

  private static func column(for error: DomainError) -> Column? {
    switch error.code {
    case "organisation.badCode", "organisation.duplicateCode": .code
    case "organisation.nameMissing": .name
    case "organisation.unknownKind": .kind
    case "organisation.parentNotExisting", "organisation.kindNotAllowed": .parentCode
    default: nil
    }
  }
}
